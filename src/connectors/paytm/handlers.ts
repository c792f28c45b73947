/**
 * @module Paytm answers → RouterData (the response half of UCS `paytm/transformers.rs`): the
 * session token, and the attempt status, redirect and ids of Authorize and PSync.
 */

import {
  ConnectorError,
  withError,
  withSuccess,
  type PaymentsResponseData,
  type RedirectForm,
  type ResponseContext,
  type RouterData,
} from '../../runtime/index.js';
import type {
  PaytmInitiateResponse,
  PaytmProcessResponse,
  PaytmStatusResponse,
} from './response.js';
import { authorizeStatus, isPaytmFailure, syncStatus } from './status.js';

type Answer<F extends 'CreateSessionToken' | 'Authorize' | 'PSync'> = ResponseContext<
  F,
  'StringMajorUnit'
>;

/** UCS's `connector_metadata` on every Authorize and PSync success. */
export const WAIT_SCREEN_METADATA = Object.freeze({ nextActionData: 'WaitScreenInstructions' });

/**
 * S/0000 (any answer with a txnToken) stores the token and leaves the flow status alone;
 * 0002 (Paytm's "Success Idempotent" for a reused orderId) is an error without attempt status;
 * an answer without a token is a Failure.
 */
export function handleInitiateResponse(
  response: PaytmInitiateResponse,
  ctx: Answer<'CreateSessionToken'>,
): RouterData<'CreateSessionToken'> {
  const { body } = response;
  const { resultCode, resultMsg } = body.resultInfo;
  const error = {
    statusCode: ctx.http.status,
    code: resultCode,
    message: resultMsg,
    reason: resultMsg,
  };
  if (!('txnToken' in body))
    return withError(ctx.routerData, { ...error, attemptStatus: 'Failure' });
  if (resultCode === '0002') return withError(ctx.routerData, error);
  const sessionToken = body.txnToken;
  return withSuccess(ctx.routerData, { sessionToken }, { sessionToken });
}

/** A `upi://` deep link as-is; any other link as a GET form (unparsable → RESPONSE_HANDLING_FAILED). */
function redirectionFor(deepLink: string, httpStatus: number): RedirectForm | undefined {
  if (deepLink === '') return undefined;
  if (deepLink.startsWith('upi://')) return { type: 'uri', uri: deepLink };
  if (!URL.canParse(deepLink)) {
    throw ConnectorError.handling('paytm deepLink is neither a upi:// link nor a URL', {
      httpStatus,
    });
  }
  const url = new URL(deepLink);
  const formFields = Object.fromEntries(url.searchParams);
  url.search = '';
  return { type: 'form', endpoint: url.toString(), method: 'GET', formFields };
}

export function handleProcessResponse(
  response: PaytmProcessResponse,
  ctx: Answer<'Authorize'>,
): RouterData<'Authorize'> {
  const { resultInfo, deepLinkInfo } = response.body;
  const redirection =
    deepLinkInfo == null ? undefined : redirectionFor(deepLinkInfo.deepLink, ctx.http.status);
  const referenceId = deepLinkInfo?.orderId ?? ctx.routerData.flowData.referenceId;
  const status = authorizeStatus(resultInfo.resultCode);
  if (isPaytmFailure(status)) {
    return withError(
      ctx.routerData,
      {
        statusCode: ctx.http.status,
        code: resultInfo.resultCode,
        message: resultInfo.resultMsg,
        reason: resultInfo.resultMsg,
        attemptStatus: status,
        connectorTransactionId: referenceId,
      },
      { status },
    );
  }
  const value: PaymentsResponseData = {
    resourceId:
      deepLinkInfo == null
        ? { type: 'NoResponseId' }
        : { type: 'ConnectorTransactionId', id: deepLinkInfo.transId },
    ...(redirection === undefined ? {} : { redirection }),
    connectorMetadata: WAIT_SCREEN_METADATA,
    connectorResponseReferenceId: referenceId,
  };
  return withSuccess(ctx.routerData, value, { status });
}

/** Failures carry `resultStatus` (e.g. "TXN_FAILURE") as their reason. */
export function handleStatusResponse(
  response: PaytmStatusResponse,
  ctx: Answer<'PSync'>,
): RouterData<'PSync'> {
  const { body } = response;
  const transaction = 'txnId' in body ? body : undefined;
  const referenceId = transaction?.orderId ?? ctx.routerData.flowData.referenceId;
  const status = syncStatus(body.resultInfo.resultCode);
  if (isPaytmFailure(status)) {
    return withError(
      ctx.routerData,
      {
        statusCode: ctx.http.status,
        code: body.resultInfo.resultCode,
        message: body.resultInfo.resultMsg,
        reason: body.resultInfo.resultStatus,
        attemptStatus: status,
        connectorTransactionId: referenceId,
      },
      { status },
    );
  }
  const value: PaymentsResponseData = {
    resourceId:
      transaction === undefined
        ? { type: 'NoResponseId' }
        : { type: 'ConnectorTransactionId', id: transaction.txnId },
    connectorMetadata: WAIT_SCREEN_METADATA,
    connectorResponseReferenceId: referenceId,
  };
  return withSuccess(ctx.routerData, value, { status });
}
