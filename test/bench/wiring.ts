/**
 * Wiring section: the registry edit alone (add one connector: an import and an entry) with 1,
 * 100 and 1,000 connectors already registered, each a cold whole process (node start-up, our
 * modules from dist/, the compiler API from its warm code cache, one parse, one splice, write),
 * as `new` pays it; and the same edit through ts-morph's manipulation API for comparison. The
 * child is wiring-child.mjs; all contenders interleave.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BenchContext } from './context.js';
import { runNode } from './processes.js';
import { interleave, pairedRatio, summarize } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'wiring';
const RUNS = 12;
const SIZES = [1, 100, 1000] as const;
const CHILD = fileURLToPath(new URL('./wiring-child.mjs', import.meta.url));

type Impl = 'splice' | 'ts-morph';

/** A registry with `count` connectors; the added one sorts into the middle. */
export function registrySource(count: number): string {
  const ids = Array.from({ length: count }, (_, index) => {
    const letter = index < count / 2 ? 'a' : 'z';
    return `${letter}_connector_${String(index).padStart(4, '0')}`;
  });
  const value = (id: string) => id.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
  const imports = ids.map(
    (id) => `import { ${value(id)} } from './${id.replace(/_/g, '-')}/index.js';`,
  );
  const entries = ids.map((id) => `  ${id}: ${value(id)},`);
  return [
    '/** @module The connector registry. */',
    '',
    "import type { AmountType, Connector } from '../runtime/index.js';",
    ...imports,
    '',
    'export const connectors = {',
    ...entries,
    '} as const satisfies Readonly<Record<string, Connector<AmountType>>>;',
    '',
    'export type ConnectorId = keyof typeof connectors;',
    '',
  ].join('\n');
}

export async function wiringRows(ctx: BenchContext): Promise<Row[]> {
  const { distUrl } = ctx.requireCli();
  const dir = path.join(ctx.scratch, 'wiring');
  mkdirSync(dir, { recursive: true });
  const cacheDir = path.join(dir, 'cache');
  const files = new Map<number, string>(
    SIZES.map((size) => {
      const file = path.join(dir, `registry-${size}.ts`);
      writeFileSync(file, registrySource(size));
      return [size, file] as const;
    }),
  );
  const editMs: Record<string, number[]> = {};
  const once = (impl: Impl, size: number) => () => {
    const file = files.get(size)!;
    const run = runNode([CHILD, distUrl('generator/'), impl, file], {
      env: { CREATE_CONNECTOR_CACHE_DIR: cacheDir },
    });
    const edited = readFileSync(`${file}.out`, 'utf8');
    if (
      !edited.includes('new_payment: newPayment') ||
      !edited.includes("{ newPayment } from './new-payment/index.js'")
    ) {
      throw new Error(`${impl} did not add the connector to the registry of ${size}`);
    }
    (editMs[`${impl} ${size}`] ??= []).push((JSON.parse(run.stdout) as { editMs: number }).editMs);
    return run.ms;
  };
  // the warm-up round fills the code cache
  const samples = await interleave(
    {
      splice1: once('splice', 1),
      splice100: once('splice', 100),
      splice1000: once('splice', 1000),
      tsMorph1: once('ts-morph', 1),
      tsMorph1000: once('ts-morph', 1000),
    },
    RUNS,
  );
  const inProcess = (key: string) => {
    const values = (editMs[key] ?? []).slice(1);
    return `edit in-process ${summarize(values).median.toFixed(1)} ms (compiler API load included)`;
  };
  const row = (measure: string, values: number[], note: string): Row => ({
    section: SECTION,
    measure,
    unit: 'ms',
    summary: summarize(values),
    note,
  });
  return [
    row('splice, 1 connector', samples.splice1, inProcess('splice 1')),
    row('splice, 100 connectors', samples.splice100, inProcess('splice 100')),
    row('splice, 1,000 connectors', samples.splice1000, inProcess('splice 1000')),
    {
      section: SECTION,
      measure: 'splice 1,000 : 1',
      unit: 'ratio',
      summary: pairedRatio(samples.splice1000, samples.splice1),
      target: { op: '≤', value: 1.2 },
      note: 'whole process, per-round ratio',
    },
    {
      section: SECTION,
      measure: 'splice 100 : 1',
      unit: 'ratio',
      summary: pairedRatio(samples.splice100, samples.splice1),
    },
    row('ts-morph add calls, 1 connector', samples.tsMorph1, inProcess('ts-morph 1')),
    row('ts-morph add calls, 1,000 connectors', samples.tsMorph1000, inProcess('ts-morph 1000')),
    {
      section: SECTION,
      measure: 'ts-morph 1,000 : 1',
      unit: 'ratio',
      summary: pairedRatio(samples.tsMorph1000, samples.tsMorph1),
      note: 'the alternative the splice replaced',
    },
  ];
}
