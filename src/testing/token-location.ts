/** @module Finds the session token in a recorded request, where the connector says it goes. */

import type { SessionTokenUsage } from '../runtime/index.js';
import type { RecordedRequest } from '../sandbox/loopback.js';

function readPath(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function parseBody(request: RecordedRequest): unknown {
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(request.body));
  }
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The token as the gateway received it: a body member (dot path for nested JSON, e.g.
 * `head.txnToken`; form bodies by their flat key), a header, or a query parameter.
 */
export function tokenInRequest(
  request: RecordedRequest,
  usage: SessionTokenUsage,
): string | undefined {
  switch (usage.placement) {
    case 'header':
      return request.headers[usage.name.toLowerCase()];
    case 'query':
      return request.query[usage.name];
    case 'body': {
      const body = parseBody(request);
      const direct =
        body !== null && typeof body === 'object'
          ? (body as Record<string, unknown>)[usage.name]
          : undefined;
      const value = direct ?? readPath(body, usage.name);
      return typeof value === 'string' ? value : undefined;
    }
  }
}
