/**
 * @module joinUrl: how a connector builds a request URL from its base URL and an endpoint path
 * (DESIGN §4: "`baseUrl` and the endpoint joined by exactly one `/`").
 */

/**
 * The URL rule of generated connectors (DESIGN §4): `baseUrl` and `path` joined by exactly one
 * `/`. Trailing slashes of the base and leading slashes of the path are dropped, so a base URL
 * given with or without its final `/` reaches the same endpoint. The path may carry a query
 * string (`v1/pay?token=x`), kept as written; nothing is encoded or resolved (`..` stays), and the
 * base URL should have no query of its own.
 *
 * @example
 * joinUrl('https://api.example.com/gw/', 'v1/payments'); // 'https://api.example.com/gw/v1/payments'
 */
export function joinUrl(baseUrl: string, path: string): string {
  // index scans rather than /\/+$/, which backtracks quadratically on long runs of '/'
  let end = baseUrl.length;
  while (end > 0 && baseUrl[end - 1] === '/') end -= 1;
  let start = 0;
  while (start < path.length && path[start] === '/') start += 1;
  return `${baseUrl.slice(0, end)}/${path.slice(start)}`;
}
