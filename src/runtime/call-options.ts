/** @module What every flow call takes (credentials, base URL, client, deadline, listener), in one place. */

import type { AmountType } from './amount.js';
import type { ConnectorAuthType } from './auth.js';
import { resolveBaseUrl, type Connector, type Environment } from './connector.js';
import type { EventListener } from './events.js';
import { createHttpClient, type HttpClient } from './http/client.js';
import type { ExecuteOptions } from './http/executor.js';

export interface CallOptions {
  readonly auth: ConnectorAuthType;
  /** Used verbatim; defaults to the connector's URL for `environment`. */
  readonly baseUrl?: string;
  readonly environment?: Environment;
  readonly http?: HttpClient;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  readonly onEvent?: EventListener;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

let defaultClient: HttpClient | undefined;

export function executeOptions(
  connector: Connector<AmountType>,
  options: CallOptions,
): ExecuteOptions {
  defaultClient ??= createHttpClient();
  return {
    baseUrl: resolveBaseUrl(connector, options),
    http: options.http ?? defaultClient,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
  };
}
