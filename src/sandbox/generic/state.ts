/** @module What one running generic emulator holds: its spec, credentials, clock, issued tokens and ledger. */

import type { Currency } from '../../runtime/index.js';
import type { Ledger } from './ledger.js';
import type { Fields } from './request.js';
import type { GenericCredentials, GenericGatewaySpec } from './spec.js';

/** A session token, bound to the merchant, amount and currency of its session. */
export interface IssuedToken {
  readonly merchantId: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly expiresAt: number;
}

export interface GenericGatewayState {
  readonly spec: GenericGatewaySpec;
  readonly credentials: Required<GenericCredentials>;
  readonly now: () => number;
  readonly tokenLifetimeMs: number;
  readonly issueToken: () => string;
  readonly tokens: Map<string, IssuedToken>;
  /** Authorized payments so far (numbers the transaction ids). */
  transactions: number;
  /** Payments and refunds, for the flows after Authorize. */
  readonly ledger: Ledger;
}

/** BodyKey sends merchantKey with every request; the other auth types send none. */
export function merchantKeyMatches(state: GenericGatewayState, fields: Fields): boolean {
  return state.spec.authType !== 'BodyKey' || fields['merchantKey'] === state.credentials.key1;
}
