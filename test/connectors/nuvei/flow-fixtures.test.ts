/**
 * Replays the recorded Nuvei flows after the payment (test/fixtures/reference-flows/nuvei_*.json:
 * capture, void, refund, refund sync): a loopback gateway answers with the recorded answer, the
 * request must equal the core's bytes once timeStamp and checksum (each checked by its rule) are
 * ours, and the result must equal the SDK's. Refund sync is where we follow the gateway instead
 * (README, "Where our model differs from UCS"): both differences are asserted here.
 */

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../../src/connectors/nuvei/index.js';
import {
  Secret,
  capture,
  refund,
  refundSync,
  voidPayment,
  type CallOptions,
  type Currency,
  type RouterData,
} from '../../../src/runtime/index.js';
import { startLoopbackGateway, type LoopbackGateway } from '../../../src/sandbox/loopback.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Step {
  name: string;
  ffiFlow: string;
  input: Loose;
  inputEnumNames: Record<string, string>;
  coreRequest: { urlPath: string; body: string; bodyJson: Record<string, string> };
  gatewayResponse: { status: number; body: string };
  sdkResult:
    | { outcome: 'returned'; value: Loose; enumNames: Record<string, string> }
    | {
        outcome: 'threw';
        error: { class: string; message: string; errorCode: string; httpStatusCode?: number };
      };
  checks: Array<{ secret: string; bruteForce: { matches: Array<{ fields: string[] }> } }>;
}

interface Fixture {
  id: string;
  credentials: { merchantId: string; merchantSiteId: string; merchantSecret: string };
  steps: Step[];
}

const FIXTURE_DIR = new URL('../../fixtures/reference-flows/', import.meta.url);
const FLOWS = new Set(['capture', 'void', 'refund', 'refund_get']);
const fixtures: Fixture[] = readdirSync(FIXTURE_DIR)
  .filter((name) => name.startsWith('nuvei_') && name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, FIXTURE_DIR), 'utf8')) as Fixture);
const steps = fixtures.flatMap((fixture) =>
  fixture.steps
    .filter((step) => FLOWS.has(step.ffiFlow))
    .map((step) => [`${fixture.id} ${step.name}`, fixture, step] as const),
);

const SDK_STATUS: Readonly<Record<string, string>> = {
  'PaymentStatus.CHARGED': 'Charged',
  'PaymentStatus.VOIDED': 'Voided',
  'RefundStatus.REFUND_SUCCESS': 'Success',
};

const currencyOf = (step: Step): Currency =>
  Object.entries(step.inputEnumNames)
    .find(([path]) => path.endsWith('.currency'))![1]
    .split('.')
    .pop() as Currency;

/** The SDK call of a step as our runtime's call. */
function call(step: Step, options: CallOptions, input: Loose = step.input) {
  const currency = currencyOf(step);
  const base = { connectorTransactionId: input['connectorTransactionId'] as string };
  switch (step.ffiFlow) {
    case 'capture':
      return capture(
        nuvei,
        {
          ...base,
          merchantCaptureId: input['merchantCaptureId'],
          amountToCapture: input['amountToCapture'].minorAmount,
          currency,
        },
        options,
      );
    case 'void':
      return voidPayment(
        nuvei,
        {
          ...base,
          merchantVoidId: input['merchantVoidId'],
          amount: input['amount'].minorAmount,
          currency,
          cancellationReason: input['cancellationReason'],
        },
        options,
      );
    case 'refund':
      return refund(
        nuvei,
        {
          ...base,
          merchantRefundId: input['merchantRefundId'],
          refundAmount: input['refundAmount'].minorAmount,
          currency,
          paymentAmount: input['paymentAmount'],
          reason: input['reason'],
        },
        options,
      );
    default:
      return refundSync(
        nuvei,
        {
          ...base,
          merchantRefundId: input['merchantRefundId'],
          ...(input['connectorRefundId'] === undefined
            ? {}
            : { connectorRefundId: input['connectorRefundId'] }),
        },
        options,
      );
  }
}

/** Our result in the SDK's terms. */
function sdkView(routerData: RouterData<'Capture' | 'Void' | 'Refund' | 'RSync'>) {
  const response = routerData.response!;
  if (!response.ok) throw new Error(`unexpected error ${response.error.code}`);
  if ('refundStatus' in response.value) {
    return {
      status: response.value.refundStatus,
      connectorRefundId: response.value.connectorRefundId,
      connectorTransactionId: (routerData.request as { connectorTransactionId: string })
        .connectorTransactionId,
    };
  }
  const id = response.value.resourceId;
  return {
    status: routerData.flowData.status,
    connectorTransactionId: id.type === 'ConnectorTransactionId' ? id.id : undefined,
  };
}

