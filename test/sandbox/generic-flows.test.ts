/**
 * The generic emulator's flows after Authorize (DESIGN §4b) over real loopback sockets, with raw
 * undici requests: routes at the default and custom endpoints, the ledger (capture only what is
 * authorized and left, void only before capture, refund only captured money), the syncs answered
 * from it, forced outcomes, and the caller's checks (auth, BodyKey, SignatureKey checksum).
 */

import { createHash } from 'node:crypto';

import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

import {
  GENERIC_FORCING_AMOUNTS,
  GENERIC_FORCING_REFERENCES,
  GENERIC_SANDBOX_CREDENTIALS,
  GENERIC_TEST_CARDS,
  startGenericEmulator,
  type GenericEmulator,
  type GenericGatewaySpec,
} from '../../src/sandbox/generic.js';

const { apiKey: API_KEY, key1: KEY1, apiSecret: API_SECRET } = GENERIC_SANDBOX_CREDENTIALS;
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const baseSpec: GenericGatewaySpec = {
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
  contentType: JSON_TYPE,
  authType: 'HeaderKey',
  tokenPlacement: 'body',
  tokenName: 'sessionToken',
  amountType: 'StringMinorUnit',
};

const emulators: GenericEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

type Body = Record<string, unknown>;
interface Answer {
  readonly status: number;
  readonly body: Body;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const seconds = () => String(Math.floor(Date.now() / 1000));

/** A raw client of the wire contract: bodies in §4b's member order, auth as the spec says. */
function client(emulator: GenericEmulator, spec: GenericGatewaySpec) {
  const encode = (fields: Body): string => {
    if (spec.contentType === JSON_TYPE) return JSON.stringify(fields);
    const pairs: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'object' && value !== null) {
        for (const [inner, item] of Object.entries(value))
          pairs.push([`${key}[${inner}]`, String(item)]);
      } else pairs.push([key, String(value)]);
    }
    return new URLSearchParams(pairs).toString();
  };
  const send = async (
    method: 'GET' | 'POST',
    path: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const response = await request(`${emulator.baseUrl}/${path}`, {
      method,
      headers: { 'content-type': spec.contentType, authorization: `Bearer ${API_KEY}`, ...headers },
      ...(body === undefined ? {} : { body: encode(body) }),
    });
    return { status: response.statusCode, body: (await response.body.json()) as Body };
  };
  /** merchantId, merchantKey (BodyKey), the flow's members, timestamp and checksum (SignatureKey). */
  const signed = (members: Body, reference: string): Body => {
    const head = {
      merchantId: API_KEY,
      ...(spec.authType === 'BodyKey' ? { merchantKey: KEY1 } : {}),
    };
    if (spec.authType !== 'SignatureKey') return { ...head, ...members };
    const timestamp = seconds();
    const checksum = sha256(API_KEY + reference + timestamp + API_SECRET);
    return { ...head, ...members, timestamp, checksum };
  };
  const post = (path: string, members: Body & { reference: string }) =>
    send('POST', path, signed(members, members.reference));
  return {
    send,
    post,
    signed,
    async authorize(
      captureMethod: 'automatic' | 'manual',
      number: string = GENERIC_TEST_CARDS.approve,
    ) {
      const timestamp = seconds();
      const session = await send('POST', spec.sessionTokenEndpoint, {
        merchantId: API_KEY,
        ...(spec.authType === 'BodyKey' ? { merchantKey: KEY1 } : {}),
        clientRequestId: 'order_1',
        timestamp,
        amount: '1000',
        currency: 'USD',
        ...(spec.authType === 'SignatureKey'
          ? { checksum: sha256(`${API_KEY}order_1${timestamp}${API_SECRET}`) }
          : {}),
      });
      const authorized = await send('POST', spec.authorizeEndpoint, {
        merchantId: API_KEY,
        ...(spec.authType === 'BodyKey' ? { merchantKey: KEY1 } : {}),
        amount: '1000',
        currency: 'USD',
        reference: 'order_1',
        captureMethod,
        paymentMethod: { type: 'card', number, expMonth: '12', expYear: '2031', cvc: '123' },
        sessionToken: session.body['sessionToken'],
      });
      return String(authorized.body['transactionId']);
    },
    capture: (txn: string, amount: string, reference = 'cap_1') =>
      post(`v1/payments/${txn}/capture`, { amount, currency: 'USD', reference }),
    void: (txn: string, reference = 'void_1') => post(`v1/payments/${txn}/void`, { reference }),
    refund: (txn: string, amount: string, reference = 'rf_ref_1') =>
      post(`v1/payments/${txn}/refunds`, { amount, currency: 'USD', reference }),
    sync: (txn: string) => send('GET', `v1/payments/${encodeURIComponent(txn)}`),
    refundSync: (txn: string, refundId: string) =>
      send('GET', `v1/payments/${txn}/refunds/${refundId}`),
  };
}

