/**
 * @module 3xx answers: never followed. A payment API that redirects is misconfigured or is not
 * the gateway, so the answer is a ConnectorError carrying its status (UCS hands a 302 to the
 * flow's mapper, which then fails to read an empty body).
 */

import type { HttpResponse } from '../connector.js';
import { ConnectorError } from '../errors.js';

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

export function redirectRefused(
  http: HttpResponse,
  context: { readonly connector: string; readonly flow: string },
): ConnectorError {
  const location = http.headers['location'];
  return new ConnectorError(
    'CONNECTOR_ERROR_RESPONSE',
    `${context.connector} ${context.flow}: HTTP ${http.status} redirect, not followed`,
    {
      ...context,
      httpStatus: http.status,
      errorResponse: {
        statusCode: http.status,
        code: String(http.status),
        message: 'redirect not followed',
        ...(location === undefined ? {} : { reason: location }),
      },
    },
  );
}
