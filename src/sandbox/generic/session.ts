/** @module The generic emulator's session endpoint: checks the request, issues a bound token. */

import { sha256Hex } from '../emulator-kit.js';
import { jsonReply, type GatewayReply } from '../loopback.js';
import {
  readAmount,
  readCurrency,
  readTimestamp,
  reference,
  text,
  type Fields,
} from './request.js';
import { forcedOutcome } from './forced.js';
import { merchantKeyMatches, type GenericGatewayState } from './state.js';

export function createSession(state: GenericGatewayState, fields: Fields): GatewayReply {
  const { spec, credentials, now } = state;
  const merchantId = text(fields, 'merchantId');
  const clientRequestId = reference(fields, 'clientRequestId');
  const timestamp = readTimestamp(fields, now());
  const currency = readCurrency(fields);
  const amount = readAmount(fields, spec, currency);
  const failed = (status: string, errorCode: string, errorMessage: string) =>
    jsonReply(200, { status, errorCode, errorMessage });
  if (merchantId !== credentials.apiKey) {
    return failed('FAILED', 'INVALID_MERCHANT', 'merchantId does not match the credentials');
  }
  if (!merchantKeyMatches(state, fields)) {
    return failed('FAILED', 'INVALID_MERCHANT_KEY', 'merchantKey does not match the credentials');
  }
  if (spec.authType === 'SignatureKey') {
    const expected = sha256Hex(merchantId + clientRequestId + timestamp + credentials.apiSecret);
    if (fields['checksum'] !== expected) {
      return failed('ERROR', 'INVALID_CHECKSUM', 'checksum does not match the request');
    }
  }
  // forced by the session's reference alone: an amount is the Authorize test cards' business
  const forced = forcedOutcome(clientRequestId);
  if (forced === 'decline') return failed('FAILED', 'SESSION_DECLINED', 'the session was declined');
  if (forced === 'error') {
    return failed('ERROR', 'PROCESSING_ERROR', 'the session could not be created');
  }
  const sessionToken = state.issueToken();
  state.tokens.set(sessionToken, {
    merchantId,
    amount,
    currency,
    expiresAt: now() + state.tokenLifetimeMs,
  });
  return jsonReply(200, { sessionToken, status: 'SUCCESS' });
}