async function start(changes: Partial<GenericGatewaySpec> = {}) {
  const spec = { ...baseSpec, ...changes };
  const emulator = await startGenericEmulator(spec);
  emulators.push(emulator);
  return { emulator, spec, gateway: client(emulator, spec) };
}

const ok = (transactionStatus: string) => ({
  status: 200,
  body: expect.objectContaining({ status: 'SUCCESS', transactionStatus }),
});
const refused = (errorCode: string) => ({
  status: 200,
  body: expect.objectContaining({ status: 'ERROR', errorCode }),
});

describe('generic emulator: the ledger behind Capture, Void, Refund and the syncs', () => {
  it('captures a manual authorization in parts up to its amount, then refunds only what was captured', async () => {
    const { gateway } = await start();
    const txn = await gateway.authorize('manual');
    expect(await gateway.sync(txn)).toMatchObject(ok('APPROVED'));
    expect(await gateway.refund(txn, '100')).toMatchObject(refused('REFUND_NOT_ALLOWED'));
    expect(await gateway.capture(txn, '600')).toMatchObject(ok('CAPTURED'));
    expect(await gateway.capture(txn, '500')).toMatchObject(refused('AMOUNT_TOO_HIGH'));
    expect(await gateway.capture(txn, '400')).toMatchObject(ok('CAPTURED'));
    expect(await gateway.capture(txn, '1')).toMatchObject(refused('CAPTURE_NOT_ALLOWED'));
    expect(await gateway.void(txn)).toMatchObject(refused('VOID_NOT_ALLOWED'));
    expect(await gateway.sync(txn)).toMatchObject(ok('CAPTURED'));

    const first = await gateway.refund(txn, '700');
    expect(first.body).toEqual({
      status: 'SUCCESS',
      refundId: 'rf_000001',
      refundStatus: 'SUCCEEDED',
    });
    expect(await gateway.refund(txn, '301')).toMatchObject(refused('REFUND_NOT_ALLOWED'));
    expect((await gateway.refund(txn, '300', 'rf_ref_2')).body).toMatchObject({
      refundStatus: 'SUCCEEDED',
    });
    expect((await gateway.refundSync(txn, 'rf_000001')).body).toEqual({
      status: 'SUCCESS',
      refundId: 'rf_000001',
      refundStatus: 'SUCCEEDED',
    });
    expect(await gateway.refundSync(txn, 'rf_000009')).toMatchObject(refused('REFUND_NOT_FOUND'));
  });

  it('voids only before capture; a voided payment is neither captured nor refunded', async () => {
    const { gateway } = await start();
    const txn = await gateway.authorize('manual');
    expect(await gateway.void(txn)).toMatchObject(ok('VOIDED'));
    expect(await gateway.sync(txn)).toMatchObject(ok('VOIDED'));
    expect(await gateway.void(txn)).toMatchObject(refused('VOID_NOT_ALLOWED'));
    expect(await gateway.capture(txn, '1000')).toMatchObject(refused('CAPTURE_NOT_ALLOWED'));
    expect(await gateway.refund(txn, '1000')).toMatchObject(refused('REFUND_NOT_ALLOWED'));
  });

  it('holds an automatic capture as CAPTURED in full: refundable, not capturable, not voidable', async () => {
    const { gateway } = await start();
    const txn = await gateway.authorize('automatic');
    expect(await gateway.sync(txn)).toMatchObject(ok('CAPTURED'));
    expect(await gateway.capture(txn, '1')).toMatchObject(refused('CAPTURE_NOT_ALLOWED'));
    expect(await gateway.void(txn)).toMatchObject(refused('VOID_NOT_ALLOWED'));
    expect((await gateway.refund(txn, '1000')).body).toMatchObject({ refundStatus: 'SUCCEEDED' });
  });

  it.each([
    ['declined', GENERIC_TEST_CARDS.decline, 'DECLINED'],
    ['pending', GENERIC_TEST_CARDS.pending, 'PENDING'],
    ['redirect', GENERIC_TEST_CARDS.redirect, 'REDIRECT'],
  ])('syncs a %s authorization as %s and refuses to capture it', async (_label, card, status) => {
    const { gateway } = await start();
    const txn = await gateway.authorize('manual', card);
    expect(await gateway.sync(txn)).toMatchObject(ok(status));
    expect(await gateway.capture(txn, '1000')).toMatchObject(refused('CAPTURE_NOT_ALLOWED'));
  });

  it('refuses a capture in another currency and unknown payments in every flow', async () => {
    const { gateway } = await start();
    const txn = await gateway.authorize('manual');
    expect(
      await gateway.post(`v1/payments/${txn}/capture`, {
        amount: '1000',
        currency: 'EUR',
        reference: '',
      }),
    ).toMatchObject(refused('CURRENCY_MISMATCH'));
    expect(await gateway.sync('txn_999999')).toMatchObject(refused('TRANSACTION_NOT_FOUND'));
    expect(await gateway.capture('txn_999999', '1')).toMatchObject(
      refused('TRANSACTION_NOT_FOUND'),
    );
    expect(await gateway.void('txn_999999')).toMatchObject(refused('TRANSACTION_NOT_FOUND'));
    expect(await gateway.refund('txn_999999', '1')).toMatchObject(refused('TRANSACTION_NOT_FOUND'));
  });
});

