/** The Nuvei gateway emulator, driven by the Nuvei connector and by raw requests. */

import { createHash } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../src/connectors/nuvei/index.js';
import {
  Secret,
  authorize,
  psync,
  type AuthorizeOutcome,
  type ConnectorAuthType,
  type PaymentInput,
} from '../../src/runtime/index.js';
import {
  NUVEI_SANDBOX_CREDENTIALS,
  NUVEI_TEST_CARDS,
  startNuveiEmulator,
  type NuveiCredentials,
  type NuveiEmulator,
} from '../../src/sandbox/nuvei/index.js';

const OTHER: NuveiCredentials = {
  merchantId: '5500000000000000001',
  merchantSiteId: '300300',
  merchantSecret: 'anotherSecretForTheSecondMerchant',
};

function signatureKey(credentials: NuveiCredentials): ConnectorAuthType {
  return {
    type: 'SignatureKey',
    apiKey: new Secret(credentials.merchantId),
    key1: new Secret(credentials.merchantSiteId),
    apiSecret: new Secret(credentials.merchantSecret),
  };
}

function payment(
  cardNumber: string = NUVEI_TEST_CARDS.approved,
  overrides: Partial<PaymentInput> = {},
): PaymentInput {
  return {
    referenceId: 'order_0001',
    amount: 1000,
    currency: 'USD',
    paymentMethod: {
      type: 'card',
      number: new Secret(cardNumber),
      expMonth: new Secret('12'),
      expYear: new Secret('2030'),
      cvc: new Secret('217'),
    },
    billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
    browserInfo: { ipAddress: '192.0.2.10' },
    ...overrides,
  };
}

function authorized(outcome: AuthorizeOutcome) {
  if (outcome.stage !== 'Authorize') throw new Error(`stopped at ${outcome.stage}`);
  return outcome.authorize;
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Record<string, unknown>,
  );
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function sessionBody(credentials: NuveiCredentials, overrides: Record<string, string> = {}) {
  const body: Record<string, string> = {
    merchantId: credentials.merchantId,
    merchantSiteId: credentials.merchantSiteId,
    clientRequestId: 'raw_0001',
    timeStamp: '20240115103045',
    ...overrides,
  };
  body['checksum'] ??= sha256(
    body['merchantId']! +
      body['merchantSiteId'] +
      body['clientRequestId'] +
      body['timeStamp'] +
      credentials.merchantSecret,
  );
  return body;
}

/** One character changed: the next hex digit at `index`. */
function offByOne(hex: string, index: number): string {
  const digit = ((parseInt(hex[index]!, 16) + 1) % 16).toString(16);
  return hex.slice(0, index) + digit + hex.slice(index + 1);
}

let emulator: NuveiEmulator;
const call = (auth: ConnectorAuthType = signatureKey(NUVEI_SANDBOX_CREDENTIALS)) => ({
  auth,
  baseUrl: emulator.paymentBaseUrl,
  timeoutMs: 5_000,
});

async function post(
  op: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.paymentBaseUrl}/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  emulator = await startNuveiEmulator({ credentials: [NUVEI_SANDBOX_CREDENTIALS, OTHER] });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

it('serves the API under /ppp/api/v1 on 127.0.0.1', () => {
  expect(emulator.paymentBaseUrl).toBe(`${emulator.baseUrl}/ppp/api/v1`);
  expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(emulator.credentials).toEqual([NUVEI_SANDBOX_CREDENTIALS, OTHER]);
});

