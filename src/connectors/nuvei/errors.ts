/** @module Nuvei error answers: in-band request-level errors and non-2xx bodies. */

import {
  ConnectorError,
  NO_ERROR_CODE,
  NO_ERROR_MESSAGE,
  z,
  type AttemptStatus,
  type ErrorResponse,
  type HttpResponse,
} from '../../runtime/index.js';
import { optionalString } from './response.js';

/** Non-2xx bodies: `errCode` is a string here, unlike in every 2xx body. */
const errorResponseSchema = z.object({
  reason: optionalString,
  errCode: optionalString,
  status: optionalString,
});

/** A request-level `status: "ERROR"` answer: errCode as text (`""` without one). */
export function requestLevelError(
  answer: { errCode?: number | null | undefined; reason?: string | null | undefined },
  statusCode: number,
  connectorTransactionId: string | null | undefined,
  /** `null`: the error carries no status (a refund's). */
  attemptStatus: AttemptStatus | null = 'Failure',
): ErrorResponse {
  const message = answer.reason ?? 'Unknown error';
  return {
    statusCode,
    code: answer.errCode == null ? '' : String(answer.errCode),
    message,
    reason: message,
    ...(attemptStatus === null ? {} : { attemptStatus }),
    ...(connectorTransactionId == null ? {} : { connectorTransactionId }),
  };
}

/** The core's words for a 2xx answer it cannot read (the CLI prints them as `error.message`). */
export const DESERIALIZATION_FAILED_MESSAGE =
  'Failed to deserialize connector response. macros: response body did not match the expected format; confirm API version and connector documentation.';

/** The core's words for a 2xx answer that lacks what the flow needs. */
export const HANDLING_FAILED_MESSAGE =
  'Failed to handle connector response. macros: connector returned an error HTTP status; check the payment or refund in the connector dashboard.';

/** A 2xx answer whose shape the flow cannot read: RESPONSE_DESERIALIZATION_FAILED. */
export function unreadableAnswer(): ConnectorError {
  return ConnectorError.deserialization(DESERIALIZATION_FAILED_MESSAGE);
}

/** A 2xx answer without what the flow needs (e.g. no transactionId): RESPONSE_HANDLING_FAILED. */
export function unusableAnswer(): ConnectorError {
  return ConnectorError.handling(HANDLING_FAILED_MESSAGE);
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
    throw ConnectorError.handling('Failed to handle connector response', {
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
