/** @module The generic emulator's Authorize endpoint: checks the payment and spends its token. */

import { jsonReply, type GatewayReply, type RecordedRequest } from '../loopback.js';
import { cardStatus, paymentOutcome } from './cards.js';
import {
  matching,
  passesLuhn,
  readAmount,
  readCard,
  readCurrency,
  reference,
  text,
  type Fields,
} from './request.js';
import { merchantKeyMatches, type GenericGatewayState } from './state.js';

/** Where the spec says Authorize carries the token. */
function tokenIn(state: GenericGatewayState, fields: Fields, request: RecordedRequest): unknown {
  const { tokenPlacement, tokenName } = state.spec;
  switch (tokenPlacement) {
    case 'body':
      return fields[tokenName];
    case 'header':
      return request.headers[tokenName.toLowerCase()];
    case 'query':
      return request.query[tokenName];
  }
}

export function authorizePayment(
  state: GenericGatewayState,
  fields: Fields,
  request: RecordedRequest,
  baseUrl: string,
): GatewayReply {
  const { spec, credentials, now, tokens } = state;
  const merchantId = text(fields, 'merchantId');
  const currency = readCurrency(fields);
  const amount = readAmount(fields, spec, currency);
  reference(fields, 'reference');
  const captureMethod = matching(fields, 'captureMethod', /^(automatic|manual)$/);
  const card = readCard(fields);
  const token = tokenIn(state, fields, request);
  const refused = (errorCode: string, errorMessage: string) =>
    jsonReply(200, { status: 'ERROR', errorCode, errorMessage });
  if (merchantId !== credentials.apiKey) {
    return refused('INVALID_MERCHANT', 'merchantId does not match the credentials');
  }
  if (!merchantKeyMatches(state, fields)) {
    return refused('INVALID_MERCHANT_KEY', 'merchantKey does not match the credentials');
  }
  if (typeof token !== 'string' || token === '') {
    return refused(
      'SESSION_TOKEN_MISSING',
      `no session token in ${spec.tokenPlacement} "${spec.tokenName}"`,
    );
  }
  const session = tokens.get(token);
  if (session === undefined || session.merchantId !== merchantId) {
    return refused('INVALID_SESSION_TOKEN', 'the session token is unknown or already used');
  }
  tokens.delete(token);
  if (session.expiresAt <= now()) {
    return refused('SESSION_TOKEN_EXPIRED', 'the session token has expired');
  }
  if (session.amount !== amount || session.currency !== currency) {
    return refused('SESSION_MISMATCH', 'amount or currency differs from the session');
  }
  if (!passesLuhn(card.number)) return refused('INVALID_CARD_NUMBER', 'the card number is invalid');
  state.transactions += 1;
  const transactionId = `txn_${String(state.transactions).padStart(6, '0')}`;
  const status = cardStatus(card.number);
  if (status !== 'ERROR') {
    // an automatic capture settles the whole amount at once; PSync then reports CAPTURED
    const settled = status === 'APPROVED' && captureMethod === 'automatic';
    state.ledger.addPayment({
      transactionId,
      merchantId,
      amount,
      currency,
      status: settled ? 'CAPTURED' : status,
      captured: settled ? amount : 0,
    });
  }
  return paymentOutcome(card.number, transactionId, `${baseUrl}/challenge/${transactionId}`);
}
