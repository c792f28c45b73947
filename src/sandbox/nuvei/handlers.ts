/**
 * @module The Nuvei emulator's payment operations: getSessionToken.do, payment.do and
 * getTransactionDetails.do (settle, void and refund are in ./transactions.ts). Each takes the parsed body and answers, or throws a RequestError
 * in the order of the table in ./index.ts.
 */

import { randomUUID } from 'node:crypto';

import { isoDateTime, type JsonObject } from '../emulator-kit.js';
import { jsonReply, type GatewayReply } from '../loopback.js';
import { answered, htmlPage, paymentFields, transactionDetails } from './bodies.js';
import { authenticate } from './checksum.js';
import {
  amountUnits,
  nextId,
  transactionIdOf,
  type NuveiLedger,
  type Transaction,
} from './ledger.js';
import { outcomeOf, SERVER_ERROR_PAGES } from './outcomes.js';
import { objectField, RequestError, stringField } from './requests.js';

export type NuveiOperation = (
  ledger: NuveiLedger,
  body: JsonObject,
  baseUrl: string,
) => GatewayReply;

export const getSessionToken: NuveiOperation = (ledger, body) => {
  const merchant = authenticate(ledger.credentials, 'getSessionToken', body);
  const sessionToken = randomUUID();
  ledger.sessions.set(sessionToken, { merchant, expiresAt: Date.now() + ledger.tokenTtlMs });
  return jsonReply(200, {
    sessionToken,
    ...answered(ledger, body, 'SUCCESS', 0, ''),
    clientRequestId: body['clientRequestId'],
  });
};

export const payment: NuveiOperation = (ledger, body, baseUrl) => {
  const merchant = authenticate(ledger.credentials, 'payment', body);
  const sessionToken = stringField(body, 'sessionToken');
  const amount = stringField(body, 'amount');
  if (!/^\d+(\.\d+)?$/.test(amount)) throw new RequestError(1000, 'Invalid request: amount');
  const card = objectField(objectField(body, 'paymentOption'), 'card');
  const cardNumber = stringField(card, 'cardNumber');
  for (const field of ['cardHolderName', 'expirationMonth', 'expirationYear', 'CVV']) {
    stringField(card, field);
  }
  const transactionType = stringField(body, 'transactionType');
  if (transactionType !== 'Auth' && transactionType !== 'Sale') {
    throw new RequestError(1000, 'Invalid request: transactionType');
  }
  const session = ledger.sessions.get(sessionToken);
  if (session === undefined || session.merchant !== merchant) {
    throw new RequestError(1069, 'Invalid session token');
  }
  if (Date.now() >= session.expiresAt) throw new RequestError(1069, 'Session expired');

  const major = Number(amount);
  const serverErrorPage = SERVER_ERROR_PAGES[major];
  if (serverErrorPage !== undefined) return htmlPage(major, serverErrorPage);

  const id = nextId(ledger);
  const transactionStatus = outcomeOf(cardNumber);
  const transaction: Transaction = {
    merchant,
    transactionId: transactionIdOf(id),
    clientUniqueId: typeof body['clientUniqueId'] === 'string' ? body['clientUniqueId'] : '',
    transactionStatus,
    transactionType,
    authCode: transactionStatus === 'APPROVED' ? String(111_000 + (id % 1000)) : '',
    date: isoDateTime(new Date()),
    amountUnits: amountUnits(amount),
    currency: stringField(body, 'currency'),
    captured: 0,
    refunded: 0,
    voided: false,
  };
  ledger.transactions.set(transaction.transactionId, transaction);
  return jsonReply(200, {
    ...paymentFields(transaction, id, cardNumber, sessionToken, baseUrl),
    ...answered(ledger, body, 'SUCCESS', 0, ''),
    clientRequestId: body['clientRequestId'],
  });
};

export const getTransactionDetails: NuveiOperation = (ledger, body) => {
  const merchant = authenticate(ledger.credentials, 'getTransactionDetails', body);
  const transaction = ledger.transactions.get(stringField(body, 'transactionId'));
  if (transaction === undefined || transaction.merchant !== merchant) {
    throw new RequestError(1140, 'Transaction not found');
  }
  return jsonReply(200, {
    transactionDetails: transactionDetails(transaction),
    ...answered(ledger, body, 'SUCCESS', 0, ''),
  });
};
