/**
 * @module Nuvei request bodies after the payment: `settleTransaction.do`, `voidTransaction.do`,
 * `refundTransaction.do` (one body shape, hashed in body order) and `getTransactionDetails.do`
 * for PSync and refund sync (body sends clientUniqueId first, the checksum hashes transactionId
 * first). A missing merchant id or payment id is sent as `""`, as the core sends it.
 */

import {
  IntegrationError,
  type Currency,
  type FlowContext,
  type Secret,
} from '../../runtime/index.js';
import { nuveiAuth } from './auth.js';
import { endpointChecksum, formatNuveiTimestamp } from './checksum.js';

/** settle, void and refund: one body, this key order. */
export interface NuveiTransactionRequest {
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  readonly clientRequestId: string;
  readonly clientUniqueId: string;
  readonly amount: string;
  readonly currency: string;
  readonly relatedTransactionId: string;
  readonly timeStamp: string;
  readonly checksum: string;
}

export interface NuveiSyncRequest {
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  readonly clientUniqueId: string;
  readonly transactionId: string;
  readonly timeStamp: string;
  readonly checksum: string;
}

type TransactionEndpoint = 'settleTransaction' | 'voidTransaction' | 'refundTransaction';

function transactionRequest(
  endpoint: TransactionEndpoint,
  ctx: FlowContext<'Capture' | 'Void' | 'Refund', 'StringMajorUnit'>,
  fields: {
    readonly merchantReference: string;
    readonly amount: string;
    readonly currency: Currency;
    readonly relatedTransactionId: string;
  },
  now: Date,
): NuveiTransactionRequest {
  const auth = nuveiAuth(ctx.routerData.auth);
  const timeStamp = formatNuveiTimestamp(now);
  const values = {
    merchantId: auth.merchantId.expose(),
    merchantSiteId: auth.merchantSiteId.expose(),
    clientRequestId: fields.merchantReference,
    clientUniqueId: fields.merchantReference,
    amount: fields.amount,
    currency: fields.currency,
    relatedTransactionId: fields.relatedTransactionId,
    timeStamp,
  };
  return {
    merchantId: auth.merchantId,
    merchantSiteId: auth.merchantSiteId,
    clientRequestId: values.clientRequestId,
    clientUniqueId: values.clientUniqueId,
    amount: values.amount,
    currency: values.currency,
    relatedTransactionId: values.relatedTransactionId,
    timeStamp,
    checksum: endpointChecksum(endpoint, values, auth.merchantSecret.expose()),
  };
}

/** `settleTransaction.do`: the amount to capture, related to the authorization. */
export function buildCaptureRequest(
  ctx: FlowContext<'Capture', 'StringMajorUnit'>,
  now: Date = new Date(),
): NuveiTransactionRequest {
  const request = ctx.routerData.request;
  return transactionRequest(
    'settleTransaction',
    ctx,
    {
      merchantReference: request.merchantCaptureId ?? '',
      amount: ctx.convertAmount(request.amountToCapture, request.currency),
      currency: request.currency,
      relatedTransactionId: request.connectorTransactionId,
    },
    now,
  );
}

/** `voidTransaction.do`: the payment's amount is required here (the core checks it, then the currency). */
export function buildVoidRequest(
  ctx: FlowContext<'Void', 'StringMajorUnit'>,
  now: Date = new Date(),
): NuveiTransactionRequest {
  const request = ctx.routerData.request;
  if (request.amount === undefined) throw IntegrationError.missingField('amount');
  if (request.currency === undefined) throw IntegrationError.missingField('currency');
  return transactionRequest(
    'voidTransaction',
    ctx,
    {
      merchantReference: request.merchantVoidId ?? '',
      amount: ctx.convertAmount(request.amount, request.currency),
      currency: request.currency,
      relatedTransactionId: request.connectorTransactionId,
    },
    now,
  );
}

/** `refundTransaction.do`: the refund amount, related to the payment or its capture. */
export function buildRefundRequest(
  ctx: FlowContext<'Refund', 'StringMajorUnit'>,
  now: Date = new Date(),
): NuveiTransactionRequest {
  const request = ctx.routerData.request;
  return transactionRequest(
    'refundTransaction',
    ctx,
    {
      merchantReference: request.merchantRefundId,
      amount: ctx.convertAmount(request.refundAmount, request.currency),
      currency: request.currency,
      relatedTransactionId: request.connectorTransactionId,
    },
    now,
  );
}

function detailsRequest(
  ctx: FlowContext<'PSync' | 'RSync', 'StringMajorUnit'>,
  clientUniqueId: string,
  transactionId: string,
  now: Date,
): NuveiSyncRequest {
  const auth = nuveiAuth(ctx.routerData.auth);
  const timeStamp = formatNuveiTimestamp(now);
  const checksum = endpointChecksum(
    'getTransactionDetails',
    {
      merchantId: auth.merchantId.expose(),
      merchantSiteId: auth.merchantSiteId.expose(),
      transactionId,
      clientUniqueId,
      timeStamp,
    },
    auth.merchantSecret.expose(),
  );
  return {
    merchantId: auth.merchantId,
    merchantSiteId: auth.merchantSiteId,
    clientUniqueId,
    transactionId,
    timeStamp,
    checksum,
  };
}

/** PSync: the payment's merchant reference and id (`""` when absent). */
export function buildSyncRequest(
  ctx: FlowContext<'PSync', 'StringMajorUnit'>,
  now: Date = new Date(),
): NuveiSyncRequest {
  const { routerData } = ctx;
  return detailsRequest(
    ctx,
    routerData.flowData.referenceId,
    routerData.request.connectorTransactionId,
    now,
  );
}

/**
 * Refund sync asks about the refund's own transaction: `connectorRefundId` when given. The core
 * sends the payment's id instead and so reads the payment (README, "Where our model differs").
 */
export function buildRefundSyncRequest(
  ctx: FlowContext<'RSync', 'StringMajorUnit'>,
  now: Date = new Date(),
): NuveiSyncRequest {
  const request = ctx.routerData.request;
  return detailsRequest(
    ctx,
    request.merchantRefundId ?? '',
    request.connectorRefundId ?? request.connectorTransactionId,
    now,
  );
}
