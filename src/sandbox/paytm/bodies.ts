/**
 * @module The shapes of the Paytm emulator's answers: the signed and unsigned envelopes, the
 * collect poll page, the intent deep link and the order status.
 */

import { isoDateTime, type JsonObject } from '../emulator-kit.js';
import { jsonReply, type GatewayReply } from '../loopback.js';
import type { PaytmMerchant } from './merchants.js';
import { newCashierRequestId, randomDigits, type Order } from './orders.js';
import { statusResult, type ResultInfo } from './outcomes.js';
import { signPayload } from './signature.js';

const now = (): string => String(Date.now());

/** A head signed over the exact JSON text of `body`, as Paytm signs its answers. */
function signedHead(body: JsonObject, merchant: PaytmMerchant, clientId: unknown): JsonObject {
  return {
    responseTimestamp: now(),
    version: 'v1',
    ...(typeof clientId === 'string' ? { clientId } : {}),
    signature: signPayload(JSON.stringify(body), merchant.merchantKey),
  };
}

/** HTTP 200 with `body` and a head signed for `merchant`. */
export function signedReply(body: JsonObject, merchant: PaytmMerchant, clientId: unknown) {
  return jsonReply(200, { head: signedHead(body, merchant, clientId), body });
}

/** A refusal before the merchant is known: nothing to sign with. */
export function failureEnvelope(status: number, resultInfo: ResultInfo): GatewayReply {
  return jsonReply(status, {
    head: { requestId: null, responseTimestamp: now(), version: 'v1' },
    body: { extraParamsMap: null, resultInfo },
  });
}

/** processTransaction's answers, which Paytm does not sign. */
export function processReply(resultInfo: ResultInfo, extra: JsonObject = {}): GatewayReply {
  return jsonReply(200, {
    head: { responseTimestamp: now(), version: 'v1' },
    body: { resultInfo, ...extra },
  });
}

/** A collect payment's `bankForm`: the page that polls for the payer's approval. */
export function collectForm(
  order: Order,
  vpa: string,
  channelId: unknown,
  transId: string,
  origin: string,
) {
  const { mid } = order.merchant;
  const statusUrl = `${origin}/theia/upi/transactionStatus`;
  return {
    pageType: 'redirect',
    isForm: true,
    redirectForm: {
      actionUrl: `${statusUrl}?MID=${mid}&ORDER_ID=${order.orderId}`,
      method: 'post',
      type: 'redirect',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      content: {
        MID: mid,
        ORDER_ID: order.orderId,
        TXN_AMOUNT: order.amount.value,
        cashierRequestId: newCashierRequestId(),
        UPI_ID: vpa,
        channelId: typeof channelId === 'string' ? channelId : 'WEB',
        transId,
        upiStatusUrl: statusUrl,
        paymentMode: 'UPI',
        merchantVpa: 'paytmqr@paytm',
        STATUS_INTERVAL: '5000',
        STATUS_TIMEOUT: '300000',
      },
    },
  };
}

/** An intent or QR payment's `deepLinkInfo` with its `upi://` link. */
export function deepLinkInfo(order: Order, note: string | undefined, transId: string) {
  const query = [
    'pa=paytmqr@paytm',
    'pn=Paytm%20Sandbox',
    'mc=5641',
    `tr=${transId}`,
    `tn=${encodeURIComponent(note ?? 'Payment')}`,
    `am=${order.amount.value}`,
    `cu=${order.amount.currency}`,
  ];
  return {
    deepLink: `upi://pay?${query.join('&')}`,
    orderId: order.orderId,
    cashierRequestId: newCashierRequestId(),
    transId,
  };
}

/** v3/order/status's body for a processed order. */
export function processedStatus(order: Order, processed: NonNullable<Order['processed']>) {
  return {
    resultInfo: statusResult(processed.outcome),
    txnId: processed.transId,
    bankTxnId: processed.outcome === 'success' ? randomDigits(15) : '',
    orderId: order.orderId,
    txnAmount: order.amount.value,
    txnType: 'SALE',
    gatewayName: 'PPBLC',
    bankName: 'Paytm Payments Bank',
    mid: order.merchant.mid,
    paymentMode: 'UPI',
    refundAmt: '0.00',
    txnDate: `${isoDateTime(processed.at)}.0`,
  };
}
