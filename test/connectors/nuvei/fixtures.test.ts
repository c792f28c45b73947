/**
 * Replays every recorded Nuvei scenario (test/fixtures/reference/nuvei_*.json): a loopback
 * gateway answers with the recorded gatewayResponse, and what our connector sends must equal
 * the bytes Juspay's core sent once the volatile fields (timeStamp, checksum) are replaced by
 * ours — each checked by its own rule first. Results are compared with the SDK's.
 */

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../../src/connectors/nuvei/index.js';
import {
  Secret,
  authorize,
  createSessionToken,
  isAttemptStatus,
  type AttemptStatus,
  type Currency,
  type PaymentInput,
  type RouterData,
} from '../../../src/runtime/index.js';
import { startLoopbackGateway, type LoopbackGateway } from '../../../src/sandbox/loopback.js';
import { failureOf } from './helpers.js';

/** Recorded SDK JSON, read by key without a schema (the fixture is the schema). */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface RecordedRequestShape {
  method: string;
  urlPath: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  bodyJson: Record<string, unknown>;
}

interface Step {
  name: 'session' | 'authorize';
  input: Loose;
  inputEnumNames: Record<string, string>;
  httpRequestsReceivedByRecorder: number;
  coreRequest: RecordedRequestShape | null;
  gatewayResponse: { status: number; headers: Record<string, string>; body: string } | null;
  sdkResult:
    | { outcome: 'returned'; value: Loose; enumNames: Record<string, string> }
    | { outcome: 'threw'; error: { class: string; message: string; errorCode: string } };
  checks: Array<{ secret: string; bruteForce: { matches: Array<{ fields: string[] }> } }>;
}

interface Fixture {
  id: string;
  credentials: { merchantId: string; merchantSiteId: string; merchantSecret: string };
  steps: Step[];
}

// The session and authorize steps of every recording; flow-fixtures.test.ts replays the rest.
const FIXTURE_DIRS = [
  new URL('../../fixtures/reference/', import.meta.url),
  new URL('../../fixtures/reference-flows/', import.meta.url),
];
const fixtures: Fixture[] = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.startsWith('nuvei_') && name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Fixture),
)
  .map((fixture) => ({
    ...fixture,
    steps: fixture.steps.filter((step) => step.name === 'session' || step.name === 'authorize'),
  }))
  .filter((fixture) => fixture.steps.length > 0);

/** "Currency.USD" → "USD", "CaptureMethod.AUTOMATIC" → "AUTOMATIC". */
const enumValue = (step: Step, path: string): string | undefined =>
  step.inputEnumNames[path]?.split('.').pop();

const SDK_STATUS: Readonly<Record<string, AttemptStatus>> = {
  CHARGED: 'Charged',
  AUTHORIZED: 'Authorized',
  FAILURE: 'Failure',
  PENDING: 'Pending',
  AUTHENTICATION_PENDING: 'AuthenticationPending',
};

/** The SDK's authorize/session input in our runtime's terms. */
function paymentInputOf(step: Step): PaymentInput {
  const input = step.input;
  const amount = (step.name === 'session' ? input['payment']['amount'] : input['amount']) as {
    minorAmount: number;
  };
  const currency = (enumValue(step, 'amount.currency') ??
    enumValue(step, 'payment.amount.currency')) as Currency;
  const card = input['paymentMethod']?.['card'] as
    Record<string, { value: string } | undefined> | undefined;
  const billing = input['address']?.['billingAddress'] as
    Record<string, { value: string } | undefined> | undefined;
  const browser = input['browserInfo'] as Record<string, unknown> | undefined;
  const capture = enumValue(step, 'captureMethod');
  const country = enumValue(step, 'address.billingAddress.countryAlpha2Code');
  return {
    amount: amount.minorAmount,
    currency,
    ...(input['merchantServerSessionId'] === undefined
      ? {}
      : { sessionId: input['merchantServerSessionId'] as string }),
    ...(input['merchantTransactionId'] === undefined
      ? {}
      : { referenceId: input['merchantTransactionId'] as string }),
    ...(input['sessionToken'] === undefined
      ? {}
      : { sessionToken: input['sessionToken'] as string }),
    ...(capture === undefined
      ? {}
      : { captureMethod: capture === 'MANUAL' ? 'manual' : 'automatic' }),
    ...(card === undefined
      ? {}
      : {
          paymentMethod: {
            type: 'card' as const,
            number: new Secret(card['cardNumber']!.value),
            expMonth: new Secret(card['cardExpMonth']!.value),
            expYear: new Secret(card['cardExpYear']!.value),
            cvc: new Secret(card['cardCvc']!.value),
            ...(card['cardHolderName'] === undefined
              ? {}
              : { holderName: card['cardHolderName'].value }),
          },
        }),
    ...(billing === undefined
      ? {}
      : {
          billing: {
            ...(billing['firstName'] ? { firstName: billing['firstName'].value } : {}),
            ...(billing['lastName'] ? { lastName: billing['lastName'].value } : {}),
            ...(billing['email'] ? { email: billing['email'].value } : {}),
            ...(country === undefined ? {} : { country }),
          },
        }),
    ...(input['returnUrl'] === undefined ? {} : { returnUrl: input['returnUrl'] as string }),
    ...(browser === undefined ? {} : { browserInfo: browser }),
  };
}

