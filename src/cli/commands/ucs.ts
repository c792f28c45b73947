/**
 * @module `new|remove|verify --target ucs`: the Rust target's commands, thin over
 * src/generator/ucs. Output: the file list (with unified diffs on --dry-run), or with --json one
 * object `{ target, dryRun, connector: { name, snake, protoName }, created, updated }`.
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';

import type * as UcsApi from '../../generator/ucs/index.js';

type UcsModule = typeof UcsApi;
const load = (): Promise<UcsModule> => import('../../generator/ucs/index.js');

export interface UcsCommandOptions {
  readonly ucsDir?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly force?: boolean;
}

/** The answer flags the Rust target reads, by their camelCase option names. */
const ANSWER_OPTIONS = [
  'baseUrl',
  'baseUrlProduction',
  'amountType',
  'currencyUnit',
  'contentType',
  'authType',
  'sessionTokenEndpoint',
  'authorizeEndpoint',
  'tokenPlacement',
  'tokenName',
] as const;

async function requireUcsDir(
  options: UcsCommandOptions,
  io: CliIo,
  ucs: UcsModule,
): Promise<string> {
  if (options.ucsDir === undefined) {
    const rule = 'is required with --target ucs (the connector-service checkout to edit)';
    throw new ucs.UsageError(`--ucs-dir ${rule}`, { issues: [{ key: 'ucsDir', rule }] });
  }
  return path.resolve(io.cwd, options.ucsDir);
}

/** Flags over the answers file, as the TypeScript target does. */
async function collectAnswers(
  name: string | undefined,
  options: Readonly<Record<string, unknown>>,
  io: CliIo,
  ucs: UcsModule,
): Promise<UcsApi.UcsAnswers> {
  const file = typeof options['answers'] === 'string' ? options['answers'] : undefined;
  const fromFile =
    file === undefined
      ? {}
      : (JSON.parse(await readFile(path.resolve(io.cwd, file), 'utf8')) as Record<string, unknown>);
  const answers: Record<string, unknown> = { ...fromFile };
  for (const key of ANSWER_OPTIONS)
    if (typeof options[key] === 'string') answers[key] = options[key];
  if (typeof options['authFields'] === 'string')
    answers['authFields'] = options['authFields'].split(',').map((f) => f.trim());
  const givenName = name ?? (typeof options['name'] === 'string' ? options['name'] : undefined);
  if (givenName !== undefined) answers['name'] = givenName;
  const missing = ['name', 'baseUrl', 'sessionTokenEndpoint', 'authorizeEndpoint'].filter(
    (key) => typeof answers[key] !== 'string',
  );
  if (missing.length > 0) {
    throw new ucs.UsageError(`missing answers for --target ucs: ${missing.join(', ')}`, {
      issues: missing.map((key) => ({ key, rule: 'is required' })),
    });
  }
  return answers as unknown as UcsApi.UcsAnswers;
}

async function report(
  plan: UcsApi.UcsPlan,
  name: string,
  options: UcsCommandOptions,
  io: CliIo,
  ucs: UcsModule,
): Promise<void> {
  const dryRun = options.dryRun === true;
  const of = (type: string): string[] =>
    plan.changes.filter((change) => change.type === type).map((change) => change.path);
  if (options.json === true) {
    const deleted = of('delete');
    io.stdout(
      JSON.stringify({
        target: 'ucs',
        dryRun,
        connector: { name, snake: plan.names.snake, protoName: plan.names.proto },
        created: of('create'),
        updated: of('update'),
        ...(deleted.length > 0 ? { deleted } : {}),
      }),
    );
    return;
  }
  if (plan.changes.length === 0) {
    io.stdout(`Nothing to do: ${plan.names.snake} is already wired as these answers make it.`);
    return;
  }
  const lines = plan.changes.map(
    (change) => `${change.type.toUpperCase().padEnd(6)} ${change.path}`,
  );
  if (dryRun) {
    for (const change of plan.changes)
      lines.push('', (await ucs.unifiedDiff(change, plan.before.get(change.path))).trimEnd());
    lines.push('', 'Dry run: nothing was written.');
  }
  if (!plan.formatted)
    lines.push('', 'note: rustfmt is not installed; the created files are as rendered.');
  io.stdout(lines.join('\n'));
}

