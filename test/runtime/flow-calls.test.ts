/**
 * The calls after Authorize (sync, capture, voidPayment, refund, refundSync, callFlow): the
 * core's checks before any HTTP, NOT_IMPLEMENTED for an undeclared flow, a flow of the
 * connector's own, and the hardening every flow shares (3xx, echoed secrets, oversized answers).
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  Secret,
  callFlow,
  capture,
  createHttpClient,
  refund,
  refundSync,
  sync,
  voidPayment,
  type ConnectorEvent,
} from '../../src/runtime/index.js';
import {
  jsonReply,
  startLoopbackGateway,
  type LoopbackGateway,
} from '../../src/sandbox/loopback.js';
import { handMade } from './support/hand-made-connector.js';

const API_KEY = 'hand-made-api-key-31337';
const auth = { type: 'HeaderKey', apiKey: new Secret(API_KEY) } as const;

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Record<string, unknown>,
  );
}

describe('flow calls after Authorize', () => {
  let gateway: LoopbackGateway;
  let events: ConnectorEvent[];
  const options = () => ({
    auth,
    baseUrl: gateway.baseUrl,
    timeoutMs: 5_000,
    onEvent: (event: ConnectorEvent) => events.push(event),
  });

  beforeAll(async () => {
    gateway = await startLoopbackGateway((request) => {
      if (request.path === '/echo') return { status: 200, body: request.body };
      return jsonReply(200, { status: 'OK', id: `id-of-${request.path.slice(1)}` });
    });
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.reset();
    events = [];
  });

  it('captures with the amount to capture in the wire format', async () => {
    const captured = await capture(
      handMade,
      { amountToCapture: 550, currency: 'USD', connectorTransactionId: 'pay_1' },
      options(),
    );
    expect(captured.flowData.status).toBe('Charged');
    expect(captured.response?.value).toEqual({
      resourceId: { type: 'ConnectorTransactionId', id: 'id-of-capture' },
    });
    expect(gateway.lastRequest('/capture')?.body).toBe(
      '{"payment":"pay_1","amount":"5.50","currency":"USD"}',
    );
    expect(events.map((event) => event.flow)).toEqual(['Capture']);
  });

  it('refunds and returns a RefundStatus with the refund id', async () => {
    const refunded = await refund(
      handMade,
      { refundAmount: 100, currency: 'USD', connectorTransactionId: 'pay_1' },
      options(),
    );
    expect(refunded.response?.value).toEqual({
      connectorRefundId: 'id-of-refund',
      refundStatus: 'Success',
    });
    expect(refunded.request.merchantRefundId).toBe('');
  });

  it.each([
    [
      'capture without an amount',
      () => capture(handMade, { currency: 'USD' }, options()),
      'MISSING_REQUIRED_FIELD',
      'Missing required field: amount_to_capture',
    ],
    [
      'capture without a currency',
      () => capture(handMade, { amountToCapture: 1 }, options()),
      'INVALID_DATA_FORMAT',
      'Invalid data format: currency. Currency Unspecified is not supported',
    ],
    [
      'refund without an amount',
      () => refund(handMade, { currency: 'USD' }, options()),
      'MISSING_REQUIRED_FIELD',
      'Missing required field: refund_amount',
    ],
    [
      'refund without a currency',
      () => refund(handMade, { refundAmount: 1 }, options()),
      'INVALID_DATA_FORMAT',
      'Invalid data format: currency. Currency Unspecified is not supported',
    ],
    [
      'void, a flow hand_made lacks',
      () => voidPayment(handMade, { amount: 1 }, options()),
      'NOT_IMPLEMENTED',
      'This feature is not implemented: void flow for hand_made',
    ],
    [
      'refund sync, a flow hand_made lacks',
      () => refundSync(handMade, { connectorTransactionId: 'x' }, options()),
      'NOT_IMPLEMENTED',
      'This feature is not implemented: refund_sync flow for hand_made',
    ],
    [
      'payment sync, a flow hand_made lacks',
      () => sync(handMade, { amount: 1 }, options()),
      'NOT_IMPLEMENTED',
      'This feature is not implemented: psync flow for hand_made',
    ],
    [
      'a flow named after an Object method',
      () => callFlow(handMade, 'toString' as 'Echo', { text: '' }, options()),
      'NOT_IMPLEMENTED',
      'This feature is not implemented: to_string flow for hand_made',
    ],
  ])('%s fails before any HTTP', async (_label, call, code, message) => {
    const error = await failure(call());
    expect(error).toMatchObject({ kind: 'integration', code, message });
    expect(gateway.requests).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it('runs a flow the connector added itself, with events like any other', async () => {
    const echoed = await callFlow(handMade, 'Echo', { text: 'hello' }, options());
    expect(echoed.response?.value).toEqual({ echoed: 'hello' });
    expect(events).toMatchObject([{ flow: 'Echo', status: 200 }]);
  });
});

describe('hardening shared by every flow', () => {
  let gateway: LoopbackGateway;
  let events: ConnectorEvent[];
  const options = () => ({
    auth,
    baseUrl: gateway.baseUrl,
    timeoutMs: 5_000,
    onEvent: (event: ConnectorEvent) => events.push(event),
  });
  const captureInput = {
    amountToCapture: 1,
    currency: 'USD',
    connectorTransactionId: 'p',
  } as const;

  beforeAll(async () => {
    gateway = await startLoopbackGateway(() => jsonReply(200, { status: 'OK' }));
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.reset();
    events = [];
  });

  it.each([301, 302, 303, 307, 308])(
    'HTTP %i is a connector error with that status, not followed',
    async (status) => {
      gateway.enqueue('/capture', {
        status,
        headers: { location: `${gateway.baseUrl}/elsewhere` },
        body: '',
      });
      const error = await failure(capture(handMade, captureInput, options()));
      expect(error).toMatchObject({
        kind: 'connector',
        code: 'CONNECTOR_ERROR_RESPONSE',
        httpStatus: status,
      });
      expect(gateway.requests.map((request) => request.path)).toEqual(['/capture']);
    },
  );

  it('masks the api key a gateway echoes in its error text: message, error, event', async () => {
    gateway.enqueue('/capture', { status: 400, body: `bad key ${API_KEY}` });
    const error = await failure(capture(handMade, captureInput, options()));
    const seen = JSON.stringify({
      message: error['message'],
      errorResponse: error['errorResponse'],
      events,
    });
    expect(seen).toContain('bad key');
    expect(seen).not.toContain(API_KEY);
  });

  it('masks the api key echoed in an in-band error answer', async () => {
    gateway.enqueue(
      '/refund',
      jsonReply(200, { status: 'ERROR', message: `key ${API_KEY} refused` }),
    );
    const refunded = await refund(handMade, { refundAmount: 1, currency: 'USD' }, options());
    expect(refunded.response?.ok).toBe(false);
    expect(JSON.stringify(refunded.response)).toContain('refused');
    expect(JSON.stringify(refunded.response)).not.toContain(API_KEY);
  });

  it('refuses an answer over the default 8 MiB cap while reading it', async () => {
    gateway.enqueue('/capture', { status: 200, body: `{"pad":"${'x'.repeat(9 * 1024 * 1024)}"}` });
    const error = await failure(capture(handMade, captureInput, options()));
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'RESPONSE_DESERIALIZATION_FAILED',
      httpStatus: 200,
    });
    expect(String(error['message'])).toContain('larger than 8388608 bytes');
  });

  it('takes a smaller cap from the client', async () => {
    gateway.enqueue('/capture', jsonReply(200, { status: 'OK', id: 'x'.repeat(200) }));
    const http = createHttpClient(undefined, { maxResponseBytes: 100 });
    const error = await failure(capture(handMade, captureInput, { ...options(), http }));
    expect(error).toMatchObject({ code: 'RESPONSE_DESERIALIZATION_FAILED' });
  });
});
