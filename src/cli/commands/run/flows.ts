/**
 * @module `run --flow`: each flow called with what payment.json holds, and its result in the
 * CLI's terms (`RunResult`). `amount`/`currency` are the flow's own: the payment's for authorize,
 * session, psync and void, the amount to capture, the refund amount.
 */

import {
  IntegrationError,
  authorize,
  capture,
  createSessionToken,
  refund,
  refundSync,
  sync,
  voidPayment,
  type AmountType,
  type AttemptStatus,
  type CaptureInput,
  type CallOptions,
  type Connector,
  type ConnectorEvent,
  type ErrorResponse,
  type PaymentInput,
  type PaymentsResponseData,
  type RedirectForm,
  type RefundInput,
  type RefundStatus,
  type RefundSyncInput,
  type RefundsResponseData,
  type RouterData,
  type SyncInput,
  type VoidInput,
} from '../../../runtime/index.js';
import type { RunFlow } from '../../run-flows.js';
import type { PaymentFile } from './payment-file.js';

export interface RunResult {
  /** An AttemptStatus; a RefundStatus for refund and rsync; absent when the core gives none. */
  readonly status?: AttemptStatus | RefundStatus;
  readonly sessionToken?: string;
  readonly connectorTransactionId?: string;
  readonly connectorRefundId?: string;
  readonly redirection?: {
    url: string;
    method: 'GET' | 'POST';
    formFields?: Record<string, string>;
  };
  readonly error?: {
    kind: 'integration' | 'connector' | 'network';
    type: string;
    code: string;
    message: string;
    reason?: string;
    httpStatus?: number;
  };
  readonly exchanges: readonly ConnectorEvent[];
}

type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorResponse } | undefined;

function redirectionOf(form: RedirectForm | undefined): RunResult['redirection'] {
  if (form === undefined) return undefined;
  if (form.type === 'uri') return { url: form.uri, method: 'GET' };
  return {
    url: form.endpoint,
    method: form.method,
    ...(Object.keys(form.formFields).length === 0 ? {} : { formFields: { ...form.formFields } }),
  };
}

export function fromErrorResponse(error: ErrorResponse): NonNullable<RunResult['error']> {
  return {
    kind: 'connector',
    type: 'CONNECTOR_ERROR_RESPONSE',
    code: error.code,
    message: error.message,
    ...(error.reason === undefined ? {} : { reason: error.reason }),
    httpStatus: error.statusCode,
  };
}

function paymentResult(
  status: AttemptStatus,
  response: Result<PaymentsResponseData>,
  sessionToken: string | undefined,
  exchanges: readonly ConnectorEvent[],
): RunResult {
  const value = response?.ok === true ? response.value : undefined;
  const transactionId =
    value?.resourceId.type === 'ConnectorTransactionId'
      ? value.resourceId.id
      : response?.ok === false
        ? response.error.connectorTransactionId
        : undefined;
  const redirection = redirectionOf(value?.redirection);
  return {
    status,
    ...(sessionToken === undefined ? {} : { sessionToken }),
    ...(transactionId === undefined ? {} : { connectorTransactionId: transactionId }),
    ...(redirection === undefined ? {} : { redirection }),
    ...(response?.ok === false ? { error: fromErrorResponse(response.error) } : {}),
    exchanges,
  };
}

/** A refund's RefundStatus; a request-level error has none (as in the core), only the error. */
function refundResult(
  routerData: RouterData<'Refund' | 'RSync'>,
  exchanges: readonly ConnectorEvent[],
): RunResult {
  const response: Result<RefundsResponseData> = routerData.response;
  const paymentId = routerData.request.connectorTransactionId;
  return {
    ...(response?.ok === true ? { status: response.value.refundStatus } : {}),
    ...(paymentId === '' ? {} : { connectorTransactionId: paymentId }),
    ...(response?.ok === true ? { connectorRefundId: response.value.connectorRefundId } : {}),
    ...(response?.ok === false ? { error: fromErrorResponse(response.error) } : {}),
    exchanges,
  };
}

