/**
 * @module Nuvei's request checksum and timestamp: lowercase hex SHA-256 of the listed body
 * values concatenated without separators, the merchant secret last; `timeStamp` is UTC
 * `YYYYMMDDHHmmss`, the same string in the body and in the hash.
 */

import { createHash } from 'node:crypto';

/** settle, void and refund hash their body in body order. */
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

/** The body fields each endpoint hashes, in hashing order (which is not always body order). */
export const CHECKSUM_FIELDS = {
  getSessionToken: ['merchantId', 'merchantSiteId', 'clientRequestId', 'timeStamp'],
  payment: ['merchantId', 'merchantSiteId', 'clientRequestId', 'amount', 'currency', 'timeStamp'],
  settleTransaction: TRANSACTION_FIELDS,
  voidTransaction: TRANSACTION_FIELDS,
  refundTransaction: TRANSACTION_FIELDS,
  // Nuvei hashes transactionId before clientUniqueId although the body sends them the other way.
  getTransactionDetails: [
    'merchantId',
    'merchantSiteId',
    'transactionId',
    'clientUniqueId',
    'timeStamp',
  ],
} as const;

export type ChecksumEndpoint = keyof typeof CHECKSUM_FIELDS;
export type ChecksumValues<E extends ChecksumEndpoint> = Readonly<
  Record<(typeof CHECKSUM_FIELDS)[E][number], string>
>;

/** `sha256_hex(parts.join('') + merchantSecret)`, hashing the UTF-8 bytes. */
export function nuveiChecksum(parts: readonly string[], merchantSecret: string): string {
  return createHash('sha256')
    .update(parts.join('') + merchantSecret, 'utf8')
    .digest('hex');
}

/** The checksum of one endpoint's request, from its field values. */
export function endpointChecksum<E extends ChecksumEndpoint>(
  endpoint: E,
  values: ChecksumValues<E>,
  merchantSecret: string,
): string {
  const fields: readonly (typeof CHECKSUM_FIELDS)[E][number][] = CHECKSUM_FIELDS[endpoint];
  return nuveiChecksum(
    fields.map((field) => values[field]),
    merchantSecret,
  );
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** UTC wall clock as `YYYYMMDDHHmmss`; the process time zone plays no part. */
export function formatNuveiTimestamp(date: Date): string {
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}
