/**
 * @module Nuvei answer schemas: what the core's serde structs accept (unknown keys ignored, null =
 * absent), for the payment's endpoints and for the transaction endpoints after it.
 */

import { z } from '../../runtime/index.js';

export const i32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);
const i64 = z.number().refine(Number.isInteger, 'expected an integer');
export const optionalString = z.string().nullish();

/** Request-level status; any other value makes the whole answer unreadable. */
const requestStatusSchema = z.enum(['SUCCESS', 'FAILED', 'ERROR', 'PROCESSING']);

/** The transaction endpoints (PSync, capture, void, refund, refund sync) accept only these. */
const transactionRequestStatusSchema = z.enum(['SUCCESS', 'FAILED', 'ERROR']);

const TRANSACTION_STATUS_SPELLINGS = {
  APPROVED: 'APPROVED',
  Approved: 'APPROVED',
  DECLINED: 'DECLINED',
  Declined: 'DECLINED',
  ERROR: 'ERROR',
  Error: 'ERROR',
  'Filter Error': 'ERROR',
  REDIRECT: 'REDIRECT',
  Redirect: 'REDIRECT',
  PENDING: 'PENDING',
  Pending: 'PENDING',
  PROCESSING: 'PROCESSING',
  Processing: 'PROCESSING',
} as const;

export type NuveiTransactionStatus =
  (typeof TRANSACTION_STATUS_SPELLINGS)[keyof typeof TRANSACTION_STATUS_SPELLINGS];

export const transactionStatusSchema = z
  .enum(Object.keys(TRANSACTION_STATUS_SPELLINGS) as [keyof typeof TRANSACTION_STATUS_SPELLINGS])
  .transform((spelling): NuveiTransactionStatus => TRANSACTION_STATUS_SPELLINGS[spelling]);

export const sessionTokenResponseSchema = z.object({
  sessionToken: optionalString,
  internalRequestId: i64.nullish(),
  status: requestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  merchantId: optionalString,
  merchantSiteId: optionalString,
  version: optionalString,
  clientRequestId: optionalString,
});
export type NuveiSessionTokenResponse = z.infer<typeof sessionTokenResponseSchema>;

export const paymentResponseSchema = z.object({
  orderId: optionalString,
  transactionId: optionalString,
  transactionStatus: transactionStatusSchema.nullish(),
  status: requestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  gwErrorCode: i32.nullish(),
  gwErrorReason: optionalString,
  authCode: optionalString,
  sessionToken: optionalString,
  clientUniqueId: optionalString,
  clientRequestId: optionalString,
  internalRequestId: i64.nullish(),
  paymentOption: z.object({ redirectUrl: optionalString }).nullish(),
});
export type NuveiPaymentResponse = z.infer<typeof paymentResponseSchema>;

export const syncResponseSchema = z.object({
  status: transactionRequestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  internalRequestId: i64.nullish(),
  merchantId: optionalString,
  merchantSiteId: optionalString,
  version: optionalString,
  transactionDetails: z
    .object({
      transactionId: optionalString,
      transactionStatus: transactionStatusSchema.nullish(),
      authCode: optionalString,
      clientUniqueId: optionalString,
      date: optionalString,
      originalTransactionDate: optionalString,
      credited: optionalString,
      acquiringBankName: optionalString,
      transactionType: optionalString,
    })
    .nullish(),
});
export type NuveiSyncResponse = z.infer<typeof syncResponseSchema>;

/** settle, void and refund answers, and refund sync's flat shape (what the core reads). */
export const transactionResponseSchema = z.object({
  transactionId: optionalString,
  transactionStatus: transactionStatusSchema.nullish(),
  status: transactionRequestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  clientUniqueId: optionalString,
});
export type NuveiTransactionResponse = z.infer<typeof transactionResponseSchema>;

/** Refund sync reads the flat shape and the nested one `getTransactionDetails.do` documents. */
export const refundSyncResponseSchema = transactionResponseSchema.extend({
  transactionDetails: syncResponseSchema.shape.transactionDetails,
});
export type NuveiRefundSyncResponse = z.infer<typeof refundSyncResponseSchema>;
