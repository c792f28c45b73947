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

/** `regenerate`'s options, typed: the changed answers (`--flows` adds or drops flows), and how to report. */
export interface RegenerateOptions {
  /** Answer flags given (every answer but `name`); the manifest's answers give the rest. */
  readonly overrides: Partial<AnswersInput>;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly timings: boolean;
}

/** Commander's values for `regenerate` as RegenerateOptions. */
export function regenerateOptions(raw: Readonly<Record<string, unknown>>): RegenerateOptions {
  const overrides: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) {
    // commander leaves flags that were not passed undefined
    if (key !== 'name' && raw[key] !== undefined) overrides[key] = raw[key];
  }
  return {
    // the planner validates them with the manifest's answers, by the schema's rules
    overrides: overrides as Partial<AnswersInput>,
    dryRun: raw['dryRun'] === true,
    json: raw['json'] === true,
    timings: raw['timings'] === true,
  };
}

export async function regenerateCommand(
  id: string,
  raw: Readonly<Record<string, unknown>>,
  io: CliIo,
): Promise<ExitCode> {
  const options = regenerateOptions(raw);
  const timer = new PhaseTimer();
  const plan = await planRegeneration({ cwd: io.cwd, id, overrides: options.overrides, timer });
  const { dryRun } = options;
  if (!dryRun) await applyPlan(plan, { timer });
  const report = await planReport(plan, dryRun);
  if (options.json) {
    io.stdout(
      JSON.stringify({
        ...report,
        conflicts: plan.conflicts,
        keptDeleted: plan.keptDeleted,
        kept: plan.kept,
      }),
    );
  } else {
    printPlan(report, io, false);
    for (const file of plan.keptDeleted)
      io.stdout(`KEPT DELETED ${file} (you deleted it; regenerate leaves it so)`);
    for (const file of plan.kept) {
      io.stdout(
        file.reason === 'edited'
          ? `KEPT ${file.path}: edited since generation; it is yours now (the answers no longer generate it)`
          : `KEPT ${file.path}: outside the connector's folders, so never deleted; no longer in its manifest`,
      );
    }
    for (const file of plan.conflicts)
      io.stderr(`CONFLICT ${file}: resolve the <<<<<<< markers, then regenerate again`);
  }
  if (options.timings) io.stderr(JSON.stringify(timer));
  return plan.conflicts.length > 0 ? 2 : 0;
}
