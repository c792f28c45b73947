/**
 * @module What the Paytm emulator remembers: orders by MID and orderId, each bound to its
 * txnToken, and the ids it hands out.
 */

import { randomBytes } from 'node:crypto';

import type { PaytmMerchant } from './merchants.js';
import type { Outcome } from './outcomes.js';

export interface Order {
  readonly merchant: PaytmMerchant;
  readonly orderId: string;
  readonly amount: { readonly value: string; readonly currency: string };
  readonly txnToken: string;
  tokenUsed: boolean;
  processed?: { readonly outcome: Outcome; readonly transId: string; readonly at: Date };
}

export interface PaytmLedger {
  readonly merchantsByMid: ReadonlyMap<string, PaytmMerchant>;
  /** By {@link orderKey}. */
  readonly orders: Map<string, Order>;
  /** By txnToken; a superseded token is removed. */
  readonly tokens: Map<string, Order>;
  /** Transactions processed so far: the tail of each transId. */
  processedCount: number;
}

export function createLedger(merchants: readonly PaytmMerchant[]): PaytmLedger {
  return {
    merchantsByMid: new Map(merchants.map((merchant) => [merchant.mid, merchant])),
    orders: new Map(),
    tokens: new Map(),
    processedCount: 0,
  };
}

export const orderKey = (mid: string, orderId: string): string => `${mid}\u0000${orderId}`;

export const newTxnToken = (): string => randomBytes(16).toString('hex') + String(Date.now());

export const newCashierRequestId = (): string =>
  randomBytes(8).toString('hex').slice(0, 11).toUpperCase();

/** The next transId: the time, a fixed infix, and the count of processed transactions. */
export function newTransId(ledger: PaytmLedger, at: Date): string {
  ledger.processedCount += 1;
  const compactTime = at.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${compactTime}8001101680${String(ledger.processedCount).padStart(8, '0')}`;
}

export const randomDigits = (count: number): string =>
  Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