describe('the full sequence through the connector', () => {
  it('approves 4111111111111111: Charged, and PSync reports the same', async () => {
    const outcome = await authorize(nuvei, payment(), call());
    const result = authorized(outcome);
    expect(outcome.session?.response?.ok).toBe(true);
    expect(result.flowData.status).toBe('Charged');
    const id = result.response?.value?.resourceId;
    expect(id).toMatchObject({
      type: 'ConnectorTransactionId',
      id: expect.stringMatching(/^\d{18}$/),
    });
    expect(result.response?.value?.connectorResponseReferenceId).toBe('order_0001');

    const sync = await psync(
      nuvei,
      { ...payment(), connectorTransactionId: (id as { id: string }).id },
      call(),
    );
    expect(sync.flowData.status).toBe('Charged');
    expect(sync.response?.value?.resourceId).toEqual(id);
  });

  it('approves a manual capture as Authorized (transactionType Auth), also in PSync', async () => {
    const result = authorized(
      await authorize(nuvei, payment(undefined, { captureMethod: 'manual' }), call()),
    );
    expect(result.flowData.status).toBe('Authorized');
    const id = (result.response?.value?.resourceId as { id: string }).id;
    const sync = await psync(nuvei, { ...payment(), connectorTransactionId: id }, call());
    expect(sync.flowData.status).toBe('Authorized');
  });

  it('approves a zero amount, sent as Auth yet mapped by capture method (Charged) as UCS does', async () => {
    const result = authorized(await authorize(nuvei, payment(undefined, { amount: 0 }), call()));
    expect(result.flowData.status).toBe('Charged');
    expect(JSON.parse(emulator.lastRequest('/payment.do')!.body)).toMatchObject({
      amount: '0.00',
      transactionType: 'Auth',
    });
  });

  it('declines 4000000000000002: Failure without an error object', async () => {
    const result = authorized(await authorize(nuvei, payment(NUVEI_TEST_CARDS.declined), call()));
    expect(result.flowData.status).toBe('Failure');
    expect(result.response?.ok).toBe(true);
    const id = (result.response?.value?.resourceId as { id: string }).id;
    const sync = await psync(nuvei, { ...payment(), connectorTransactionId: id }, call());
    expect(sync.flowData.status).toBe('Failure');
  });

  it('fails 4000000000000119 at transaction level: Failure', async () => {
    const result = authorized(await authorize(nuvei, payment(NUVEI_TEST_CARDS.error), call()));
    expect(result.flowData.status).toBe('Failure');
    expect(result.response?.ok).toBe(true);
  });

  it('redirects 4000000000003220: AuthenticationPending with a GET form the emulator serves', async () => {
    const result = authorized(await authorize(nuvei, payment(NUVEI_TEST_CARDS.redirect), call()));
    expect(result.flowData.status).toBe('AuthenticationPending');
    const redirection = result.response?.value?.redirection;
    const id = (result.response?.value?.resourceId as { id: string }).id;
    expect(redirection).toEqual({
      type: 'form',
      endpoint: `${emulator.baseUrl}/ppp/api/redirect/${id}`,
      method: 'GET',
      formFields: { lang: 'en', v: '1' },
    });
    const page = await fetch(`${(redirection as { endpoint: string }).endpoint}?lang=en&v=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('3-D Secure');
  });

  it('leaves 4000000000000077 Pending', async () => {
    const result = authorized(await authorize(nuvei, payment(NUVEI_TEST_CARDS.pending), call()));
    expect(result.flowData.status).toBe('Pending');
  });

  it('answers amount 503.00 with an HTML 503: CONNECTOR_ERROR_RESPONSE', async () => {
    const error = await rejection(authorize(nuvei, payment(undefined, { amount: 50300 }), call()));
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 503,
      errorResponse: { code: '503', message: 'service_unavailable' },
    });
  });

  it('answers amount 500 (any currency) with an HTML 500', async () => {
    const error = await rejection(
      authorize(nuvei, payment(undefined, { amount: 500, currency: 'JPY' }), call()),
    );
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 500,
      errorResponse: { code: '500', message: 'internal_server_error' },
    });
  });

  it('works for a second configured merchant', async () => {
    const result = authorized(await authorize(nuvei, payment(), call(signatureKey(OTHER))));
    expect(result.flowData.status).toBe('Charged');
  });
});

describe('session tokens', () => {
  it('refuses an expired token with a request-level 1069', async () => {
    const shortLived = await startNuveiEmulator({ tokenTtlMs: 0 });
    try {
      const outcome = await authorize(nuvei, payment(), {
        ...call(),
        baseUrl: shortLived.paymentBaseUrl,
      });
      const result = authorized(outcome);
      expect(outcome.session?.response?.ok).toBe(true);
      expect(result.flowData.status).toBe('Failure');
      expect(result.response?.error).toMatchObject({
        statusCode: 200,
        code: '1069',
        message: 'Session expired',
      });
    } finally {
      await shortLived.close();
    }
  });

  it('refuses tokens expired by expireSessionTokens()', async () => {
    const first = authorized(await authorize(nuvei, payment(), call()));
    expect(first.flowData.status).toBe('Charged');
    emulator.expireSessionTokens();
    const token = first.flowData.sessionToken!;
    const again = authorized(
      await authorize(nuvei, payment(undefined, { sessionToken: token }), call()),
    );
    expect(again.response?.error).toMatchObject({ code: '1069', message: 'Session expired' });
  });

  it('refuses a token it never issued, and another merchant’s token', async () => {
    const unknown = authorized(
      await authorize(nuvei, payment(undefined, { sessionToken: 'not-a-token' }), call()),
    );
    expect(unknown.response?.error).toMatchObject({
      code: '1069',
      message: 'Invalid session token',
    });

    const theirs = await authorize(nuvei, payment(), call(signatureKey(OTHER)));
    const token = authorized(theirs).flowData.sessionToken!;
    const mine = authorized(
      await authorize(nuvei, payment(undefined, { sessionToken: token }), call()),
    );
    expect(mine.response?.error).toMatchObject({ code: '1069' });
  });

  it('issues a fresh token per session call', async () => {
    const a = authorized(await authorize(nuvei, payment(), call())).flowData.sessionToken;
    const b = authorized(await authorize(nuvei, payment(), call())).flowData.sessionToken;
    expect(a).toEqual(expect.any(String));
    expect(a).not.toBe(b);
  });
});

describe('checksums and request checks', () => {
  it('accepts a correct checksum with the N5 answer shape', async () => {
    const { status, json } = await post(
      'getSessionToken.do',
      sessionBody(NUVEI_SANDBOX_CREDENTIALS),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({
      sessionToken: expect.any(String),
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
      merchantId: NUVEI_SANDBOX_CREDENTIALS.merchantId,
      merchantSiteId: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
      version: '1.0',
      clientRequestId: 'raw_0001',
      internalRequestId: expect.any(Number),
    });
  });

  it('refuses a wrong checksum: HTTP 200, status ERROR, errCode 1001, "Invalid checksum"', async () => {
    const { status, json } = await post(
      'getSessionToken.do',
      sessionBody(NUVEI_SANDBOX_CREDENTIALS, { checksum: sha256('wrong') }),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'ERROR', errCode: 1001, reason: 'Invalid checksum' });
  });

  it.each([0, 31, 63])('refuses a checksum off by one character (position %i)', async (index) => {
    const good = sessionBody(NUVEI_SANDBOX_CREDENTIALS);
    const { json } = await post('getSessionToken.do', {
      ...good,
      checksum: offByOne(good['checksum']!, index),
    });
    expect(json).toMatchObject({ status: 'ERROR', errCode: 1001, reason: 'Invalid checksum' });
  });

  it('refuses an upper-case checksum (Nuvei’s is lowercase hex)', async () => {
    const good = sessionBody(NUVEI_SANDBOX_CREDENTIALS);
    const { json } = await post('getSessionToken.do', {
      ...good,
      checksum: good['checksum']!.toUpperCase(),
    });
    expect(json).toMatchObject({ errCode: 1001 });
  });

  it('refuses a connector whose secret is wrong: the session step fails in-band', async () => {
    const wrong = signatureKey({ ...NUVEI_SANDBOX_CREDENTIALS, merchantSecret: 'not-the-secret' });
    const outcome = await authorize(nuvei, payment(), call(wrong));
    expect(outcome.stage).toBe('CreateSessionToken');
    if (outcome.stage !== 'CreateSessionToken') return;
    expect(outcome.error).toMatchObject({
      code: '1001',
      message: 'Invalid checksum',
      attemptStatus: 'Failure',
    });
    expect(
      emulator.requests.filter((request) => request.path.endsWith('/payment.do')),
    ).toHaveLength(0);
  });

  it('checks the payment.do checksum over amount and currency', async () => {
    const session = await post('getSessionToken.do', sessionBody(NUVEI_SANDBOX_CREDENTIALS));
    const { merchantId, merchantSiteId, merchantSecret } = NUVEI_SANDBOX_CREDENTIALS;
    const body = {
      sessionToken: session.json['sessionToken'],
      merchantId,
      merchantSiteId,
      clientRequestId: 'raw_0002',
      amount: '10.00',
      currency: 'USD',
      clientUniqueId: 'raw_0002',
      paymentOption: {
        card: {
          cardNumber: NUVEI_TEST_CARDS.approved,
          cardHolderName: 'Ada Lovelace',
          expirationMonth: '12',
          expirationYear: '2030',
          CVV: '217',
        },
      },
      transactionType: 'Sale',
      timeStamp: '20240115103045',
      checksum: sha256(
        `${merchantId}${merchantSiteId}raw_000210.00USD20240115103045${merchantSecret}`,
      ),
    };
    expect((await post('payment.do', body)).json).toMatchObject({
      status: 'SUCCESS',
      transactionStatus: 'APPROVED',
      transactionType: 'Sale',
      clientRequestId: 'raw_0002',
      paymentOption: { card: { ccCardNumber: '4****1111', bin: '411111', last4Digits: '1111' } },
    });
    const tampered = await post('payment.do', { ...body, amount: '1.00' });
    expect(tampered.json).toMatchObject({
      status: 'ERROR',
      errCode: 1001,
      reason: 'Invalid checksum',
    });
    const offByOneChar = await post('payment.do', {
      ...body,
      checksum: offByOne(body.checksum, 40),
    });
    expect(offByOneChar.json).toMatchObject({ errCode: 1001 });
  });

  it('checks the getTransactionDetails.do checksum (transactionId before clientUniqueId)', async () => {
    const { merchantId, merchantSiteId, merchantSecret } = NUVEI_SANDBOX_CREDENTIALS;
    const approved = authorized(await authorize(nuvei, payment(), call()));
    const transactionId = (approved.response?.value?.resourceId as { id: string }).id;
    const body = {
      merchantId,
      merchantSiteId,
      clientUniqueId: 'order_0001',
      transactionId,
      timeStamp: '20240115103045',
      checksum: sha256(
        `${merchantId}${merchantSiteId}${transactionId}order_000120240115103045${merchantSecret}`,
      ),
    };
    expect((await post('getTransactionDetails.do', body)).json).toMatchObject({
      status: 'SUCCESS',
      transactionDetails: { transactionId, transactionStatus: 'APPROVED', transactionType: 'Sale' },
    });
    const bodyOrder = sha256(
      `${merchantId}${merchantSiteId}order_0001${transactionId}20240115103045${merchantSecret}`,
    );
    expect(
      (await post('getTransactionDetails.do', { ...body, checksum: bodyOrder })).json,
    ).toMatchObject({
      errCode: 1001,
    });
  });

  it('reports an unknown transaction to PSync as a request-level 1140', async () => {
    const result = await psync(
      nuvei,
      { ...payment(), connectorTransactionId: '711000000099999999' },
      call(),
    );
    expect(result.flowData.status).toBe('Failure');
    expect(result.response?.error).toMatchObject({
      code: '1140',
      message: 'Transaction not found',
    });
  });

  it.each([
    ['an unknown merchant', { merchantId: 'nobody' }, 1004, 'Invalid merchant'],
    ['a malformed timestamp', { timeStamp: '2024-01-15' }, 1021, 'Invalid timestamp'],
  ])('refuses %s', async (_label, overrides, errCode, reason) => {
    const { json } = await post(
      'getSessionToken.do',
      sessionBody(NUVEI_SANDBOX_CREDENTIALS, overrides),
    );
    expect(json).toMatchObject({ status: 'ERROR', errCode, reason });
  });

  it('refuses a body that is not JSON or lacks a field with 1000', async () => {
    expect((await post('getSessionToken.do', 'not json')).json).toMatchObject({
      status: 'ERROR',
      errCode: 1000,
    });
    const { clientRequestId: _dropped, ...partial } = sessionBody(NUVEI_SANDBOX_CREDENTIALS);
    expect((await post('getSessionToken.do', partial)).json).toMatchObject({
      errCode: 1000,
      reason: 'Invalid request: clientRequestId',
    });
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    expect(
      (await fetch(`${emulator.paymentBaseUrl}/openOrder.do`, { method: 'POST' })).status,
    ).toBe(404);
    expect((await fetch(`${emulator.paymentBaseUrl}/payment.do`)).status).toBe(405);
  });
});
