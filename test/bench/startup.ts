/**
 * Start-up section: `create-connector --help` against the floor, `node -e 0`, as whole processes
 * (spawn to exit), interleaved; and which files `--help` loads.
 */

import type { BenchContext } from './context.js';
import { describeFiles, loadedFiles } from './module-probe.js';
import { runNode } from './processes.js';
import { interleave, pairedDifference, summarize } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'start-up';
const RUNS = 20;

export async function startupRows(ctx: BenchContext): Promise<Row[]> {
  const pkg = ctx.requireCli();
  const help = [pkg.bin, '--help'];
  if (!runNode(help).stdout.includes('Usage: create-connector')) {
    throw new Error('create-connector --help printed no usage');
  }
  const samples = await interleave(
    { floor: () => runNode(['-e', '0']).ms, help: () => runNode(help).ms },
    RUNS,
    2,
  );
  const files = loadedFiles(help, pkg.root, ctx.scratch);
  return [
    {
      section: SECTION,
      measure: '`node -e 0` (the floor)',
      unit: 'ms',
      summary: summarize(samples.floor),
    },
    {
      section: SECTION,
      measure: '`create-connector --help`',
      unit: 'ms',
      summary: summarize(samples.help),
    },
    {
      section: SECTION,
      measure: '`--help` − floor',
      unit: 'ms',
      summary: pairedDifference(samples.help, samples.floor),
      target: { op: '≤', value: 60 },
      note: `loads ${files.length} files: ${describeFiles(files)} (node: builtins not counted)`,
    },
  ];
}
