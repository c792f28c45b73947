/** @module `create-connector remove <id>`: unwire a generated connector and delete its files. */

import { applyPlan, planRemoval } from '../../generator/lifecycle/index.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { planReport, printPlan } from '../output.js';

export async function removeCommand(
  id: string,
  options: { readonly dryRun?: boolean; readonly json?: boolean },
  io: CliIo,
): Promise<ExitCode> {
  const plan = await planRemoval({ cwd: io.cwd, id });
  const dryRun = options.dryRun === true;
  if (!dryRun) await applyPlan(plan);
  printPlan(await planReport(plan, dryRun), io, options.json === true);
  return 0;
}
