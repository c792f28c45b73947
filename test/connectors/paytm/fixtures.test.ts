/**
 * Replays every recorded Paytm scenario (test/fixtures/reference/paytm_*.json): a loopback gateway
 * answers with the recorded gatewayResponse, and what our connector sends must equal the bytes
 * Juspay's core sent once the volatile fields (requestTimestamp, signature) are replaced by the
 * recorded ones — each checked by its own rule first. Results are compared with the SDK's.
 */

import { readFileSync, readdirSync } from 'node:fs';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { paytm } from '../../../src/connectors/paytm/index.js';
import {
  Secret,
  authorize,
  createSessionToken,
  psync,
  isRuntimeError,
  type AttemptStatus,
  type Currency,
  type PaymentInput,
  type PaymentMethodData,
  type RouterData,
} from '../../../src/runtime/index.js';
import {
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
} from '../../../src/sandbox/loopback.js';
import { PaytmChecksum } from './support.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON, read field by field */
interface Step {
  name: 'session' | 'authorize' | 'get';
  input: Record<string, any>;
  inputEnumNames: Record<string, string>;
  callWindowUtc: { start: string; end: string };
  httpRequestsReceivedByRecorder: number;
  coreRequest: { method: string; url: string; headers: Record<string, string> } | null;
  wire: { target: string; body: string; headersFromCore: string[] } | null;
  gatewayResponse: { status: number; headers: Record<string, string>; body: string } | null;
  sdkResult:
    | { outcome: 'returned'; value: Record<string, any>; enumNames: Record<string, string> }
    | { outcome: 'threw'; error: { class: string; message: string; errorCode: string } };
  volatile: Array<{ path: string; value: string; kind: string }>;
  checks: Array<{ what: string; signedPayload?: string; merchantKey?: string }>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

interface Fixture {
  id: string;
  credentials: { merchantId: string; merchantKey: string; website: string; clientId?: string };
  steps: Step[];
}

const FIXTURE_DIRS = [
  new URL('../../fixtures/reference/', import.meta.url),
  new URL('../../fixtures/reference-flows/', import.meta.url),
];
const fixtures: Fixture[] = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.startsWith('paytm_') && name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Fixture),
);

/**
 * The one place we send other bytes than the core on purpose: PSync's path has one slash where
 * the core doubles it (README, "Where our model differs from UCS").
 */
const gatewayPath = (target: string) => target.replace('//v3/order/status', '/v3/order/status');

const SDK_STATUSES: Readonly<Record<string, AttemptStatus>> = {
  'PaymentStatus.AUTHORIZED': 'Authorized',
  'PaymentStatus.CHARGED': 'Charged',
  'PaymentStatus.PENDING': 'Pending',
  'PaymentStatus.FAILURE': 'Failure',
  'PaymentStatus.AUTHENTICATION_FAILED': 'AuthenticationFailed',
  'PaymentStatus.AUTHORIZATION_FAILED': 'AuthorizationFailed',
};

function currencyOf(step: Step, key: string): Currency {
  const name = step.inputEnumNames[key];
  if (name === undefined) throw new Error(`${step.name}: no enum name for ${key}`);
  return name.replace('Currency.', '') as Currency;
}

function paymentMethodOf(input: Record<string, unknown>): PaymentMethodData {
  const method = input as {
    upiCollect?: { vpaId: { value: string } };
    upiIntent?: object;
    upiQr?: object;
  };
  if (method.upiCollect)
    return { type: 'upi_collect', vpa: new Secret(method.upiCollect.vpaId.value) };
  if (method.upiIntent) return { type: 'upi_intent' };
  if (method.upiQr) return { type: 'upi_qr' };
  throw new Error(`unmapped payment method ${JSON.stringify(input)}`);
}

