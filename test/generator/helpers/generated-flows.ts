/**
 * Every flow of a generated connector, run with the runtime's calls against the generic emulator
 * built from the same answers, over loopback (DESIGN §4b): the statuses each answer maps to, the
 * ledger's refusals as the flows' failure statuses with the gateway's error code, the forced
 * outcomes, the request each flow sends (GET without a body, POST members in wire order, the
 * ids in their own path segment), the typed errors raised before any HTTP, and the flows the
 * answers leave out (not implemented by the connector, 404 at the emulator). The combination
 * test writes a vitest file into its sample workspace that calls this for every connector.
 */

import { expect } from 'vitest';

import {
  authorize,
  capture,
  hasFlow,
  IntegrationError,
  isRuntimeError,
  refund,
  refundSync,
  Secret,
  sync,
  voidPayment,
  type AmountType,
  type Connector,
  type RouterData,
} from '../../../src/runtime/index.js';
import {
  flowEndpoint,
  GENERIC_FLOWS,
  GENERIC_FORCING_AMOUNTS,
  GENERIC_FORCING_REFERENCES,
  GENERIC_SANDBOX_CREDENTIALS,
  GENERIC_TEST_CARDS,
  genericSandboxAuth,
  startGenericEmulator,
  type EndpointKey,
  type GenericEmulator,
  type GenericFlow,
  type GenericGatewaySpec,
} from '../../../src/sandbox/generic.js';

/** What a flow case needs of the answers: the emulator's spec with the chosen flows. */
export type FlowCaseSpec = GenericGatewaySpec & { readonly flows: readonly GenericFlow[] };

const ENDPOINT_KEYS: Readonly<Record<GenericFlow, EndpointKey>> = {
  PSync: 'syncEndpoint',
  Capture: 'captureEndpoint',
  Void: 'voidEndpoint',
  Refund: 'refundEndpoint',
  RSync: 'refundSyncEndpoint',
};

/** The flow's own POST members (DESIGN §4b), between the merchant's and the signature's. */
const FLOW_MEMBERS: Readonly<Partial<Record<GenericFlow, readonly string[]>>> = {
  Capture: ['amount', 'currency', 'reference'],
  Void: ['reference', 'reason'],
  Refund: ['amount', 'currency', 'reference', 'reason'],
};

const AMOUNT = 1050;

function payment(captureMethod: 'automatic' | 'manual', referenceId: string) {
  return {
    referenceId,
    amount: AMOUNT,
    currency: 'USD' as const,
    captureMethod,
    paymentMethod: {
      type: 'card' as const,
      number: new Secret(GENERIC_TEST_CARDS.approve),
      expMonth: new Secret('12'),
      expYear: new Secret('2030'),
      cvc: new Secret('123'),
    },
  };
}

/** The error a call threw, or undefined when it returned. */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}

type Outcome = RouterData<'PSync' | 'Capture' | 'Void' | 'Refund' | 'RSync'>;

function errorCode(outcome: Outcome): string | undefined {
  return outcome.response?.ok === false ? outcome.response.error.code : undefined;
}

function bodyKeys(body: string, contentType: string): string[] {
  if (contentType === 'application/json') return Object.keys(JSON.parse(body) as object);
  return [...new URLSearchParams(body).keys()];
}

export async function exerciseFlows(
  connector: Connector<AmountType>,
  spec: FlowCaseSpec,
): Promise<void> {
  const emulator = await startGenericEmulator(spec);
  try {
    await exerciseOn(connector, spec, emulator);
  } finally {
    await emulator.close();
  }
}

