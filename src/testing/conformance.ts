/**
 * @module The connector conformance suite: the behaviour every connector owes the payment
 * sequence — statuses, typed errors, no HTTP without a required field, masking, the session step
 * before Authorize — checked over real HTTP against a gateway: the connector's emulator, or its
 * cassettes' answers (`cassetteConformance`). It reads no field of any request or answer by name:
 * the session token is looked for where the connector declares it goes. Call it inside a vitest
 * file: `runConnectorConformance({ ... })`.
 */

import { inspect } from 'node:util';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  authSecrets,
  authorize,
  isFailureStatus,
  isRuntimeError,
  type AmountType,
  type ConnectorEvent,
} from '../runtime/index.js';
import {
  matchesRequest,
  type GatewayReply,
  type LoopbackGateway,
  type RequestMatcher,
  type ScriptedReply,
} from '../sandbox/loopback.js';
import { checkConformanceRoutes, type ConformanceOptions } from './conformance-options.js';
import { tokenInRequest } from './token-location.js';

export {
  checkConformanceRoutes,
  type ConformanceOptions,
  type ConformanceRoutes,
} from './conformance-options.js';

const MIN_CHECKED_SECRET = 4;

function countMatching(emulator: LoopbackGateway, match: RequestMatcher): number {
  return emulator.requests.filter((request) => matchesRequest(match, request)).length;
}

/**
 * Registers the conformance tests of `options.connector` (one `describe` block). Throws at once,
 * registering nothing, when `options.routes` are string routes that cannot tell the session and
 * Authorize requests apart (see `checkConformanceRoutes`).
 */
