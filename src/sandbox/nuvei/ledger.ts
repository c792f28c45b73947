/**
 * @module What the Nuvei emulator remembers: the session tokens it issued with their expiry,
 * the transactions payment.do decided, and the counter behind its ids.
 */

import type { NuveiCredentials } from './merchants.js';
import type { TransactionStatus } from './outcomes.js';

export interface Session {
  readonly merchant: NuveiCredentials;
  expiresAt: number;
}

export interface Transaction {
  readonly merchant: NuveiCredentials;
  readonly transactionId: string;
  readonly clientUniqueId: string;
  readonly transactionStatus: TransactionStatus;
  readonly transactionType: string;
  readonly authCode: string;
  readonly date: string;
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
