/**
 * @module Nuvei request bodies of the payment: `getSessionToken.do` and `payment.do`, key order
 * as the wire order, input checks in the core's order.
 */

import {
  IntegrationError,
  Secret,
  getSessionToken,
  type Address,
  type CaptureMethod,
  type FlowContext,
  type PaymentFlowData,
  type RouterData,
} from '../../runtime/index.js';
import { nuveiAuth } from './auth.js';
import { endpointChecksum, formatNuveiTimestamp } from './checksum.js';

type Context<F extends 'CreateSessionToken' | 'Authorize'> = FlowContext<F, 'StringMajorUnit'>;

export interface NuveiSessionTokenRequest {
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  readonly clientRequestId: string;
  readonly timeStamp: string;
  readonly checksum: string;
}

export interface NuveiCard {
  readonly cardNumber: Secret;
  readonly cardHolderName: Secret;
  readonly expirationMonth: Secret;
  readonly expirationYear: Secret;
  readonly CVV: Secret;
}

export interface NuveiBillingAddress {
  readonly email: Secret;
  readonly country: string;
  readonly firstName?: Secret;
  readonly lastName?: Secret;
  readonly phone?: Secret;
  readonly city?: Secret;
  readonly address?: Secret;
  readonly addressLine2?: Secret;
  readonly addressLine3?: Secret;
  readonly zip?: Secret;
  readonly state?: Secret;
}

export interface NuveiUrlDetails {
  readonly successUrl: string;
  readonly failureUrl: string;
  readonly pendingUrl: string;
}

export type NuveiTransactionType = 'Auth' | 'Sale';

export interface NuveiPaymentRequest {
  readonly sessionToken: string;
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  readonly clientRequestId: string;
  readonly amount: string;
  readonly currency: string;
  readonly clientUniqueId: string;
  readonly paymentOption: { readonly card: NuveiCard };
  readonly transactionType: NuveiTransactionType;
  readonly deviceDetails: { readonly ipAddress: Secret };
  readonly billingAddress: NuveiBillingAddress;
  readonly urlDetails?: NuveiUrlDetails;
  readonly timeStamp: string;
  readonly checksum: string;
}

/** `getSessionToken.do`. `clientRequestId` is the reference id, `""` when the caller gave none. */
export function buildSessionTokenRequest(
  ctx: Context<'CreateSessionToken'>,
  now: Date = new Date(),
): NuveiSessionTokenRequest {
  const auth = nuveiAuth(ctx.routerData.auth);
  const clientRequestId = ctx.routerData.flowData.referenceId;
  const timeStamp = formatNuveiTimestamp(now);
  const checksum = endpointChecksum(
    'getSessionToken',
    {
      merchantId: auth.merchantId.expose(),
      merchantSiteId: auth.merchantSiteId.expose(),
      clientRequestId,
      timeStamp,
    },
    auth.merchantSecret.expose(),
  );
  return {
    merchantId: auth.merchantId,
    merchantSiteId: auth.merchantSiteId,
    clientRequestId,
    timeStamp,
    checksum,
  };
}

/**
 * `payment.do`. Input checks run in the order UCS runs them, so the first missing field named
 * is the same: payment method and holder name, email, country, browser info, IP, amount,
 * session token.
 */
export function buildPaymentRequest(
  ctx: Context<'Authorize'>,
  now: Date = new Date(),
): NuveiPaymentRequest {
  const { routerData } = ctx;
  const { flowData, request } = routerData;
  const auth = nuveiAuth(routerData.auth);

  const card = cardOption(request.paymentMethod, flowData);
  const billingAddress = billingAddressOf(flowData);
  const browserInfo = request.browserInfo;
  if (browserInfo === undefined) throw IntegrationError.missingField('browser_info');
  if (browserInfo.ipAddress === undefined) {
    throw IntegrationError.missingField('browser_info.ip_address');
  }
  const amount = ctx.convertAmount(request.amount, request.currency);
  const sessionToken = getSessionToken(flowData);

  const clientRequestId = flowData.referenceId;
  const timeStamp = formatNuveiTimestamp(now);
  const checksum = endpointChecksum(
    'payment',
    {
      merchantId: auth.merchantId.expose(),
      merchantSiteId: auth.merchantSiteId.expose(),
      clientRequestId,
      amount,
      currency: request.currency,
      timeStamp,
    },
    auth.merchantSecret.expose(),
  );
  const returnUrl = flowData.returnUrl;
  return {
    sessionToken,
    merchantId: auth.merchantId,
    merchantSiteId: auth.merchantSiteId,
    clientRequestId,
    amount,
    currency: request.currency,
    clientUniqueId: clientRequestId,
    paymentOption: { card },
    transactionType: transactionTypeOf(request.captureMethod, amount),
    deviceDetails: { ipAddress: new Secret(browserInfo.ipAddress) },
    billingAddress,
    ...(returnUrl === undefined
      ? {}
      : { urlDetails: { successUrl: returnUrl, failureUrl: returnUrl, pendingUrl: returnUrl } }),
    timeStamp,
    checksum,
  };
}

/** `Auth` for manual capture or a zero amount, else `Sale`. */
export function transactionTypeOf(
  captureMethod: CaptureMethod,
  amount: string,
): NuveiTransactionType {
  return captureMethod === 'manual' || Number(amount) === 0 ? 'Auth' : 'Sale';
}

const NAME_FIELD = 'billing_address.first_name and billing_address.last_name or customer_name';

function cardOption(
  method: RouterData<'Authorize'>['request']['paymentMethod'],
  flowData: PaymentFlowData,
): NuveiCard {
  if (method.type !== 'card') {
    throw IntegrationError.notImplemented(`${method.type} payments for nuvei`);
  }
  // Nuvei's holder name is the billing name, never the card's own holderName (as in UCS).
  const holderName = fullName(flowData.billing) ?? flowData.customer?.name;
  if (holderName === undefined) throw IntegrationError.missingField(NAME_FIELD);
  return {
    cardNumber: method.number,
    cardHolderName: new Secret(holderName),
    expirationMonth: method.expMonth,
    expirationYear: method.expYear,
    CVV: method.cvc,
  };
}

function fullName(billing: Address | undefined): string | undefined {
  const first = billing?.firstName;
  const last = billing?.lastName;
  if (first !== undefined && last !== undefined) return `${first} ${last}`;
  return first ?? last;
}

function billingAddressOf(flowData: PaymentFlowData): NuveiBillingAddress {
  const billing = flowData.billing;
  const email = billing?.email ?? flowData.customer?.email;
  if (email === undefined) throw IntegrationError.missingField('billing_address.email');
  const country = billing?.country;
  if (country === undefined) throw IntegrationError.missingField('billing_address.country');
  return {
    email: new Secret(email),
    country,
    ...secretEntries({
      firstName: billing?.firstName,
      lastName: billing?.lastName,
      phone: billing?.phone,
      city: billing?.city,
      address: billing?.line1,
      addressLine2: billing?.line2,
      addressLine3: billing?.line3,
      zip: billing?.zip,
      state: billing?.state,
    }),
  };
}

/** The defined entries, in order, each wrapped in a Secret (PII stays masked in events). */
function secretEntries<K extends string>(
  fields: Readonly<Record<K, string | undefined>>,
): Partial<Record<K, Secret>> {
  const result: Partial<Record<K, Secret>> = {};
  for (const key of Object.keys(fields) as K[]) {
    const value = fields[key];
    if (value !== undefined) result[key] = new Secret(value);
  }
  return result;
}
