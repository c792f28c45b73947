/**
 * Record → replay round trips against the generic emulator over loopback sockets: session +
 * Authorize and each flow after it, recorded from the emulator's ledger, then replayed against the
 * same connector with the same outcome; secrets masked, volatile members as rules.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MASK, Secret, type PaymentInput } from '../../src/runtime/index.js';
import {
  GENERIC_SANDBOX_CREDENTIALS,
  genericSandboxAuth,
  startGenericEmulator,
  type GenericEmulator,
} from '../../src/sandbox/index.js';
import {
  formatCassette,
  parseCassette,
  recordCassette,
  replayCassette,
  type Cassette,
  type CassetteFlow,
  type CassetteInputs,
} from '../../src/testing/index.js';
import { GENERIC_FLOWS_SPEC, genericFlows } from './support/generic-flows-connector.js';

const auth = genericSandboxAuth('SignatureKey');
const CARD = { number: '4111111111111111', cvc: '737' };
const payment = (captureMethod: 'automatic' | 'manual'): PaymentInput => ({
  referenceId: 'order_0001',
  amount: 1000,
  currency: 'USD',
  captureMethod,
  paymentMethod: {
    type: 'card',
    number: new Secret(CARD.number),
    expMonth: new Secret('12'),
    expYear: new Secret('2031'),
    cvc: new Secret(CARD.cvc),
  },
});

let emulator: GenericEmulator;
beforeAll(async () => {
  emulator = await startGenericEmulator(GENERIC_FLOWS_SPEC);
});
afterAll(async () => {
  await emulator.close();
});

async function record<F extends CassetteFlow>(
  flow: F,
  input: CassetteInputs[F],
): Promise<Cassette> {
  const { cassette } = await recordCassette({
    connector: genericFlows,
    flow,
    input,
    auth,
    baseUrl: emulator.baseUrl,
  });
  const text = formatCassette(cassette);
  for (const secret of Object.values(GENERIC_SANDBOX_CREDENTIALS))
    expect(text).not.toContain(secret);
  expect(text).not.toContain(CARD.number);
  // what a file holds reads back as the same cassette
  return parseCassette(text, `${flow}.json`);
}

async function authorized(
  captureMethod: 'automatic' | 'manual',
): Promise<{ cassette: Cassette; txn: string }> {
  const cassette = await record('authorize', payment(captureMethod));
  const answer = cassette.exchanges[1]!.answer.body;
  const txn =
    answer !== undefined && 'json' in answer
      ? (answer.json as { transactionId: string }).transactionId
      : '';
  return { cassette, txn };
}

describe('record → replay round trips against the generic emulator', () => {
  it('records session + Authorize with secrets as rules, the token carried, times and checksums as rules', async () => {
    const { cassette } = await authorized('manual');
    expect(cassette.flow).toBe('authorize');
    expect(cassette.outcome).toEqual({ status: 'Authorized' });
    expect(cassette.scenario).toBe('authorized');
    const [session, pay] = cassette.exchanges;
    expect(session!.flow).toBe('CreateSessionToken');
    expect(session!.request.path).toBe('/v1/session-token');
    expect(session!.request.headers?.['authorization']).toEqual({
      $match: 'secret',
      name: 'auth.apiKey',
      prefix: 'Bearer ',
    });
    expect(session!.request.body).toEqual({
      json: {
        merchantId: { $match: 'secret', name: 'auth.apiKey' },
        clientRequestId: 'order_0001',
        timestamp: { $match: 'unix-seconds' },
        amount: '1000',
        currency: 'USD',
        checksum: { $match: 'sha256-hex' },
      },
    });
    expect(pay!.request.headers?.['x-session-token']).toEqual({
      $match: 'from-answer',
      answer: 0,
      path: 'sessionToken',
    });
    const body = pay!.request.body as { json: { paymentMethod: Record<string, unknown> } };
    expect(body.json.paymentMethod).toEqual({
      type: 'card',
      number: { $match: 'secret', name: 'payment.paymentMethod.number' },
      expMonth: { $match: 'secret', name: 'payment.paymentMethod.expMonth' },
      expYear: { $match: 'secret', name: 'payment.paymentMethod.expYear' },
      cvc: { $match: 'secret', name: 'payment.paymentMethod.cvc' },
    });
    expect(cassette.input['paymentMethod']).toMatchObject({
      number: { $match: 'secret', name: 'payment.paymentMethod.number' },
    });

    const replayed = await replayCassette(cassette, {
      connector: genericFlows,
      auth,
      payment: payment('manual'),
    });
    expect(replayed.outcome).toEqual({ status: 'Authorized' });
  });

  it('round-trips PSync, a partial Capture, a Refund and RSync of one payment', async () => {
    const { txn } = await authorized('manual');
    const steps: Array<[CassetteFlow, CassetteInputs[CassetteFlow], Record<string, string>]> = [
      [
        'psync',
        { connectorTransactionId: txn, amount: 1000, currency: 'USD' },
        { status: 'Authorized' },
      ],
      [
        'capture',
        {
          connectorTransactionId: txn,
          amountToCapture: 600,
          currency: 'USD',
          merchantCaptureId: 'cap_1',
        },
        { status: 'Charged' },
      ],
      [
        'refund',
        {
          connectorTransactionId: txn,
          refundAmount: 250,
          currency: 'USD',
          merchantRefundId: 'rf_ref_1',
        },
        { refundStatus: 'Success' },
      ],
      [
        'rsync',
        { connectorTransactionId: txn, connectorRefundId: 'rf_000001' },
        { refundStatus: 'Success' },
      ],
      [
        'psync',
        { connectorTransactionId: txn, amount: 1000, currency: 'USD' },
        { status: 'Charged' },
      ],
    ];
    for (const [flow, input, outcome] of steps) {
      const cassette = await record(flow, input);
      expect(cassette.outcome, flow).toMatchObject(outcome);
      expect(cassette.exchanges).toHaveLength(1);
      const replayed = await replayCassette(cassette, { connector: genericFlows, auth });
      expect(replayed.outcome, `${flow} replayed`).toEqual(cassette.outcome);
    }
  });

  it('round-trips a Void and a refused Capture after it (an in-band error kept as the outcome)', async () => {
    const { txn } = await authorized('manual');
    const voided = await record('void', {
      connectorTransactionId: txn,
      merchantVoidId: 'void_1',
      cancellationReason: 'customer',
    });
    expect(voided.outcome).toEqual({ status: 'Voided' });
    expect(voided.exchanges[0]!.request.body).toEqual({
      json: {
        merchantId: { $match: 'secret', name: 'auth.apiKey' },
        reference: 'void_1',
        reason: 'customer',
        timestamp: { $match: 'unix-seconds' },
        checksum: { $match: 'sha256-hex' },
      },
    });
    const refused = await record('capture', {
      connectorTransactionId: txn,
      amountToCapture: 1000,
      currency: 'USD',
    });
    expect(refused.outcome).toEqual({ status: 'CaptureFailed', errorCode: 'CAPTURE_NOT_ALLOWED' });
    expect(refused.scenario).toBe('capture-not-allowed');
    for (const cassette of [voided, refused]) {
      expect((await replayCassette(cassette, { connector: genericFlows, auth })).outcome).toEqual(
        cassette.outcome,
      );
    }
  });

  it('keeps a non-2xx answer as a typed error outcome', async () => {
    const cassette = await record('psync', {
      connectorTransactionId: 'txn_x',
      amount: 1,
      currency: 'USD',
    });
    expect(cassette.outcome).toMatchObject({
      status: 'Failure',
      errorCode: 'TRANSACTION_NOT_FOUND',
    });
    emulator.enqueue('/v1/payments/txn_y', {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<h1>down</h1>',
    });
    const down = await record('psync', {
      connectorTransactionId: 'txn_y',
      amount: 1,
      currency: 'USD',
    });
    expect(down.outcome).toEqual({
      status: 'Failure',
      error: { kind: 'connector', code: 'CONNECTOR_ERROR_RESPONSE' },
    });
    expect(down.exchanges[0]!.answer).toEqual({
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: { text: '<h1>down</h1>' },
    });
    expect((await replayCassette(down, { connector: genericFlows, auth })).outcome).toEqual(
      down.outcome,
    );
  });

  it('masks secrets the gateway echoes back in headers and bodies (credentials, card number, CVC)', async () => {
    const { apiKey, apiSecret } = GENERIC_SANDBOX_CREDENTIALS;
    emulator.enqueue('/v1/payments', {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-echo-key': `key=${apiKey}` },
      body: JSON.stringify({
        status: 'SUCCESS',
        transactionId: 'txn_echo',
        transactionStatus: 'APPROVED',
        note: `card ${CARD.number} cvc ${CARD.cvc} for ${apiKey}`,
        card: { number: CARD.number, cvc: CARD.cvc },
        secret: apiSecret,
      }),
    });
    const { cassette } = await recordCassette({
      connector: genericFlows,
      flow: 'authorize',
      input: payment('automatic'),
      auth,
      baseUrl: emulator.baseUrl,
    });
    const text = formatCassette(cassette);
    for (const secret of [...Object.values(GENERIC_SANDBOX_CREDENTIALS), CARD.number]) {
      expect(text).not.toContain(secret);
    }
    const answer = cassette.exchanges[1]!.answer;
    expect(answer.headers?.['x-echo-key']).toBe(`key=${MASK}`);
    expect(answer.body).toMatchObject({
      json: {
        secret: MASK,
        card: { number: MASK, cvc: MASK },
        note: `card ${MASK} cvc ${MASK} for ${MASK}`,
      },
    });
    // the masked answer still replays: the connector reads only what it maps
    const replayed = await replayCassette(cassette, {
      connector: genericFlows,
      auth,
      payment: payment('automatic'),
    });
    expect(replayed.outcome).toEqual({ status: 'Charged' });
  });
});
