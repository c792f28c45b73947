/**
 * @module The replay server: a bounded, self-stopping loopback HTTP server that answers with a
 * cassette's answers in order and checks each request against the one the cassette expects. A
 * request that differs gets HTTP 418 (so the flow stops there) and a mismatch in the report,
 * which names the request's index and the JSON path of each differing member.
 */

import {
  startLoopbackGateway,
  type GatewayReply,
  type RecordedRequest,
} from '../../sandbox/loopback.js';
import { compareRequest, type Difference } from './compare.js';
import { answerReply } from './answers.js';
import type { Cassette } from './format.js';
import type { CassetteRule } from './rules.js';

export interface ReplayOptions {
  /** Raw secrets by the names `secret` rules use (`auth.apiKey`, …): compared, and masked in reports. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Names the cassette in reports (its file). */
  readonly file?: string;
  /** Stops by itself after this long (default 60 s). */
  readonly lifetimeMs?: number;
  /** The clock time rules compare with (default `Date.now`). */
  readonly now?: () => number;
}

export interface RequestMismatch {
  /** The request's index, 0 for the first (`exchanges[index]` in the cassette). */
  readonly index: number;
  readonly method: string;
  readonly path: string;
  /** Empty when the request came after every exchange of the cassette was served. */
  readonly differences: readonly Difference[];
}

export interface CassetteReplay {
  readonly baseUrl: string;
  /** Requests received so far. */
  readonly received: number;
  readonly mismatches: readonly RequestMismatch[];
  /** What went wrong (mismatches, exchanges never requested), or undefined when nothing did. */
  report(): string | undefined;
  /** Throws a {@link CassetteMismatchError} carrying the report when there is one. */
  assertReplayed(): void;
  close(): Promise<void>;
}

export class CassetteMismatchError extends Error {
  constructor(readonly report: string) {
    super(report);
    this.name = 'CassetteMismatchError';
  }
}

/** Shorter secrets would mask ordinary text by chance (the runtime's scrubber uses the same floor). */
const MIN_MASKED_SECRET = 3;
const MISMATCH_STATUS = 418;

function readPath(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The value a `from-answer` rule names in the cassette's (literal) answers. */
export function answerValue(
  cassette: Cassette,
  rule: Extract<CassetteRule, { $match: 'from-answer' }>,
): unknown {
  const answer = cassette.exchanges[rule.answer]?.answer;
  if (answer === undefined) return undefined;
  if (rule.header !== undefined) return answer.headers?.[rule.header.toLowerCase()];
  return answer.body !== undefined && 'json' in answer.body
    ? readPath(answer.body.json, rule.path!)
    : undefined;
}

export async function startCassetteReplay(
  cassette: Cassette,
  options: ReplayOptions = {},
): Promise<CassetteReplay> {
  const secretMap = new Map(Object.entries(options.secrets ?? {}));
  const secretValues = [...secretMap.values()]
    .filter((value) => value.length >= MIN_MASKED_SECRET)
    .sort((a, b) => b.length - a.length);
  const now = options.now ?? Date.now;
  const mismatches: RequestMismatch[] = [];
  let received = 0;

  const handle = (request: RecordedRequest): GatewayReply => {
    const index = received;
    received += 1;
    const exchange = cassette.exchanges[index];
    const refuse = (differences: readonly Difference[]): GatewayReply => {
      mismatches.push({ index, method: request.method, path: request.path, differences });
      return {
        status: MISMATCH_STATUS,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errorCode: 'CASSETTE_MISMATCH',
          errorMessage: `request ${index} does not match the cassette; see the replay report`,
        }),
      };
    };
    if (exchange === undefined) return refuse([]);
    const differences = compareRequest(
      exchange.request,
      request,
      { nowMs: now(), secrets: secretMap, fromAnswer: (rule) => answerValue(cassette, rule) },
      secretValues,
    );
    return differences.length > 0 ? refuse(differences) : answerReply(exchange.answer);
  };

  const gateway = await startLoopbackGateway(handle, {
    // a few more than the cassette holds, so extra requests are reported rather than refused
    maxRequests: cassette.exchanges.length + 8,
    lifetimeMs: options.lifetimeMs ?? 60_000,
  });
  const name = options.file ?? `${cassette.flow}-${cassette.scenario}`;

  const report = (): string | undefined => {
    const lines: string[] = [];
    for (const mismatch of mismatches) {
      const expected = cassette.exchanges[mismatch.index];
      if (expected === undefined) {
        lines.push(
          `request ${mismatch.index} (${mismatch.method} ${mismatch.path}) was not expected: ` +
            `the cassette holds ${cassette.exchanges.length} exchange(s)`,
        );
        continue;
      }
      lines.push(
        `request ${mismatch.index} (${expected.flow} ${expected.request.method} ${expected.request.path}) ` +
          `differs from exchanges[${mismatch.index}].request:`,
      );
      for (const difference of mismatch.differences) {
        lines.push(`  ${difference.path}: ${difference.problem}`);
      }
    }
    for (let index = received; index < cassette.exchanges.length; index += 1) {
      const missing = cassette.exchanges[index]!;
      lines.push(
        `exchanges[${index}] (${missing.flow} ${missing.request.method} ${missing.request.path}) was never requested`,
      );
    }
    return lines.length === 0 ? undefined : `cassette ${name}:\n${lines.join('\n')}`;
  };

  return {
    baseUrl: gateway.baseUrl,
    get received() {
      return received;
    },
    mismatches,
    report,
    assertReplayed: () => {
      const text = report();
      if (text !== undefined) throw new CassetteMismatchError(text);
    },
    close: () => gateway.close(),
  };
}
