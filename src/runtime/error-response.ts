/** @module ErrorResponse: a gateway's own account of a failure (UCS `ErrorResponse`). */

import type { AttemptStatus } from './attempt-status.js';

export interface ErrorResponse {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly reason?: string;
  readonly attemptStatus?: AttemptStatus;
  readonly connectorTransactionId?: string;
  readonly networkDeclineCode?: string;
  readonly networkAdviceCode?: string;
  readonly networkErrorMessage?: string;
}

/** UCS's fallbacks when a gateway error carries no code or message. */
export const NO_ERROR_CODE = 'No error code';
export const NO_ERROR_MESSAGE = 'No error message';

const FIVE_XX_MESSAGES: Readonly<Record<number, string>> = {
  500: 'internal_server_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
  505: 'http_version_not_supported',
  506: 'variant_also_negotiates',
  507: 'insufficient_storage',
  508: 'loop_detected',
  510: 'not_extended',
  511: 'network_authentication_required',
};

/** The framework's default for a 5xx answer: the status as code, its name as message, the raw body as reason. */
export function defaultServerErrorResponse(statusCode: number, body: string): ErrorResponse {
  return {
    statusCode,
    code: String(statusCode),
    message: FIVE_XX_MESSAGES[statusCode] ?? 'unknown_error',
    reason: body,
  };
}
