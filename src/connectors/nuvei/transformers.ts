/**
 * @module Nuvei request bodies, response schemas and response mappers: the wire format of
 * `getSessionToken.do`, `payment.do` and `getTransactionDetails.do` as Juspay's connector core
 * builds and reads it (key order, optional keys, status tables, error bodies).
 */

import {
  ConnectorError,
  IntegrationError,
  NO_ERROR_CODE,
  NO_ERROR_MESSAGE,
  Secret,
  expectAuth,
  getSessionToken,
  withError,
  withSuccess,
  z,
  type Address,
  type AttemptStatus,
  type CaptureMethod,
  type ConnectorAuthType,
  type ErrorResponse,
  type FlowContext,
  type HttpResponse,
  type PaymentFlowData,
  type PaymentsResponseData,
  type RedirectForm,
  type ResponseContext,
  type RouterData,
} from '../../runtime/index.js';
import { endpointChecksum, formatNuveiTimestamp } from './checksum.js';

type Context<F extends 'CreateSessionToken' | 'Authorize' | 'PSync'> = FlowContext<
  F,
  'StringMajorUnit'
>;

// ---------------------------------------------------------------------------------------------
// Credentials

/** SignatureKey as Nuvei reads it: api_key → merchantId, key1 → merchantSiteId, api_secret → merchantSecret. */
export interface NuveiAuth {
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  /** Never sent: only the checksum's suffix. */
  readonly merchantSecret: Secret;
}

export function nuveiAuth(auth: ConnectorAuthType): NuveiAuth {
  const key = expectAuth(auth, ['SignatureKey'], 'nuvei');
  return { merchantId: key.apiKey, merchantSiteId: key.key1, merchantSecret: key.apiSecret };
}

// ---------------------------------------------------------------------------------------------
// Request bodies (key order is the wire order)

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

