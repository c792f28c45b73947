/**
 * @module What the Nuvei emulator remembers: the session tokens it issued with their expiry,
 * every transaction it decided (payments, settlements, voids, refunds) with the money each has
 * left, and the counter behind its ids.
 */

import type { NuveiCredentials } from './merchants.js';
import type { TransactionStatus } from './outcomes.js';

export interface Session {
  readonly merchant: NuveiCredentials;
  expiresAt: number;
}

export type TransactionType = 'Auth' | 'Sale' | 'Settle' | 'Void' | 'Credit';

export interface Transaction {
  readonly merchant: NuveiCredentials;
  readonly transactionId: string;
  readonly clientUniqueId: string;
  readonly transactionStatus: TransactionStatus;
  readonly transactionType: TransactionType;
  readonly authCode: string;
  readonly date: string;
  /** Exact, in 1/10,000 of the currency's major unit (every ISO exponent fits). */
  readonly amountUnits: number;
  readonly currency: string;
  /** The payment a settle, void or refund acted on. */
  readonly relatedTransactionId?: string;
  /** An Auth's settled money so far. */
  captured: number;
  /** A Sale's or Settle's refunded money so far. */
  refunded: number;
  /** An Auth that was voided. */
  voided: boolean;
}

export interface NuveiLedger {
  readonly credentials: readonly NuveiCredentials[];
  /** How long a session token stays valid. */
  readonly tokenTtlMs: number;
  /** By session token. */
  readonly sessions: Map<string, Session>;
  /** By transactionId. */
  readonly transactions: Map<string, Transaction>;
  /** Ids handed out so far: internalRequestIds and payments draw from the same count. */
  idCount: number;
}

export function createLedger(
  credentials: readonly NuveiCredentials[],
  tokenTtlMs: number,
): NuveiLedger {
  return { credentials, tokenTtlMs, sessions: new Map(), transactions: new Map(), idCount: 0 };
}

export function nextId(ledger: NuveiLedger): number {
  ledger.idCount += 1;
  return ledger.idCount;
}

/** `"10.50"` → 105000: amounts compared exactly, whatever their number of decimals. */
export function amountUnits(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0').slice(0, 4));
}

export function transactionIdOf(id: number): string {
  return `7110${String(id).padStart(14, '0')}`;
}
