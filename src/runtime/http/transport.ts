/**
 * @module What both transports share: one request in, status + headers + text out, read into
 * memory under a size cap and one deadline (connecting, the headers and the whole body).
 */

import type { HttpMethod, HttpResponse } from '../connector.js';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

/** Set by a transport when its deadline, not the peer, ended the exchange. */
export interface Deadline {
  timedOut: boolean;
}

/**
 * Sends one request; rejects with the transport's own error (client.ts maps it), or with
 * ResponseTooLarge once the body passes `maxBytes`.
 */
export type Transport = (
  request: HttpRequest,
  maxBytes: number,
  deadline: Deadline,
) => Promise<HttpResponse>;

/** Aborts an exchange whose body passed the cap; becomes a ConnectorError with the status. */
export class ResponseTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly limit: number,
  ) {
    super(`the answer is larger than ${limit} bytes`);
  }
}

/** `AbortSignal.timeout`'s reason, so a timed-out request fails exactly as it would with one. */
export function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/** undici's `body.text()`: UTF-8, a leading byte-order mark skipped. */
export function bodyText(chunks: readonly Buffer[], length: number): string {
  if (chunks.length === 0 || length === 0) return '';
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
  const bom = bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}
