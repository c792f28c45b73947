/**
 * @module Cassette tests in a line: `itReplaysCassette(file, { connector, auth, payment })`
 * registers a vitest test that replays the cassette and expects its recorded outcome (or the
 * `expect` given: `{ status: 'Charged' }`); `itReplaysCassettes(folder, …)` one per file in it.
 */

import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, it } from 'vitest';

import type { CassetteOutcome } from './format.js';
import { cassetteFiles } from './gateway.js';
import { loadCassette, replayCassette, type ReplayCallOptions } from './replay-call.js';

export interface ItReplaysOptions extends ReplayCallOptions {
  /** What the call must come to; default: the outcome the cassette recorded. */
  readonly expect?: CassetteOutcome;
}

export function itReplaysCassette(file: string | URL, options: ItReplaysOptions): void {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  const { cassette } = loadCassette(path);
  const expected = options.expect ?? cassette.outcome;
  const label = expected.error?.code ?? expected.refundStatus ?? expected.status ?? 'its outcome';
  it(`replays ${basename(path)} (${cassette.flow}) to ${label}`, async () => {
    const result = await replayCassette(cassette, options);
    expect(result.outcome).toMatchObject(expected);
  });
}

/** One test per cassette file of `folder` (path or file URL), in name order. */
export function itReplaysCassettes(folder: string | URL, options: ReplayCallOptions): void {
  for (const file of cassetteFiles(folder)) itReplaysCassette(file, options);
}
