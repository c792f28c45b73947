/**
 * @module Paytm request bodies as they go on the wire (UCS `paytm/request.rs`). Key order is the
 * order the transformers build each literal in; `null` members are sent as explicit JSON nulls.
 */

import type { Currency, Secret } from '../../runtime/index.js';

export const PAYTM_API_VERSION = 'v1';
/** What UCS sends as `callbackUrl`: its session input never carries a return URL. */
export const DEFAULT_CALLBACK_URL = 'https://default-callback.com';
export const DEFAULT_CUSTOMER_ID = 'cus_default';

export type PaytmChannelId = 'WEB' | 'WAP';

export interface PaytmAmount {
  /** StringMajorUnit, e.g. "10.00". */
  readonly value: string;
  readonly currency: Currency;
}

/** The signed head of initiateTransaction and v3/order/status. */
export interface PaytmSignedHead {
  readonly clientId: Secret | null;
  readonly version: typeof PAYTM_API_VERSION;
  /** Unix seconds as a decimal string. */
  readonly requestTimestamp: string;
  /** Present only when the browser's OS type is known. */
  readonly channelId?: PaytmChannelId;
  readonly signature: string;
}

export interface PaytmUserInfo {
  readonly custId: string;
  readonly mobile: Secret | null;
  readonly email: Secret | null;
  readonly firstName: Secret | null;
  readonly lastName: Secret | null;
}

export interface PaytmEnableMethod {
  readonly mode: 'UPI';
  readonly channels: readonly string[];
}

export interface PaytmShippingInfo {
  readonly trackingNo: string;
  readonly chargeAmount: PaytmAmount;
  /** ISO 3166-1 alpha-2. */
  readonly countryName?: string;
  readonly stateName?: Secret;
  readonly cityName?: string;
  readonly address1?: Secret;
  readonly address2?: Secret;
  readonly firstName?: Secret;
  readonly lastName?: Secret;
  /** Country code and number, e.g. "+919876543210". */
  readonly mobileNo?: Secret;
  readonly zipCode?: Secret;
  readonly email?: Secret;
}

export interface PaytmInitiateBody {
  readonly requestType: 'Payment';
  readonly mid: Secret;
  readonly orderId: string;
  readonly websiteName: Secret;
  readonly txnAmount: PaytmAmount;
  readonly userInfo: PaytmUserInfo;
  readonly enablePaymentMode: readonly PaytmEnableMethod[];
  readonly callbackUrl: string;
  readonly shippingInfo: readonly PaytmShippingInfo[];
}

export interface PaytmInitiateRequest {
  readonly head: PaytmSignedHead;
  readonly body: PaytmInitiateBody;
}

/** UPI intent and UPI QR: Paytm answers with a `upi://` deep link. */
export interface PaytmIntentRequest {
  readonly head: {
    readonly version: typeof PAYTM_API_VERSION;
    readonly requestTimestamp: string;
    readonly channelId: PaytmChannelId | null;
    readonly txnToken: string;
  };
  readonly body: {
    readonly mid: Secret;
    readonly orderId: string;
    readonly requestType: 'NATIVE';
    readonly paymentMode: 'UPI_INTENT';
    readonly paymentFlow: 'NONE';
    readonly txnNote?: string;
  };
}

/** UPI collect: Paytm asks the payer's VPA to approve. */
export interface PaytmCollectRequest {
  readonly head: { readonly txnToken: string };
  readonly body: {
    readonly requestType: 'NATIVE';
    readonly mid: Secret;
    readonly orderId: string;
    readonly paymentMode: 'UPI';
    readonly payerAccount: Secret;
    readonly channelCode: '';
    readonly channelId: PaytmChannelId;
    readonly txnToken: string;
    readonly authMode: null;
  };
}

export type PaytmProcessRequest = PaytmIntentRequest | PaytmCollectRequest;

export interface PaytmStatusRequest {
  readonly head: PaytmSignedHead;
  readonly body: { readonly mid: Secret; readonly orderId: string };
}
