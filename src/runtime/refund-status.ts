/** @module RefundStatus: the state of one refund, with UCS's names. */

export const REFUND_STATUSES = [
  'Success',
  'Failure',
  'Pending',
  'ManualReview',
  'TransactionFailure',
] as const;

export type RefundStatus = (typeof REFUND_STATUSES)[number];

export function isRefundStatus(value: unknown): value is RefundStatus {
  return typeof value === 'string' && (REFUND_STATUSES as readonly string[]).includes(value);
}
