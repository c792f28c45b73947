/** Shared inputs for the Nuvei connector tests: credentials, a card payment, a scripted gateway. */

import {
  Secret,
  type Card,
  type ConnectorAuthType,
  type PaymentInput,
} from '../../../src/runtime/index.js';
import {
  jsonReply,
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
} from '../../../src/sandbox/loopback.js';
import {
  NUVEI_SANDBOX_CREDENTIALS,
  type NuveiCredentials,
} from '../../../src/sandbox/nuvei/index.js';

export const SESSION_PATH = '/getSessionToken.do';
export const PAYMENT_PATH = '/payment.do';
export const SYNC_PATH = '/getTransactionDetails.do';
export const TOKEN = 'e1b6a4f2-7c3d-4b8a-9f0e-2d5c6b7a8e90';
export const TRANSACTION_ID = '711000000012345678';

export function signatureKey(
  credentials: NuveiCredentials = NUVEI_SANDBOX_CREDENTIALS,
): ConnectorAuthType {
  return {
    type: 'SignatureKey',
    apiKey: new Secret(credentials.merchantId),
    key1: new Secret(credentials.merchantSiteId),
    apiSecret: new Secret(credentials.merchantSecret),
  };
}

export function card(number = '4111111111111111'): Card {
  return {
    type: 'card',
    number: new Secret(number),
    expMonth: new Secret('03'),
    expYear: new Secret('2030'),
    cvc: new Secret('737'),
    holderName: 'Card Holder Name Is Ignored',
  };
}

/** The fixtures' card payment: USD 10.00, billing John Doe, IP 1.2.3.4, a return URL. */
export function cardPayment(overrides: Partial<PaymentInput> = {}): PaymentInput {
  return {
    referenceId: 'nuvei_order_0001',
    amount: 1000,
    currency: 'USD',
    captureMethod: 'automatic',
    paymentMethod: card(),
    billing: { firstName: 'John', lastName: 'Doe', email: 'test@example.com', country: 'US' },
    browserInfo: { ipAddress: '1.2.3.4', userAgent: 'Mozilla/5.0 (probe-bot)' },
    returnUrl: 'https://example.com/return',
    ...overrides,
  };
}

/** N5: getSessionToken SUCCESS. */
export function sessionOk(overrides: Record<string, unknown> = {}): GatewayReply {
  return jsonReply(200, {
    sessionToken: TOKEN,
    internalRequestId: 880000001,
    status: 'SUCCESS',
    errCode: 0,
    reason: '',
    merchantId: 'M1',
    merchantSiteId: 'S1',
    version: '1.0',
    clientRequestId: 'nuvei_order_0001',
    ...overrides,
  });
}

/** N7: payment.do APPROVED. */
export function paymentAnswer(overrides: Record<string, unknown> = {}): GatewayReply {
  return jsonReply(200, {
    orderId: '271308078',
    userTokenId: '',
    paymentOption: {
      userPaymentOptionId: '',
      card: { ccCardNumber: '4****1111', bin: '411111', last4Digits: '1111' },
    },
    transactionStatus: 'APPROVED',
    gwErrorCode: 0,
    gwExtendedErrorCode: 0,
    transactionType: 'Sale',
    transactionId: TRANSACTION_ID,
    externalTransactionId: '',
    authCode: '111361',
    customData: '',
    sessionToken: TOKEN,
    clientUniqueId: 'nuvei_order_0001',
    internalRequestId: 880000003,
    status: 'SUCCESS',
    errCode: 0,
    reason: '',
    merchantId: 'M1',
    merchantSiteId: 'S1',
    version: '1.0',
    clientRequestId: 'nuvei_order_0001',
    ...overrides,
  });
}

/** A gateway answering every session with N5 and every payment with N7 unless a reply is queued. */
export function startScriptedGateway(): Promise<LoopbackGateway> {
  return startLoopbackGateway((request) => {
    if (request.path.endsWith(SESSION_PATH)) return sessionOk();
    if (request.path.endsWith(PAYMENT_PATH)) return paymentAnswer();
    return { status: 404, body: 'not found' };
  });
}

export function callOptions(gateway: LoopbackGateway, auth = signatureKey()) {
  return { auth, baseUrl: `${gateway.baseUrl}/ppp/api/v1`, timeoutMs: 5_000 };
}

/** The rejection of a promise that must fail. */
export async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('expected the call to fail');
  return outcome.error as Record<string, unknown>;
}
