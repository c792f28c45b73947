import { inspect } from 'node:util';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  Secret,
  authorize,
  type ConnectorEvent,
  type PaymentInput,
  type TokenPlacement,
} from '../../src/runtime/index.js';
import type { LoopbackGateway } from '../../src/sandbox/loopback.js';
import { runConnectorConformance, tokenInRequest } from '../../src/testing/index.js';
import { DEMO_CREDENTIALS, TOKEN_NAMES, demoConnector } from './support/demo-connector.js';
import { startDemoGateway } from './support/demo-gateway.js';

const CARD_NUMBER = '4111111111111111';
const payment: PaymentInput = {
  referenceId: 'order_7',
  amount: 1234,
  currency: 'USD',
  captureMethod: 'manual',
  paymentMethod: {
    type: 'card',
    number: new Secret(CARD_NUMBER),
    expMonth: new Secret('03'),
    expYear: new Secret('2030'),
    cvc: new Secret('737'),
  },
};

const PLACEMENTS: readonly TokenPlacement[] = ['body', 'header', 'query'];

describe.each(PLACEMENTS)('the payment sequence with the token in the %s', (placement) => {
  const connector = demoConnector(placement);
  let gateway: LoopbackGateway;
  let events: ConnectorEvent[];
  const options = () => ({
    auth: DEMO_CREDENTIALS,
    baseUrl: gateway.baseUrl,
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

  it('runs CreateSessionToken, stores the token, then sends it with Authorize', async () => {
    const outcome = await authorize(connector, payment, options());
    expect(outcome.stage).toBe('Authorize');
    if (outcome.stage !== 'Authorize') return;
    expect(outcome.status).toBe('Authorized');
    const token = outcome.session!.flowData.sessionToken!;
    expect(outcome.authorize.flowData.sessionToken).toBe(token);
    expect(gateway.requests.map((request) => request.path)).toEqual(['/session', '/pay']);
    const sent = tokenInRequest(gateway.lastRequest('/pay')!, {
      placement,
      name: TOKEN_NAMES[placement],
    });
    expect(sent).toBe(token);
    expect(events.map((event) => event.flow)).toEqual(['CreateSessionToken', 'Authorize']);
  });

  it('uses a token the caller passes and skips the session step', async () => {
    const first = await authorize(connector, payment, options());
    const token = first.session!.flowData.sessionToken!;
    gateway.reset();
    const outcome = await authorize(connector, { ...payment, sessionToken: token }, options());
    expect(outcome.stage).toBe('Authorize');
    expect(outcome.session).toBeUndefined();
    expect(gateway.requests.map((request) => request.path)).toEqual(['/pay']);
  });

  it('stops with the session error and sends no Authorize request', async () => {
    gateway.enqueue('/session', {
      status: 200,
      body: JSON.stringify({
        status: 'ERROR',
        errorCode: 'INVALID_MERCHANT',
        errorMessage: 'Merchant not found',
      }),
    });
    const outcome = await authorize(connector, payment, options());
    expect(outcome).toMatchObject({
      stage: 'CreateSessionToken',
      status: 'Failure',
      error: { code: 'INVALID_MERCHANT', message: 'Merchant not found', statusCode: 200 },
    });
    expect(gateway.requests.map((request) => request.path)).toEqual(['/session']);
  });

  it('refuses a payment Authorize cannot send before spending a session token', async () => {
    const error = await authorize(
      connector,
      { ...payment, paymentMethod: { type: 'upi_intent' } },
      options(),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'integration',
      code: 'NOT_IMPLEMENTED',
      flow: 'Authorize',
    });
    expect(gateway.requests).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  runConnectorConformance({
    connector,
    startEmulator: startDemoGateway,
    auth: DEMO_CREDENTIALS,
    payment,
    routes: { session: '/session', authorize: '/pay' },
    sessionFailure: {
      status: 200,
      body: JSON.stringify({ status: 'ERROR', errorCode: 'E1', errorMessage: 'refused' }),
    },
  });
});

describe('secrets across a full flow', () => {
  it('never print the raw credentials or card data, in events, errors or logs', async () => {
    const gateway = await startDemoGateway();
    const connector = demoConnector('header');
    const printed: string[] = [];
    const log = (value: unknown) =>
      printed.push(typeof value === 'string' ? value : inspect(value, { depth: 12 }));
    try {
      const base = { auth: DEMO_CREDENTIALS, baseUrl: gateway.baseUrl, onEvent: log };
      log(await authorize(connector, payment, base));
      gateway.enqueue('/pay', { status: 500, body: 'boom' });
      log(await authorize(connector, payment, base).catch((error: unknown) => error));
      gateway.enqueue('/session', { hang: true });
      log(
        await authorize(connector, payment, { ...base, timeoutMs: 100 }).catch(
          (error: unknown) => error,
        ),
      );
      printed.push(JSON.stringify(payment), String(DEMO_CREDENTIALS.apiSecret));
    } finally {
      await gateway.close();
    }
    const everything = printed.join('\n');
    expect(printed.length).toBeGreaterThan(6);
    for (const raw of [
      'demo-merchant-4242',
      'demo-signing-secret-0123456789',
      'demo-key1-unused',
      CARD_NUMBER,
    ]) {
      expect(everything).not.toContain(raw);
    }
  });
});
