/**
 * @module The QueryJsonSignatureKey connector's wire types and mappings.
 *
 * The seed's transformers.rs: what CreateSessionToken and Authorize send, the answers they read,
 * and the payment states those answers map to. Edit them toward your gateway's API; the tests
 * say what the emulator expects.
 *
 * The flows after Authorize are in transformers-*.ts; what they share (the members every POST
 * starts with, the error response) is here.
 */

import { createHash } from 'node:crypto';

import {
  ConnectorError,
  expectAuth,
  IntegrationError,
  NO_ERROR_CODE,
  NO_ERROR_MESSAGE,
  withError,
  withSuccess,
  z,
  type AttemptStatus,
  type CaptureMethod,
  type ConnectorAuthType,
  type Currency,
  type ErrorResponse,
  type FlowContext,
  type SignatureKey,
  type HttpResponse,
  type PaymentMethodData,
  type RedirectForm,
  type ResponseContext,
  type ResponseId,
  type RouterData,
  type Secret,
} from '../../runtime/index.js';

type SessionTokenContext = FlowContext<'CreateSessionToken', 'StringMinorUnit'>;
type AuthorizeContext = FlowContext<'Authorize', 'StringMinorUnit'>;

// ---- Credentials ----

/** The credentials as SignatureKey (the executor has already refused other types). */
export function narrowAuth(auth: ConnectorAuthType): SignatureKey {
  return expectAuth(auth, ['SignatureKey']);
}

// ---- CreateSessionToken ----

/** The session token request, members in wire order. */
export interface SessionTokenRequest {
  /** The api key. */
  readonly merchantId: Secret;
  /** The payment's session id, else its reference id. */
  readonly clientRequestId: string;
  /** Unix seconds, as a decimal string. */
  readonly timestamp: string;
  /** StringMinorUnit: "1050" for USD 10.50. */
  readonly amount: string;
  readonly currency: Currency;
  /** Lowercase hex SHA-256 of merchantId + clientRequestId + timestamp + api secret. */
  readonly checksum: string;
}