async function exerciseOn(
  connector: Connector<AmountType>,
  spec: FlowCaseSpec,
  emulator: GenericEmulator,
): Promise<void> {
  const options = { auth: genericSandboxAuth(spec.authType), baseUrl: emulator.baseUrl };
  const has = (flow: GenericFlow) => spec.flows.includes(flow);
  const endpoint = (flow: GenericFlow) => flowEndpoint(spec, ENDPOINT_KEYS[flow]);
  const namesTransaction = (flow: GenericFlow) =>
    endpoint(flow).split('/').includes('{connectorTransactionId}');
  const authorized = async (captureMethod: 'automatic' | 'manual', reference: string) => {
    const outcome = await authorize(connector, payment(captureMethod, reference), options);
    expect(outcome.status).toBe(captureMethod === 'manual' ? 'Authorized' : 'Charged');
    const response = outcome.stage === 'Authorize' ? outcome.authorize.response : undefined;
    if (response?.ok !== true || response.value.resourceId.type !== 'ConnectorTransactionId') {
      throw new Error(`no transaction id from Authorize: ${JSON.stringify(response)}`);
    }
    return response.value.resourceId.id;
  };
  /** The flow ran: the status it reports, and the code of the error it carries, if any. */
  const result = (outcome: Outcome) => ({
    status:
      outcome.response?.ok === true && 'refundStatus' in outcome.response.value
        ? outcome.response.value.refundStatus
        : outcome.flowData.status,
    code: errorCode(outcome),
  });
  /** The typed error a call raises before any request reaches the emulator. */
  const refusedBeforeHttp = async (call: () => Promise<unknown>) => {
    const before = emulator.requests.length;
    const error = await thrown(call);
    expect(emulator.requests.length).toBe(before);
    expect(error).toBeInstanceOf(IntegrationError);
    return error as IntegrationError;
  };

  for (const flow of GENERIC_FLOWS) {
    expect(hasFlow(connector, flow), `${connector.id} declares ${flow}`).toBe(has(flow));
  }

  // ---- PSync, Capture and Void on a manual authorization ----
  const manual = await authorized('manual', 'order-1');
  if (has('PSync')) {
    const synced = await sync(
      connector,
      { connectorTransactionId: manual, amount: AMOUNT },
      options,
    );
    expect(result(synced)).toEqual({ status: 'Authorized', code: undefined });
  }
  if (has('Capture')) {
    const call = (amountToCapture: number, merchantCaptureId?: string) =>
      capture(
        connector,
        {
          connectorTransactionId: manual,
          amountToCapture,
          currency: 'USD',
          ...(merchantCaptureId === undefined ? {} : { merchantCaptureId }),
        },
        options,
      );
    expect(result(await call(600, 'capture-1'))).toEqual({ status: 'Charged', code: undefined });
    expect(result(await call(600))).toEqual({ status: 'CaptureFailed', code: 'AMOUNT_TOO_HIGH' });
    expect(result(await call(GENERIC_FORCING_AMOUNTS.pending))).toEqual({
      status: 'CaptureInitiated',
      code: undefined,
    });
    expect(result(await call(GENERIC_FORCING_AMOUNTS.decline))).toEqual({
      status: 'CaptureFailed',
      code: 'CAPTURE_DECLINED',
    });
    expect(result(await call(450))).toEqual({ status: 'Charged', code: undefined });
    expect(result(await call(1))).toEqual({ status: 'CaptureFailed', code: 'CAPTURE_NOT_ALLOWED' });
    if (has('PSync')) {
      const synced = await sync(connector, { connectorTransactionId: manual, amount: 1 }, options);
      expect(result(synced)).toEqual({ status: 'Charged', code: undefined });
    }
    if (has('Void') && namesTransaction('Void')) {
      const voided = await voidPayment(connector, { connectorTransactionId: manual }, options);
      expect(result(voided)).toEqual({ status: 'VoidFailed', code: 'VOID_NOT_ALLOWED' });
    }
  }
  if (has('Void')) {
    const open = await authorized('manual', 'order-2');
    const call = (merchantVoidId?: string, cancellationReason?: string) =>
      voidPayment(
        connector,
        {
          connectorTransactionId: open,
          ...(merchantVoidId === undefined ? {} : { merchantVoidId }),
          ...(cancellationReason === undefined ? {} : { cancellationReason }),
        },
        options,
      );
    expect(result(await call(`${GENERIC_FORCING_REFERENCES.pending}-1`))).toEqual({
      status: 'VoidInitiated',
      code: undefined,
    });
    expect(result(await call(GENERIC_FORCING_REFERENCES.decline))).toEqual({
      status: 'VoidFailed',
      code: 'VOID_DECLINED',
    });
    expect(result(await call('void-1', 'customer asked'))).toEqual({
      status: 'Voided',
      code: undefined,
    });
    expect(result(await call())).toEqual({ status: 'VoidFailed', code: 'VOID_NOT_ALLOWED' });
    if (has('PSync')) {
      const synced = await sync(connector, { connectorTransactionId: open, amount: 1 }, options);
      expect(result(synced)).toEqual({ status: 'Voided', code: undefined });
    }
  }
  if (has('PSync') && namesTransaction('PSync')) {
    // an id is one path segment, whatever it holds
    const synced = await sync(connector, { connectorTransactionId: 'a/b c', amount: 1 }, options);
    expect(result(synced)).toEqual({ status: 'Failure', code: 'TRANSACTION_NOT_FOUND' });
    expect(emulator.requests.at(-1)?.path).toContain('/a%2Fb%20c');
  }

  // ---- Refund and RSync on an automatic capture ----
  /** A refund flow ran: the refund's state, and the code of the error it carries, if any. */
  const refundResult = (outcome: RouterData<'Refund' | 'RSync'>) => ({
    refundStatus: outcome.response?.ok === true ? outcome.response.value.refundStatus : undefined,
    code: errorCode(outcome),
  });
  const paid = await authorized('automatic', 'order-3');
  if (has('Refund')) {
    const call = (refundAmount: number, merchantRefundId?: string, reason?: string) =>
      refund(
        connector,
        {
          connectorTransactionId: paid,
          refundAmount,
          currency: 'USD',
          ...(merchantRefundId === undefined ? {} : { merchantRefundId }),
          ...(reason === undefined ? {} : { reason }),
        },
        options,
      );
    const first = await call(400, 'refund-1', 'returned');
    expect(refundResult(first)).toEqual({ refundStatus: 'Success', code: undefined });
    const refundId = first.response?.ok === true ? first.response.value.connectorRefundId : '';
    expect(refundId).toMatch(/^rf_\d+$/);
    expect(refundResult(await call(700, 'refund-2'))).toEqual({
      refundStatus: undefined,
      code: 'REFUND_NOT_ALLOWED',
    });
    expect(refundResult(await call(100, `${GENERIC_FORCING_REFERENCES.decline}-1`))).toEqual({
      refundStatus: 'Failure',
      code: undefined,
    });
    expect(refundResult(await call(100, `${GENERIC_FORCING_REFERENCES.pending}-1`))).toEqual({
      refundStatus: 'Pending',
      code: undefined,
    });
    const missing = await refusedBeforeHttp(() => call(100));
    expect([missing.code, missing.field]).toEqual(['MISSING_REQUIRED_FIELD', 'merchant_refund_id']);
    if (has('RSync')) {
      const synced = await refundSync(
        connector,
        { connectorTransactionId: paid, connectorRefundId: refundId },
        options,
      );
      expect(refundResult(synced)).toEqual({ refundStatus: 'Success', code: undefined });
      expect(synced.response).toMatchObject({ ok: true, value: { connectorRefundId: refundId } });
    }
  }
  if (has('RSync')) {
    const unknown = await refundSync(
      connector,
      { connectorTransactionId: paid, connectorRefundId: 'rf_999999' },
      options,
    );
    expect(refundResult(unknown)).toEqual({ refundStatus: undefined, code: 'REFUND_NOT_FOUND' });
    if (endpoint('RSync').split('/').includes('{connectorRefundId}')) {
      const error = await refusedBeforeHttp(() =>
        refundSync(connector, { connectorTransactionId: paid }, options),
      );
      expect([error.code, error.field]).toEqual(['MISSING_REQUIRED_FIELD', 'connector_refund_id']);
    }
  }

  // ---- typed errors before any HTTP ----
  if (has('Capture') && namesTransaction('Capture')) {
    const error = await refusedBeforeHttp(() =>
      capture(connector, { amountToCapture: 100, currency: 'USD' }, options),
    );
    expect(error.code).toBe('MISSING_CONNECTOR_TRANSACTION_ID');
  }

  // ---- what went on the wire ----
  checkWire(spec, emulator);

  // ---- the flows the answers leave out ----
  for (const flow of GENERIC_FLOWS.filter((candidate) => !has(candidate))) {
    const error = await refusedBeforeHttp(() =>
      flow === 'PSync'
        ? sync(connector, { connectorTransactionId: manual, amount: 1 }, options)
        : flow === 'Capture'
          ? capture(
              connector,
              { connectorTransactionId: manual, amountToCapture: 1, currency: 'USD' },
              options,
            )
          : flow === 'Void'
            ? voidPayment(connector, { connectorTransactionId: manual }, options)
            : flow === 'Refund'
              ? refund(
                  connector,
                  {
                    connectorTransactionId: manual,
                    refundAmount: 1,
                    currency: 'USD',
                    merchantRefundId: 'r',
                  },
                  options,
                )
              : refundSync(
                  connector,
                  { connectorTransactionId: manual, connectorRefundId: 'r' },
                  options,
                ),
    );
    expect(isRuntimeError(error) && error.code).toBe('NOT_IMPLEMENTED');
    const path = flowEndpoint({ ...spec, flows: GENERIC_FLOWS }, ENDPOINT_KEYS[flow])
      .replace('{connectorTransactionId}', manual)
      .replace('{connectorRefundId}', 'rf_000001');
    const answer = await fetch(`${emulator.baseUrl}/${path}`, {
      headers: { authorization: `Bearer ${GENERIC_SANDBOX_CREDENTIALS.apiKey}` },
    });
    expect(answer.status, `${flow} at ${path}`).toBe(404);
  }
}

