/**
 * @module The undici transport, for a caller that passes its own dispatcher (an Agent, a Pool, a
 * MockAgent): loaded only then, since undici costs ~90 ms to load where node:http is built in.
 */

import { errors, util, type Dispatcher } from 'undici';

import type { HttpResponse } from '../connector.js';
import {
  ResponseTooLarge,
  bodyText,
  timeoutReason,
  type Deadline,
  type Transport,
} from './transport.js';

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
  #reason: DOMException | undefined;
  #abort: ((reason?: Error) => void) | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  readonly #chunks: Buffer[] = [];
  #length = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(
    timeoutMs: number,
    deadline: Deadline,
    private readonly maxBytes: number,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.#timer = setTimeout(() => {
      deadline.timedOut = true;
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
    this.resolve({
      status: this.#status,
      headers: this.#headers,
      body: bodyText(this.#chunks, this.#length),
    });
  }

  onError(error: Error): void {
    clearTimeout(this.#timer);
    this.reject(error);
  }
}

/** undici's parsed headers, repeats joined with ", ". */
export function flattenHeaders(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
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

/** Undici's own timeouts, reported as TIMEOUT like the deadline's. */
export const UNDICI_TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function undiciTransport(dispatcher: Dispatcher): Transport {
  return (req, maxBytes, deadline) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const exchange = new Exchange(req.timeoutMs, deadline, maxBytes, resolve, reject);
      try {
        dispatcher.dispatch(
          { ...target(req.url), method: req.method, headers: req.headers, body: req.body ?? null },
          exchange,
        );
      } catch (error) {
        exchange.onError(error as Error);
      }
    });
}
