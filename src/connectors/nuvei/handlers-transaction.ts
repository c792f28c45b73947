/**
 * @module Nuvei answers after the payment → RouterData: capture, void, refund and refund sync.
 * One table for the three: APPROVED, REDIRECT or (no transactionStatus) SUCCESS succeed;
 * DECLINED, ERROR, Filter Error or FAILED fail without an error object (gwErrorCode is dropped);
 * PENDING waits. A request-level `status: "ERROR"` is the flow's failure with the error.
 */

import {
  withError,
  withSuccess,
  type AttemptStatus,
  type RefundStatus,
  type ResponseContext,
  type RouterData,
} from '../../runtime/index.js';
import { requestLevelError, unusableAnswer } from './errors.js';
import type {
  NuveiRefundSyncResponse,
  NuveiTransactionResponse,
  NuveiTransactionStatus,
} from './response.js';

type Outcome = 'succeeded' | 'failed' | 'pending';

function outcomeOf(
  transactionStatus: NuveiTransactionStatus | null | undefined,
  requestStatus: NuveiTransactionResponse['status'],
): Outcome {
  switch (transactionStatus) {
    case 'APPROVED':
    case 'REDIRECT':
      return 'succeeded';
    case 'DECLINED':
    case 'ERROR':
      return 'failed';
    case 'PENDING':
    case 'PROCESSING':
      return 'pending';
    default:
      return requestStatus === 'SUCCESS' ? 'succeeded' : 'failed';
  }
}

const CAPTURE_STATUS: Readonly<Record<Outcome, AttemptStatus>> = {
  succeeded: 'Charged',
  failed: 'Failure',
  pending: 'Pending',
};
const VOID_STATUS: Readonly<Record<Outcome, AttemptStatus>> = {
  succeeded: 'Voided',
  failed: 'VoidFailed',
  pending: 'Pending',
};
const REFUND_STATUS: Readonly<Record<Outcome, RefundStatus>> = {
  succeeded: 'Success',
  failed: 'Failure',
  pending: 'Pending',
};

function paymentAnswer<F extends 'Capture' | 'Void'>(
  answer: NuveiTransactionResponse,
  ctx: ResponseContext<F, 'StringMajorUnit'>,
  statuses: Readonly<Record<Outcome, AttemptStatus>>,
): RouterData<F> {
  if (answer.status === 'ERROR') {
    const status = statuses.failed;
    return withError(ctx.routerData, requestLevelError(answer, ctx.http.status, null, status), {
      status,
    });
  }
  const id = answer.transactionId;
  if (id == null) throw unusableAnswer();
  const status = statuses[outcomeOf(answer.transactionStatus, answer.status)];
  return withSuccess(
    ctx.routerData,
    { resourceId: { type: 'ConnectorTransactionId', id } },
    { status },
  );
}

/** `settleTransaction.do`: Charged, Failure or Pending; no capture id, no captured amount. */
export function handleCaptureResponse(
  answer: NuveiTransactionResponse,
  ctx: ResponseContext<'Capture', 'StringMajorUnit'>,
): RouterData<'Capture'> {
  return paymentAnswer(answer, ctx, CAPTURE_STATUS);
}

/** `voidTransaction.do`: Voided, VoidFailed (a request-level error too) or Pending. */
export function handleVoidResponse(
  answer: NuveiTransactionResponse,
  ctx: ResponseContext<'Void', 'StringMajorUnit'>,
): RouterData<'Void'> {
  return paymentAnswer(answer, ctx, VOID_STATUS);
}

/** A request-level error of a refund carries no RefundStatus: the error is its only outcome. */
function refundAnswer<F extends 'Refund' | 'RSync'>(
  answer: { readonly status: NuveiTransactionResponse['status'] } & Pick<
    NuveiTransactionResponse,
    'errCode' | 'reason'
  >,
  transaction:
    | {
        readonly transactionId?: string | null | undefined;
        readonly transactionStatus?: NuveiTransactionStatus | null | undefined;
      }
    | null
    | undefined,
  ctx: ResponseContext<F, 'StringMajorUnit'>,
): RouterData<F> {
  if (answer.status === 'ERROR') {
    return withError(ctx.routerData, requestLevelError(answer, ctx.http.status, null, null));
  }
  const id = transaction?.transactionId;
  if (id == null) throw unusableAnswer();
  const refundStatus = REFUND_STATUS[outcomeOf(transaction?.transactionStatus, answer.status)];
  return withSuccess(ctx.routerData, { connectorRefundId: id, refundStatus });
}

/** `refundTransaction.do`: the refund's own id and its RefundStatus. */
export function handleRefundResponse(
  answer: NuveiTransactionResponse,
  ctx: ResponseContext<'Refund', 'StringMajorUnit'>,
): RouterData<'Refund'> {
  return refundAnswer(answer, answer, ctx);
}

/**
 * `getTransactionDetails.do` for a refund: the flat shape as the core reads it, and the nested
 * `transactionDetails` shape Nuvei documents and answers with, which the core cannot read.
 */
export function handleRefundSyncResponse(
  answer: NuveiRefundSyncResponse,
  ctx: ResponseContext<'RSync', 'StringMajorUnit'>,
): RouterData<'RSync'> {
  const nested = answer.transactionId == null ? answer.transactionDetails : undefined;
  return refundAnswer(answer, nested ?? answer, ctx);
}