function expectedView(step: Step & { sdkResult: { outcome: 'returned' } }) {
  const { value, enumNames } = step.sdkResult;
  return {
    status: SDK_STATUS[enumNames['status']!],
    ...(value['connectorRefundId'] === undefined
      ? {}
      : { connectorRefundId: value['connectorRefundId'] }),
    connectorTransactionId: value['connectorTransactionId'],
  };
}

describe.each(steps)('recorded %s', (_label, fixture, step) => {
  let gateway: LoopbackGateway;
  const auth = {
    type: 'SignatureKey' as const,
    apiKey: new Secret(fixture.credentials.merchantId),
    key1: new Secret(fixture.credentials.merchantSiteId),
    apiSecret: new Secret(fixture.credentials.merchantSecret),
  };
  const options = () => ({ auth, baseUrl: `${gateway.baseUrl}/ppp/api/v1`, timeoutMs: 5_000 });

  beforeAll(async () => {
    gateway = await startLoopbackGateway(() => ({
      status: step.gatewayResponse.status,
      headers: { 'content-type': 'application/json' },
      body: step.gatewayResponse.body,
    }));
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.reset());

  /** The core's bytes with our timeStamp and checksum, after checking both by their rules. */
  function expectCoreBytes(coreBody: string, recorded: Record<string, string>) {
    const received = gateway.requests[0]!;
    expect(received.target).toBe(step.coreRequest.urlPath);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['via']).toBe('HyperSwitch');
    const body = JSON.parse(received.body) as Record<string, string>;
    expect(body['timeStamp']).toMatch(/^\d{14}$/);
    const fields = step.checks[0]!.bruteForce.matches[0]!.fields;
    expect(body['checksum']).toBe(
      createHash('sha256')
        .update(fields.map((field) => body[field]).join('') + step.checks[0]!.secret)
        .digest('hex'),
    );
    expect(received.body).toBe(
      coreBody
        .replace(`"timeStamp":"${recorded['timeStamp']}"`, `"timeStamp":"${body['timeStamp']}"`)
        .replace(`"checksum":"${recorded['checksum']}"`, `"checksum":"${body['checksum']}"`),
    );
  }

  if (step.ffiFlow !== 'refund_get') {
    it('sends the core’s bytes and maps the answer as the core does', async () => {
      const result = await call(step, options());
      expectCoreBytes(step.coreRequest.body, step.coreRequest.bodyJson);
      if (step.sdkResult.outcome !== 'returned') throw new Error('recorded as returned');
      expect(sdkView(result)).toEqual(expectedView(step as never));
    });
    return;
  }

  it('without a connectorRefundId: the core’s bytes exactly', async () => {
    const { connectorRefundId: _omitted, ...input } = step.input;
    await call(step, options(), input);
    expectCoreBytes(step.coreRequest.body, step.coreRequest.bodyJson);
  });

  it('with a connectorRefundId: asks about the refund, not the payment (the core differs)', async () => {
    await call(step, options());
    const coreBody = step.coreRequest.body.replace(
      `"transactionId":"${step.input['connectorTransactionId']}"`,
      `"transactionId":"${step.input['connectorRefundId']}"`,
    );
    expect(coreBody).not.toBe(step.coreRequest.body);
    expectCoreBytes(coreBody, step.coreRequest.bodyJson);
  });

  if (step.sdkResult.outcome === 'returned') {
    it('maps the flat answer as the core does', async () => {
      const result = await call(step, options());
      expect(sdkView(result)).toEqual(expectedView(step as never));
    });
  } else {
    const threw = step.sdkResult.error;
    it(`reads the nested answer the core refuses (${threw.errorCode})`, async () => {
      expect(threw.errorCode).toBe('RESPONSE_HANDLING_FAILED');
      const result = await call(step, options());
      expect(result.response).toEqual({
        ok: true,
        value: {
          connectorRefundId: JSON.parse(step.gatewayResponse.body).transactionDetails.transactionId,
          refundStatus: 'Success',
        },
      });
    });
  }
});

it('replays every recorded Nuvei flow after the payment', () => {
  expect(new Set(steps.map(([, , step]) => step.ffiFlow))).toEqual(FLOWS);
  expect(steps.length).toBeGreaterThanOrEqual(5);
});
