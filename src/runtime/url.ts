/**
 * @module joinUrl and fillEndpoint: how a connector builds a request URL from its base URL and an
 * endpoint path (DESIGN §4: "`baseUrl` and the endpoint joined by exactly one `/`"; §3: a
 * placeholder is a whole segment, its value percent-encoded as one segment).
 */

import { IntegrationError } from './errors.js';

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

/** The placeholders an endpoint may name (DESIGN §3), as the flows' request data names them. */
export const ENDPOINT_PLACEHOLDERS = ['connectorTransactionId', 'connectorRefundId'] as const;
export type EndpointPlaceholder = (typeof ENDPOINT_PLACEHOLDERS)[number];

/** What fills an endpoint's placeholders: a flow's request data has these members. */
export type EndpointValues = { readonly [P in EndpointPlaceholder]?: string };

const PLACEHOLDER_SEGMENT = /^\{([^{}]*)\}$/;

function missingValue(placeholder: EndpointPlaceholder): IntegrationError {
  return placeholder === 'connectorTransactionId'
    ? IntegrationError.missingConnectorTransactionId()
    : IntegrationError.missingField('connector_refund_id');
}

function isPlaceholder(name: string): name is EndpointPlaceholder {
  return (ENDPOINT_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * `endpoint` with each `{placeholder}` segment replaced by its value, percent-encoded as one
 * whole segment, so an id holding `/`, `?` or `#` cannot change the path. Refused before any
 * HTTP: a placeholder without a value or with an empty one (MISSING_CONNECTOR_TRANSACTION_ID,
 * MISSING_REQUIRED_FIELD), and `.` or `..`, which a URL would resolve away, or an unknown
 * placeholder (REQUEST_ENCODING_FAILED). Segments without braces are kept as written.
 *
 * @example
 * fillEndpoint('v1/payments/{connectorTransactionId}/capture', { connectorTransactionId: 'tx 1' });
 * // 'v1/payments/tx%201/capture'
 */
export function fillEndpoint(endpoint: string, values: EndpointValues): string {
  return endpoint
    .split('/')
    .map((segment) => {
      const name = PLACEHOLDER_SEGMENT.exec(segment)?.[1];
      if (name === undefined) return segment;
      if (!isPlaceholder(name)) {
        throw IntegrationError.encoding(
          `the endpoint ${JSON.stringify(endpoint)} names an unknown placeholder {${name}} ` +
            `(known: ${ENDPOINT_PLACEHOLDERS.join(', ')})`,
        );
      }
      const value = values[name];
      if (value === undefined || value === '') throw missingValue(name);
      if (value === '.' || value === '..') {
        throw IntegrationError.encoding(
          `${name} ${JSON.stringify(value)} cannot be a path segment`,
          {
            field: name,
          },
        );
      }
      try {
        return encodeURIComponent(value);
      } catch {
        // a lone surrogate has no UTF-8 form
        throw IntegrationError.encoding(`${name} is not well-formed Unicode`, { field: name });
      }
    })
    .join('/');
}
