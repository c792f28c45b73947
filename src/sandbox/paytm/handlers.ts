/**
 * @module The Paytm emulator's endpoints: initiateTransaction, processTransaction and
 * v3/order/status, each checked in the order of the tables in ./index.ts.
 */

import { isJsonObject, type JsonObject } from '../emulator-kit.js';
import type { GatewayReply, RecordedRequest } from '../loopback.js';
import {
  collectForm,
  deepLinkInfo,
  failureEnvelope,
  processedStatus,
  processReply,
  signedReply,
} from './bodies.js';
import { newTransId, newTxnToken, orderKey, type Order, type PaytmLedger } from './orders.js';
import {
  INITIATE_RESULTS,
  INVALID_CHECKSUM,
  INVALID_PARAMETERS,
  outcomeOf,
  PAYTM_TEST_AMOUNTS,
  PROCESS_REFUSALS,
  PROCESS_RESULTS,
  STATUS_NOT_PROCESSED,
  STATUS_UNKNOWN_ORDER,
  type ResultInfo,
} from './outcomes.js';
import { readEnvelope, text } from './requests.js';
import { verifyPaytmSignature } from './signature.js';

export type PaytmHandler = (
  ledger: PaytmLedger,
  request: RecordedRequest,
  baseUrl: string,
) => GatewayReply;

export const initiateTransaction: PaytmHandler = (ledger, request) => {
  const envelope = readEnvelope(request.body);
  if (envelope === undefined) return failureEnvelope(400, INVALID_PARAMETERS);
  const { head, body, bodyText } = envelope;
  const { mid, orderId } = request.query;
  const txnAmount = isJsonObject(body['txnAmount']) ? body['txnAmount'] : {};
  const value = text(txnAmount, 'value');
  const currency = text(txnAmount, 'currency');
  const signature = text(head, 'signature');
  if (
    mid === undefined ||
    orderId === undefined ||
    orderId === '' ||
    body['mid'] !== mid ||
    body['orderId'] !== orderId ||
    body['requestType'] !== 'Payment' ||
    value === undefined ||
    currency === undefined ||
    signature === undefined
  ) {
    return failureEnvelope(400, INVALID_PARAMETERS);
  }
  const merchant = ledger.merchantsByMid.get(mid);
  if (merchant === undefined) return failureEnvelope(200, INVALID_CHECKSUM);
  if (body['websiteName'] !== merchant.website) return failureEnvelope(400, INVALID_PARAMETERS);

  const clientId = head['clientId'];
  const reply = (resultInfo: ResultInfo, extra: JsonObject = { extraParamsMap: null }) =>
    signedReply({ resultInfo, ...extra }, merchant, clientId);
  if (
    (clientId !== null && clientId !== undefined && clientId !== merchant.clientId) ||
    !verifyPaytmSignature(bodyText, merchant.merchantKey, signature)
  ) {
    return reply(INVALID_CHECKSUM);
  }
  if (value === PAYTM_TEST_AMOUNTS.sessionSystemError) {
    return failureEnvelope(200, INITIATE_RESULTS.systemError);
  }
  const tokenReply = (resultInfo: ResultInfo, txnToken: string) =>
    reply(resultInfo, { txnToken, isPromoCodeValid: false, authenticated: false });

  const previous = ledger.orders.get(orderKey(mid, orderId));
  if (previous !== undefined && !previous.tokenUsed) {
    return tokenReply(INITIATE_RESULTS.idempotent, previous.txnToken);
  }
  if (previous !== undefined) ledger.tokens.delete(previous.txnToken);
  const order: Order = {
    merchant,
    orderId,
    amount: { value, currency },
    txnToken: newTxnToken(),
    tokenUsed: false,
  };
  ledger.orders.set(orderKey(mid, orderId), order);
  ledger.tokens.set(order.txnToken, order);
  return tokenReply(INITIATE_RESULTS.success, order.txnToken);
};

export const processTransaction: PaytmHandler = (ledger, request, baseUrl) => {
  const envelope = readEnvelope(request.body);
  if (envelope === undefined) return failureEnvelope(400, INVALID_PARAMETERS);
  const { head, body } = envelope;
  const txnToken = text(head, 'txnToken');
  if (txnToken === undefined) return processReply(PROCESS_REFUSALS.missingToken);
  const order = ledger.tokens.get(txnToken);
  if (order === undefined || ('txnToken' in body && body['txnToken'] !== txnToken)) {
    return processReply(PROCESS_REFUSALS.sessionExpired);
  }
  const { mid, orderId } = request.query;
  if (
    mid !== order.merchant.mid ||
    body['mid'] !== mid ||
    orderId !== order.orderId ||
    body['orderId'] !== orderId
  ) {
    return processReply(PROCESS_REFUSALS.invalidOrderId);
  }
  const mode = body['paymentMode'];
  const vpa = text(body, 'payerAccount');
  if (!(mode === 'UPI_INTENT' || (mode === 'UPI' && vpa !== undefined))) {
    return processReply(INVALID_PARAMETERS);
  }
  order.tokenUsed = true;
  const at = new Date();
  const transId = newTransId(ledger, at);
  const outcome = outcomeOf(order.amount.value, mode === 'UPI' ? vpa : undefined);
  order.processed = { outcome, transId, at };
  if (outcome !== 'success') return processReply(PROCESS_RESULTS[outcome]);
  return mode === 'UPI'
    ? processReply(PROCESS_RESULTS.success, {
        bankForm: collectForm(order, vpa ?? '', body['channelId'], transId, baseUrl),
      })
    : processReply(PROCESS_RESULTS.success, {
        deepLinkInfo: deepLinkInfo(order, text(body, 'txnNote'), transId),
      });
};

export const orderStatus: PaytmHandler = (ledger, request) => {
  const envelope = readEnvelope(request.body);
  if (envelope === undefined) return failureEnvelope(400, INVALID_PARAMETERS);
  const { head, body, bodyText } = envelope;
  const mid = text(body, 'mid');
  const merchant = mid === undefined ? undefined : ledger.merchantsByMid.get(mid);
  const signature = text(head, 'signature');
  if (
    merchant === undefined ||
    signature === undefined ||
    !verifyPaytmSignature(bodyText, merchant.merchantKey, signature)
  ) {
    return failureEnvelope(200, INVALID_CHECKSUM);
  }
  const reply = (answer: JsonObject): GatewayReply => signedReply(answer, merchant, undefined);
  const order = ledger.orders.get(orderKey(merchant.mid, text(body, 'orderId') ?? ''));
  if (order === undefined) return reply({ resultInfo: STATUS_UNKNOWN_ORDER });
  const { processed } = order;
  if (processed === undefined) return reply({ resultInfo: STATUS_NOT_PROCESSED });
  return reply(processedStatus(order, processed));
};
