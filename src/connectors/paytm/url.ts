/**
 * @module Paytm URLs. UCS appends each endpoint to the base URL verbatim, so the base URL must
 * end with "/": `.../paytm` would silently become `.../paytmtheia/...` and a bare origin
 * `http://127.0.0.1:PORT` an unparsable `http://127.0.0.1:PORTtheia/...`. With a trailing slash we
 * keep UCS's bytes exactly; without one we refuse before any HTTP instead of guessing. PSync
 * alone takes either form and sends one slash (see orderStatusUrl).
 */

import { IntegrationError } from '../../runtime/index.js';

export function requireTrailingSlash(baseUrl: string): string {
  if (baseUrl.endsWith('/')) return baseUrl;
  throw new IntegrationError(
    'INVALID_CONNECTOR_CONFIG',
    `paytm: the base URL must end with "/" because endpoints are appended to it as-is ` +
      `(e.g. "${baseUrl}/"); got "${baseUrl}"`,
    { connector: 'paytm' },
  );
}

/** Query values are not encoded, as in UCS. */
export function initiateTransactionUrl(baseUrl: string, mid: string, orderId: string): string {
  return `${requireTrailingSlash(baseUrl)}theia/api/v1/initiateTransaction?mid=${mid}&orderId=${orderId}`;
}

export function processTransactionUrl(baseUrl: string, mid: string, orderId: string): string {
  return `${requireTrailingSlash(baseUrl)}theia/api/v1/processTransaction?mid=${mid}&orderId=${orderId}`;
}

/**
 * `{base}/v3/order/status` with exactly one "/" between them, with or without a trailing slash
 * on the base URL. The core inserts a "/" after a base URL that already ends with one and posts
 * to `//v3/order/status`; the gateway's path is `/v3/order/status` (README, "Where our model
 * differs from UCS").
 */
export function orderStatusUrl(baseUrl: string): string {
  return `${baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl}/v3/order/status`;
}
