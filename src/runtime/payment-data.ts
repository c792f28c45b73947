/** @module The payment's own data, as the router hands it to a connector. */

import type { Secret } from './secret.js';

export type CaptureMethod = 'automatic' | 'manual';
export type AuthenticationType = 'three_ds' | 'no_three_ds';

export interface Address {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  /** The bare number, without the country code. */
  readonly phone?: string;
  /** E.g. "+91". */
  readonly phoneCountryCode?: string;
  readonly line1?: string;
  readonly line2?: string;
  readonly line3?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  readonly country?: string;
}

export interface Customer {
  readonly id?: string;
  readonly name?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly phoneCountryCode?: string;
}

export interface BrowserInfo {
  readonly ipAddress?: string;
  readonly userAgent?: string;
  /** E.g. "android", "ios", "windows": decides channels for some gateways. */
  readonly osType?: string;
  readonly acceptHeader?: string;
  readonly acceptLanguage?: string;
  readonly language?: string;
  readonly colorDepth?: number;
  readonly screenHeight?: number;
  readonly screenWidth?: number;
  readonly timeZoneOffsetMinutes?: number;
  readonly javaEnabled?: boolean;
  readonly javaScriptEnabled?: boolean;
}

export interface Card {
  readonly type: 'card';
  readonly number: Secret;
  readonly expMonth: Secret;
  readonly expYear: Secret;
  readonly cvc: Secret;
  readonly holderName?: string;
}

export interface UpiCollect {
  readonly type: 'upi_collect';
  /** The payer's UPI address; a connector that needs it refuses its absence (MISSING_REQUIRED_FIELD). */
  readonly vpa?: Secret;
}

export interface UpiIntent {
  readonly type: 'upi_intent';
}

export interface UpiQr {
  readonly type: 'upi_qr';
}

export type PaymentMethodData = Card | UpiCollect | UpiIntent | UpiQr;
export type PaymentMethodType = PaymentMethodData['type'];
