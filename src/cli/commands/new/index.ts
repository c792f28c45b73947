/**
 * @module `create-connector new [name]`: answers (flags, file, preset, prompts) → a plan → a dry
 * run's diffs, or a confirmed, atomic write. The workspace and registry are read once, and the
 * generator (lifecycle/existing) decides whether the name may be used.
 */

import {
  existingIdViolation,
  isPresetId,
  names,
  type PresetId,
} from '../../../generator/answers/index.js';
import { isGeneratorError } from '../../../generator/errors.js';
import {
  applyPlan,
  nameRefusal,
  planNewConnector,
  readWorkspaceSnapshot,
  takenNames,
  type WorkspaceSnapshot,
} from '../../../generator/lifecycle/index.js';
import { PhaseTimer } from '../../../generator/timings.js';
import { usageError, type ExitCode } from '../../errors.js';
import type { CliIo } from '../../io.js';
import { newNextSteps } from '../../next-steps.js';
import { planReport, printPlan } from '../../output.js';
import { cancelledError, createPromptAdapter, type PromptAdapter } from './prompts.js';
import { resolveAnswers } from './resolve-answers.js';

/** `new`'s options, typed; the answer flags stay as commander gives them (resolve-answers reads them). */
export interface NewOptions {
  readonly name?: string;
  readonly answerFlags: Readonly<Record<string, unknown>>;
  readonly answersFile?: string;
  readonly preset?: PresetId;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly json: boolean;
  readonly timings: boolean;
}

/** Commander's values for `new` as NewOptions; `new Foo --name Bar` is refused as ambiguous. */
export function newOptions(
  positional: string | undefined,
  raw: Readonly<Record<string, unknown>>,
): NewOptions {
  refuseTwoNames(positional, raw['name']);
  return {
    ...(positional === undefined ? {} : { name: positional }),
    answerFlags: raw,
    ...(typeof raw['answers'] === 'string' ? { answersFile: raw['answers'] } : {}),
    ...(typeof raw['preset'] === 'string' && isPresetId(raw['preset'])
      ? { preset: raw['preset'] }
      : {}),
    yes: raw['yes'] === true,
    dryRun: raw['dryRun'] === true,
    force: raw['force'] === true,
    json: raw['json'] === true,
    timings: raw['timings'] === true,
  };
}

export async function newCommand(
  name: string | undefined,
  raw: Readonly<Record<string, unknown>>,
  io: CliIo,
): Promise<ExitCode> {
  const options = newOptions(name, raw);
  const timer = new PhaseTimer();
  const interactive = io.stdinIsTTY && !options.json;
  const prompts = timedPrompts(createPromptAdapter(), timer);
  const snapshot = await timer.measure('registry', () => readWorkspaceSnapshot(io.cwd));
  const answers = await timer.measure('validate', () =>
    resolveAnswers(
      {
        flags: options.answerFlags,
        yes: options.yes,
        interactive,
        ...(options.name === undefined ? {} : { positionalName: options.name }),
        ...(options.answersFile === undefined ? {} : { answersFile: options.answersFile }),
        ...(options.preset === undefined ? {} : { preset: options.preset }),
      },
      { cwd: io.cwd, ...takenNames(snapshot, { force: options.force }), prompts },
    ).catch((error: unknown) => {
      throw alreadyRegistered(error, snapshot, options.force) ?? error;
    }),
  );
  const plan = await planNewConnector({ snapshot, answers, force: options.force, timer });

  if (!options.dryRun && interactive && !options.yes && plan.changes.length > 0) {
    const { name: type, id, dir } = plan.connector;
    io.stdout(`\n${type} (${id}) in ${dir}:`);
    printPlan(await planReport(plan, false), io, false);
    if (!(await prompts.confirm(`Write these ${plan.changes.length} files?`, true))) {
      throw cancelledError();
    }
  }
  if (!options.dryRun) await applyPlan(plan, { timer });
  printPlan(await planReport(plan, options.dryRun), io, options.json);
  if (!options.json && !options.dryRun && plan.changes.length > 0) {
    const written = (suffix: string) =>
      plan.changes.find((change) => change.path.endsWith(suffix))?.path;
    const testFile = written('.test.ts');
    const readme = written('/README.md');
    const { id, name } = plan.connector;
    io.stdout(
      newNextSteps({
        id,
        name,
        flows: answers.flows,
        ...(testFile === undefined ? {} : { testFile }),
        ...(readme === undefined ? {} : { readme }),
      }).join('\n'),
    );
  }
  if (options.timings) io.stderr(JSON.stringify(timer));
  return 0;
}

/** `new Foo --name Bar` is ambiguous. */
function refuseTwoNames(positional: string | undefined, flag: unknown): void {
  if (positional === undefined || flag === undefined || flag === positional) return;
  throw usageError('the name is given twice, with different values', [
    { key: 'name', value: flag, rule: `differs from the positional name "${positional}"` },
  ]);
}

/** The prompts, with the time a person spends answering them kept out of the `validate` phase. */
function timedPrompts(prompts: PromptAdapter, timer: PhaseTimer): PromptAdapter {
  return {
    input: (question) => timer.excluding('validate', () => prompts.input(question)),
    select: (question) => timer.excluding('validate', () => prompts.select(question)),
    checkbox: (question) => timer.excluding('validate', () => prompts.checkbox(question)),
    confirm: (message, defaultValue) => prompts.confirm(message, defaultValue),
  };
}

/**
 * The answers' existing-id refusal of a well-formed name, turned into the generator's refusal
 * that says what to do instead. A name refused for its format keeps that error: it is the real one.
 */
function alreadyRegistered(
  error: unknown,
  snapshot: WorkspaceSnapshot,
  force: boolean,
): Error | undefined {
  if (!isGeneratorError(error, 'usage')) return undefined;
  const ids = snapshot.entries.map((entry) => entry.id);
  for (const issue of error.issues) {
    if (issue.key !== 'name' || typeof issue.value !== 'string') continue;
    const derived = names(issue.value);
    if (issue.rule !== existingIdViolation(derived, ids)) continue;
    return nameRefusal(snapshot, derived, { force });
  }
  return undefined;
}
