/**
 * The Nuvei emulator's ledger, driven by the Nuvei connector: a payment's whole life, every rule
 * of settle, void and refund, the forced answers, and the checksum checked on each new endpoint.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../src/connectors/nuvei/index.js';
import {
  Secret,
  authorize,
  capture,
  refund,
  refundSync,
  sync,
  voidPayment,
  type CaptureMethod,
  type RouterData,
} from '../../src/runtime/index.js';
import {
  NUVEI_SANDBOX_CREDENTIALS,
  NUVEI_TEST_CARDS,
  startNuveiEmulator,
  type NuveiEmulator,
} from '../../src/sandbox/nuvei/index.js';

const auth = {
  type: 'SignatureKey',
  apiKey: new Secret(NUVEI_SANDBOX_CREDENTIALS.merchantId),
  key1: new Secret(NUVEI_SANDBOX_CREDENTIALS.merchantSiteId),
  apiSecret: new Secret(NUVEI_SANDBOX_CREDENTIALS.merchantSecret),
} as const;

let emulator: NuveiEmulator;
const options = () => ({ auth, baseUrl: emulator.paymentBaseUrl, timeoutMs: 5_000 });
beforeAll(async () => {
  emulator = await startNuveiEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function idOf(routerData: RouterData<'Authorize' | 'Capture' | 'Void' | 'PSync'>): string {
  const id = routerData.response?.value?.resourceId;
  if (id?.type !== 'ConnectorTransactionId') throw new Error('no transaction id');
  return id.id;
}

async function pay(captureMethod: CaptureMethod, amount = 1000): Promise<string> {
  const outcome = await authorize(
    nuvei,
    {
      referenceId: 'order_1',
      amount,
      currency: 'USD',
      captureMethod,
      paymentMethod: {
        type: 'card',
        number: new Secret(NUVEI_TEST_CARDS.approved),
        expMonth: new Secret('12'),
        expYear: new Secret('2030'),
        cvc: new Secret('217'),
      },
      billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
      browserInfo: { ipAddress: '192.0.2.10' },
    },
    options(),
  );
  if (outcome.stage !== 'Authorize') throw new Error('the session failed');
  expect(outcome.status).toBe(captureMethod === 'manual' ? 'Authorized' : 'Charged');
  return idOf(outcome.authorize);
}

const settle = (id: string, amount: number, merchantCaptureId = 'cap_1') =>
  capture(
    nuvei,
    { connectorTransactionId: id, amountToCapture: amount, currency: 'USD', merchantCaptureId },
    options(),
  );
const cancel = (id: string, amount = 1000, merchantVoidId = 'void_1') =>
  voidPayment(
    nuvei,
    { connectorTransactionId: id, amount, currency: 'USD', merchantVoidId },
    options(),
  );
const credit = (id: string, amount: number, merchantRefundId = 'ref_1') =>
  refund(
    nuvei,
    { connectorTransactionId: id, refundAmount: amount, currency: 'USD', merchantRefundId },
    options(),
  );

const errorOf = (routerData: RouterData<'Capture' | 'Void' | 'Refund'>) =>
  routerData.response?.ok === false ? routerData.response.error : undefined;

describe('a payment’s whole life', () => {
  it('authorize manual → capture part → refund part → refund sync → psync', async () => {
    const authId = await pay('manual');
    const captured = await settle(authId, 600);
    expect(captured.flowData.status).toBe('Charged');
    const settleId = idOf(captured);
    expect(settleId).not.toBe(authId);

    const refunded = await credit(settleId, 250);
    expect(refunded.response?.value?.refundStatus).toBe('Success');
    const refundId = refunded.response!.value!.connectorRefundId;

    const refundState = await refundSync(
      nuvei,
      { connectorTransactionId: settleId, connectorRefundId: refundId, merchantRefundId: 'ref_1' },
      options(),
    );
    expect(refundState.response).toEqual({
      ok: true,
      value: { connectorRefundId: refundId, refundStatus: 'Success' },
    });

    const settled = await sync(
      nuvei,
      { connectorTransactionId: settleId, amount: 600, currency: 'USD' },
      options(),
    );
    expect(settled.flowData.status).toBe('Charged');
    const auth = await sync(
      nuvei,
      { connectorTransactionId: authId, amount: 1000, currency: 'USD' },
      options(),
    );
    expect(auth.flowData.status).toBe('Authorized');
  });

  it('authorize manual → void → psync of the void', async () => {
    const authId = await pay('manual');
    const voided = await cancel(authId);
    expect(voided.flowData.status).toBe('Voided');
    const state = await sync(
      nuvei,
      { connectorTransactionId: idOf(voided), amount: 1000 },
      options(),
    );
    expect(state.response?.ok).toBe(true);
  });
});

describe('ledger rules (in-band request-level errors)', () => {
  it('captures in parts up to the authorized amount, never more', async () => {
    const authId = await pay('manual');
    expect((await settle(authId, 400)).flowData.status).toBe('Charged');
    expect((await settle(authId, 600)).flowData.status).toBe('Charged');
    const over = await settle(authId, 1);
    expect(over.flowData.status).toBe('Failure');
    expect(errorOf(over)).toMatchObject({
      code: '1120',
      message: 'Invalid amount: more than the Auth has left to settle',
    });
  });

  it.each([['a Sale', 'automatic' as const]])('refuses to capture %s', async (_label, method) => {
    const id = await pay(method);
    expect(errorOf(await settle(id, 100))).toMatchObject({ code: '1130' });
  });

  it('refuses to void after a capture, twice, or for part of the amount', async () => {
    const captured = await pay('manual');
    await settle(captured, 100);
    expect(errorOf(await cancel(captured))).toMatchObject({
      code: '1130',
      message: 'Operation not allowed: the Auth was settled; refund it instead',
    });
    const voided = await pay('manual');
    expect(errorOf(await cancel(voided, 500))).toMatchObject({ code: '1120' });
    expect((await cancel(voided)).flowData.status).toBe('Voided');
    const again = await cancel(voided);
    expect(again.flowData.status).toBe('VoidFailed');
    expect(errorOf(again)).toMatchObject({ code: '1130' });
    expect(errorOf(await settle(voided, 100))).toMatchObject({
      code: '1130',
      message: 'Operation not allowed: the Auth was voided',
    });
  });

  it('refunds only captured money, at most what is left', async () => {
    const authId = await pay('manual');
    expect(errorOf(await credit(authId, 100))).toMatchObject({ code: '1130' });
    const sale = await pay('automatic');
    expect((await credit(sale, 700)).response?.value?.refundStatus).toBe('Success');
    const over = await credit(sale, 301);
    expect(over.response).toMatchObject({
      ok: false,
      error: { code: '1120', message: 'Invalid amount: more than is left to refund' },
    });
    expect((await credit(sale, 300)).response?.value?.refundStatus).toBe('Success');
  });

  it('an unknown payment id is 1140 Transaction not found', async () => {
    expect(errorOf(await settle('711099999999999999', 100))).toMatchObject({
      code: '1140',
      message: 'Transaction not found',
    });
  });

  it('another currency than the payment’s is refused', async () => {
    const sale = await pay('automatic');
    const result = await refund(
      nuvei,
      { connectorTransactionId: sale, refundAmount: 100, currency: 'EUR' },
      options(),
    );
    expect(result.response).toMatchObject({ ok: false, error: { code: '1120' } });
  });
});

describe('forced answers by merchant reference', () => {
  it.each([
    ['decline_1', 'Failure', 'VoidFailed', 'Failure'],
    ['pending_1', 'Pending', 'Pending', 'Pending'],
    ['error_1', 'Failure', 'VoidFailed', 'Failure'],
  ])(
    '%s → capture %s, void %s, refund %s; no money moves',
    async (reference, captured, voided, refunded) => {
      const authId = await pay('manual');
      expect((await settle(authId, 1000, reference)).flowData.status).toBe(captured);
      expect((await cancel(authId, 1000, reference)).flowData.status).toBe(voided);
      const sale = await pay('automatic');
      expect((await credit(sale, 1000, reference)).response?.value?.refundStatus).toBe(refunded);
      // the whole amount is still there
      expect((await settle(authId, 1000)).flowData.status).toBe('Charged');
      expect((await credit(sale, 1000)).response?.value?.refundStatus).toBe('Success');
    },
  );

  it('amount 500.00 answers an HTTP 500 page', async () => {
    const authId = await pay('manual', 100_000);
    const error = await settle(authId, 50_000).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'CONNECTOR_ERROR_RESPONSE', httpStatus: 500 });
  });
});

describe('authentication on every new endpoint', () => {
  it.each(['settleTransaction.do', 'voidTransaction.do', 'refundTransaction.do'])(
    '%s refuses a wrong checksum (1001) and a wrong secret never moves money',
    async (endpoint) => {
      const response = await fetch(`${emulator.paymentBaseUrl}/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          merchantId: NUVEI_SANDBOX_CREDENTIALS.merchantId,
          merchantSiteId: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
          clientRequestId: 'x',
          clientUniqueId: 'x',
          amount: '1.00',
          currency: 'USD',
          relatedTransactionId: '711000000000000001',
          timeStamp: '20261206000000',
          checksum: '0'.repeat(64),
        }),
      });
      expect(await response.json()).toMatchObject({
        status: 'ERROR',
        errCode: 1001,
        reason: 'Invalid checksum',
      });
    },
  );

  it('a wrong merchant secret fails capture with 1001 in-band', async () => {
    const authId = await pay('manual');
    const wrong = { ...auth, apiSecret: new Secret('not-the-secret') };
    const result = await capture(
      nuvei,
      { connectorTransactionId: authId, amountToCapture: 100, currency: 'USD' },
      { ...options(), auth: wrong },
    );
    expect(result.response).toMatchObject({ ok: false, error: { code: '1001' } });
  });
});