/** `YYYYMMDDHHmmss` read as UTC. */
function parseUtcTimestamp(value: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) =>
    Number(value.slice(at, at + (i === 0 ? 4 : 2))),
  ) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** What UCS's SDK returned, in the shape our RouterData can be compared with. */
function sdkView(step: Step, routerData: RouterData<'CreateSessionToken' | 'Authorize'>) {
  const response = routerData.response;
  if (response === undefined) throw new Error('the flow returned no response');
  if (!response.ok) {
    const { code, message, reason, connectorTransactionId } = response.error;
    return {
      statusCode: response.error.statusCode,
      error: {
        connectorDetails: {
          code,
          message,
          ...(reason === undefined ? {} : { reason }),
          ...(connectorTransactionId === undefined ? {} : { connectorTransactionId }),
        },
      },
    };
  }
  if (step.name === 'session') {
    const value = response.value as { sessionToken: string };
    return { sessionToken: value.sessionToken };
  }
  const value = response.value as {
    resourceId: { type: string; id?: string };
    connectorResponseReferenceId?: string;
  };
  return {
    status: routerData.flowData.status,
    ...(value.resourceId.id === undefined ? {} : { connectorTransactionId: value.resourceId.id }),
    ...(value.connectorResponseReferenceId === undefined
      ? {}
      : { merchantTransactionId: value.connectorResponseReferenceId }),
  };
}

function expectedView(step: Step, value: Loose, enumNames: Record<string, string>) {
  if (value['error'] !== undefined) {
    return {
      statusCode: value['statusCode'],
      error: { connectorDetails: value['error']['connectorDetails'] },
    };
  }
  if (step.name === 'session') return { sessionToken: value['sessionToken'] };
  const status = SDK_STATUS[enumNames['status']!.split('.').pop()!];
  expect(status === undefined || isAttemptStatus(status)).toBe(true);
  return {
    status,
    ...(value['connectorTransactionId'] === undefined
      ? {}
      : { connectorTransactionId: value['connectorTransactionId'] }),
    ...(value['merchantTransactionId'] === undefined
      ? {}
      : { merchantTransactionId: value['merchantTransactionId'] }),
  };
}