export const sessionTokenResponseSchema = z.object({
  sessionToken: z.string().min(1).optional(),
  status: z.string(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type SessionTokenResponse = z.infer<typeof sessionTokenResponseSchema>;

export function buildSessionTokenRequest(ctx: SessionTokenContext): SessionTokenRequest {
  const { routerData } = ctx;
  const auth = narrowAuth(routerData.auth);
  const { amount, currency } = routerData.request;
  // the runtime gives the session step the payment's session id, else its reference id
  const clientRequestId = routerData.flowData.referenceId;
  const timestamp = String(Math.floor(Date.now() / 1000));
  // TODO(you): add the fields your gateway's session endpoint needs.
  return {
    merchantId: auth.apiKey,
    clientRequestId,
    timestamp,
    amount: ctx.convertAmount(amount, currency),
    currency,
    checksum: sessionChecksum(auth, clientRequestId, timestamp),
  };
}

/** Lowercase hex SHA-256 of merchantId + clientRequestId + timestamp + api secret. */
function sessionChecksum(auth: SignatureKey, clientRequestId: string, timestamp: string): string {
  const payload = auth.apiKey.expose() + clientRequestId + timestamp + auth.apiSecret.expose();
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

/** SUCCESS → Pending with the token stored for Authorize; anything else → Failure, no token. */
export function handleSessionTokenResponse(
  response: SessionTokenResponse,
  ctx: ResponseContext<'CreateSessionToken', 'StringMinorUnit'>,
): RouterData<'CreateSessionToken'> {
  const { routerData, http } = ctx;
  if (response.status === 'SUCCESS') {
    const { sessionToken } = response;
    if (sessionToken === undefined) {
      throw ConnectorError.handling('the session answer says SUCCESS but has no sessionToken');
    }
    return withSuccess(routerData, { sessionToken }, { sessionToken, status: 'Pending' });
  }
  // FAILED, ERROR or an unknown status: no token, so the payment stops before Authorize.
  // TODO(you): map your gateway's session error codes to finer statuses if it has them.
  const error = errorResponse(http.status, response, 'Failure');
  return withError(routerData, error, { status: 'Failure' });
}

// ---- Authorize ----

/** The Authorize request, members in wire order. */
export interface AuthorizeRequest {
  /** The api key. */
  readonly merchantId: Secret;
  readonly amount: string;
  readonly currency: Currency;
  /** The merchant's reference for the payment. */
  readonly reference: string;
  readonly captureMethod: CaptureMethod;
  readonly paymentMethod: CardDetails;
}

/** The card as the gateway reads it; its members stay Secrets until they go on the wire. */
export interface CardDetails {
  readonly type: 'card';
  readonly number: Secret;
  readonly expMonth: Secret;
  readonly expYear: Secret;
  readonly cvc: Secret;
}

export const authorizeResponseSchema = z.object({
  status: z.string(),
  transactionId: z.string().optional(),
  transactionStatus: z.string().optional(),
  redirectUrl: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type AuthorizeResponse = z.infer<typeof authorizeResponseSchema>;

export function buildAuthorizeRequest(ctx: AuthorizeContext): AuthorizeRequest {
  const { routerData } = ctx;
  const auth = narrowAuth(routerData.auth);
  const { amount, currency, captureMethod, paymentMethod } = routerData.request;
  // TODO(you): add the fields your gateway's payment endpoint needs.
  return {
    merchantId: auth.apiKey,
    amount: ctx.convertAmount(amount, currency),
    currency,
    reference: routerData.flowData.referenceId,
    captureMethod,
    paymentMethod: cardDetails(paymentMethod),
  };
}

/** Cards only: other payment methods fail with NOT_IMPLEMENTED before any HTTP. */
function cardDetails(paymentMethod: PaymentMethodData): CardDetails {
  if (paymentMethod.type !== 'card') {
    // TODO(you): add the other payment methods your gateway takes.
    throw IntegrationError.notImplemented(`payment method ${paymentMethod.type}`);
  }
  const { number, expMonth, expYear, cvc } = paymentMethod;
  return { type: 'card', number, expMonth, expYear, cvc };
}

/** status ERROR or a decline → Failure with an ErrorResponse; otherwise the payment's state. */
export function handleAuthorizeResponse(
  response: AuthorizeResponse,
  ctx: ResponseContext<'Authorize', 'StringMinorUnit'>,
): RouterData<'Authorize'> {
  const { routerData, http } = ctx;
  const status =
    response.status === 'SUCCESS'
      ? paymentStatus(response.transactionStatus, routerData.request.captureMethod)
      : 'Failure';
  if (status === 'Failure') {
    return withError(routerData, errorResponse(http.status, response, status), { status });
  }
  const resourceId: ResponseId =
    response.transactionId === undefined
      ? { type: 'NoResponseId' }
      : { type: 'ConnectorTransactionId', id: response.transactionId };
  if (status !== 'AuthenticationPending') {
    return withSuccess(routerData, { resourceId }, { status });
  }
  if (response.redirectUrl === undefined) {
    throw ConnectorError.handling('a REDIRECT answer needs a redirectUrl');
  }
  const redirection: RedirectForm = { type: 'uri', uri: response.redirectUrl };
  return withSuccess(routerData, { resourceId, redirection }, { status });
}

/** The gateway's transactionStatus as a payment state. */
function paymentStatus(
  transactionStatus: string | undefined,
  captureMethod: CaptureMethod,
): AttemptStatus {
  switch (transactionStatus) {
    case 'APPROVED':
      return captureMethod === 'manual' ? 'Authorized' : 'Charged';
    case 'DECLINED':
      return 'Failure';
    case 'PENDING':
      return 'Pending';
    case 'REDIRECT':
      return 'AuthenticationPending';
    default:
      // TODO(you): map your gateway's other statuses; an unknown one waits as Pending.
      return 'Pending';
  }
}

// ---- What every POST after Authorize starts and ends with ----

/** The members that open every POST body after Authorize, in wire order. */
export interface MerchantMembers {
  /** The api key. */
  readonly merchantId: Secret;
}

export function merchantMembers(auth: ConnectorAuthType): MerchantMembers {
  return { merchantId: narrowAuth(auth).apiKey };
}

/** The members that close every POST body after Authorize. */
export interface SignatureMembers {
  /** Unix seconds, as a decimal string. */
  readonly timestamp: string;
  /** Lowercase hex SHA-256 of merchantId + reference + timestamp + api secret. */
  readonly checksum: string;
}

/** `reference` is the flow's own: the capture, void or refund id. */
export function signatureMembers(auth: ConnectorAuthType, reference: string): SignatureMembers {
  const { apiKey, apiSecret } = narrowAuth(auth);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const payload = apiKey.expose() + reference + timestamp + apiSecret.expose();
  return { timestamp, checksum: createHash('sha256').update(payload, 'utf8').digest('hex') };
}

// ---- Errors ----

/** The error members any answer may carry; 4xx bodies carry nothing else. */
export const errorBodySchema = z.object({
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  errorDescription: z.string().optional(),
  transactionId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** How much of an unreadable error body is kept as the reason. */
const MAX_REASON_LENGTH = 512;

/**
 * UCS `build_error_response`: an empty body gives the default error, a body that is not this
 * JSON keeps its text as the reason. Never throws.
 */
export function buildErrorResponse(response: HttpResponse): ErrorResponse {
  return errorResponse(response.status, parseErrorBody(response.body));
}

function parseErrorBody(text: string): ErrorBody {
  if (text.trim() === '') return {};
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: kept as the reason below
  }
  return { errorDescription: text.slice(0, MAX_REASON_LENGTH) };
}

/** An ErrorResponse from an error body, or from an answer that carries the same members. */
export function errorResponse(
  statusCode: number,
  body: ErrorBody,
  attemptStatus?: AttemptStatus,
): ErrorResponse {
  return {
    statusCode,
    code: body.errorCode ?? NO_ERROR_CODE,
    message: body.errorMessage ?? NO_ERROR_MESSAGE,
    ...(body.errorDescription === undefined ? {} : { reason: body.errorDescription }),
    ...(attemptStatus === undefined ? {} : { attemptStatus }),
    ...(body.transactionId === undefined ? {} : { connectorTransactionId: body.transactionId }),
  };
}