function authorizePayment(step: Step): PaymentInput {
  const { input } = step;
  const billing = (input['address']?.billingAddress ?? {}) as Record<string, unknown>;
  if (Object.keys(billing).length > 0) throw new Error('billing fields are not mapped yet');
  return {
    referenceId: input['merchantTransactionId'] as string,
    amount: input['amount'].minorAmount as number,
    currency: currencyOf(step, 'amount.currency'),
    paymentMethod: paymentMethodOf(input['paymentMethod'] as Record<string, unknown>),
    captureMethod:
      step.inputEnumNames['captureMethod'] === 'CaptureMethod.MANUAL' ? 'manual' : 'automatic',
    billing: {},
    ...(input['sessionToken'] === undefined
      ? {}
      : { sessionToken: input['sessionToken'] as string }),
    ...(input['returnUrl'] === undefined ? {} : { returnUrl: input['returnUrl'] as string }),
    ...(input['description'] === undefined ? {} : { description: input['description'] as string }),
  };
}

function syncPayment(step: Step): PaymentInput {
  return {
    referenceId: step.input['merchantTransactionId'] as string,
    amount: step.input['amount'].minorAmount as number,
    currency: currencyOf(step, 'amount.currency'),
  };
}

function sessionPayment(step: Step): PaymentInput {
  return {
    sessionId: step.input['merchantServerSessionId'] as string,
    amount: step.input['payment'].amount.minorAmount as number,
    currency: currencyOf(step, 'payment.amount.currency'),
  };
}

/** Our value of a volatile field, checked by its rule, then swapped for the recorded one. */
function normalizeVolatile(
  fixture: Fixture,
  step: Step,
  raw: string,
  callWindow: { startMs: number; endMs: number },
): string {
  const sent = JSON.parse(raw) as { head: Record<string, unknown>; body: unknown };
  let normalized = raw;
  for (const field of step.volatile) {
    const name = field.path.split('.').at(-1)!;
    const ours = sent.head[name];
    expect(typeof ours, `${field.path} is a string`).toBe('string');
    if (name === 'requestTimestamp') {
      expect(ours).toMatch(/^\d{10}$/);
      const seconds = Number(ours);
      expect(seconds).toBeGreaterThanOrEqual(Math.floor(callWindow.startMs / 1000));
      expect(seconds).toBeLessThanOrEqual(Math.ceil(callWindow.endMs / 1000));
    } else if (name === 'signature') {
      const signed = JSON.stringify(sent.body);
      const check = step.checks.find((entry) => entry.what === 'paytm.signature');
      expect(ours).toMatch(/^[A-Za-z0-9+/]{107}=$/);
      expect(raw.includes(signed), 'the signed text is the exact body bytes').toBe(true);
      expect(signed).toBe(check?.signedPayload);
      const key = fixture.credentials.merchantKey;
      expect(PaytmChecksum.verifySignature(signed, key, ours as string)).toBe(true);
      // UCS's own recorded signature covers our bytes too.
      expect(PaytmChecksum.verifySignature(signed, key, field.value)).toBe(true);
    } else {
      throw new Error(`no rule for volatile field ${field.path}`);
    }
    const before = `"${name}":${JSON.stringify(ours)}`;
    expect(normalized.split(before)).toHaveLength(2);
    normalized = normalized.replace(before, `"${name}":${JSON.stringify(field.value)}`);
  }
  return normalized;
}

function expectSdkResult(
  step: Step,
  result: RouterData<'CreateSessionToken' | 'Authorize' | 'PSync'>,
) {
  const { sdkResult } = step;
  if (sdkResult.outcome !== 'returned') throw new Error('expected a returned result');
  const sdk = sdkResult.value;
  expect(sdk['statusCode']).toBe(200);
  if (sdk['error'] !== undefined) {
    expect(result.response?.ok).toBe(false);
    const error = result.response?.error;
    expect(error?.statusCode).toBe(sdk['statusCode']);
    const details = sdk['error'].connectorDetails as Record<string, string>;
    expect({ code: error?.code, message: error?.message, reason: error?.reason }).toEqual({
      code: details['code'],
      message: details['message'],
      reason: details['reason'],
    });
    expect(error?.connectorTransactionId).toBe(details['connectorTransactionId']);
    return;
  }
  expect(result.response?.ok).toBe(true);
  const value = result.response?.value as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (step.name === 'session') {
    expect(value['sessionToken']).toBe(sdk['sessionToken']);
    expect(result.flowData.sessionToken).toBe(sdk['sessionToken']);
    return;
  }
  expect(result.flowData.status).toBe(SDK_STATUSES[sdkResult.enumNames['status'] ?? '']);
  const resourceId = value['resourceId'] as { type: string; id?: string };
  if (sdk['connectorTransactionId'] === undefined)
    expect(resourceId).toEqual({ type: 'NoResponseId' });
  else
    expect(resourceId).toEqual({
      type: 'ConnectorTransactionId',
      id: sdk['connectorTransactionId'],
    });
  expect(value['connectorResponseReferenceId']).toBe(sdk['merchantTransactionId']);
  const uri = sdk['redirectionData']?.uri?.uri as string | undefined;
  expect(value['redirection']).toEqual(uri === undefined ? undefined : { type: 'uri', uri });
  expect(JSON.stringify(value['connectorMetadata'])).toBe(sdk['connectorFeatureData']?.value);
}

