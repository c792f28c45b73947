/** @module The HTTP transport: one request in, status + headers + text out, over undici. */

import { Agent, errors, util, type Dispatcher } from 'undici';

import { ConnectorError, NetworkError } from '../errors.js';
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

/** Larger answers are refused while they arrive: no gateway answer of ours comes near it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Aborts an exchange whose body passed the cap; becomes a ConnectorError with the status. */
class ResponseTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly limit: number,
  ) {
    super(`the answer is larger than ${limit} bytes`);
  }
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

/** `AbortSignal.timeout`'s reason, so a timed-out request fails exactly as it would with one. */
function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/**
 * One request on undici's dispatcher, read into memory: what `undici.request` plus
 * `body.text()` do (the same dispatch, the same header parsing, the body decoded as UTF-8 with a
 * byte-order mark skipped), without the response stream and the abort-signal wiring between
 * them, which cost about a third of the CPU of each request. The deadline covers
 * connecting, the answer's headers and its whole body: when it passes, the request is aborted
 * with the reason `AbortSignal.timeout` gives, the way `request` aborts on a signal (at once once
 * the request is on a connection, else as soon as it gets one).
 */
class Exchange implements Dispatcher.DispatchHandler {
  timedOut = false;
  #reason: DOMException | undefined;
  #abort: ((reason?: Error) => void) | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  readonly #chunks: Buffer[] = [];
  #length = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(
    timeoutMs: number,
    private readonly maxBytes: number,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#reason = timeoutReason();
      this.#abort?.(this.#reason);
    }, timeoutMs);
    // Like AbortSignal.timeout's timer, never what keeps the process alive.
    this.#timer.unref();
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.#reason !== undefined) {
      abort(this.#reason);
      return;
    }
    this.#abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    // informational answers (1xx) come before the real one, as `request` ignores them
    if (statusCode < 200) return true;
    this.#status = statusCode;
    this.#headers = flattenHeaders(util.parseHeaders(rawHeaders));
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#length += chunk.length;
    if (this.#length > this.maxBytes) {
      this.#chunks.length = 0;
      this.#abort?.(new ResponseTooLarge(this.#status, this.maxBytes));
      return false;
    }
    this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    clearTimeout(this.#timer);
    this.resolve({ status: this.#status, headers: this.#headers, body: this.#text() });
  }

  onError(error: Error): void {
    clearTimeout(this.#timer);
    this.reject(error);
  }

  /** undici's `body.text()`: UTF-8, a leading byte-order mark skipped. */
  #text(): string {
    if (this.#chunks.length === 0 || this.#length === 0) return '';
    const bytes =
      this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#length);
    const bom = bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return bytes.toString('utf8', bom ? 3 : 0);
  }
}

/** What `request(url)` sends: origin and path of an http(s) URL (a hash is not sent). */
function target(url: string): { origin: string; path: string } {
  const parsed = new URL(url);
  if (!/^https?:/.test(parsed.origin || parsed.protocol)) {
    throw new errors.InvalidArgumentError(
      'Invalid URL protocol: the URL must start with `http:` or `https:`.',
    );
  }
  const path = parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname;
  return { origin: parsed.origin, path };
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

export function createHttpClient(
  dispatcher: Dispatcher = defaultDispatcher(),
  limits: { readonly maxResponseBytes?: number } = {},
): HttpClient {
  const maxBytes = limits.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return {
    send(req) {
      let exchange: Exchange | undefined;
      const answer = new Promise<HttpResponse>((resolve, reject) => {
        exchange = new Exchange(req.timeoutMs, maxBytes, resolve, reject);
        try {
          dispatcher.dispatch(
            {
              ...target(req.url),
              method: req.method,
              headers: req.headers,
              body: req.body ?? null,
            },
            exchange,
          );
        } catch (error) {
          exchange.onError(error as Error);
        }
      });
      return answer.catch((error: unknown) => {
        if (error instanceof ResponseTooLarge) {
          throw ConnectorError.deserialization(
            `${req.method} ${new URL(req.url).origin}: ${error.message}, refused unread`,
            { httpStatus: error.status },
          );
        }
        throw toNetworkError(error, req, exchange?.timedOut === true);
      });
    },
  };
}
