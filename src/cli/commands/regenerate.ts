/**
 * @module `create-connector regenerate <id>`: the connector re-rendered with the current
 * templates (and any changed answers), merged three ways with the files on disk. Exit 2 when a
 * file needs its conflict markers resolved.
 */

import { ANSWER_KEYS, type AnswersInput } from '../../generator/answers/index.js';
import { applyPlan, planRegeneration } from '../../generator/lifecycle/index.js';
import { PhaseTimer } from '../../generator/timings.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { planReport, printPlan } from '../output.js';

export async function regenerateCommand(
  id: string,
  options: Record<string, unknown> & { dryRun?: boolean; json?: boolean; timings?: boolean },
  io: CliIo,
): Promise<ExitCode> {
  const timer = new PhaseTimer();
  const overrides: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS)
    if (key !== 'name' && options[key] !== undefined) overrides[key] = options[key];
  const plan = await planRegeneration({
    cwd: io.cwd,
    id,
    overrides: overrides as Partial<AnswersInput>,
    timer,
  });
  const dryRun = options.dryRun === true;
  if (!dryRun) await applyPlan(plan, { timer });
  const report = await planReport(plan, dryRun);
  if (options.json === true) {
    io.stdout(
      JSON.stringify({ ...report, conflicts: plan.conflicts, keptDeleted: plan.keptDeleted }),
    );
  } else {
    printPlan(report, io, false);
    for (const file of plan.keptDeleted)
      io.stdout(`KEPT DELETED ${file} (you deleted it; regenerate leaves it so)`);
    for (const file of plan.conflicts)
      io.stderr(`CONFLICT ${file}: resolve the <<<<<<< markers, then regenerate again`);
  }
  if (options.timings === true) io.stderr(JSON.stringify(timer));
  return plan.conflicts.length > 0 ? 2 : 0;
}
