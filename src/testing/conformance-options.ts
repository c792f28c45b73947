/**
 * @module What the conformance suite is given: the connector, its credentials and payment, how to
 * start its gateway, and the routes that tell its session and Authorize requests apart.
 */

import type { AmountType, Connector, ConnectorAuthType, PaymentInput } from '../runtime/index.js';
import type { GatewayReply, LoopbackGateway, RequestMatcher } from '../sandbox/loopback.js';

export interface ConformanceOptions<A extends AmountType> {
  readonly connector: Connector<A>;
  readonly startEmulator: () => Promise<LoopbackGateway>;
  /** Credentials the emulator accepts. */
  readonly auth: ConnectorAuthType;
  /** A payment the emulator approves. */
  readonly payment: PaymentInput;
  /**
   * How to tell the two requests apart on the emulator. A string matches every request whose
   * path ends with it (`'/token'` matches `/token` and `/v1/token`), so two string routes where
   * one ends with the other are ambiguous and refused; a predicate matches exactly what it says.
   */
  readonly routes: ConformanceRoutes;
  /** The gateway's in-band refusal of a session (usually HTTP 200 with an error status). */
  readonly sessionFailure: GatewayReply;
  /** A JSON error answer the gateway sends with a 4xx (a recorded one); defaults to `{}`. */
  readonly jsonError?: GatewayReply;
  /** The base URL to call, given the emulator's (e.g. to add a path or a trailing slash). */
  readonly baseUrl?: (emulator: LoopbackGateway) => string;
  /** More raw values that must never be printed; credentials and card data are always checked. */
  readonly secrets?: readonly string[];
}

export interface ConformanceRoutes {
  readonly session: RequestMatcher;
  readonly authorize: RequestMatcher;
}

/**
 * Refuses string routes that cannot tell the two requests apart: a string route is a path
 * suffix (kept for the suites written with it), so when one ends with the other, the shorter
 * one also matches the other request.
 */
export function checkConformanceRoutes(routes: ConformanceRoutes): void {
  const { session, authorize } = routes;
  if (typeof session !== 'string' || typeof authorize !== 'string') return;
  const orders = [
    ['session', session, 'authorize', authorize],
    ['authorize', authorize, 'session', session],
  ] as const;
  for (const [suffixKey, suffix, pathKey, path] of orders) {
    if (!path.endsWith(suffix)) continue;
    throw new Error(
      `conformance routes: routes.${suffixKey} ${JSON.stringify(suffix)} is a suffix of ` +
        `routes.${pathKey} ${JSON.stringify(path)}; string routes match request paths by ` +
        'suffix, so it would match both requests. Give routes that neither ends with the other, ' +
        'or predicates that compare the whole path.',
    );
  }
}

/** Below this length a value shows up by chance (a latency, a port) and says nothing. */
