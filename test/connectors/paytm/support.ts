/**
 * Shared pieces of the Paytm tests: credentials, UPI payments, a gateway that answers whatever
 * the test scripts, and the `paytmchecksum` oracle (CommonJS, logs on failed decryption).
 */

import { createRequire } from 'node:module';

import { vi } from 'vitest';

import { paytm } from '../../../src/connectors/paytm/index.js';
import {
  Secret,
  authorize,
  createSessionToken,
  psync,
  type CallOptions,
  type ConnectorAuthType,
  type PaymentInput,
  type PaymentMethodData,
} from '../../../src/runtime/index.js';
import {
  jsonReply,
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
  type RecordedRequest,
} from '../../../src/sandbox/loopback.js';

interface PaytmChecksumApi {
  calculateChecksum(params: string, key: string, salt: string): string;
  verifySignature(params: string, key: string, checksum: string): boolean;
  generateSignature(params: string, key: string): Promise<string>;
  decrypt(encrypted: string, key: string): string;
}

export const PaytmChecksum = createRequire(import.meta.url)('paytmchecksum') as PaytmChecksumApi;

/** paytmchecksum logs the decryption error to the console when a key does not fit: keep tests quiet. */
export function quietly<T>(run: () => T): T {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return run();
  } finally {
    log.mockRestore();
  }
}

export interface Merchant {
  readonly mid: string;
  readonly merchantKey: string;
  readonly website: string;
  readonly clientId: string;
}

/** The fixtures' fictional merchant. */
export const MERCHANT: Merchant = {
  mid: 'MID1TEST',
  merchantKey: 'sekretPaytmKey16',
  website: 'WEBSTAGING',
  clientId: 'C11',
};

export function multiAuthKey(merchant: Merchant = MERCHANT): ConnectorAuthType {
  return {
    type: 'MultiAuthKey',
    apiKey: new Secret(merchant.mid),
    key1: new Secret(merchant.merchantKey),
    apiSecret: new Secret(merchant.website),
    key2: new Secret(merchant.clientId),
  };
}

export function signatureKey(merchant: Merchant = MERCHANT): ConnectorAuthType {
  return {
    type: 'SignatureKey',
    apiKey: new Secret(merchant.mid),
    key1: new Secret(merchant.merchantKey),
    apiSecret: new Secret(merchant.website),
  };
}

export const ORDER_ID = 'paytm_order_0001';
export const TXN_TOKEN = 'f0bed899539742309eebd8a1b2c3d4e51795628424000';
export const SESSION_PATH = '/theia/api/v1/initiateTransaction';
export const PROCESS_PATH = '/theia/api/v1/processTransaction';

export const collect = (vpa = 'test@upi'): PaymentMethodData => ({
  type: 'upi_collect',
  vpa: new Secret(vpa),
});
export const intent: PaymentMethodData = { type: 'upi_intent' };
export const qr: PaymentMethodData = { type: 'upi_qr' };

/** INR 10.00 by UPI collect, the fixtures' payment. */
export function upiPayment(overrides: Partial<PaymentInput> = {}): PaymentInput {
  return {
    referenceId: ORDER_ID,
    amount: 1000,
    currency: 'INR',
    paymentMethod: collect(),
    ...overrides,
  };
}

/** A gateway answering every request with the reply most recently scripted. */
export interface ScriptedGateway extends LoopbackGateway {
  answer(reply: GatewayReply): void;
  /** Call options pointing at this gateway (with the trailing slash Paytm needs). */
  options(auth?: ConnectorAuthType): CallOptions;
}

export async function startScriptedGateway(): Promise<ScriptedGateway> {
  let next: GatewayReply = { status: 500, body: 'nothing scripted' };
  const gateway = await startLoopbackGateway(() => next);
  return {
    ...gateway,
    answer: (reply) => {
      next = reply;
    },
    options: (auth = multiAuthKey()) => ({
      auth,
      baseUrl: `${gateway.baseUrl}/`,
      timeoutMs: 5_000,
    }),
  };
}

export function lastRequest(gateway: LoopbackGateway): RecordedRequest {
  const request = gateway.requests.at(-1);
  if (request === undefined) throw new Error('the gateway received no request');
  return request;
}

/** The request's JSON body, parsed. */
export function sentJson(gateway: LoopbackGateway): {
  head: Record<string, unknown>;
  body: Record<string, unknown>;
} {
  return JSON.parse(lastRequest(gateway).body) as {
    head: Record<string, unknown>;
    body: Record<string, unknown>;
  };
}

// Gateway answers (wire-formats §4.11 and the fixtures).

export function initiateAnswer(
  resultInfo: { resultStatus: string; resultCode: string; resultMsg: string },
  extra: Record<string, unknown> = {},
  head: Record<string, unknown> = { responseTimestamp: '1705314645123', version: 'v1' },
): GatewayReply {
  return jsonReply(200, { head, body: { resultInfo, ...extra } });
}

export const initiateOk = (token = TXN_TOKEN): GatewayReply =>
  initiateAnswer(
    { resultStatus: 'S', resultCode: '0000', resultMsg: 'Success' },
    { txnToken: token, isPromoCodeValid: false, authenticated: false },
  );

export function processAnswer(
  resultInfo: { resultStatus: string; resultCode: string; resultMsg: string },
  extra: Record<string, unknown> = {},
): GatewayReply {
  return jsonReply(200, {
    head: { responseTimestamp: '1705314646000', version: 'v1' },
    body: { resultInfo, ...extra },
  });
}

export const DEEP_LINK =
  'upi://pay?pa=paytm.test@paytm&pn=Test&tr=20240115111212800110168000000000001&am=10.00&cu=INR&mc=5641';

export const deepLinkInfo = (deepLink = DEEP_LINK) => ({
  deepLink,
  orderId: ORDER_ID,
  transId: '20240115111212800110168000000000001',
  cashierRequestId: 'CR_0001',
});

/** The three flows against a scripted gateway, with a token already in hand for Authorize. */
export const run = {
  session: (
    gateway: ScriptedGateway,
    payment: PaymentInput = upiPayment(),
    auth?: ConnectorAuthType,
  ) => createSessionToken(paytm, payment, gateway.options(auth)),
  authorize: (
    gateway: ScriptedGateway,
    payment: PaymentInput = upiPayment(),
    auth?: ConnectorAuthType,
  ) => authorize(paytm, { sessionToken: TXN_TOKEN, ...payment }, gateway.options(auth)),
  psync: (
    gateway: ScriptedGateway,
    payment: PaymentInput = upiPayment(),
    auth?: ConnectorAuthType,
  ) => psync(paytm, { connectorTransactionId: 'unused', ...payment }, gateway.options(auth)),
};

/** The error a call rejected with (fails the test when it resolved). */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error('expected the call to fail, it resolved');
  return outcome.error as Record<string, unknown>;
}
