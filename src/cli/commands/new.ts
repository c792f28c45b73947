/**
 * @module `create-connector new [name]`: answers (flags, file, preset, prompts) → a plan → a dry
 * run's diffs, or a confirmed, atomic write.
 */

import { existsSync } from 'node:fs';

import { isGeneratorError } from '../../generator/errors.js';
import { applyPlan, planNewConnector, registeredIds } from '../../generator/generate.js';
import { names } from '../../generator/names.js';
import { isPresetId } from '../../generator/presets.js';
import { PhaseTimer } from '../../generator/timings.js';
import { connectorPathsById, workspaceFile, type Workspace } from '../../generator/workspace.js';
import { CliError, usageError, type ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { planReport, printPlan } from '../output.js';
import { runCommandFor, SUGGESTED_SANDBOX_PORT } from '../next-steps.js';
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
  const force = options.force === true;
  const interactive = io.stdinIsTTY && !json;
  refuseTwoNames(name, options['name']);
  const prompts = createPromptAdapter();
  const { workspace, ids } = await timer.measure('ts-morph', () => registeredIds(io.cwd));
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
      // --force writes an existing generated connector again, so its own id is not "taken"
      { cwd: io.cwd, existingIds: force ? [] : ids, prompts },
    ).catch((error: unknown) => {
      throw alreadyRegistered(error, workspace, ids) ?? error;
    }),
  );
  const plan = await planNewConnector({ cwd: io.cwd, answers, force, timer });
  const dryRun = options.dryRun === true;

  if (!dryRun && interactive && options.yes !== true && plan.changes.length > 0) {
    const { name: type, id, dir } = plan.connector;
    io.stdout(`\n${type} (${id}) in ${dir}:`);
    printPlan(await planReport(plan, false), io, false);
    if (!(await prompts.confirm(`Write these ${plan.changes.length} files?`, true))) {
      throw cancelledError();
    }
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
        `  npx create-connector sandbox ${plan.connector.id} --port ${SUGGESTED_SANDBOX_PORT}    # the emulator; prints auth.json`,
        `  ${runCommandFor(plan.connector.id, `http://127.0.0.1:${SUGGESTED_SANDBOX_PORT}`)}`,
      ].join('\n'),
    );
  }
  if (options.timings === true) io.stderr(JSON.stringify(timer));
  return 0;
}

/** `new Foo --name Bar` is ambiguous. */
function refuseTwoNames(positional: string | undefined, flag: unknown): void {
  if (positional === undefined || flag === undefined || flag === positional) return;
  throw usageError('the name is given twice, with different values', [
    { key: 'name', value: flag, rule: `differs from the positional name "${positional}"` },
  ]);
}

function isGenerated(workspace: Workspace, id: string): boolean {
  const manifest = connectorPathsById(workspace, id).manifest;
  return existsSync(workspaceFile(workspace, manifest));
}

function takenError(workspace: Workspace, id: string, issues: CliError['issues']): CliError {
  if (isGenerated(workspace, id)) {
    return new CliError(
      `connector "${id}" already exists: run "create-connector regenerate ${id}" to update it, or pass --force to write it again from these answers`,
      'conflict',
      1,
      issues,
    );
  }
  return new CliError(
    `"${id}" is a hand-written connector (it has no manifest): choose another name`,
    'conflict',
    1,
    issues,
  );
}

/** The answers' existing-id refusal, turned into the conflict that says what to do instead. */
function alreadyRegistered(
  error: unknown,
  workspace: Workspace,
  ids: readonly string[],
): CliError | undefined {
  if (!isGeneratorError(error, 'usage')) return undefined;
  for (const issue of error.issues) {
    if (issue.key !== 'name' || typeof issue.value !== 'string') continue;
    const { id } = names(issue.value);
    if (ids.includes(id)) return takenError(workspace, id, error.issues);
  }
  return undefined;
}
