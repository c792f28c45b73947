/**
 * @module `create-connector remove <id>`: unwire a generated connector and delete the files its
 * generator made. Files edited since generation are kept unless --force; on a terminal, asked.
 */

import { applyPlan } from '../../generator/generate.js';
import { planRemoval, type KeptFile, type RemovalPlan } from '../../generator/remove-plan.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { planReport, printPlan } from '../output.js';
import { createPromptAdapter, type PromptAdapter } from '../prompts.js';

export interface RemoveOptions {
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly force?: boolean;
}

const edited = (plan: RemovalPlan) => plan.kept.filter((file) => file.reason === 'edited');

function keptLines(kept: readonly KeptFile[]): string[] {
  return kept.map((file) =>
    file.reason === 'edited'
      ? `KEEP   ${file.path} (edited since generation; --force deletes it)`
      : `KEEP   ${file.path} (not a file the generator writes)`,
  );
}

export async function removeCommand(
  id: string,
  options: RemoveOptions,
  io: CliIo,
  prompts: PromptAdapter = createPromptAdapter(),
): Promise<ExitCode> {
  const dryRun = options.dryRun === true;
  const json = options.json === true;
  let plan = planRemoval({ cwd: io.cwd, id, force: options.force === true });
  const changed = edited(plan);
  if (changed.length > 0 && io.stdinIsTTY && !json && !dryRun) {
    const files = changed.map((file) => `  ${file.path}`).join('\n');
    io.stdout(`These files were edited since they were generated:\n${files}`);
    if (await prompts.confirm('Delete them too?', false)) {
      plan = planRemoval({ cwd: io.cwd, id, force: true });
    }
  }
  if (!dryRun) await applyPlan(plan);
  const report = { ...(await planReport(plan, dryRun)), kept: plan.kept };
  printPlan(report, io, json);
  if (!json && plan.kept.length > 0) io.stdout(keptLines(plan.kept).join('\n'));
  return 0;
}
