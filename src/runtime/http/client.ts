/** @module The HTTP transport: one request in, status + headers + text out, over undici. */

import { Agent, request, type Dispatcher } from 'undici';

import { NetworkError } from '../errors.js';
import type { HttpMethod, HttpResponse } from '../connector.js';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function toNetworkError(error: unknown, req: HttpRequest, signal: AbortSignal): NetworkError {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  const where = `${req.method} ${new URL(req.url).origin}`;
  if (signal.aborted || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new NetworkError('TIMEOUT', `${where}: no answer within ${req.timeoutMs} ms`, {
      cause: error,
    });
  }
  return new NetworkError('CONNECTION_FAILED', `${where}: ${code ?? 'connection failed'}`, {
    cause: error,
  });
}

let sharedAgent: Agent | undefined;

/** One keep-alive agent per process, so consecutive calls reuse their connections. */
function defaultDispatcher(): Dispatcher {
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000 });
  return sharedAgent;
}

export function createHttpClient(dispatcher: Dispatcher = defaultDispatcher()): HttpClient {
  return {
    async send(req) {
      const signal = AbortSignal.timeout(req.timeoutMs);
      try {
        const response = await request(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          dispatcher,
          signal,
        });
        const body = await response.body.text();
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        return { status: response.statusCode, headers, body };
      } catch (error) {
        throw toNetworkError(error, req, signal);
      }
    },
  };
}
