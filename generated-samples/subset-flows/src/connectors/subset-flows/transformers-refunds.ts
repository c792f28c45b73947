/**
 * @module SubsetFlows's refund flows, and the refund states their answers map to:
 * - Refund: returns all or part of the captured money, under the merchant's refund id.
 * - RSync: GET, no body; the gateway's view of a refund.
 *
 * Their answers share one shape. Edit them toward your gateway's API; index.ts puts the ids in
 * each URL.
 */

import {
  ConnectorError,
  IntegrationError,
  withError,
  withSuccess,
  z,
  type Currency,
  type FlowContext,
  type RefundStatus,
  type ResponseContext,
  type RouterData,
} from '../../runtime/index.js';

import {
  errorResponse,
  merchantMembers,
  signatureMembers,
  type MerchantMembers,
  type SignatureMembers,
} from './transformers.js';

type RefundContext = FlowContext<'Refund', 'FloatMajorUnit'>;
type RefundFlow = 'Refund' | 'RSync';

/** The answer of every flow here: the refund as the gateway now sees it. */
export const refundResponseSchema = z.object({
  status: z.string(),
  refundId: z.string().optional(),
  refundStatus: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type RefundResponse = z.infer<typeof refundResponseSchema>;

/** The gateway's refundStatus as a refund state. */
const REFUND_STATUSES: Readonly<Record<string, RefundStatus>> = {
  SUCCEEDED: 'Success',
  FAILED: 'Failure',
  PENDING: 'Pending',
};

/**
 * status ERROR → the ErrorResponse (a refund the gateway refused has no state of its own);
 * otherwise the refund's id and state. An unknown refundStatus is an error, never a guess.
 */
function refundResult<F extends RefundFlow>(
  response: RefundResponse,
  ctx: ResponseContext<F, 'FloatMajorUnit'>,
  flow: RefundFlow,
): RouterData<F> {
  const { routerData, http } = ctx;
  if (response.status !== 'SUCCESS') {
    return withError(routerData, errorResponse(http.status, response));
  }
  const { refundId, refundStatus } = response;
  if (refundStatus === undefined || !Object.hasOwn(REFUND_STATUSES, refundStatus)) {
    // TODO(you): add your gateway's other refund statuses to REFUND_STATUSES.
    throw ConnectorError.handling(
      `the ${flow} answer has an unknown refundStatus ${JSON.stringify(refundStatus)}`,
    );
  }
  if (refundId === undefined) throw ConnectorError.handling(`the ${flow} answer has no refundId`);
  return withSuccess(routerData, {
    connectorRefundId: refundId,
    refundStatus: REFUND_STATUSES[refundStatus]!,
  });
}

// ---- Refund ----

/** The Refund request, members in wire order. */
export interface RefundRequest extends MerchantMembers, SignatureMembers {
  readonly amount: number;
  readonly currency: Currency;
  /** The merchant's id of this refund. */
  readonly reference: string;
  /** Sent only when a reason is given. */
  readonly reason?: string;
}

/** MISSING_REQUIRED_FIELD before any HTTP without the merchant's refund id. */
export function buildRefundRequest(ctx: RefundContext): RefundRequest {
  const { auth, request } = ctx.routerData;
  const reference = request.merchantRefundId;
  if (reference === '') throw IntegrationError.missingField('merchant_refund_id');
  const { reason } = request;
  // TODO(you): add the fields your gateway's refund endpoint needs.
  return {
    ...merchantMembers(auth),
    amount: ctx.convertAmount(request.refundAmount, request.currency),
    currency: request.currency,
    reference,
    ...(reason === undefined ? {} : { reason }),
    ...signatureMembers(auth, reference),
  };
}

export function handleRefundResponse(
  response: RefundResponse,
  ctx: ResponseContext<'Refund', 'FloatMajorUnit'>,
): RouterData<'Refund'> {
  return refundResult(response, ctx, 'Refund');
}

// ---- RSync ----

export function handleRefundSyncResponse(
  response: RefundResponse,
  ctx: ResponseContext<'RSync', 'FloatMajorUnit'>,
): RouterData<'RSync'> {
  return refundResult(response, ctx, 'RSync');
}