describe.each(fixtures)('fixture $id', (fixture) => {
  let gateway: LoopbackGateway;
  let reply: GatewayReply | undefined;
  const credentials = fixture.credentials;
  const auth = {
    type: 'MultiAuthKey' as const,
    apiKey: new Secret(credentials.merchantId),
    key1: new Secret(credentials.merchantKey),
    apiSecret: new Secret(credentials.website),
    key2: new Secret(credentials.clientId ?? ''),
  };

  beforeAll(async () => {
    gateway = await startLoopbackGateway(() => reply ?? { status: 500, body: 'no reply recorded' });
  });
  afterAll(async () => {
    await gateway.close();
  });
  beforeEach(() => {
    gateway.reset();
    reply = undefined;
  });

  it.each(fixture.steps.map((step) => [step.name, step] as const))(
    '%s step',
    async (_name, step) => {
      const options = {
        auth,
        baseUrl: `${gateway.baseUrl}/`,
        timeoutMs: 5_000,
        runSessionStep: false,
      };
      if (step.gatewayResponse !== null) {
        const { 'Content-Length': _length, ...headers } = step.gatewayResponse.headers;
        reply = { status: step.gatewayResponse.status, headers, body: step.gatewayResponse.body };
      }
      const startMs = Date.now();
      const call =
        step.name === 'session'
          ? createSessionToken(paytm, sessionPayment(step), options)
          : step.name === 'get'
            ? psync(paytm, syncPayment(step), options)
            : authorize(paytm, authorizePayment(step), options).then((outcome) =>
                outcome.stage === 'Authorize' ? outcome.authorize : outcome.session,
              );

      if (step.sdkResult.outcome === 'threw') {
        const error = await call.then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(isRuntimeError(error)).toBe(true);
        expect(error).toMatchObject({
          name: step.sdkResult.error.class,
          code: step.sdkResult.error.errorCode,
          message: step.sdkResult.error.message,
        });
        expect(gateway.requests).toHaveLength(step.httpRequestsReceivedByRecorder);
        return;
      }
      const result = await call;
      const endMs = Date.now();
      expect(gateway.requests).toHaveLength(step.httpRequestsReceivedByRecorder);
      const received = gateway.requests[0]!;
      const { coreRequest, wire } = step;
      if (coreRequest === null || wire === null) throw new Error('a returned step has a request');

      expect(received.method).toBe(coreRequest.method);
      expect(received.target).toBe(gatewayPath(wire.target));
      expect(`${gateway.baseUrl}${received.target}`).toBe(
        gatewayPath(coreRequest.url.replace('{PORT}', String(gateway.port))),
      );
      for (const name of wire.headersFromCore) {
        expect(received.headers[name]).toBe(coreRequest.headers[name]);
      }
      // UCS's header order varies between recordings; ours is fixed: via, then content-type.
      expect(
        Object.keys(received.headers).filter((name) => wire.headersFromCore.includes(name)),
      ).toEqual(['via', 'content-type']);
      expect(received.headers['content-length']).toBe(String(Buffer.byteLength(received.body)));

      const normalized = normalizeVolatile(fixture, step, received.body, { startMs, endMs });
      expect(normalized).toBe(wire.body);
      expectSdkResult(step, result);
    },
  );
});
