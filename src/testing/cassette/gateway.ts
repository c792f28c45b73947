/**
 * @module Cassettes as a lenient gateway, for suites that call a connector many times (the
 * conformance suite): each request is answered with the answer of the cassette exchange of the
 * same method and path, whatever its body says, so the suite checks what the runtime promises
 * without depending on the gateway's field names. The replay server (replay.ts) is the strict
 * counterpart that checks every member.
 */

import {
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
  type RecordedRequest,
} from '../../sandbox/loopback.js';
import type { ConformanceRoutes } from '../conformance.js';
import type { Cassette } from './format.js';
import { loadCassette } from './replay-call.js';
import { answerReply } from './answers.js';

/** The answer of exchange `index` (default 0) of a cassette file or cassette, as a reply. */
export function cassetteReply(source: Cassette | string | URL, index = 0): GatewayReply {
  const { cassette, file } = loadCassette(source);
  const exchange = cassette.exchanges[index];
  if (exchange === undefined) throw new RangeError(`cassette ${file} has no exchanges[${index}]`);
  return answerReply(exchange.answer);
}

/** Routes that tell a session+Authorize cassette's two requests apart by their whole path. */
export function cassetteRoutes(source: Cassette | string | URL): ConformanceRoutes {
  const { cassette, file } = loadCassette(source);
  const path = (flow: string) => {
    const exchange = cassette.exchanges.find((each) => each.flow === flow);
    if (exchange === undefined) throw new RangeError(`cassette ${file} has no ${flow} exchange`);
    return exchange.request.path;
  };
  const session = path('CreateSessionToken');
  const authorize = path('Authorize');
  return {
    session: (request: RecordedRequest) => request.path === session,
    authorize: (request: RecordedRequest) => request.path === authorize,
  };
}

/**
 * Serves the cassettes' answers by method and path (the first exchange that has them; 404
 * otherwise) until closed or `lifetimeMs` (default 60 s) has passed.
 */
export function startCassetteGateway(
  sources: ReadonlyArray<Cassette | string | URL>,
  options: { readonly lifetimeMs?: number } = {},
): Promise<LoopbackGateway> {
  const exchanges = sources.flatMap((source) => loadCassette(source).cassette.exchanges);
  return startLoopbackGateway(
    (request) => {
      const exchange = exchanges.find(
        (each) => each.request.method === request.method && each.request.path === request.path,
      );
      if (exchange !== undefined) return answerReply(exchange.answer);
      return {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errorCode: 'NOT_IN_CASSETTE',
          errorMessage: `no cassette exchange for ${request.method} ${request.path}`,
        }),
      };
    },
    { lifetimeMs: options.lifetimeMs ?? 60_000 },
  );
}