describe('generic emulator: forced outcomes', () => {
  it.each([
    ['capture', 'reference', GENERIC_FORCING_REFERENCES.decline, 'DECLINED'],
    ['capture', 'amount', GENERIC_FORCING_AMOUNTS.pending, 'PENDING'],
    ['capture', 'reference', `${GENERIC_FORCING_REFERENCES.error}-7`, 'ERROR'],
    ['void', 'reference', GENERIC_FORCING_REFERENCES.decline, 'DECLINED'],
    ['void', 'reference', GENERIC_FORCING_REFERENCES.pending, 'PENDING'],
    ['void', 'reference', GENERIC_FORCING_REFERENCES.error, 'ERROR'],
  ] as const)(
    '%s with a forcing %s (%s) answers %s and leaves the payment as it was',
    async (flow, by, value, outcome) => {
      const { gateway } = await start();
      const txn = await gateway.authorize('manual');
      const reference = by === 'reference' ? String(value) : 'plain';
      const amount = by === 'amount' ? String(value) : '1000';
      const answer =
        flow === 'capture'
          ? await gateway.capture(txn, amount, reference)
          : await gateway.void(txn, reference);
      expect(answer).toMatchObject(outcome === 'ERROR' ? refused('PROCESSING_ERROR') : ok(outcome));
      expect(await gateway.sync(txn)).toMatchObject(ok('APPROVED'));
    },
  );

  it.each([
    ['pending', GENERIC_FORCING_REFERENCES.pending, 'PENDING'],
    ['declined', GENERIC_FORCING_REFERENCES.decline, 'FAILED'],
  ])(
    'records a forced %s refund so that RSync reports it as %s',
    async (_label, reference, status) => {
      const { gateway } = await start();
      const txn = await gateway.authorize('automatic');
      const answer = await gateway.refund(txn, '1000', reference);
      expect(answer.body).toMatchObject({ status: 'SUCCESS', refundStatus: status });
      const refundId = String(answer.body['refundId']);
      expect((await gateway.refundSync(txn, refundId)).body).toMatchObject({
        refundId,
        refundStatus: status,
      });
    },
  );

  it('forces a refund error by amount', async () => {
    const { gateway } = await start();
    const txn = await gateway.authorize('automatic');
    expect(await gateway.refund(txn, String(GENERIC_FORCING_AMOUNTS.error))).toMatchObject(
      refused('PROCESSING_ERROR'),
    );
  });
});