describe.each(fixtures.map((fixture) => [fixture.id, fixture] as const))(
  'fixture %s',
  (_id, fixture) => {
    let gateway: LoopbackGateway;
    const auth = {
      type: 'SignatureKey' as const,
      apiKey: new Secret(fixture.credentials.merchantId),
      key1: new Secret(fixture.credentials.merchantSiteId),
      apiSecret: new Secret(fixture.credentials.merchantSecret),
    };
    // Each recorded path answers with its recorded response.
    const answers = new Map(
      fixture.steps
        .filter((step) => step.coreRequest !== null && step.gatewayResponse !== null)
        .map((step) => [step.coreRequest!.urlPath, step.gatewayResponse!] as const),
    );

    // A zone far from UTC, so a timeStamp in local time would fail the "UTC" rule below.
    let previousTz: string | undefined;
    beforeAll(() => {
      previousTz = process.env['TZ'];
      process.env['TZ'] = 'Asia/Kathmandu';
    });
    afterAll(() => {
      if (previousTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previousTz;
    });

    beforeAll(async () => {
      gateway = await startLoopbackGateway((request) => {
        const answer = answers.get(request.path);
        if (answer === undefined) return { status: 404, body: 'not recorded' };
        return {
          status: answer.status,
          headers: { 'content-type': answer.headers['Content-Type'] ?? 'application/json' },
          body: answer.body,
        };
      });
    });
    afterAll(() => gateway.close());
    beforeEach(() => gateway.reset());

    it.each(fixture.steps.map((step) => [step.name, step] as const))(
      'step %s: same request bytes and same result',
      async (_name, step) => {
        const payment = paymentInputOf(step);
        const options = { auth, baseUrl: `${gateway.baseUrl}/ppp/api/v1`, timeoutMs: 5_000 };
        const run = () =>
          step.name === 'session'
            ? createSessionToken(nuvei, payment, options)
            : authorize(nuvei, payment, { ...options, runSessionStep: false }).then((outcome) => {
                if (outcome.stage !== 'Authorize') throw new Error('expected Authorize to run');
                return outcome.authorize as RouterData<'Authorize'>;
              });
        const startedAt = Date.now();

        if (step.sdkResult.outcome === 'threw') {
          const error = await failureOf(run());
          expect(error['name']).toBe(step.sdkResult.error.class);
          expect(error['code']).toBe(step.sdkResult.error.errorCode);
          expect(error['message']).toBe(step.sdkResult.error.message);
          expect(gateway.requests).toHaveLength(step.httpRequestsReceivedByRecorder);
          return;
        }

        const routerData = await run();
        const core = step.coreRequest!;
        expect(gateway.requests).toHaveLength(step.httpRequestsReceivedByRecorder);
        const received = gateway.requests[0]!;
        expect(received.method).toBe(core.method);
        expect(received.target).toBe(core.urlPath);
        expect(received.query).toEqual(core.query);

        // Headers: the core's own, with its values. Not their order: the core keeps them in a
        // hash map, and its recordings of one endpoint show both orders.
        const coreHeaderNames = Object.keys(core.headers);
        expect(
          Object.keys(received.headers)
            .filter((name) => coreHeaderNames.includes(name))
            .sort(),
        ).toEqual([...coreHeaderNames].sort());
        for (const [name, value] of Object.entries(core.headers)) {
          expect(received.headers[name]).toBe(value);
        }

        // Volatile fields, each by its rule.
        const body = JSON.parse(received.body) as Record<string, string>;
        expect(body['timeStamp']).toMatch(/^\d{14}$/);
        const sentAt = parseUtcTimestamp(body['timeStamp']!);
        expect(Math.abs(sentAt - startedAt)).toBeLessThanOrEqual(5_000);
        for (const check of step.checks) {
          const fields = check.bruteForce.matches[0]!.fields;
          const recomputed = createHash('sha256')
            .update(fields.map((field) => body[field]).join('') + check.secret)
            .digest('hex');
          expect(body['checksum']).toBe(recomputed);
        }

        // Everything else byte for byte.
        const recorded = core.bodyJson as Record<string, string>;
        const expected = core.body
          .replace(`"timeStamp":"${recorded['timeStamp']}"`, `"timeStamp":"${body['timeStamp']}"`)
          .replace(`"checksum":"${recorded['checksum']}"`, `"checksum":"${body['checksum']}"`);
        expect(received.body).toBe(expected);

        expect(sdkView(step, routerData)).toEqual(
          expectedView(step, step.sdkResult.value, step.sdkResult.enumNames),
        );
      },
    );
  },
);

it('replays at least the two recorded Nuvei scenarios', () => {
  expect(fixtures.map((fixture) => fixture.id)).toEqual(
    expect.arrayContaining([
      'nuvei_01_session_ok__card_auto_approved',
      'nuvei_09_session_status_error',
      'nuvei_void_01_happy',
    ]),
  );
});
