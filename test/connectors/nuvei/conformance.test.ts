import { nuvei } from '../../../src/connectors/nuvei/index.js';
import { NUVEI_SANDBOX_CREDENTIALS, startNuveiEmulator } from '../../../src/sandbox/nuvei/index.js';
import { jsonReply } from '../../../src/sandbox/loopback.js';
import { runConnectorConformance } from '../../../src/testing/index.js';
import { cardPayment, signatureKey } from './helpers.js';

runConnectorConformance({
  connector: nuvei,
  startEmulator: () => startNuveiEmulator(),
  auth: signatureKey(),
  payment: cardPayment(),
  routes: { session: '/getSessionToken.do', authorize: '/payment.do' },
  // N6: Nuvei refuses a session in-band, HTTP 200 with a request-level ERROR.
  sessionFailure: jsonReply(200, {
    sessionToken: '',
    internalRequestId: 880000002,
    status: 'ERROR',
    errCode: 1001,
    reason: 'Invalid checksum',
    merchantId: NUVEI_SANDBOX_CREDENTIALS.merchantId,
    merchantSiteId: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
    version: '1.0',
    clientRequestId: 'nuvei_order_0001',
  }),
  // The only 4xx body shape UCS can read: errCode as a string.
  jsonError: jsonReply(400, { status: 'ERROR', errCode: '1001', reason: 'Invalid checksum' }),
  baseUrl: (emulator) => `${emulator.baseUrl}/ppp/api/v1`,
});
