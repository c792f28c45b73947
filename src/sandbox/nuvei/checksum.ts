/**
 * @module How the Nuvei emulator authenticates a request: the merchant pair, the timestamp and
 * the checksum, computed here on its own (not shared with src/connectors) so the emulator checks
 * the connector's.
 */

import { sha256Hex, type JsonObject } from '../emulator-kit.js';
import type { NuveiCredentials } from './merchants.js';
import { RequestError, stringField } from './requests.js';

/** settle, void and refund: the body's order. */
const TRANSACTION_FIELDS = [
  'merchantId',
  'merchantSiteId',
  'clientRequestId',
  'clientUniqueId',
  'amount',
  'currency',
  'relatedTransactionId',
  'timeStamp',
] as const;

/** The fields each operation's checksum covers, in order; the merchant secret comes last. */
const CHECKSUM_FIELDS = {
  getSessionToken: ['merchantId', 'merchantSiteId', 'clientRequestId', 'timeStamp'],
  payment: ['merchantId', 'merchantSiteId', 'clientRequestId', 'amount', 'currency', 'timeStamp'],
  settleTransaction: TRANSACTION_FIELDS,
  voidTransaction: TRANSACTION_FIELDS,
  refundTransaction: TRANSACTION_FIELDS,
  getTransactionDetails: [
    'merchantId',
    'merchantSiteId',
    'transactionId',
    'clientUniqueId',
    'timeStamp',
  ],
} as const;

export type Operation = keyof typeof CHECKSUM_FIELDS;

/** The merchant, the timestamp and the checksum, checked the same way on every operation. */
export function authenticate(
  credentials: readonly NuveiCredentials[],
  operation: Operation,
  body: JsonObject,
): NuveiCredentials {
  const values = CHECKSUM_FIELDS[operation].map((field) => stringField(body, field));
  const checksum = stringField(body, 'checksum');
  const timeStamp = stringField(body, 'timeStamp');
  const merchant = credentials.find(
    (entry) =>
      entry.merchantId === body['merchantId'] && entry.merchantSiteId === body['merchantSiteId'],
  );
  if (merchant === undefined) throw new RequestError(1004, 'Invalid merchant');
  if (!/^\d{14}$/.test(timeStamp)) throw new RequestError(1021, 'Invalid timestamp');
  if (checksum !== sha256Hex(values.join('') + merchant.merchantSecret)) {
    throw new RequestError(1001, 'Invalid checksum');
  }
  return merchant;
}