export interface NuveiSyncRequest {
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  readonly clientUniqueId: string;
  readonly transactionId: string;
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

/** `getTransactionDetails.do`: the body sends clientUniqueId first, the checksum hashes transactionId first. */
export function buildSyncRequest(ctx: Context<'PSync'>, now: Date = new Date()): NuveiSyncRequest {
  const auth = nuveiAuth(ctx.routerData.auth);
  const clientUniqueId = ctx.routerData.flowData.referenceId;
  const transactionId = ctx.routerData.request.connectorTransactionId;
  const timeStamp = formatNuveiTimestamp(now);
  const checksum = endpointChecksum(
    'getTransactionDetails',
    {
      merchantId: auth.merchantId.expose(),
      merchantSiteId: auth.merchantSiteId.expose(),
      transactionId,
      clientUniqueId,
      timeStamp,
    },
    auth.merchantSecret.expose(),
  );
  return {
    merchantId: auth.merchantId,
    merchantSiteId: auth.merchantSiteId,
    clientUniqueId,
    transactionId,
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

// ---------------------------------------------------------------------------------------------
// Response schemas (what UCS's serde structs accept: unknown keys ignored, null = absent)

const i32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);
const i64 = z.number().refine(Number.isInteger, 'expected an integer');
const optionalString = z.string().nullish();

/** Request-level status; any other value makes the whole answer unreadable. */
const requestStatusSchema = z.enum(['SUCCESS', 'FAILED', 'ERROR', 'PROCESSING']);

const TRANSACTION_STATUS_SPELLINGS = {
  APPROVED: 'APPROVED',
  Approved: 'APPROVED',
  DECLINED: 'DECLINED',
  Declined: 'DECLINED',
  ERROR: 'ERROR',
  Error: 'ERROR',
  'Filter Error': 'ERROR',
  REDIRECT: 'REDIRECT',
  Redirect: 'REDIRECT',
  PENDING: 'PENDING',
  Pending: 'PENDING',
  PROCESSING: 'PROCESSING',
  Processing: 'PROCESSING',
} as const;

export type NuveiTransactionStatus =
  (typeof TRANSACTION_STATUS_SPELLINGS)[keyof typeof TRANSACTION_STATUS_SPELLINGS];

const transactionStatusSchema = z
  .enum(Object.keys(TRANSACTION_STATUS_SPELLINGS) as [keyof typeof TRANSACTION_STATUS_SPELLINGS])
  .transform((spelling): NuveiTransactionStatus => TRANSACTION_STATUS_SPELLINGS[spelling]);

export const sessionTokenResponseSchema = z.object({
  sessionToken: optionalString,
  internalRequestId: i64.nullish(),
  status: requestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  merchantId: optionalString,
  merchantSiteId: optionalString,
  version: optionalString,
  clientRequestId: optionalString,
});
export type NuveiSessionTokenResponse = z.infer<typeof sessionTokenResponseSchema>;

export const paymentResponseSchema = z.object({
  orderId: optionalString,
  transactionId: optionalString,
  transactionStatus: transactionStatusSchema.nullish(),
  status: requestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  gwErrorCode: i32.nullish(),
  gwErrorReason: optionalString,
  authCode: optionalString,
  sessionToken: optionalString,
  clientUniqueId: optionalString,
  clientRequestId: optionalString,
  internalRequestId: i64.nullish(),
  paymentOption: z.object({ redirectUrl: optionalString }).nullish(),
});
export type NuveiPaymentResponse = z.infer<typeof paymentResponseSchema>;

export const syncResponseSchema = z.object({
  status: requestStatusSchema,
  errCode: i32.nullish(),
  reason: optionalString,
  internalRequestId: i64.nullish(),
  merchantId: optionalString,
  merchantSiteId: optionalString,
  version: optionalString,
  transactionDetails: z
    .object({
      transactionId: optionalString,
      transactionStatus: transactionStatusSchema.nullish(),
      authCode: optionalString,
      clientUniqueId: optionalString,
      date: optionalString,
      originalTransactionDate: optionalString,
      credited: optionalString,
      acquiringBankName: optionalString,
      transactionType: optionalString,
    })
    .nullish(),
});
export type NuveiSyncResponse = z.infer<typeof syncResponseSchema>;

/** Non-2xx bodies: `errCode` is a string here, unlike in every 2xx body. */
const errorResponseSchema = z.object({
  reason: optionalString,
  errCode: optionalString,
  status: optionalString,
});

// ---------------------------------------------------------------------------------------------
// Response mappers

/** A request-level `status: "ERROR"` answer: errCode as text (`""` without one). */
function requestLevelError(
  answer: { errCode?: number | null | undefined; reason?: string | null | undefined },
  statusCode: number,
  connectorTransactionId: string | null | undefined,
): ErrorResponse {
  const message = answer.reason ?? 'Unknown error';
  return {
    statusCode,
    code: answer.errCode == null ? '' : String(answer.errCode),
    message,
    reason: message,
    attemptStatus: 'Failure',
    ...(connectorTransactionId == null ? {} : { connectorTransactionId }),
  };
}

/** Only `status: "ERROR"` fails the session; FAILED or PROCESSING with a token still succeed. */
export function handleSessionTokenResponse(
  answer: NuveiSessionTokenResponse,
  ctx: ResponseContext<'CreateSessionToken', 'StringMajorUnit'>,
): RouterData<'CreateSessionToken'> {
  if (answer.status === 'ERROR') {
    return withError(ctx.routerData, requestLevelError(answer, ctx.http.status, undefined), {
      status: 'Failure',
    });
  }
  const sessionToken = answer.sessionToken;
  if (sessionToken == null) {
    throw ConnectorError.handling('session_token missing in Nuvei response');
  }
  return withSuccess(ctx.routerData, { sessionToken }, { status: 'Pending', sessionToken });
}

/** The shared status table of payment.do and getTransactionDetails.do. */
function attemptStatusOf(
  transactionStatus: NuveiTransactionStatus | null | undefined,
  requestStatus: NuveiPaymentResponse['status'],
  approved: AttemptStatus,
): AttemptStatus {
  switch (transactionStatus) {
    case 'APPROVED':
      return approved;
    case 'DECLINED':
    case 'ERROR':
      return 'Failure';
    case 'REDIRECT':
      return 'AuthenticationPending';
    case 'PENDING':
      return 'Pending';
    default:
      return requestStatus === 'SUCCESS' ? 'Pending' : 'Failure';
  }
}

/**
 * DECLINED and transaction-level ERROR are a successful call with a Failure status and no error
 * object (UCS drops gwErrorCode/gwErrorReason); only a request-level ERROR carries an error.
 */
export function handlePaymentResponse(
  answer: NuveiPaymentResponse,
  ctx: ResponseContext<'Authorize', 'StringMajorUnit'>,
): RouterData<'Authorize'> {
  const { routerData } = ctx;
  if (answer.status === 'ERROR') {
    return withError(routerData, requestLevelError(answer, ctx.http.status, answer.transactionId), {
      status: 'Failure',
    });
  }
  const approved = routerData.request.captureMethod === 'manual' ? 'Authorized' : 'Charged';
  const status = attemptStatusOf(answer.transactionStatus, answer.status, approved);
  const id = answer.transactionId ?? answer.orderId;
  if (id == null) throw ConnectorError.handling('Nuvei response has no transactionId or orderId');
  const redirectUrl = answer.paymentOption?.redirectUrl;
  const redirection = redirectUrl == null ? undefined : redirectFormFromUrl(redirectUrl);
  const value: PaymentsResponseData = {
    resourceId: { type: 'ConnectorTransactionId', id },
    ...(redirection === undefined ? {} : { redirection }),
    ...(answer.clientRequestId == null
      ? {}
      : { connectorResponseReferenceId: answer.clientRequestId }),
  };
  return withSuccess(routerData, value, { status });
}

/** APPROVED means Authorized for an `Auth` transaction, Charged for anything else. */
export function handleSyncResponse(
  answer: NuveiSyncResponse,
  ctx: ResponseContext<'PSync', 'StringMajorUnit'>,
): RouterData<'PSync'> {
  const { routerData } = ctx;
  const details = answer.transactionDetails;
  if (answer.status === 'ERROR') {
    return withError(
      routerData,
      requestLevelError(answer, ctx.http.status, details?.transactionId),
      { status: 'Failure' },
    );
  }
  if (details == null)
    throw ConnectorError.handling('transaction_details missing in Nuvei response');
  const approved = details.transactionType === 'Auth' ? 'Authorized' : 'Charged';
  const status = attemptStatusOf(details.transactionStatus, answer.status, approved);
  const id = details.transactionId;
  if (id == null) throw ConnectorError.handling('Nuvei transaction details have no transactionId');
  const value: PaymentsResponseData = {
    resourceId: { type: 'ConnectorTransactionId', id },
    ...(details.clientUniqueId == null
      ? {}
      : { connectorResponseReferenceId: details.clientUniqueId }),
  };
  return withSuccess(routerData, value, { status });
}

/**
 * A redirect URL as a GET form: the URL without its query is the endpoint, the query parameters
 * are the fields. A URL that does not parse is dropped, as UCS drops it.
 */
export function redirectFormFromUrl(raw: string): RedirectForm | undefined {
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  const formFields = Object.fromEntries(url.searchParams);
  url.search = '';
  return { type: 'form', endpoint: url.toString(), method: 'GET', formFields };
}

/** UCS's message when an error body is not JSON at all. */
export const UNSUPPORTED_RESPONSE_MESSAGE = 'Unsupported response type';

/**
 * Non-2xx, non-5xx answers. A JSON body must match `{reason?, errCode?: string, status?}`: a
 * numeric errCode (Nuvei's usual type) is unreadable and fails with RESPONSE_HANDLING_FAILED,
 * as in UCS. A body that is not JSON becomes "No error code" / "Unsupported response type".
 */
export function buildNuveiErrorResponse(response: HttpResponse): ErrorResponse {
  const { status: statusCode, body } = response;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { statusCode, code: NO_ERROR_CODE, message: UNSUPPORTED_RESPONSE_MESSAGE, reason: body };
  }
  const parsed = errorResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw ConnectorError.handling(`Nuvei error body (HTTP ${statusCode}) could not be read`, {
      httpStatus: statusCode,
    });
  }
  const { errCode, reason } = parsed.data;
  return {
    statusCode,
    code: errCode ?? NO_ERROR_CODE,
    message: reason ?? NO_ERROR_MESSAGE,
    ...(reason == null ? {} : { reason }),
  };
}
