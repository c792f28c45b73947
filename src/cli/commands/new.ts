/**
 * @module `create-connector new [name]`: answers (flags, file, preset, prompts) → a plan → a dry
 * run's diffs, or a confirmed, atomic write.
 */

import { isPresetId } from '../../generator/presets.js';
import { applyPlan, planNewConnector, registeredIds } from '../../generator/generate.js';
import { PhaseTimer } from '../../generator/timings.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { planReport, printPlan } from '../output.js';
import { cancelledError, createPromptAdapter } from '../prompts.js';
import { resolveAnswers } from '../resolve-answers.js';

export interface NewOptions extends Record<string, unknown> {
  readonly answers?: string;
  readonly preset?: string;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly json?: boolean;
  readonly timings?: boolean;
}

export async function newCommand(
  name: string | undefined,
  options: NewOptions,
  io: CliIo,
): Promise<ExitCode> {
  const timer = new PhaseTimer();
  const json = options.json === true;
  const interactive = io.stdinIsTTY && !json;
  const prompts = createPromptAdapter();
  const { ids } = await timer.measure('ts-morph', () => registeredIds(io.cwd));
  const answers = await timer.measure('validate', () =>
    resolveAnswers(
      {
        flags: options,
        yes: options.yes === true,
        interactive,
        ...(name === undefined ? {} : { positionalName: name }),
        ...(typeof options.answers === 'string' ? { answersFile: options.answers } : {}),
        ...(typeof options.preset === 'string' && isPresetId(options.preset)
          ? { preset: options.preset }
          : {}),
      },
      // --force regenerates over an existing connector, so its own id is not "taken"
      { cwd: io.cwd, existingIds: options.force === true ? [] : ids, prompts },
    ),
  );
  const plan = await planNewConnector({
    cwd: io.cwd,
    answers,
    force: options.force === true,
    timer,
  });
  const dryRun = options.dryRun === true;

  if (!dryRun && interactive && options.yes !== true && plan.changes.length > 0) {
    printPlan(await planReport(plan, false), io, false);
    if (!(await prompts.confirm(`Write these ${plan.changes.length} files?`, true)))
      throw cancelledError();
  }
  if (!dryRun) await applyPlan(plan, { timer });
  printPlan(await planReport(plan, dryRun), io, json);
  if (!json && !dryRun && plan.changes.length > 0) {
    const test = plan.changes.find((change) => change.path.endsWith('.test.ts'))?.path;
    io.stdout(
      [
        '',
        `Generated ${plan.connector.name} (${plan.connector.id}). Next:`,
        ...(test === undefined ? [] : [`  npx vitest run ${test}`]),
        `  npx create-connector sandbox ${plan.connector.id}`,
      ].join('\n'),
    );
  }
  if (options.timings === true) io.stderr(JSON.stringify(timer));
  return 0;
}
