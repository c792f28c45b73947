/**
 * @module Conformance options for the connectors whose gateway this package emulates: a
 * generated one (the generic emulator built from its answers) and the two references (Nuvei's
 * and Paytm's emulators with their sandbox merchants). `create-connector check` runs the suite
 * with them, so a connector's own tests are not the only place it is checked.
 */

import {
  Secret,
  type AmountType,
  type Card,
  type Connector,
  type ConnectorAuthType,
} from '../runtime/index.js';
import { GENERIC_TEST_CARDS } from '../sandbox/generic/cards.js';
import { startGenericEmulator } from '../sandbox/generic/emulator.js';
import { genericSandboxAuth, type GenericGatewaySpec } from '../sandbox/generic/spec.js';
import { jsonReply } from '../sandbox/loopback.js';
import { NUVEI_SANDBOX_CREDENTIALS, startNuveiEmulator } from '../sandbox/nuvei/index.js';
import {
  PAYTM_SANDBOX_CREDENTIALS,
  PAYTM_TEST_VPAS,
  startPaytmEmulator,
} from '../sandbox/paytm/index.js';
import type { ConformanceOptions } from './conformance-options.js';

/** Which emulator a connector answers to; plain data, so a generated test file can embed it. */
export type ConformancePreset =
  | { readonly kind: 'generic'; readonly spec: GenericGatewaySpec }
  | { readonly kind: 'nuvei' }
  | { readonly kind: 'paytm' };

function card(number: string): Card {
  return {
    type: 'card',
    number: new Secret(number),
    expMonth: new Secret('12'),
    expYear: new Secret('2030'),
    cvc: new Secret('737'),
  };
}

function generic<A extends AmountType>(
  connector: Connector<A>,
  spec: GenericGatewaySpec,
): ConformanceOptions<A> {
  const sessionPath = `/${spec.sessionTokenEndpoint}`;
  const authorizePath = `/${spec.authorizeEndpoint}`;
  return {
    connector,
    startEmulator: () => startGenericEmulator(spec),
    auth: genericSandboxAuth(spec.authType),
    payment: {
      referenceId: 'order-1001',
      sessionId: 'session-1001',
      amount: 1050,
      currency: 'USD',
      captureMethod: 'automatic',
      paymentMethod: card(GENERIC_TEST_CARDS.approve),
    },
    routes: {
      session: (request) => request.path === sessionPath,
      authorize: (request) => request.path === authorizePath,
    },
    sessionFailure: jsonReply(200, {
      status: 'FAILED',
      errorCode: 'INVALID_MERCHANT',
      errorMessage: 'Unknown merchant',
    }),
  };
}

function nuvei<A extends AmountType>(connector: Connector<A>): ConformanceOptions<A> {
  const merchant = NUVEI_SANDBOX_CREDENTIALS;
  const auth: ConnectorAuthType = {
    type: 'SignatureKey',
    apiKey: new Secret(merchant.merchantId),
    key1: new Secret(merchant.merchantSiteId),
    apiSecret: new Secret(merchant.merchantSecret),
  };
  return {
    connector,
    startEmulator: () => startNuveiEmulator(),
    auth,
    payment: {
      referenceId: 'nuvei_order_0001',
      amount: 1000,
      currency: 'USD',
      captureMethod: 'automatic',
      paymentMethod: { ...card('4111111111111111'), holderName: 'John Doe' },
      billing: { firstName: 'John', lastName: 'Doe', email: 'test@example.com', country: 'US' },
      browserInfo: { ipAddress: '1.2.3.4', userAgent: 'Mozilla/5.0 (probe-bot)' },
      returnUrl: 'https://example.com/return',
    },
    routes: { session: '/getSessionToken.do', authorize: '/payment.do' },
    // Nuvei refuses a session in-band: HTTP 200 with a request-level ERROR
    sessionFailure: jsonReply(200, {
      sessionToken: '',
      internalRequestId: 880000002,
      status: 'ERROR',
      errCode: 1001,
      reason: 'Invalid checksum',
      merchantId: merchant.merchantId,
      merchantSiteId: merchant.merchantSiteId,
      version: '1.0',
      clientRequestId: 'nuvei_order_0001',
    }),
    // the only 4xx body shape the core reads: errCode as a string
    jsonError: jsonReply(400, { status: 'ERROR', errCode: '1001', reason: 'Invalid checksum' }),
    baseUrl: (emulator) => `${emulator.baseUrl}/ppp/api/v1`,
  };
}

function paytm<A extends AmountType>(connector: Connector<A>): ConformanceOptions<A> {
  const merchant = PAYTM_SANDBOX_CREDENTIALS;
  const auth: ConnectorAuthType = {
    type: 'MultiAuthKey',
    apiKey: new Secret(merchant.mid),
    key1: new Secret(merchant.merchantKey),
    apiSecret: new Secret(merchant.website),
    key2: new Secret(merchant.clientId ?? ''),
  };
  const refusal = (resultCode: string, resultMsg: string) => ({
    resultInfo: { resultStatus: 'F', resultCode, resultMsg },
    extraParamsMap: null,
  });
  return {
    connector,
    startEmulator: () => startPaytmEmulator(),
    auth,
    payment: {
      referenceId: 'paytm_order_0001',
      amount: 1000,
      currency: 'INR',
      paymentMethod: { type: 'upi_collect', vpa: new Secret(PAYTM_TEST_VPAS.success) },
    },
    routes: { session: '/initiateTransaction', authorize: '/processTransaction' },
    // initiateTransaction refused in-band: HTTP 200 F/2005
    sessionFailure: jsonReply(200, {
      head: { responseTimestamp: '1795628424000', version: 'v1', clientId: 'C11' },
      body: refusal('2005', 'Checksum provided is invalid'),
    }),
    // Paytm's own envelope at HTTP 400
    jsonError: jsonReply(400, {
      head: { requestId: null, responseTimestamp: '1705314645123', version: 'v1' },
      body: refusal('1001', 'Request parameters are not valid'),
    }),
    baseUrl: (emulator) => `${emulator.baseUrl}/`,
    secrets: [PAYTM_TEST_VPAS.success],
  };
}

/** The conformance options of `connector` against the emulator `preset` names. */
export function conformancePreset<A extends AmountType>(
  connector: Connector<A>,
  preset: ConformancePreset,
): ConformanceOptions<A> {
  switch (preset.kind) {
    case 'generic':
      return generic(connector, preset.spec);
    case 'nuvei':
      return nuvei(connector);
    case 'paytm':
      return paytm(connector);
  }
}
