/** @module The HTTP transport: one request in, status + headers + text out, over undici. */

import { EventEmitter } from 'node:events';

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

function toNetworkError(error: unknown, req: HttpRequest, timedOut: boolean): NetworkError {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  const where = `${req.method} ${new URL(req.url).origin}`;
  if (timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new NetworkError('TIMEOUT', `${where}: no answer within ${req.timeoutMs} ms`, {
      cause: error,
    });
  }
  return new NetworkError('CONNECTION_FAILED', `${where}: ${code ?? 'connection failed'}`, {
    cause: error,
  });
}

/**
 * One request's deadline, as the abort signal undici accepts besides AbortSignal: an
 * EventEmitter that emits `abort` with a `reason`. The reason is the one `AbortSignal.timeout`
 * gives, so errors are unchanged; the cost is not — an AbortSignal is an EventTarget, slow to
 * create, and `AbortSignal.timeout`'s timer cannot be cancelled once the answer is in.
 */
class Deadline extends EventEmitter {
  reason: DOMException | undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(ms: number) {
    super();
    this.#timer = setTimeout(() => {
      this.reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      this.emit('abort');
    }, ms);
    // Like AbortSignal.timeout's timer, never what keeps the process alive.
    this.#timer.unref();
  }

  get expired(): boolean {
    return this.reason !== undefined;
  }

  cancel(): void {
    clearTimeout(this.#timer);
  }
}

let sharedAgent: Agent | undefined;

/** One keep-alive agent per process, so consecutive calls reuse their connections. */
function defaultDispatcher(): Dispatcher {
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000 });
  return sharedAgent;
}

function flattenHeaders(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function createHttpClient(dispatcher: Dispatcher = defaultDispatcher()): HttpClient {
  return {
    async send(req) {
      // The deadline covers connecting, the answer's headers and its whole body.
      const deadline = new Deadline(req.timeoutMs);
      try {
        const response = await request(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          dispatcher,
          signal: deadline,
        });
        const body = await response.body.text();
        return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
      } catch (error) {
        throw toNetworkError(error, req, deadline.expired);
      } finally {
        deadline.cancel();
      }
    },
  };
}
