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
  type CallOptions,
  type Connector,
  type ConnectorEvent,
  type ErrorResponse,
  type PaymentInput,
  type PaymentsResponseData,
  type RedirectForm,
  type RefundStatus,
  type RefundsResponseData,
  type RouterData,
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

export async function runFlow(
  flow: RunFlow,
  connector: Connector<AmountType>,
  file: PaymentFile,
  call: CallOptions,
  exchanges: readonly ConnectorEvent[],
): Promise<RunResult> {
  const common = defined({
    referenceId: file.referenceId ?? file.orderId,
    connectorTransactionId: file.connectorTransactionId,
  });
  switch (flow) {
    case 'session': {
      const session = await createSessionToken(
        connector,
        paymentInput(file, 'CreateSessionToken'),
        call,
      );
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
      const outcome = await authorize(connector, paymentInput(file, 'Authorize'), call);
      if (outcome.stage === 'CreateSessionToken') {
        return { status: outcome.status, error: fromErrorResponse(outcome.error), exchanges };
      }
      const { response, flowData } = outcome.authorize;
      return paymentResult(outcome.status, response, flowData.sessionToken, exchanges);
    }
    case 'psync': {
      const input = {
        ...common,
        ...defined({
          amount: file.amount,
          currency: file.currency,
          captureMethod: file.captureMethod,
        }),
      };
      const synced = await sync(connector, input, call);
      return paymentResult(synced.flowData.status, synced.response, undefined, exchanges);
    }
    case 'capture': {
      const input = {
        ...common,
        ...defined({
          amountToCapture: file.amount,
          currency: file.currency,
          merchantCaptureId: file.captureId,
        }),
      };
      const captured = await capture(connector, input, call);
      return paymentResult(captured.flowData.status, captured.response, undefined, exchanges);
    }
    case 'void': {
      const input = {
        ...common,
        ...defined({
          amount: file.amount,
          currency: file.currency,
          merchantVoidId: file.voidId,
          cancellationReason: file.cancellationReason,
        }),
      };
      const voided = await voidPayment(connector, input, call);
      return paymentResult(voided.flowData.status, voided.response, undefined, exchanges);
    }
    case 'refund': {
      const input = {
        ...common,
        ...defined({
          refundAmount: file.amount,
          currency: file.currency,
          merchantRefundId: file.refundId,
          paymentAmount: file.paymentAmount,
          reason: file.refundReason,
        }),
      };
      return refundResult(await refund(connector, input, call), exchanges);
    }
    case 'rsync': {
      const input = {
        ...common,
        ...defined({ connectorRefundId: file.connectorRefundId, merchantRefundId: file.refundId }),
      };
      return refundResult(await refundSync(connector, input, call), exchanges);
    }
  }
}
