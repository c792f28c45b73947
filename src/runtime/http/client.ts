/**
 * @module The HTTP client the executor sends through: node:http(s) by default, undici over the
 * caller's dispatcher; either way one request in, status + headers + text out, and the same
 * errors (TIMEOUT, CONNECTION_FAILED, an answer over the size cap).
 */

import type { Dispatcher } from 'undici';

import type { HttpResponse } from '../connector.js';
import { ConnectorError, NetworkError } from '../errors.js';
import { nodeTransport } from './node-transport.js';
import { ResponseTooLarge, type HttpRequest, type Transport } from './transport.js';

export type { HttpRequest } from './transport.js';

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Larger answers are refused while they arrive: no gateway answer of ours comes near it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function toNetworkError(
  error: unknown,
  req: HttpRequest,
  timedOut: boolean,
  timeoutCodes: ReadonlySet<string>,
): NetworkError {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  const where = `${req.method} ${new URL(req.url).origin}`;
  if (timedOut || (code !== undefined && timeoutCodes.has(code))) {
    return new NetworkError('TIMEOUT', `${where}: no answer within ${req.timeoutMs} ms`, {
      cause: error,
    });
  }
  return new NetworkError('CONNECTION_FAILED', `${where}: ${code ?? 'connection failed'}`, {
    cause: error,
  });
}

interface Chosen {
  readonly transport: Transport;
  /** The transport's own error codes that mean "too slow". */
  readonly timeoutCodes: ReadonlySet<string>;
}

const NODE: Chosen = { transport: nodeTransport, timeoutCodes: new Set() };

/** The undici transport over `dispatcher`, loaded on the first request that needs it. */
async function overUndici(dispatcher: Dispatcher): Promise<Chosen> {
  const module = await import('./undici-transport.js');
  return {
    transport: module.undiciTransport(dispatcher),
    timeoutCodes: module.UNDICI_TIMEOUT_CODES,
  };
}

/**
 * Without a dispatcher, requests go over node:http(s) with keep-alive agents shared by the
 * process (the start-up of a CLI run pays no undici); with one (an undici Agent, Pool or
 * MockAgent), over undici and that dispatcher.
 */
export function createHttpClient(
  dispatcher?: Dispatcher,
  limits: { readonly maxResponseBytes?: number } = {},
): HttpClient {
  const maxBytes = limits.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let undici: Promise<Chosen> | undefined;
  const choose = (): Chosen | Promise<Chosen> =>
    dispatcher === undefined ? NODE : (undici ??= overUndici(dispatcher));
  return {
    async send(req) {
      const { transport, timeoutCodes } = await choose();
      const deadline = { timedOut: false };
      try {
        return await transport(req, maxBytes, deadline);
      } catch (error) {
        if (error instanceof ResponseTooLarge) {
          throw ConnectorError.deserialization(
            `${req.method} ${new URL(req.url).origin}: ${error.message}, refused unread`,
            { httpStatus: error.status },
          );
        }
        throw toNetworkError(error, req, deadline.timedOut, timeoutCodes);
      }
    },
  };
}
