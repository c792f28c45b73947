/**
 * @module Typed errors, one class per stage: integration (before any HTTP), connector (the
 * gateway answered with an error or something we could not read), network (no usable answer).
 */

import type { ErrorResponse } from './error-response.js';

export type IntegrationErrorCode =
  | 'MISSING_REQUIRED_FIELD'
  | 'MISSING_CONNECTOR_TRANSACTION_ID'
  | 'INVALID_DATA_FORMAT'
  | 'FAILED_TO_OBTAIN_AUTH_TYPE'
  | 'NOT_IMPLEMENTED'
  | 'REQUEST_ENCODING_FAILED'
  | 'AMOUNT_CONVERSION_FAILED'
  | 'INVALID_CONNECTOR_CONFIG';

export type ConnectorErrorCode =
  'CONNECTOR_ERROR_RESPONSE' | 'RESPONSE_DESERIALIZATION_FAILED' | 'RESPONSE_HANDLING_FAILED';

export type NetworkErrorCode = 'TIMEOUT' | 'CONNECTION_FAILED' | 'URL_PARSING_FAILED';

export type RuntimeErrorCode = IntegrationErrorCode | ConnectorErrorCode | NetworkErrorCode;
export type RuntimeErrorKind = 'integration' | 'connector' | 'network';

interface ErrorContext {
  readonly connector?: string | undefined;
  readonly flow?: string | undefined;
  readonly cause?: unknown;
}

/** Recognises runtime errors across copies of the runtime (see secret.ts). */
const ERROR_BRAND = Symbol.for('create-connector.runtime-error');

export abstract class ConnectorRuntimeError extends Error {
  abstract readonly kind: RuntimeErrorKind;
  abstract readonly code: RuntimeErrorCode;
  readonly connector: string | undefined;
  readonly flow: string | undefined;

  protected constructor(message: string, context: ErrorContext) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.connector = context.connector;
    this.flow = context.flow;
  }
}

/** The request could not be built: nothing was sent. */
export class IntegrationError extends ConnectorRuntimeError {
  override readonly name = 'IntegrationError';
  readonly kind = 'integration';
  readonly code: IntegrationErrorCode;
  /** The input field at fault, for MISSING_REQUIRED_FIELD and friends. */
  readonly field: string | undefined;

  constructor(
    code: IntegrationErrorCode,
    message: string,
    context: ErrorContext & { readonly field?: string | undefined } = {},
  ) {
    super(message, context);
    this.code = code;
    this.field = context.field;
  }

  static missingField(field: string, context: ErrorContext = {}): IntegrationError {
    return new IntegrationError('MISSING_REQUIRED_FIELD', `Missing required field: ${field}`, {
      ...context,
      field,
    });
  }

  /** The core's wording: `This feature is not implemented: capture flow for paytm`. */
  static notImplemented(what: string, context: ErrorContext = {}): IntegrationError {
    return new IntegrationError(
      'NOT_IMPLEMENTED',
      `This feature is not implemented: ${what}`,
      context,
    );
  }

  /** The core's refusal of a currency it cannot use, e.g. none at all (`Unspecified`). */
  static invalidCurrency(currency: string, context: ErrorContext = {}): IntegrationError {
    return new IntegrationError(
      'INVALID_DATA_FORMAT',
      `Invalid data format: currency. Currency ${currency} is not supported`,
      { ...context, field: 'currency' },
    );
  }

  static missingConnectorTransactionId(context: ErrorContext = {}): IntegrationError {
    return new IntegrationError(
      'MISSING_CONNECTOR_TRANSACTION_ID',
      'Missing connector transaction ID',
      { ...context, field: 'connector_transaction_id' },
    );
  }

  static encoding(
    message: string,
    context: ErrorContext & { field?: string } = {},
  ): IntegrationError {
    return new IntegrationError('REQUEST_ENCODING_FAILED', message, context);
  }

  withContext(context: ErrorContext): IntegrationError {
    return new IntegrationError(this.code, this.message, {
      connector: this.connector ?? context.connector,
      flow: this.flow ?? context.flow,
      cause: this.cause ?? context.cause,
      field: this.field,
    });
  }
}

/** The gateway answered, but with an error status or a body we could not use. */
export class ConnectorError extends ConnectorRuntimeError {
  override readonly name = 'ConnectorError';
  readonly kind = 'connector';
  readonly code: ConnectorErrorCode;
  readonly httpStatus: number | undefined;
  /** The gateway's own error, when its error body could be read. */
  readonly errorResponse: ErrorResponse | undefined;

  constructor(
    code: ConnectorErrorCode,
    message: string,
    context: ErrorContext & {
      readonly httpStatus?: number | undefined;
      readonly errorResponse?: ErrorResponse | undefined;
    } = {},
  ) {
    super(message, context);
    this.code = code;
    this.httpStatus = context.httpStatus;
    this.errorResponse = context.errorResponse;
  }

  static deserialization(
    message: string,
    context: ErrorContext & { httpStatus?: number } = {},
  ): ConnectorError {
    return new ConnectorError('RESPONSE_DESERIALIZATION_FAILED', message, context);
  }

  static handling(
    message: string,
    context: ErrorContext & { httpStatus?: number } = {},
  ): ConnectorError {
    return new ConnectorError('RESPONSE_HANDLING_FAILED', message, context);
  }

  withContext(
    context: ErrorContext & { readonly httpStatus?: number | undefined },
  ): ConnectorError {
    return new ConnectorError(this.code, this.message, {
      connector: this.connector ?? context.connector,
      flow: this.flow ?? context.flow,
      cause: this.cause ?? context.cause,
      httpStatus: this.httpStatus ?? context.httpStatus,
      errorResponse: this.errorResponse,
    });
  }
}

/** No usable answer came back: timeout, refused or reset connection, or a URL we could not send to. */
export class NetworkError extends ConnectorRuntimeError {
  override readonly name = 'NetworkError';
  readonly kind = 'network';
  readonly code: NetworkErrorCode;

  constructor(code: NetworkErrorCode, message: string, context: ErrorContext = {}) {
    super(message, context);
    this.code = code;
  }

  withContext(context: ErrorContext): NetworkError {
    return new NetworkError(this.code, this.message, {
      connector: this.connector ?? context.connector,
      flow: this.flow ?? context.flow,
      cause: this.cause ?? context.cause,
    });
  }
}

Object.defineProperty(ConnectorRuntimeError.prototype, ERROR_BRAND, { value: true });

export type AnyRuntimeError = IntegrationError | ConnectorError | NetworkError;

export function isRuntimeError(error: unknown): error is AnyRuntimeError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true
  );
}

export function isIntegrationError(error: unknown): error is IntegrationError {
  return isRuntimeError(error) && error.kind === 'integration';
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return isRuntimeError(error) && error.kind === 'connector';
}

export function isNetworkError(error: unknown): error is NetworkError {
  return isRuntimeError(error) && error.kind === 'network';
}
