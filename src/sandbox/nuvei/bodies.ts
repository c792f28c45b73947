/**
 * @module The shapes of the Nuvei emulator's answers: the fields every answer echoes and ends
 * with, a payment's answer, a transaction's details, and the HTML pages.
 */

import { htmlReply, type JsonObject } from '../emulator-kit.js';
import type { GatewayReply } from '../loopback.js';
import { nextId, type NuveiLedger, type Transaction } from './ledger.js';
import { gatewayError } from './outcomes.js';

/** Where REDIRECT answers send the customer (GET, an HTML page). */
export const REDIRECT_PREFIX = '/ppp/api/redirect/';

export function htmlPage(status: number, title: string): GatewayReply {
  return htmlReply(
    status,
    `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  );
}

/** The fields Nuvei echoes in every answer, then the answer's status. */
export function answered(
  ledger: NuveiLedger,
  body: JsonObject,
  status: 'SUCCESS' | 'ERROR',
  errCode: number,
  reason: string,
) {
  return {
    internalRequestId: 880_000_000 + nextId(ledger),
    merchantId: body['merchantId'],
    merchantSiteId: body['merchantSiteId'],
    version: '1.0',
    status,
    errCode,
    reason,
  };
}

/** payment.do's own fields; `id` numbers the order, `origin` is the emulator's base URL. */
export function paymentFields(
  transaction: Transaction,
  id: number,
  cardNumber: string,
  sessionToken: string,
  origin: string,
) {
  const { transactionId, transactionStatus } = transaction;
  return {
    orderId: String(401_000_000 + id),
    userTokenId: '',
    paymentOption: {
      ...(transactionStatus === 'REDIRECT'
        ? { redirectUrl: `${origin}${REDIRECT_PREFIX}${transactionId}?lang=en&v=1` }
        : {}),
      userPaymentOptionId: '',
      card: {
        ccCardNumber: `${cardNumber.slice(0, 1)}****${cardNumber.slice(-4)}`,
        bin: cardNumber.slice(0, 6),
        last4Digits: cardNumber.slice(-4),
      },
    },
    transactionStatus,
    ...gatewayError(transactionStatus),
    transactionType: transaction.transactionType,
    transactionId,
    externalTransactionId: '',
    authCode: transaction.authCode,
    customData: '',
    sessionToken,
    clientUniqueId: transaction.clientUniqueId,
  };
}

/** getTransactionDetails.do's `transactionDetails`. */
export function transactionDetails(transaction: Transaction) {
  return {
    transactionId: transaction.transactionId,
    transactionStatus: transaction.transactionStatus,
    transactionType: transaction.transactionType,
    authCode: transaction.authCode,
    clientUniqueId: transaction.clientUniqueId,
    date: transaction.date,
  };
}
