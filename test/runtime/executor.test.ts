import { createServer } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  ConnectorError,
  IntegrationError,
  NetworkError,
  Secret,
  authorize,
  createSessionToken,
  type ConnectorEvent,
  type PaymentInput,
} from '../../src/runtime/index.js';
import type { LoopbackGateway } from '../../src/sandbox/loopback.js';
import { DEMO_CREDENTIALS, demoConnector } from './support/demo-connector.js';
import { startDemoGateway } from './support/demo-gateway.js';

const connector = demoConnector('body');
const payment: PaymentInput = {
  referenceId: 'order_1',
  amount: 1000,
  currency: 'USD',
  paymentMethod: {
    type: 'card',
    number: new Secret('4111111111111111'),
    expMonth: new Secret('03'),
    expYear: new Secret('2030'),
    cvc: new Secret('737'),
  },
};

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );
}

describe('the HTTP executor', () => {
  let gateway: LoopbackGateway;
  let events: ConnectorEvent[];
  const options = (overrides: { baseUrl?: string; timeoutMs?: number } = {}) => ({
    auth: DEMO_CREDENTIALS,
    baseUrl: overrides.baseUrl ?? gateway.baseUrl,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    onEvent: (event: ConnectorEvent) => events.push(event),
  });

  beforeAll(async () => {
    gateway = await startDemoGateway();
  });
  afterAll(async () => {
    await gateway.close();
  });
  beforeEach(() => {
    gateway.reset();
    events = [];
  });

  it('maps a 2xx JSON answer through the flow and records one masked event', async () => {
    const session = await createSessionToken(connector, payment, options());
    expect(session.response?.ok).toBe(true);
    expect(session.flowData).toMatchObject({ status: 'Pending', referenceId: 'order_1' });
    expect(session.flowData.sessionToken).toMatch(/^tok_/);

    const received = gateway.lastRequest('/session')!;
    expect(received.method).toBe('POST');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['authorization']).toBe('Bearer demo-merchant-4242');
    expect(JSON.parse(received.body)).toEqual({
      merchantId: 'demo-merchant-4242',
      reference: 'order_1',
      amount: '10.00',
      secretEcho: 'demo-signing-secret-0123456789',
    });

    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      connector: 'demo_body',
      flow: 'CreateSessionToken',
      method: 'POST',
      status: 200,
    });
    expect(event!.url).toBe(`${gateway.baseUrl}/session`);
    expect(event!.latencyMs).toBeGreaterThan(0);
    expect(event!.requestHeaders['Authorization']).not.toContain('demo-merchant-4242');
    expect(event!.requestBody).not.toContain('demo-signing-secret');
    expect(event!.responseBody).toContain('SUCCESS');
  });

  it('maps a 4xx JSON error to CONNECTOR_ERROR_RESPONSE with the gateway error', async () => {
    gateway.enqueue('/session', {
      status: 402,
      body: JSON.stringify({ errorCode: 'E42', errorMessage: 'nope' }),
    });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 402,
      flow: 'CreateSessionToken',
      connector: 'demo_body',
      errorResponse: { statusCode: 402, code: 'E42', message: 'nope' },
    });
    expect(events[0]).toMatchObject({
      status: 402,
      error: { kind: 'connector', code: 'CONNECTOR_ERROR_RESPONSE' },
    });
  });

  it('maps a 5xx HTML page with the framework default', async () => {
    gateway.enqueue('/session', {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<h1>down</h1>',
    });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 503,
      errorResponse: {
        statusCode: 503,
        code: '503',
        message: 'service_unavailable',
        reason: '<h1>down</h1>',
      },
    });
  });

  it('maps an empty error body with the connector builder, never a crash', async () => {
    gateway.enqueue('/session', { status: 400, body: '' });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      errorResponse: { code: 'No error code' },
    });
  });

  it('turns an error builder that cannot read the body into RESPONSE_HANDLING_FAILED', async () => {
    gateway.enqueue('/session', { status: 400, body: '<html>' });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 400 });
    expect((error as ConnectorError).cause).toBeInstanceOf(SyntaxError);
  });

  it.each([
    ['an empty 200 body', '', /empty body/],
    ['invalid JSON', '{"status":', /not JSON: invalid JSON/],
    ['JSON of another shape', '{"status":"MAYBE"}', /unexpected shape: status/],
  ])('maps %s to RESPONSE_DESERIALIZATION_FAILED', async (_label, body, message) => {
    gateway.enqueue('/session', { status: 200, body });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toMatchObject({ code: 'RESPONSE_DESERIALIZATION_FAILED', httpStatus: 200 });
    expect(error.message).toMatch(message);
  });

  it('maps a mapper refusal to RESPONSE_HANDLING_FAILED with the HTTP status', async () => {
    gateway.enqueue('/session', { status: 200, body: '{"status":"SUCCESS"}' });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 200 });
  });

  it('times out on a server that never answers', async () => {
    gateway.enqueue('/session', { hang: true });
    const error = await failure(
      createSessionToken(connector, payment, options({ timeoutMs: 150 })),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'TIMEOUT', flow: 'CreateSessionToken' });
    expect(events[0]).toMatchObject({ error: { kind: 'network', code: 'TIMEOUT' } });
    expect(events[0]!.status).toBeUndefined();
  });

  it('reports a dropped connection as CONNECTION_FAILED', async () => {
    gateway.enqueue('/session', { destroy: true });
    const error = await failure(createSessionToken(connector, payment, options()));
    expect(error).toMatchObject({ kind: 'network', code: 'CONNECTION_FAILED' });
  });

  it('reports a refused connection as CONNECTION_FAILED', async () => {
    const port = await freePort();
    const error = await failure(
      createSessionToken(connector, payment, options({ baseUrl: `http://127.0.0.1:${port}` })),
    );
    expect(error).toMatchObject({ kind: 'network', code: 'CONNECTION_FAILED' });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses an unparsable URL before sending anything', async () => {
    const error = await failure(
      createSessionToken(connector, payment, options({ baseUrl: 'http://127.0.0.1:PORT' })),
    );
    expect(error).toMatchObject({ kind: 'network', code: 'URL_PARSING_FAILED' });
    expect(gateway.requests).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it('refuses credentials of the wrong type before any HTTP', async () => {
    const error = await failure(
      createSessionToken(connector, payment, {
        ...options(),
        auth: { type: 'HeaderKey', apiKey: new Secret('k') },
      }),
    );
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE', flow: 'CreateSessionToken' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('refuses a payment without a payment method before any HTTP', async () => {
    const { paymentMethod: _unused, ...withoutMethod } = payment;
    const error = await failure(authorize(connector, withoutMethod, options()));
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field: 'payment_method' });
    expect(gateway.requests).toHaveLength(0);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('status routing (as UCS routes them)', () => {
  it.each([
    [203, 'CONNECTOR_ERROR_RESPONSE'],
    [299, 'CONNECTOR_ERROR_RESPONSE'],
    [512, 'CONNECTOR_ERROR_RESPONSE'],
  ])('sends HTTP %d to the error builder', async (status, code) => {
    const gateway = await startDemoGateway();
    try {
      gateway.enqueue('/session', {
        status,
        body: JSON.stringify({ errorCode: 'X', errorMessage: 'odd status' }),
      });
      const error = await failure(
        createSessionToken(connector, payment, {
          auth: DEMO_CREDENTIALS,
          baseUrl: gateway.baseUrl,
        }),
      );
      // 512 is outside the 500–511 server-error range, so the connector's own builder reads it.
      expect(error).toMatchObject({ code, httpStatus: status, errorResponse: { code: 'X' } });
    } finally {
      await gateway.close();
    }
  });
});
