/**
 * @module Errors and in-band error answers with every known secret value masked: a gateway that
 * echoes the api key or the card number in its error text must not get them printed.
 */

import type { ErrorResponse } from '../error-response.js';
import { ConnectorError, IntegrationError, NetworkError, type AnyRuntimeError } from '../errors.js';
import type { FlowName } from '../flows.js';
import type { RouterData } from '../router-data.js';

type Scrub = (text: string) => string;

export function scrubErrorResponse(error: ErrorResponse, scrub: Scrub): ErrorResponse {
  const result: Record<string, unknown> = { ...error };
  for (const key of Object.keys(result)) {
    const value = result[key];
    if (typeof value === 'string') result[key] = scrub(value);
  }
  return result as unknown as ErrorResponse;
}

/** The same error with its message and the gateway's error masked; one that needs none as is. */
export function scrubRuntimeError(error: AnyRuntimeError, scrub: Scrub): AnyRuntimeError {
  const message = scrub(error.message);
  const context = { connector: error.connector, flow: error.flow, cause: error.cause };
  // by kind, not instanceof: the error may come from another copy of the runtime
  if (error.kind === 'connector') {
    const errorResponse =
      error.errorResponse === undefined
        ? undefined
        : scrubErrorResponse(error.errorResponse, scrub);
    if (message === error.message && errorResponse === error.errorResponse) return error;
    return new ConnectorError(error.code, message, {
      ...context,
      httpStatus: error.httpStatus,
      errorResponse,
    });
  }
  if (message === error.message) return error;
  if (error.kind === 'integration') {
    return new IntegrationError(error.code, message, { ...context, field: error.field });
  }
  return new NetworkError(error.code, message, context);
}

/** A result whose in-band error echoes a secret, masked; any other result as is. */
export function scrubResult<F extends FlowName>(
  routerData: RouterData<F>,
  scrub: Scrub,
): RouterData<F> {
  const response = routerData.response;
  if (response === undefined || response.ok) return routerData;
  return {
    ...routerData,
    response: { ok: false, error: scrubErrorResponse(response.error, scrub) },
  };
}
