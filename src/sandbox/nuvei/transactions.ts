/**
 * @module The Nuvei emulator's operations on an earlier payment, ruled by the ledger:
 * settleTransaction.do (capture an approved Auth, at most what is left of it),
 * voidTransaction.do (an approved Auth never settled, for its whole amount) and
 * refundTransaction.do (an approved Sale or Settle, at most what is left unrefunded). Each new
 * transaction can be read back with getTransactionDetails.do.
 */

import { isoDateTime, type JsonObject } from '../emulator-kit.js';
import { jsonReply, type GatewayReply } from '../loopback.js';
import { answered, htmlPage } from './bodies.js';
import { authenticate, type Operation } from './checksum.js';
import type { NuveiCredentials } from './merchants.js';
import {
  amountUnits,
  nextId,
  transactionIdOf,
  type NuveiLedger,
  type Transaction,
  type TransactionType,
} from './ledger.js';
import type { NuveiOperation } from './handlers.js';
import {
  gatewayError,
  referenceOutcome,
  SERVER_ERROR_PAGES,
  type TransactionStatus,
} from './outcomes.js';
import { RequestError, stringField } from './requests.js';

/** A request the ledger refuses: answered in-band with errCode 1120 (amount) or 1130 (state). */
const invalidAmount = (why: string) => new RequestError(1120, `Invalid amount: ${why}`);
const notAllowed = (why: string) => new RequestError(1130, `Operation not allowed: ${why}`);

interface Rule {
  readonly operation: Operation & ('settleTransaction' | 'voidTransaction' | 'refundTransaction');
  readonly type: TransactionType;
  /** Throws a RequestError when the related transaction cannot take this amount; else books it. */
  check(related: Transaction, units: number): () => void;
}

function approved(related: Transaction, kinds: readonly TransactionType[], what: string): void {
  if (!kinds.includes(related.transactionType) || related.transactionStatus !== 'APPROVED') {
    throw notAllowed(
      `${what} (transaction ${related.transactionId} is ${related.transactionStatus} ${related.transactionType})`,
    );
  }
}

const SETTLE: Rule = {
  operation: 'settleTransaction',
  type: 'Settle',
  check: (auth, units) => {
    approved(auth, ['Auth'], 'only an approved Auth can be settled');
    if (auth.voided) throw notAllowed('the Auth was voided');
    const left = auth.amountUnits - auth.captured;
    if (units > left) throw invalidAmount('more than the Auth has left to settle');
    return () => {
      auth.captured += units;
    };
  },
};

const VOID: Rule = {
  operation: 'voidTransaction',
  type: 'Void',
  check: (auth, units) => {
    approved(auth, ['Auth'], 'only an approved Auth can be voided');
    if (auth.voided) throw notAllowed('the Auth was already voided');
    if (auth.captured > 0) throw notAllowed('the Auth was settled; refund it instead');
    if (units !== auth.amountUnits) throw invalidAmount('a void takes the Auth’s whole amount');
    return () => {
      auth.voided = true;
    };
  },
};

const REFUND: Rule = {
  operation: 'refundTransaction',
  type: 'Credit',
  check: (payment, units) => {
    approved(
      payment,
      ['Sale', 'Settle'],
      'only captured money (a Sale or a Settle) can be refunded',
    );
    const left = payment.amountUnits - payment.refunded;
    if (units > left) throw invalidAmount('more than is left to refund');
    return () => {
      payment.refunded += units;
    };
  },
};

function related(ledger: NuveiLedger, merchant: NuveiCredentials, id: string): Transaction {
  const transaction = ledger.transactions.get(id);
  if (transaction === undefined || transaction.merchant !== merchant) {
    throw new RequestError(1140, 'Transaction not found');
  }
  return transaction;
}

function operation(rule: Rule): NuveiOperation {
  return (ledger, body: JsonObject): GatewayReply => {
    const merchant = authenticate(ledger.credentials, rule.operation, body);
    const amount = stringField(body, 'amount');
    if (!/^\d+(\.\d{1,4})?$/.test(amount)) throw new RequestError(1000, 'Invalid request: amount');
    const currency = stringField(body, 'currency');
    const clientUniqueId = stringField(body, 'clientUniqueId');
    const payment = related(ledger, merchant, stringField(body, 'relatedTransactionId'));
    const serverErrorPage = SERVER_ERROR_PAGES[Number(amount)];
    if (serverErrorPage !== undefined) return htmlPage(Number(amount), serverErrorPage);

    const units = amountUnits(amount);
    if (units === 0) throw invalidAmount('zero');
    if (currency !== payment.currency) {
      throw invalidAmount(`the currency is ${payment.currency}, not ${currency}`);
    }
    const forced = referenceOutcome(clientUniqueId);
    const book = rule.check(payment, units);
    const transactionStatus: TransactionStatus = forced ?? 'APPROVED';
    // only an approved operation moves money; a forced decline, pending or error leaves it
    if (transactionStatus === 'APPROVED') book();

    const id = nextId(ledger);
    const transaction: Transaction = {
      merchant,
      transactionId: transactionIdOf(id),
      clientUniqueId,
      transactionStatus,
      transactionType: rule.type,
      authCode: transactionStatus === 'APPROVED' ? String(111_000 + (id % 1000)) : '',
      date: isoDateTime(new Date()),
      amountUnits: units,
      currency,
      relatedTransactionId: payment.transactionId,
      captured: 0,
      refunded: 0,
      voided: false,
    };
    ledger.transactions.set(transaction.transactionId, transaction);
    return jsonReply(200, {
      transactionId: transaction.transactionId,
      externalTransactionId: '',
      transactionStatus,
      authCode: transaction.authCode,
      ...gatewayError(transactionStatus),
      customData: '',
      clientRequestId: body['clientRequestId'],
      clientUniqueId,
      ...answered(ledger, body, 'SUCCESS', 0, ''),
    });
  };
}

export const settleTransaction = operation(SETTLE);
export const voidTransaction = operation(VOID);
export const refundTransaction = operation(REFUND);
