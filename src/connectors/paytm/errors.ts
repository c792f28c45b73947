/**
 * @module Paytm's non-2xx answers → ErrorResponse (UCS `build_custom_error_response`, used for
 * 4xx and 5xx alike). Shapes are tried in order: Paytm's envelope, any JSON object, then the raw
 * text. 5xx leaves the attempt Pending (worth retrying), anything else Failure.
 */

import type { ErrorResponse, HttpResponse } from '../../runtime/index.js';
import { envelopeErrorSchema, plainErrorSchema } from './response.js';

const RAW_REASON_CHARS = 200;

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  404: 'Not found',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function paytmErrorResponse(response: HttpResponse): ErrorResponse {
  const statusCode = response.status;
  const attemptStatus = statusCode >= 500 && statusCode <= 599 ? 'Pending' : 'Failure';
  const json = parseJson(response.body);

  const envelope = envelopeErrorSchema.safeParse(json);
  if (envelope.success) {
    const { resultCode, resultMsg } = envelope.data.body.resultInfo;
    return { statusCode, code: resultCode, message: resultMsg, attemptStatus };
  }
  // UCS tries a `body.txnInfo` shape next, but it needs everything the envelope needs, so
  // the envelope always wins: that shape can never be the one that reads a body.
  const plain = plainErrorSchema.safeParse(json);
  if (plain.success) {
    const { errorCode, errorMessage, errorDescription, transactionId } = plain.data;
    return {
      statusCode,
      code: errorCode ?? '',
      message: errorMessage ?? '',
      ...(errorDescription == null ? {} : { reason: errorDescription }),
      attemptStatus,
      ...(transactionId == null ? {} : { connectorTransactionId: transactionId }),
    };
  }
  // Characters, not UTF-16 units, as Rust's `chars().take(200)`.
  const head = Array.from(response.body).slice(0, RAW_REASON_CHARS).join('');
  return {
    statusCode,
    code: String(statusCode),
    message: STATUS_MESSAGES[statusCode] ?? `HTTP ${statusCode} error`,
    reason: `Raw response: ${head}`,
    attemptStatus,
  };
}
