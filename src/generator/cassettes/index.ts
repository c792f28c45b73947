/**
 * @module The day-one cassettes (`<tests>/<folder>/cassettes/<flow>-<scenario>.json`), recorded
 * by the generator itself: the rendered connector runs every scenario of the flows it declares
 * against the generic emulator built from the same answers (scenarios.ts, record.ts), in this
 * process and before anything is written (evaluate.ts). Loaded only by a run that renders.
 */

import { formatCassette } from '../../testing/cassette/text.js';
import type { Answers } from '../answers/index.js';
import { readCachedCassettes, writeCachedCassettes } from './cache.js';
import type { ConnectorModules } from './evaluate.js';

export type { ConnectorModules, RenderedModule } from './evaluate.js';

export interface DayOneInput extends ConnectorModules {
  readonly answers: Answers;
  readonly connectorId: string;
}

/** A cassette file: its name in the connector's cassettes folder and its text. */
export interface CassetteFile {
  readonly name: string;
  readonly content: string;
}

export interface DayOneOptions {
  /**
   * Read and keep the cassettes in the per-user cache (default true). `verify` and the samples
   * record afresh, so that a recording that is not repeatable shows as drift.
   */
  readonly cache?: boolean;
}

export async function dayOneCassettes(
  input: DayOneInput,
  options: DayOneOptions = {},
): Promise<CassetteFile[]> {
  const cache = options.cache !== false;
  let recorded = cache ? readCachedCassettes(input.answers, input.connectorId) : undefined;
  if (recorded === undefined) {
    // the runtime, its HTTP client and the emulator load only when there is something to record
    const [{ evaluateConnector }, { recordScenarios }] = await Promise.all([
      import('./evaluate.js'),
      import('./record.js'),
    ]);
    recorded = await recordScenarios(await evaluateConnector(input), input.answers);
    if (cache) writeCachedCassettes(input.answers, recorded);
  }
  return recorded
    .map((each) => ({ name: each.name, content: formatCassette(each.cassette) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
