import { paytm } from '../../../src/connectors/paytm/index.js';
import { Secret } from '../../../src/runtime/index.js';
import { jsonReply } from '../../../src/sandbox/loopback.js';
import {
  PAYTM_SANDBOX_CREDENTIALS,
  PAYTM_TEST_VPAS,
  startPaytmEmulator,
} from '../../../src/sandbox/paytm/index.js';
import { runConnectorConformance } from '../../../src/testing/index.js';
import { multiAuthKey, upiPayment } from './support.js';

const sandbox = {
  mid: PAYTM_SANDBOX_CREDENTIALS.mid,
  merchantKey: PAYTM_SANDBOX_CREDENTIALS.merchantKey,
  website: PAYTM_SANDBOX_CREDENTIALS.website,
  clientId: PAYTM_SANDBOX_CREDENTIALS.clientId ?? '',
} as const;

runConnectorConformance({
  connector: paytm,
  startEmulator: () => startPaytmEmulator(),
  auth: multiAuthKey(sandbox),
  payment: upiPayment({
    paymentMethod: { type: 'upi_collect', vpa: new Secret(PAYTM_TEST_VPAS.success) },
  }),
  routes: { session: '/initiateTransaction', authorize: '/processTransaction' },
  // Fixture paytm_04: initiateTransaction refused in-band, HTTP 200 F/2005.
  sessionFailure: jsonReply(200, {
    head: { responseTimestamp: '1795628424000', version: 'v1', clientId: 'C11' },
    body: {
      resultInfo: {
        resultStatus: 'F',
        resultCode: '2005',
        resultMsg: 'Checksum provided is invalid',
      },
      extraParamsMap: null,
    },
  }),
  // Paytm's own envelope at HTTP 400 (ucs-observed: "initiate 400 Paytm envelope F/1001").
  jsonError: jsonReply(400, {
    head: { requestId: null, responseTimestamp: '1705314645123', version: 'v1' },
    body: {
      extraParamsMap: null,
      resultInfo: {
        resultStatus: 'F',
        resultCode: '1001',
        resultMsg: 'Request parameters are not valid',
      },
    },
  }),
  baseUrl: (emulator) => `${emulator.baseUrl}/`,
  secrets: [PAYTM_TEST_VPAS.success],
});
