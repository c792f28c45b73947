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
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { isFailureStatus, type AttemptStatus } from '../../runtime/index.js';
import type { ConformanceOptions, ConformanceRoutes } from '../conformance-options.js';
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

/** The cassette files of a folder (path or file URL), sorted by name. */
export function cassetteFiles(folder: string | URL): string[] {
  const dir = folder instanceof URL ? fileURLToPath(folder) : folder;
  if (!existsSync(dir)) {
    throw new Error(
      `no cassettes folder ${dir}: regenerate the connector, or record one (create-connector record <id> --flow authorize …)`,
    );
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

const isAnswered = (status: number) => status >= 200 && status < 300;

/**
 * What the conformance suite needs of a gateway, from a folder of cassettes, whatever their
 * field names: an approved payment (session then Authorize: the lenient gateway's answers), an
 * in-band session refusal, and a JSON error answer when one was recorded.
 */
export function cassetteConformance(
  folder: string | URL,
): Pick<ConformanceOptions<never>, 'startEmulator' | 'routes' | 'sessionFailure' | 'jsonError'> {
  const cassettes = cassetteFiles(folder).map((file) => loadCassette(file).cassette);
  const where = folder instanceof URL ? fileURLToPath(folder) : folder;
  const approved = cassettes.find(
    (cassette) =>
      cassette.flow === 'authorize' &&
      cassette.exchanges.map((exchange) => exchange.flow).join() ===
        'CreateSessionToken,Authorize' &&
      cassette.outcome.error === undefined &&
      cassette.outcome.status !== undefined &&
      !isFailureStatus(cassette.outcome.status as AttemptStatus),
  );
  const refused = cassettes.find(
    (cassette) =>
      cassette.exchanges.length === 1 &&
      cassette.exchanges[0]!.flow === 'CreateSessionToken' &&
      isAnswered(cassette.exchanges[0]!.answer.status) &&
      cassette.outcome.status === 'Failure',
  );
  const missing = (what: string, flow: string) =>
    new Error(
      `conformance needs a cassette of ${what} in ${where} (create-connector record <id> --flow ${flow} …)`,
    );
  if (approved === undefined)
    throw missing('an approved payment (session, then Authorize)', 'authorize');
  if (refused === undefined) throw missing('a session the gateway refused in-band', 'session');
  const jsonError = cassettes
    .flatMap((cassette) => cassette.exchanges.map((exchange) => exchange.answer))
    .find(
      (answer) =>
        answer.status >= 400 &&
        answer.status < 500 &&
        answer.body !== undefined &&
        'json' in answer.body,
    );
  return {
    startEmulator: () => startCassetteGateway([approved]),
    routes: cassetteRoutes(approved),
    sessionFailure: answerReply(refused.exchanges[0]!.answer),
    ...(jsonError === undefined ? {} : { jsonError: answerReply(jsonError) }),
  };
}
