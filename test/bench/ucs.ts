/**
 * UCS section: the Rust target. `new --target ucs` planning (render both files, rustfmt them,
 * plan the 9 edits) on a copy of the synthetic seed-era checkout, against rustfmt alone on the
 * same two files (its floor); the mock crate's `cargo check --offline`, cold (fresh target dir)
 * and warm. Rows are empty when rustfmt or cargo is missing.
 */

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  checkAgainstMock,
  defaultMockDir,
  hasTool,
  parseUcsAnswers,
  planUcsNew,
  renderUcsConnector,
  rustfmtSource,
} from '../../src/generator/ucs/index.js';
import type { BenchContext } from './context.js';
import { summarize } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'ucs';
const RUNS = 10;
const COLD_RUNS = 3;
const FIXTURE = fileURLToPath(new URL('../fixtures/ucs-checkout/', import.meta.url));
const ANSWERS = {
  name: 'Acme',
  baseUrl: 'https://api.acme.test',
  authType: 'SignatureKey',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
};

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export async function ucsRows(_ctx: BenchContext): Promise<Row[]> {
  if (!(await hasTool('rustfmt'))) return [];
  const work = mkdtempSync(path.join(tmpdir(), 'create-connector-bench-ucs-'));
  try {
    const checkout = path.join(work, 'checkout');
    cpSync(FIXTURE, checkout, { recursive: true });
    const files = renderUcsConnector(parseUcsAnswers(ANSWERS));
    const plans: number[] = [];
    const floors: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const plan = await timed(() => planUcsNew({ ucsDir: checkout, answers: ANSWERS }));
      const floor = await timed(() =>
        Promise.all(files.map((file) => rustfmtSource(file.content))),
      );
      if (run === 0) continue; // the first loads Handlebars and compiles the templates
      plans.push(plan);
      floors.push(floor);
    }
    const rows: Row[] = [
      {
        section: SECTION,
        measure: 'render + wire + rustfmt, one connector',
        unit: 'ms',
        summary: summarize(plans),
        target: { op: '≤', value: 1000 },
        note: '`planUcsNew` on the synthetic checkout: 2 files rendered and formatted, 9 edits planned',
      },
      {
        section: SECTION,
        measure: '… of which rustfmt (floor)',
        unit: 'ratio',
        summary: summarize(plans.map((ms, i) => ms / (floors[i] as number))),
        note: 'plan time ÷ rustfmt alone on the same two files',
      },
    ];
    const mockDir = defaultMockDir();
    if (mockDir === undefined || !(await hasTool('cargo'))) return rows;
    const connector = { names: parseUcsAnswers(ANSWERS).names, files };
    const cold: number[] = [];
    for (let run = 0; run < COLD_RUNS; run += 1) {
      const scratchRoot = path.join(work, `mock-${run}`);
      const result = await checkAgainstMock([connector], mockDir, { scratchRoot });
      if (result?.ok !== true) throw new Error(`mock check failed: ${result?.errors.join('\n')}`);
      cold.push(result.ms);
    }
    const warm: number[] = [];
    for (let run = 0; run < COLD_RUNS; run += 1) {
      const result = await checkAgainstMock([connector], mockDir, {
        scratchRoot: path.join(work, 'mock-0'),
      });
      warm.push(result?.ms ?? Number.NaN);
    }
    rows.push(
      {
        section: SECTION,
        measure: 'mock type-check, cold',
        unit: 'ms',
        summary: summarize(cold),
        target: { op: '≤', value: 5000 },
        note: '`cargo check --offline` of the mock crates + one connector, fresh target dir',
      },
      {
        section: SECTION,
        measure: 'mock type-check, warm',
        unit: 'ms',
        summary: summarize(warm),
        note: 'same connector, target dir kept',
      },
    );
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
