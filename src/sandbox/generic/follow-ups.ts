/**
 * @module The generic emulator's Capture, Void and Refund (DESIGN §4b): the caller checked as for
 * the session (merchantId, BodyKey's merchantKey, SignatureKey's timestamp and checksum over
 * `merchantId + reference + timestamp + api_secret`), then the ledger decides.
 */

import { sha256Hex } from '../emulator-kit.js';
import { jsonReply, type GatewayReply } from '../loopback.js';
import { forcedOutcome } from './forced.js';
import type { LedgerPayment } from './ledger.js';
import {
  invalidField,
  readAmount,
  readCurrency,
  readTimestamp,
  reference,
  text,
  type Fields,
} from './request.js';
import { merchantKeyMatches, type GenericGatewayState } from './state.js';

/** An in-band refusal: HTTP 200, `status: "ERROR"`. */
export function refusedInBand(
  errorCode: string,
  errorMessage: string,
  transactionId?: string,
): GatewayReply {
  return jsonReply(200, {
    status: 'ERROR',
    ...(transactionId === undefined ? {} : { transactionId }),
    errorCode,
    errorMessage,
  });
}

/** The caller's checks every POST after Authorize shares; a refusal, or the payment asked about. */
function checkCaller(
  state: GenericGatewayState,
  fields: Fields,
  ref: string,
  transactionId: string,
): GatewayReply | LedgerPayment {
  const { spec, credentials, now } = state;
  const merchantId = text(fields, 'merchantId');
  const timestamp = spec.authType === 'SignatureKey' ? readTimestamp(fields, now()) : undefined;
  if (merchantId !== credentials.apiKey) {
    return refusedInBand('INVALID_MERCHANT', 'merchantId does not match the credentials');
  }
  if (!merchantKeyMatches(state, fields)) {
    return refusedInBand('INVALID_MERCHANT_KEY', 'merchantKey does not match the credentials');
  }
  if (
    timestamp !== undefined &&
    fields['checksum'] !== sha256Hex(merchantId + ref + timestamp + credentials.apiSecret)
  ) {
    return refusedInBand('INVALID_CHECKSUM', 'checksum does not match the request');
  }
  const payment = state.ledger.payment(transactionId);
  if (payment === undefined || payment.merchantId !== merchantId) {
    return refusedInBand('TRANSACTION_NOT_FOUND', `no payment ${transactionId}`);
  }
  return payment;
}

function optionalReason(fields: Fields): void {
  if (fields['reason'] !== undefined && typeof fields['reason'] !== 'string') {
    invalidField('reason', 'must be a string when given');
  }
}

function paymentAnswer(
  payment: LedgerPayment,
  transactionStatus: string,
  extra = {},
): GatewayReply {
  return jsonReply(200, {
    status: 'SUCCESS',
    transactionId: payment.transactionId,
    transactionStatus,
    ...extra,
  });
}

/** A forced Capture or Void outcome, in the payment answer's shape. */
function forcedPaymentAnswer(
  payment: LedgerPayment,
  outcome: 'decline' | 'pending' | 'error',
  flow: string,
): GatewayReply {
  if (outcome === 'pending') return paymentAnswer(payment, 'PENDING');
  if (outcome === 'decline') {
    return paymentAnswer(payment, 'DECLINED', {
      errorCode: `${flow}_DECLINED`,
      errorMessage: `the ${flow.toLowerCase()} was declined`,
    });
  }
  return refusedInBand(
    'PROCESSING_ERROR',
    'the acquirer could not be reached',
    payment.transactionId,
  );
}

export function capturePayment(
  state: GenericGatewayState,
  fields: Fields,
  transactionId: string,
): GatewayReply {
  const currency = readCurrency(fields);
  const amount = readAmount(fields, state.spec, currency);
  const ref = reference(fields, 'reference');
  const payment = checkCaller(state, fields, ref, transactionId);
  if (!('transactionId' in payment)) return payment;
  const forced = forcedOutcome(ref, amount);
  if (forced !== undefined) return forcedPaymentAnswer(payment, forced, 'CAPTURE');
  const open = payment.status === 'APPROVED' || payment.status === 'CAPTURED';
  const left = payment.amount - payment.captured;
  if (!open || left === 0) {
    const why = open ? 'is already captured in full' : `is ${payment.status}`;
    return refusedInBand('CAPTURE_NOT_ALLOWED', `payment ${transactionId} ${why}`, transactionId);
  }
  if (currency !== payment.currency) {
    return refusedInBand(
      'CURRENCY_MISMATCH',
      `the payment is in ${payment.currency}`,
      transactionId,
    );
  }
  if (amount > left) {
    return refusedInBand(
      'AMOUNT_TOO_HIGH',
      `at most ${left} (minor units) is left to capture`,
      transactionId,
    );
  }
  payment.captured += amount;
  payment.status = 'CAPTURED';
  return paymentAnswer(payment, 'CAPTURED');
}

export function voidPayment(
  state: GenericGatewayState,
  fields: Fields,
  transactionId: string,
): GatewayReply {
  const ref = reference(fields, 'reference');
  optionalReason(fields);
  const payment = checkCaller(state, fields, ref, transactionId);
  if (!('transactionId' in payment)) return payment;
  const forced = forcedOutcome(ref);
  if (forced !== undefined) return forcedPaymentAnswer(payment, forced, 'VOID');
  if (payment.status !== 'APPROVED' || payment.captured > 0) {
    return refusedInBand(
      'VOID_NOT_ALLOWED',
      `payment ${transactionId} is ${payment.status}; only an authorization not yet captured can be voided`,
      transactionId,
    );
  }
  payment.status = 'VOIDED';
  return paymentAnswer(payment, 'VOIDED');
}

export function refundPayment(
  state: GenericGatewayState,
  fields: Fields,
  transactionId: string,
): GatewayReply {
  const currency = readCurrency(fields);
  const amount = readAmount(fields, state.spec, currency);
  const ref = text(fields, 'reference');
  optionalReason(fields);
  const payment = checkCaller(state, fields, ref, transactionId);
  if (!('transactionId' in payment)) return payment;
  const refundAnswer = (refundId: string, refundStatus: string, extra = {}) =>
    jsonReply(200, { status: 'SUCCESS', refundId, refundStatus, ...extra });
  const forced = forcedOutcome(ref, amount);
  if (forced === 'error') {
    return refusedInBand('PROCESSING_ERROR', 'the acquirer could not be reached', transactionId);
  }
  if (forced !== undefined) {
    const status = forced === 'pending' ? 'PENDING' : 'FAILED';
    const recorded = state.ledger.addRefund(payment, amount, ref, status);
    return refundAnswer(
      recorded.refundId,
      status,
      status === 'FAILED'
        ? { errorCode: 'REFUND_DECLINED', errorMessage: 'the refund was declined' }
        : {},
    );
  }
  if (currency !== payment.currency) {
    return refusedInBand(
      'CURRENCY_MISMATCH',
      `the payment is in ${payment.currency}`,
      transactionId,
    );
  }
  const left = payment.captured - payment.refunded;
  if (payment.captured === 0 || amount > left) {
    return refusedInBand(
      'REFUND_NOT_ALLOWED',
      `at most ${left} (minor units) of captured money is left to refund`,
      transactionId,
    );
  }
  const recorded = state.ledger.addRefund(payment, amount, ref, 'SUCCEEDED');
  return refundAnswer(recorded.refundId, 'SUCCEEDED');
}
