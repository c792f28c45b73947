/**
 * @module HeaderFormBodyKey's flows on an authorized payment, and the payment states their
 * answers map to:
 * - PSync: GET, no body; the gateway's view of the payment.
 * - Capture: settles all or part of the authorized amount.
 * - Void: cancels the authorization before it is captured.
 *
 * Their answers share one shape. Edit them toward your gateway's API; index.ts puts the
 * transaction id in each URL.
 */

import {
  ConnectorError,
  withError,
  withSuccess,
  z,
  type AttemptStatus,
  type Currency,
  type FlowContext,
  type ResponseContext,
  type ResponseId,
  type RouterData,
} from '../../runtime/index.js';

import { errorResponse, merchantMembers, type MerchantMembers } from './transformers.js';

type CaptureContext = FlowContext<'Capture', 'FloatMajorUnit'>;
type VoidContext = FlowContext<'Void', 'FloatMajorUnit'>;
type PaymentFlow = 'PSync' | 'Capture' | 'Void';

/** The answer of every flow here: the payment as the gateway now sees it. */
export const paymentResponseSchema = z.object({
  status: z.string(),
  transactionId: z.string().optional(),
  transactionStatus: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type PaymentResponse = z.infer<typeof paymentResponseSchema>;

/** How one flow reads the gateway's transactionStatus, and its failure status. */
interface PaymentStatuses {
  readonly flow: PaymentFlow;
  readonly byTransactionStatus: Readonly<Record<string, AttemptStatus>>;
  readonly failure: AttemptStatus;
}

/**
 * status ERROR or a decline → the flow's failure status with an ErrorResponse; otherwise the
 * state the transactionStatus names. An unknown transactionStatus is an error, never a guess.
 */
function paymentResult<F extends PaymentFlow>(
  response: PaymentResponse,
  ctx: ResponseContext<F, 'FloatMajorUnit'>,
  statuses: PaymentStatuses,
): RouterData<F> {
  const { routerData, http } = ctx;
  const status =
    response.status === 'SUCCESS'
      ? statusOf(response.transactionStatus, statuses)
      : statuses.failure;
  if (status === statuses.failure) {
    return withError(routerData, errorResponse(http.status, response, status), { status });
  }
  const resourceId: ResponseId =
    response.transactionId === undefined
      ? { type: 'NoResponseId' }
      : { type: 'ConnectorTransactionId', id: response.transactionId };
  return withSuccess(routerData, { resourceId }, { status });
}

function statusOf(transactionStatus: string | undefined, statuses: PaymentStatuses): AttemptStatus {
  const table = statuses.byTransactionStatus;
  if (transactionStatus !== undefined && Object.hasOwn(table, transactionStatus)) {
    return table[transactionStatus]!;
  }
  // TODO(you): add your gateway's other statuses to the flow's table.
  throw ConnectorError.handling(
    `the ${statuses.flow} answer has an unknown transactionStatus ${JSON.stringify(transactionStatus)}`,
  );
}

// ---- PSync ----

const SYNC_STATUSES: PaymentStatuses = {
  flow: 'PSync',
  byTransactionStatus: {
    APPROVED: 'Authorized',
    CAPTURED: 'Charged',
    VOIDED: 'Voided',
    DECLINED: 'Failure',
    PENDING: 'Pending',
    REDIRECT: 'AuthenticationPending',
  },
  failure: 'Failure',
};

export function handleSyncResponse(
  response: PaymentResponse,
  ctx: ResponseContext<'PSync', 'FloatMajorUnit'>,
): RouterData<'PSync'> {
  return paymentResult(response, ctx, SYNC_STATUSES);
}

// ---- Capture ----

/** The Capture request, members in wire order. */
export interface CaptureRequest extends MerchantMembers {
  readonly amount: number;
  readonly currency: Currency;
  /** The merchant's id of this capture; empty when it has none. */
  readonly reference: string;
}

export function buildCaptureRequest(ctx: CaptureContext): CaptureRequest {
  const { auth, request } = ctx.routerData;
  const reference = request.merchantCaptureId ?? '';
  // TODO(you): add the fields your gateway's capture endpoint needs.
  return {
    ...merchantMembers(auth),
    amount: ctx.convertAmount(request.amountToCapture, request.currency),
    currency: request.currency,
    reference,
  };
}

const CAPTURE_STATUSES: PaymentStatuses = {
  flow: 'Capture',
  byTransactionStatus: {
    CAPTURED: 'Charged',
    APPROVED: 'Charged',
    DECLINED: 'CaptureFailed',
    PENDING: 'CaptureInitiated',
  },
  failure: 'CaptureFailed',
};

export function handleCaptureResponse(
  response: PaymentResponse,
  ctx: ResponseContext<'Capture', 'FloatMajorUnit'>,
): RouterData<'Capture'> {
  return paymentResult(response, ctx, CAPTURE_STATUSES);
}

// ---- Void ----

/** The Void request, members in wire order. */
export interface VoidRequest extends MerchantMembers {
  /** The merchant's id of this void; empty when it has none. */
  readonly reference: string;
  /** Sent only when a cancellation reason is given. */
  readonly reason?: string;
}

export function buildVoidRequest(ctx: VoidContext): VoidRequest {
  const { auth, request } = ctx.routerData;
  const reference = request.merchantVoidId ?? '';
  const reason = request.cancellationReason;
  // TODO(you): add the fields your gateway's void endpoint needs.
  return {
    ...merchantMembers(auth),
    reference,
    ...(reason === undefined ? {} : { reason }),
  };
}

const VOID_STATUSES: PaymentStatuses = {
  flow: 'Void',
  byTransactionStatus: {
    VOIDED: 'Voided',
    APPROVED: 'Voided',
    DECLINED: 'VoidFailed',
    PENDING: 'VoidInitiated',
  },
  failure: 'VoidFailed',
};

export function handleVoidResponse(
  response: PaymentResponse,
  ctx: ResponseContext<'Void', 'FloatMajorUnit'>,
): RouterData<'Void'> {
  return paymentResult(response, ctx, VOID_STATUSES);
}
