/**
 * @module Paytm URLs. UCS appends each endpoint to the base URL verbatim, so the base URL must
 * end with "/": `.../paytm` would silently become `.../paytmtheia/...` and a bare origin
 * `http://127.0.0.1:PORT` an unparsable `http://127.0.0.1:PORTtheia/...`. With a trailing slash we
 * keep UCS's bytes exactly (PSync's `{base}/v3/order/status` included, double slash and all);
 * without one we refuse before any HTTP instead of guessing.
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

/** `{base}/v3/order/status`: with the required trailing slash this is `//v3/...`, as UCS sends it. */
export function orderStatusUrl(baseUrl: string): string {
  return `${requireTrailingSlash(baseUrl)}/v3/order/status`;
}