export async function newUcsCommand(
  name: string | undefined,
  options: UcsCommandOptions & Readonly<Record<string, unknown>>,
  io: CliIo,
): Promise<ExitCode> {
  const ucs = await load();
  const ucsDir = await requireUcsDir(options, io, ucs);
  const answers = await collectAnswers(name, options, io, ucs);
  const plan = await ucs.planUcsNew({ ucsDir, answers });
  if (options.dryRun !== true) await ucs.applyUcsPlan(plan);
  await report(plan, answers.name, options, io, ucs);
  return 0;
}

export async function removeUcsCommand(
  id: string,
  options: UcsCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const ucs = await load();
  const ucsDir = await requireUcsDir(options, io, ucs);
  const plan = await ucs.planUcsRemove({ ucsDir, name: id, force: options.force === true });
  if (options.dryRun !== true) await ucs.applyUcsPlan(plan);
  await report(plan, id, options, io, ucs);
  return 0;
}

/**
 * Without --ucs-dir: the Rust samples re-render byte for byte and type-check against the mock.
 * With --ucs-dir and --name: the offline checks of that connector in the checkout.
 */
export async function verifyUcsCommand(
  options: UcsCommandOptions & { readonly name?: string },
  io: CliIo,
): Promise<ExitCode> {
  const ucs = await load();
  const lines: string[] = [];
  let ok = true;
  let result: unknown;
  if (options.ucsDir === undefined) {
    const drift = await ucs.checkUcsSamples();
    const cases = await ucs.listUcsSamples(ucs.defaultUcsSamplesDir());
    ok = drift.length === 0;
    lines.push(
      `${ok ? 'ok  ' : 'FAIL'} ucs-samples: ${cases.length} Rust samples ${ok ? 're-render byte for byte' : 'differ from a fresh render'}`,
    );
    for (const found of drift) lines.push(`     - ${found.case}/${found.path}: ${found.kind}`);
    const mock = await ucs.checkUcsSamplesAgainstMock();
    if (mock === undefined)
      lines.push(
        'skip ucs-mock: cargo is not installed or the mock crate is absent; Rust type-check skipped',
      );
    else {
      ok &&= mock.ok;
      lines.push(
        `${mock.ok ? 'ok  ' : 'FAIL'} ucs-mock: the samples type-check against the mock crate (${(mock.ms / 1000).toFixed(1)} s)`,
      );
      for (const error of mock.errors) lines.push(`     - ${error}`);
    }
    result = { target: 'ucs', ok, drift, mock: mock ?? null };
  } else {
    if (options.name === undefined) {
      throw new ucs.UsageError('verify --target ucs --ucs-dir needs --name <connector>', {
        issues: [{ key: 'name', rule: 'is required with --ucs-dir' }],
      });
    }
    const checked = await ucs.checkUcsConnector({
      ucsDir: await requireUcsDir(options, io, ucs),
      name: options.name,
      mockDir: ucs.defaultMockDir(),
    });
    ok = checked.ok;
    for (const check of checked.checks) {
      lines.push(
        `${check.status === 'pass' ? 'ok  ' : check.status === 'fail' ? 'FAIL' : 'skip'} ${check.name}`,
      );
      for (const problem of check.problems) lines.push(`     - ${problem}`);
    }
    result = { target: 'ucs', ...checked };
  }
  lines.push(ok ? 'verify --target ucs: passed' : 'verify --target ucs: failed');
  io.stdout(options.json === true ? JSON.stringify(result) : lines.join('\n'));
  return ok ? 0 : 2;
}