const defined = <T extends object>(entries: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

/** authorize and session need the payment's amount and currency, as the core does. */
function paymentInput(file: PaymentFile, flow: string): PaymentInput {
  const context = { flow };
  if (file.amount === undefined) throw IntegrationError.missingField('amount', context);
  if (file.currency === undefined) throw IntegrationError.invalidCurrency('Unspecified', context);
  return { ...file, amount: file.amount, currency: file.currency };
}

/** What each flow is called with. */
export interface FlowInputs {
  readonly session: PaymentInput;
  readonly authorize: PaymentInput;
  readonly psync: SyncInput;
  readonly capture: CaptureInput;
  readonly void: VoidInput;
  readonly refund: RefundInput;
  readonly rsync: RefundSyncInput;
}

/**
 * The flow's input from payment.json, the one mapping `run` and `record` share: `amount` and
 * `currency` are the flow's own (the amount to capture, the refund amount, else the payment's).
 * A missing amount or currency for session/authorize is the runtime's typed error.
 */
export function flowInput<F extends RunFlow>(flow: F, file: PaymentFile): FlowInputs[F] {
  const common = defined({
    referenceId: file.referenceId ?? file.orderId,
    connectorTransactionId: file.connectorTransactionId,
  });
  const inputs: { [K in RunFlow]: () => FlowInputs[K] } = {
    session: () => paymentInput(file, 'CreateSessionToken'),
    authorize: () => paymentInput(file, 'Authorize'),
    psync: () => ({
      ...common,
      ...defined({
        amount: file.amount,
        currency: file.currency,
        captureMethod: file.captureMethod,
      }),
    }),
    capture: () => ({
      ...common,
      ...defined({
        amountToCapture: file.amount,
        currency: file.currency,
        merchantCaptureId: file.captureId,
      }),
    }),
    void: () => ({
      ...common,
      ...defined({
        amount: file.amount,
        currency: file.currency,
        merchantVoidId: file.voidId,
        cancellationReason: file.cancellationReason,
      }),
    }),
    refund: () => ({
      ...common,
      ...defined({
        refundAmount: file.amount,
        currency: file.currency,
        merchantRefundId: file.refundId,
        paymentAmount: file.paymentAmount,
        reason: file.refundReason,
      }),
    }),
    rsync: () => ({
      ...common,
      ...defined({ connectorRefundId: file.connectorRefundId, merchantRefundId: file.refundId }),
    }),
  };
  return inputs[flow]();
}

export async function runFlow(
  flow: RunFlow,
  connector: Connector<AmountType>,
  file: PaymentFile,
  call: CallOptions,
  exchanges: readonly ConnectorEvent[],
): Promise<RunResult> {
  switch (flow) {
    case 'session': {
      const session = await createSessionToken(connector, flowInput('session', file), call);
      if (session.response?.ok === true) {
        return { status: 'Pending', sessionToken: session.response.value.sessionToken, exchanges };
      }
      return {
        status: 'Failure',
        ...(session.response === undefined
          ? {}
          : { error: fromErrorResponse(session.response.error) }),
        exchanges,
      };
    }
    case 'authorize': {
      const outcome = await authorize(connector, flowInput('authorize', file), call);
      if (outcome.stage === 'CreateSessionToken') {
        return { status: outcome.status, error: fromErrorResponse(outcome.error), exchanges };
      }
      const { response, flowData } = outcome.authorize;
      return paymentResult(outcome.status, response, flowData.sessionToken, exchanges);
    }
    case 'psync': {
      const synced = await sync(connector, flowInput('psync', file), call);
      return paymentResult(synced.flowData.status, synced.response, undefined, exchanges);
    }
    case 'capture': {
      const captured = await capture(connector, flowInput('capture', file), call);
      return paymentResult(captured.flowData.status, captured.response, undefined, exchanges);
    }
    case 'void': {
      const voided = await voidPayment(connector, flowInput('void', file), call);
      return paymentResult(voided.flowData.status, voided.response, undefined, exchanges);
    }
    case 'refund':
      return refundResult(await refund(connector, flowInput('refund', file), call), exchanges);
    case 'rsync':
      return refundResult(await refundSync(connector, flowInput('rsync', file), call), exchanges);
  }
}