describe('generic emulator: the caller of the flows after Authorize', () => {
  it('verifies the SignatureKey checksum over merchantId + reference + timestamp + api_secret', async () => {
    const { gateway } = await start({ authType: 'SignatureKey' });
    const txn = await gateway.authorize('manual');
    const good = gateway.signed({ amount: '500', currency: 'USD', reference: 'cap_9' }, 'cap_9');
    expect(Object.keys(good)).toEqual([
      'merchantId',
      'amount',
      'currency',
      'reference',
      'timestamp',
      'checksum',
    ]);
    const tampered = {
      ...good,
      checksum: sha256(`${API_KEY}cap_8${String(good['timestamp'])}${API_SECRET}`),
    };
    expect(await gateway.send('POST', `v1/payments/${txn}/capture`, tampered)).toMatchObject(
      refused('INVALID_CHECKSUM'),
    );
    const stale = { ...good, timestamp: '1000' };
    expect((await gateway.send('POST', `v1/payments/${txn}/capture`, stale)).status).toBe(400);
    expect(await gateway.send('POST', `v1/payments/${txn}/capture`, good)).toMatchObject(
      ok('CAPTURED'),
    );
  });

  it('checks BodyKey merchantKey, over a form body', async () => {
    const { gateway } = await start({ authType: 'BodyKey', contentType: FORM_TYPE });
    const txn = await gateway.authorize('manual');
    const body = gateway.signed({ reference: 'v1' }, 'v1');
    expect(
      await gateway.send(
        'POST',
        `v1/payments/${txn}/void`,
        { ...body, merchantKey: 'nope' },
        { 'content-type': FORM_TYPE },
      ),
    ).toMatchObject(refused('INVALID_MERCHANT_KEY'));
    expect(await gateway.void(txn, 'v1')).toMatchObject(ok('VOIDED'));
  });

  it.each([
    ['GET on Capture', 'GET', 'v1/payments/txn_000001/capture', undefined, 405],
    ['POST on PSync', 'POST', 'v1/payments/txn_000001', { reference: '' }, 405],
    ['an unknown path', 'GET', 'v1/payments/txn_000001/refunds/rf_1/more', undefined, 404],
    ['a PSync without Authorization', 'GET', 'v1/payments/txn_000001', undefined, 401],
    [
      'a refund without reference',
      'POST',
      'v1/payments/txn_000001/refunds',
      { amount: '1', currency: 'USD' },
      400,
    ],
  ] as const)('answers %s with HTTP %d', async (label, method, path, body, status) => {
    const { gateway } = await start();
    await gateway.authorize('automatic');
    const headers = label.includes('Authorization') ? { authorization: 'Bearer wrong' } : {};
    const signed = body === undefined ? undefined : gateway.signed(body, '');
    expect((await gateway.send(method, path, signed, headers)).status).toBe(status);
  });

  it('serves custom endpoint answers, placeholders as one percent-encoded segment', async () => {
    const { gateway } = await start({
      syncEndpoint: 'v2/status/{connectorTransactionId}',
      captureEndpoint: 'v2/capture/{connectorTransactionId}',
      refundEndpoint: 'v2/refund',
      refundSyncEndpoint: 'v2/refund-status/{connectorRefundId}',
    });
    const txn = await gateway.authorize('manual');
    expect(await gateway.send('GET', `v2/status/${txn.replace('_', '%5F')}`)).toMatchObject(
      ok('APPROVED'),
    );
    expect(
      await gateway.post(`v2/capture/${txn}`, { amount: '1000', currency: 'USD', reference: '' }),
    ).toMatchObject(ok('CAPTURED'));
    // without {connectorTransactionId} the refund is of the newest payment
    const refunded = await gateway.post('v2/refund', {
      amount: '250',
      currency: 'USD',
      reference: 'r1',
    });
    expect(refunded.body).toMatchObject({ refundId: 'rf_000001', refundStatus: 'SUCCEEDED' });
    expect((await gateway.send('GET', 'v2/refund-status/rf_000001')).body).toMatchObject({
      refundStatus: 'SUCCEEDED',
    });
    expect((await gateway.send('GET', `v1/payments/${txn}`)).status).toBe(404);
  });

  it('serves only the flows the spec chooses: the others are 404, and their endpoints may clash', async () => {
    const { gateway } = await start({
      flows: ['Capture', 'RSync'],
      // Void is not chosen, so its endpoint is not served and may equal another
      voidEndpoint: 'v1/payments/{connectorTransactionId}/capture',
    });
    const txn = await gateway.authorize('manual');
    expect(await gateway.capture(txn, '1000')).toMatchObject(ok('CAPTURED'));
    expect(await gateway.refundSync(txn, 'rf_000001')).toMatchObject(refused('REFUND_NOT_FOUND'));
    for (const answer of [
      await gateway.sync(txn),
      await gateway.post(`v1/payments/${txn}/void`, { reference: 'v' }),
      await gateway.refund(txn, '100'),
    ]) {
      expect(answer).toMatchObject({ status: 404, body: { errorCode: 'NOT_FOUND' } });
    }
    const none = await start({ flows: [] });
    const other = await none.gateway.authorize('automatic');
    expect((await none.gateway.sync(other)).status).toBe(404);
  });

  it.each([
    [{ flows: ['Refunds'] } as unknown as Partial<GenericGatewaySpec>, /unknown flow "Refunds"/],
    [{ syncEndpoint: 'v1/payments' }, /must differ/],
    [{ captureEndpoint: 'v1/payments/{connectorTransactionId}/void' }, /must differ/],
    [{ voidEndpoint: 'v1/{paymentId}/void' }, /unknown placeholder \{paymentId\}/],
    [{ captureEndpoint: 'v1/x{connectorTransactionId}' }, /whole segment/],
    [{ refundEndpoint: 'v1/{connectorRefundId}' }, /only refundSyncEndpoint/],
  ] as const)('refuses the spec %j', async (changes, message) => {
    await expect(startGenericEmulator({ ...baseSpec, ...changes })).rejects.toThrow(message);
  });
});