/** Each request of a flow after Authorize: GET without a body, POST members in §4b's order. */
function checkWire(spec: FlowCaseSpec, emulator: GenericEmulator): void {
  const session = `/${spec.sessionTokenEndpoint}`;
  const authorizePath = `/${spec.authorizeEndpoint}`;
  const followUps = emulator.requests.filter(
    (request) => request.path !== session && request.path !== authorizePath,
  );
  expect(followUps.length).toBeGreaterThan(spec.flows.length === 0 ? -1 : 0);
  const head = ['merchantId', ...(spec.authType === 'BodyKey' ? ['merchantKey'] : [])];
  const tail = spec.authType === 'SignatureKey' ? ['timestamp', 'checksum'] : [];
  for (const request of followUps) {
    if (request.method === 'GET') {
      expect(request.body).toBe('');
      continue;
    }
    const keys = bodyKeys(request.body, spec.contentType);
    const members = keys.slice(head.length, keys.length - tail.length);
    expect(keys.slice(0, head.length)).toEqual(head);
    expect(keys.slice(keys.length - tail.length)).toEqual(tail);
    const known = Object.values(FLOW_MEMBERS).some((order) => {
      const expected = order.filter((member) => members.includes(member));
      return expected.length === members.length && expected.every((m, i) => members[i] === m);
    });
    expect(known, `${request.path}: ${keys.join(', ')}`).toBe(true);
  }
}
