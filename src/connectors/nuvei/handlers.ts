/** @module Nuvei answers of the payment → RouterData: session token, Authorize, PSync. */

import {
  ConnectorError,
  withError,
  withSuccess,
  type AttemptStatus,
  type PaymentsResponseData,
  type RedirectForm,
  type ResponseContext,
  type RouterData,
} from '../../runtime/index.js';
import { requestLevelError, unusableAnswer } from './errors.js';
import type {
  NuveiPaymentResponse,
  NuveiSessionTokenResponse,
  NuveiSyncResponse,
  NuveiTransactionStatus,
} from './response.js';

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
  // a flat, payment-style answer has no details: the core cannot use it
  if (details == null) throw unusableAnswer();
  const approved = details.transactionType === 'Auth' ? 'Authorized' : 'Charged';
  const status = attemptStatusOf(details.transactionStatus, answer.status, approved);
  const id = details.transactionId;
  if (id == null) throw unusableAnswer();
  const value: PaymentsResponseData = {
    // `""` is accepted, and then there is no id
    resourceId: id === '' ? { type: 'NoResponseId' } : { type: 'ConnectorTransactionId', id },
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