export function runConnectorConformance<A extends AmountType>(
  options: ConformanceOptions<A>,
): void {
  const { connector, routes } = options;
  checkConformanceRoutes(routes);

  describe(`${connector.name} conformance`, () => {
    let emulator: LoopbackGateway;
    let events: ConnectorEvent[];
    const call = () => ({
      auth: options.auth,
      baseUrl: options.baseUrl?.(emulator) ?? emulator.baseUrl,
      timeoutMs: 5_000,
      onEvent: (event: ConnectorEvent) => events.push(event),
    });
    const requestsTo = (match: RequestMatcher) => countMatching(emulator, match);
    const rejectWith = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, 'expected the call to fail').toBeDefined();
      expect(isRuntimeError(error), `expected a typed runtime error, got ${inspect(error)}`).toBe(
        true,
      );
      return error as Error & {
        kind: string;
        code: string;
        httpStatus?: number;
        errorResponse?: { statusCode: number };
      };
    };
    const enqueue = (match: RequestMatcher, reply: ScriptedReply) => emulator.enqueue(match, reply);

    beforeAll(async () => {
      emulator = await options.startEmulator();
    });
    afterAll(async () => {
      await emulator.close();
    });
    beforeEach(() => {
      emulator.reset();
      events = [];
    });

    it('declares the session step it needs', () => {
      expect(connector.validation.shouldDoSessionToken()).toBe(true);
      expect(connector.flows.CreateSessionToken).toBeDefined();
      expect(
        connector.sessionToken,
        'connector.sessionToken says where Authorize sends it',
      ).toBeDefined();
    });

    it('obtains the session token, stores it in the flow data and sends it with Authorize', async () => {
      const outcome = await authorize(connector, options.payment, call());
      expect(outcome.stage).toBe('Authorize');
      if (outcome.stage !== 'Authorize') return;
      const token = outcome.session?.flowData.sessionToken;
      expect(token, 'the session step stored a token').toEqual(expect.any(String));
      expect(outcome.session?.response?.ok).toBe(true);
      expect(outcome.authorize.flowData.sessionToken).toBe(token);
      expect(requestsTo(routes.session)).toBe(1);
      expect(requestsTo(routes.authorize)).toBe(1);
      const [first, second] = emulator.requests;
      expect(first !== undefined && matchesRequest(routes.session, first)).toBe(true);
      const sent =
        second === undefined ? undefined : tokenInRequest(second, connector.sessionToken!);
      expect(
        sent,
        `Authorize carries the token in ${connector.sessionToken!.placement} "${connector.sessionToken!.name}"`,
      ).toBe(token);
      expect(outcome.authorize.response?.ok).toBe(true);
      expect(isFailureStatus(outcome.status)).toBe(false);
    });

    it('stops at an in-band session failure and sends no Authorize request', async () => {
      enqueue(routes.session, options.sessionFailure);
      const outcome = await authorize(connector, options.payment, call());
      expect(outcome.stage).toBe('CreateSessionToken');
      if (outcome.stage !== 'CreateSessionToken') return;
      expect(outcome.session.response?.ok).toBe(false);
      expect(outcome.session.flowData.sessionToken).toBeUndefined();
      expect(outcome.error.code).not.toBe('');
      expect(isFailureStatus(outcome.status)).toBe(true);
      expect(requestsTo(routes.authorize)).toBe(0);
    });

    it('stops at a non-2xx session answer with a connector error and sends no Authorize request', async () => {
      enqueue(routes.session, {
        status: 503,
        headers: { 'content-type': 'text/html' },
        body: '<html>down</html>',
      });
      const error = await rejectWith(authorize(connector, options.payment, call()));
      expect(error.kind).toBe('connector');
      expect(error.code).toBe('CONNECTOR_ERROR_RESPONSE');
      expect(error.httpStatus).toBe(503);
      expect(error.errorResponse?.statusCode).toBe(503);
      expect(requestsTo(routes.authorize)).toBe(0);
    });

    it('fails with MISSING_REQUIRED_FIELD before any HTTP when Authorize has no token', async () => {
      const { sessionToken: _ignored, ...payment } = options.payment;
      const error = await rejectWith(
        authorize(connector, payment, { ...call(), runSessionStep: false }),
      );
      expect(error.kind).toBe('integration');
      expect(error.code).toBe('MISSING_REQUIRED_FIELD');
      expect((error as unknown as { field: string }).field).toBe('session_token');
      expect(emulator.requests).toHaveLength(0);
    });

    // without the gateway's own error answer, the least JSON one: no member names assumed
    const jsonError = options.jsonError ?? {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    };
    const errorAnswers: Array<[string, GatewayReply, 'CONNECTOR_ERROR_RESPONSE' | 'any', number]> =
      [
        ['a JSON error body', jsonError, 'any', jsonError.status],
        ['an empty 400 body', { status: 400, body: '' }, 'CONNECTOR_ERROR_RESPONSE', 400],
        [
          'an HTML 500 page',
          {
            status: 500,
            headers: { 'content-type': 'text/html' },
            body: '<html><body>Internal error</body></html>',
          },
          'CONNECTOR_ERROR_RESPONSE',
          500,
        ],
        [
          'an HTML 502 page',
          { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad gateway</h1>' },
          'CONNECTOR_ERROR_RESPONSE',
          502,
        ],
      ];
    it.each(errorAnswers)(
      'maps %s on Authorize to a typed connector error',
      async (_label, reply, code, status) => {
        enqueue(routes.authorize, reply);
        const error = await rejectWith(authorize(connector, options.payment, call()));
        expect(error.kind).toBe('connector');
        expect(error.httpStatus).toBe(status);
        if (code !== 'any') expect(error.code).toBe(code);
        if (error.code === 'CONNECTOR_ERROR_RESPONSE')
          expect(error.errorResponse?.statusCode).toBe(status);
      },
    );

    it.each([
      ['an empty 200 body', { status: 200, body: '' }],
      [
        'a 200 body that is not JSON',
        { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>ok?</html>' },
      ],
      [
        'a 200 JSON body of the wrong shape',
        { status: 200, headers: { 'content-type': 'application/json' }, body: '[1,2,3]' },
      ],
    ] as const)(
      'maps %s on Authorize to RESPONSE_DESERIALIZATION_FAILED',
      async (_label, reply) => {
        enqueue(routes.authorize, reply);
        const error = await rejectWith(authorize(connector, options.payment, call()));
        expect(error.kind).toBe('connector');
        expect(error.code).toBe('RESPONSE_DESERIALIZATION_FAILED');
        expect(error.httpStatus).toBe(200);
      },
    );

    it('never shows a secret in events or errors', async () => {
      const seen: unknown[] = [];
      await authorize(connector, options.payment, call());
      enqueue(routes.session, options.sessionFailure);
      await authorize(connector, options.payment, call());
      enqueue(routes.authorize, { status: 500, body: 'boom' });
      seen.push(
        await authorize(connector, options.payment, call()).catch((error: unknown) => error),
      );
      const { sessionToken: _ignored, ...tokenless } = options.payment;
      seen.push(
        await authorize(connector, tokenless, { ...call(), runSessionStep: false }).catch(
          (error: unknown) => error,
        ),
      );

      const method = options.payment.paymentMethod;
      const cardValues =
        method?.type === 'card' ? [method.number.expose(), method.cvc.expose()] : [];
      const secrets = [
        ...authSecrets(options.auth),
        ...cardValues,
        ...(options.secrets ?? []),
      ].filter((value) => value.length >= MIN_CHECKED_SECRET);
      const printed = [
        JSON.stringify(events),
        inspect(events, { depth: 10 }),
        ...seen.map(
          (value) => `${String(value)} ${inspect(value, { depth: 10 })} ${JSON.stringify(value)}`,
        ),
      ].join('\n');
      expect(events.length).toBeGreaterThanOrEqual(5);
      for (const value of secrets)
        expect(printed.includes(value), 'a secret was printed').toBe(false);
    });
  });
}
