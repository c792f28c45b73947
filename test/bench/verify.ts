/**
 * Verify section: `create-connector verify --json` in this repository as a whole process (all
 * samples: re-render and compare, type-check, run their tests; presets; registry), ten times in a
 * row, with the report's own timings split per check and per sample.
 */

import { cpus } from 'node:os';

import { REPO } from './cli.js';
import type { BenchContext } from './context.js';
import { runNode } from './processes.js';
import { summarize } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'verify';
const RUNS = 10;

interface VerifyReport {
  readonly ok: boolean;
  readonly checks: ReadonlyArray<{ readonly name: string; readonly ok: boolean }>;
  readonly timings: {
    readonly totalMs: number;
    readonly checks: Readonly<Record<string, number>>;
    readonly samples: Readonly<Record<string, number>>;
  };
}

export async function verifyRows(ctx: BenchContext): Promise<Row[]> {
  const { bin } = ctx.requireCli();
  const walls: number[] = [];
  const checks = new Map<string, number[]>();
  const samples = new Map<string, number[]>();
  let sampleCount = 0;
  // one unmeasured run first: the compiler API's code cache and the OS file cache, as in CI's
  // second command
  for (let run = 0; run <= RUNS; run += 1) {
    const result = runNode([bin, 'verify', '--json'], { cwd: REPO });
    const report = JSON.parse(result.stdout) as VerifyReport;
    if (!report.ok) {
      const failed = report.checks.filter((check) => !check.ok).map((check) => check.name);
      throw new Error(`verify failed (${failed.join(', ')}): nothing to measure`);
    }
    if (run === 0) continue;
    walls.push(result.ms);
    for (const [name, ms] of Object.entries(report.timings.checks)) {
      checks.set(name, [...(checks.get(name) ?? []), ms]);
    }
    for (const [name, ms] of Object.entries(report.timings.samples)) {
      samples.set(name, [...(samples.get(name) ?? []), ms]);
    }
    sampleCount = Object.keys(report.timings.samples).length;
  }
  const row = (measure: string, values: number[], extra: Partial<Row> = {}): Row => ({
    section: SECTION,
    measure,
    unit: 'ms',
    summary: summarize(values),
    ...extra,
  });
  const perSample = [...samples.values()].flat();
  return [
    row(`\`verify\`, all ${sampleCount} samples`, walls, {
      target: { op: '≤', value: 30_000 },
      note: `whole process on ${cpus().length} cores; compile and tests run side by side`,
    }),
    row(
      '`verify` per sample (wall ÷ samples)',
      walls.map((ms) => ms / sampleCount),
      {
        note: 'what each sample adds, amortized',
      },
    ),
    ...[...checks].map(([name, values]) =>
      row(`check ${name}`, values, { note: 'from the report' }),
    ),
    row('render + compare, one sample', perSample, {
      note: `every sample of every run (${[...samples.keys()].join(', ')})`,
    }),
  ];
}
