/**
 * @module RouterData → Paytm request bodies (the request half of UCS `paytm/transformers.rs`, as
 * the 0.4.0 core runs it): credentials, the signed head, and the three request builders.
 */

import {
  IntegrationError,
  Secret,
  expectAuth,
  getSessionToken,
  toWireJson,
  type Address,
  type BrowserInfo,
  type ConnectorAuthType,
  type FlowContext,
  type PaymentFlowData,
} from '../../runtime/index.js';
import {
  DEFAULT_CALLBACK_URL,
  DEFAULT_CUSTOMER_ID,
  PAYTM_API_VERSION,
  type PaytmAmount,
  type PaytmChannelId,
  type PaytmInitiateBody,
  type PaytmInitiateRequest,
  type PaytmProcessRequest,
  type PaytmShippingInfo,
  type PaytmSignedHead,
  type PaytmStatusRequest,
  type PaytmUserInfo,
} from './request.js';
import { sign } from './signature.js';

type Flow<F extends 'CreateSessionToken' | 'Authorize' | 'PSync'> = FlowContext<
  F,
  'StringMajorUnit'
>;

export interface PaytmCredentials {
  readonly mid: Secret;
  /** The AES key of the signature. */
  readonly merchantKey: Secret;
  readonly website: Secret;
  readonly clientId: Secret | null;
}

/** SignatureKey: apiKey = MID, key1 = merchant key, apiSecret = website; MultiAuthKey adds key2 = client id. */
export function paytmCredentials(auth: ConnectorAuthType): PaytmCredentials {
  const narrowed = expectAuth(auth, ['SignatureKey', 'MultiAuthKey'], 'paytm');
  return {
    mid: narrowed.apiKey,
    merchantKey: narrowed.key1,
    website: narrowed.apiSecret,
    clientId: narrowed.type === 'MultiAuthKey' ? narrowed.key2 : null,
  };
}

/** Unix seconds as a decimal string. */
export function unixSeconds(nowMs: number = Date.now()): string {
  return Math.floor(nowMs / 1000).toString();
}

/** Android or iOS → WAP, any other known OS → WEB, unknown → absent. */
export function channelIdFor(browserInfo: BrowserInfo | undefined): PaytmChannelId | undefined {
  const os = browserInfo?.osType?.toLowerCase();
  if (os === undefined) return undefined;
  return os.includes('android') || os.includes('ios') ? 'WAP' : 'WEB';
}

function signedHead(
  body: unknown,
  credentials: PaytmCredentials,
  channelId?: PaytmChannelId,
): PaytmSignedHead {
  // The runtime sends toWireJson of the whole tree, which contains this text of `body` verbatim.
  const signature = sign(toWireJson(body), credentials.merchantKey.expose());
  return {
    clientId: credentials.clientId,
    version: PAYTM_API_VERSION,
    requestTimestamp: unixSeconds(),
    ...(channelId === undefined ? {} : { channelId }),
    signature,
  };
}

function secretOrNull(value: string | undefined): Secret | null {
  return value === undefined ? null : new Secret(value);
}

/** `{ key: value }`, or nothing when the value is absent (serde's `skip_serializing_if`). */
function member<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function secretMember<K extends string>(key: K, value: string | undefined) {
  return member(key, value === undefined ? undefined : new Secret(value));
}

/** Only the billing address counts; the customer's own email, phone and name are not used. */
function userInfo(flowData: PaymentFlowData): PaytmUserInfo {
  const billing = flowData.billing;
  return {
    custId: flowData.customer?.id ?? DEFAULT_CUSTOMER_ID,
    mobile: secretOrNull(billing?.phone),
    email: secretOrNull(billing?.email),
    firstName: secretOrNull(billing?.firstName),
    lastName: secretOrNull(billing?.lastName),
  };
}

function shippingInfo(
  trackingNo: string,
  chargeAmount: PaytmAmount,
  shipping: Address = {},
): PaytmShippingInfo {
  // the number as given: the core does not prefix the country code
  return {
    trackingNo,
    chargeAmount,
    ...member('countryName', shipping.country),
    ...secretMember('stateName', shipping.state),
    ...member('cityName', shipping.city),
    ...secretMember('address1', shipping.line1),
    ...secretMember('address2', shipping.line2),
    ...secretMember('firstName', shipping.firstName),
    ...secretMember('lastName', shipping.lastName),
    ...secretMember('mobileNo', shipping.phone),
    ...secretMember('zipCode', shipping.zip),
    ...secretMember('email', shipping.email),
  };
}

export function buildInitiateRequest(ctx: Flow<'CreateSessionToken'>): PaytmInitiateRequest {
  const { flowData, request, auth } = ctx.routerData;
  const credentials = paytmCredentials(auth);
  const orderId = flowData.referenceId;
  const txnAmount: PaytmAmount = {
    value: ctx.convertAmount(request.amount, request.currency),
    currency: request.currency,
  };
  const body: PaytmInitiateBody = {
    requestType: 'Payment',
    mid: credentials.mid,
    orderId,
    websiteName: credentials.website,
    txnAmount,
    userInfo: userInfo(flowData),
    enablePaymentMode: [{ mode: 'UPI', channels: ['UPIPUSH', 'UPI'] }],
    callbackUrl: DEFAULT_CALLBACK_URL,
    shippingInfo: [shippingInfo(orderId, txnAmount, flowData.shipping)],
  };
  return { head: signedHead(body, credentials, channelIdFor(request.browserInfo)), body };
}

/** A VPA must contain "@" and be longer than 3 bytes. */
function checkVpa(vpa: Secret): void {
  const value = vpa.expose();
  if (!value.includes('@') || Buffer.byteLength(value, 'utf8') <= 3) {
    throw IntegrationError.encoding('Invalid UPI VPA format', { field: 'vpa' });
  }
}

/** Token first, then the payment method, as UCS checks them. */
export function buildProcessRequest(ctx: Flow<'Authorize'>): PaytmProcessRequest {
  const { flowData, request, auth } = ctx.routerData;
  const credentials = paytmCredentials(auth);
  const orderId = flowData.referenceId;
  const txnToken = getSessionToken(flowData);
  const method = request.paymentMethod;
  const channelId = channelIdFor(request.browserInfo);
  switch (method.type) {
    case 'upi_intent':
    case 'upi_qr':
      return {
        head: {
          version: PAYTM_API_VERSION,
          requestTimestamp: unixSeconds(),
          channelId: channelId ?? null,
          txnToken,
        },
        body: {
          mid: credentials.mid,
          orderId,
          requestType: 'NATIVE',
          paymentMode: 'UPI_INTENT',
          paymentFlow: 'NONE',
          ...member('txnNote', flowData.description),
        },
      };
    case 'upi_collect':
      if (method.vpa === undefined) throw IntegrationError.missingField('vpa');
      checkVpa(method.vpa);
      return {
        head: { txnToken },
        body: {
          requestType: 'NATIVE',
          mid: credentials.mid,
          orderId,
          paymentMode: 'UPI',
          payerAccount: method.vpa,
          channelCode: '',
          channelId: channelId ?? 'WEB',
          txnToken,
          authMode: null,
        },
      };
    case 'card':
      throw IntegrationError.notImplemented(
        'card payments on paytm (only UPI collect, intent and QR)',
      );
  }
}

export function buildStatusRequest(ctx: Flow<'PSync'>): PaytmStatusRequest {
  const { flowData, auth } = ctx.routerData;
  const credentials = paytmCredentials(auth);
  const body = { mid: credentials.mid, orderId: flowData.referenceId };
  return { head: signedHead(body, credentials), body };
}
