/**
 * @module Paytm answers (UCS `paytm/response.rs`) as zod schemas. Rust's untagged enums become
 * unions tried in the same order; `Option<String>` accepts a missing member or `null`; unknown
 * members are ignored, as serde does.
 */

import { z } from '../../runtime/index.js';

const optionalString = z.string().nullish();

export const resultInfoSchema = z.object({
  resultStatus: z.string(),
  resultCode: z.string(),
  resultMsg: z.string(),
});
export type PaytmResultInfo = z.infer<typeof resultInfoSchema>;

/** The head of initiateTransaction, status and error answers: only `version` is required. */
const responseHeadSchema = z.object({
  responseTimestamp: optionalString,
  version: z.string(),
  clientId: optionalString,
  // Parsed and never verified, as in UCS.
  signature: optionalString,
});

export const initiateResponseSchema = z.object({
  head: responseHeadSchema,
  body: z.union([
    z.object({ resultInfo: resultInfoSchema, txnToken: z.string() }),
    z.object({ resultInfo: resultInfoSchema }),
  ]),
});
export type PaytmInitiateResponse = z.infer<typeof initiateResponseSchema>;

const deepLinkInfoSchema = z.object({
  deepLink: z.string(),
  orderId: z.string(),
  cashierRequestId: z.string(),
  transId: z.string(),
});

export const processResponseSchema = z.object({
  head: z.object({ version: optionalString, responseTimestamp: z.string() }),
  body: z.object({
    resultInfo: resultInfoSchema,
    // A malformed deepLinkInfo makes UCS fall back to its `{resultInfo}` variant, which reads
    // exactly like an answer without one. bankForm, upiDirectForm... are accepted and unused.
    deepLinkInfo: deepLinkInfoSchema.nullish().catch(undefined),
  }),
});
export type PaytmProcessResponse = z.infer<typeof processResponseSchema>;

export const statusResponseSchema = z.object({
  head: responseHeadSchema,
  body: z.union([
    z.object({
      resultInfo: resultInfoSchema,
      txnId: z.string(),
      bankTxnId: optionalString,
      orderId: z.string(),
      txnAmount: optionalString,
      txnType: optionalString,
      gatewayName: optionalString,
      mid: optionalString,
      paymentMode: optionalString,
      refundAmt: optionalString,
      txnDate: optionalString,
    }),
    z.object({ resultInfo: resultInfoSchema }),
  ]),
});
export type PaytmStatusResponse = z.infer<typeof statusResponseSchema>;

/** First shape of UCS's error cascade: Paytm's own envelope. */
export const envelopeErrorSchema = z.object({
  head: responseHeadSchema,
  body: z.object({ extraParamsMap: z.unknown().optional(), resultInfo: resultInfoSchema }),
});

/** Last JSON shape of the cascade: every member optional, so any JSON object with string-or-null members. */
export const plainErrorSchema = z.object({
  errorCode: optionalString,
  errorMessage: optionalString,
  errorDescription: optionalString,
  transactionId: optionalString,
});
