/**
 * `npm run bench`: runs the benchmark sections, prints one table, and records it with the
 * machine and the date in test/bench/RESULTS.md.
 *
 *   npm run bench                        every section; writes RESULTS.md
 *   npm run bench -- --only runtime      the named sections (comma-separated); prints only
 *   npm run bench -- --only runtime --write   … and writes RESULTS.md anyway
 *   npm run bench -- --no-write          every section, prints only
 *   npm run bench -- --no-build          measure this checkout's dist/ as it is instead of a
 *                                        private build (cli.ts)
 *
 * A section is a module exporting `async function <name>Rows(ctx): Promise<Row[]>`; add it to
 * SECTIONS below. Sections run one after another in the order listed, never concurrently.
 * Network: only 127.0.0.1 (the runtime section's canned gateway).
 */

import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { parseArgs } from 'node:util';

import { createContext, type BenchContext } from './context.js';
import { met, renderTable, type Row } from './table.js';

interface Section {
  readonly name: string;
  readonly rows: (ctx: BenchContext) => Promise<Row[]>;
}

// Loaded on demand, so `--only` skips the others' imports as well as their work.
const SECTIONS: readonly Section[] = [
  { name: 'startup', rows: async (ctx) => (await import('./startup.js')).startupRows(ctx) },
  { name: 'commands', rows: async (ctx) => (await import('./commands.js')).commandsRows(ctx) },
  { name: 'scaffold', rows: async (ctx) => (await import('./scaffold.js')).scaffoldRows(ctx) },
  { name: 'wiring', rows: async (ctx) => (await import('./wiring.js')).wiringRows(ctx) },
  { name: 'verify', rows: async (ctx) => (await import('./verify.js')).verifyRows(ctx) },
  { name: 'runtime', rows: async (ctx) => (await import('./runtime.js')).runtimeRows(ctx) },
  { name: 'ucs', rows: async (ctx) => (await import('./ucs.js')).ucsRows(ctx) },
];

const RESULTS = new URL('./RESULTS.md', import.meta.url);

function selectedSections(only: string | undefined): Section[] {
  if (only === undefined) return [...SECTIONS];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    const known = SECTIONS.map((section) => section.name).join(', ');
    throw new Error(`unknown section(s): ${unknown.join(', ')} (known: ${known})`);
  }
  return SECTIONS.filter((section) => names.includes(section.name));
}

function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `${cores.length} cores, ${model}, Node ${process.version}, ${platform()} ${release()}`;
}

function targetsLine(rows: readonly Row[]): string {
  const judged = rows.filter((row) => met(row) !== undefined);
  const missed = judged.filter((row) => met(row) === false);
  if (judged.length === 0) return '';
  return missed.length === 0
    ? `Targets: all ${judged.length} met.`
    : `Targets: ${judged.length - missed.length} of ${judged.length} met; missed: ${missed
        .map((row) => `${row.section} ${row.measure}`)
        .join('; ')}.`;
}

function resultsFile(
  table: string,
  rows: readonly Row[],
  sections: readonly Section[],
  date: Date,
): string {
  return [
    '# Benchmark results',
    '',
    `Measured ${date.toISOString()} on ${machine()}.`,
    `Sections: ${sections.map((section) => section.name).join(', ')}. Regenerate with \`npm run bench\`.`,
    '',
    'Each row is the median of its runs with the minimum and maximum; ratios are per-round',
    'ratios of contenders measured in the same run, in alternating order. Process rows are',
    'whole processes, spawn to exit. What the misses cost and what would close them: README,',
    '"Performance".',
    '',
    targetsLine(rows),
    '',
    table,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      'no-build': { type: 'boolean' },
    },
  });
  const sections = selectedSections(values.only);
  const write = values.write ?? (values.only === undefined && values['no-write'] !== true);
  const date = new Date();
  const ctx = createContext({ build: values['no-build'] !== true });
  const rows: Row[] = [];
  try {
    for (const section of sections) {
      const started = performance.now();
      rows.push(...(await section.rows(ctx)));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`bench: ${section.name} done in ${seconds} s\n`);
    }
  } finally {
    ctx.dispose();
  }
  const table = renderTable(rows);
  process.stdout.write(`${machine()}\n\n${targetsLine(rows)}\n\n${table}\n`);
  if (write) {
    writeFileSync(RESULTS, resultsFile(table, rows, sections, date));
    process.stderr.write(`bench: wrote ${RESULTS.pathname}\n`);
  }
}

await main();
