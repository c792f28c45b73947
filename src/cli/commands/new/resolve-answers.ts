/**
 * @module The answers of `new` (DESIGN §3, §7): flag (and positional name) > answers file >
 * preset > prompt (on a terminal, without --yes) > default, validated once by the generator.
 */

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import {
  ANSWER_KEYS,
  ANSWER_META,
  answerDefault,
  CROSS_FIELD_RULES,
  flowsOf,
  isAnswerKey,
  missingRequiredKeys,
  parseAnswers,
  PRESETS,
  promptValidator,
  validateAnswer,
  type AnswerIssue,
  type AnswerKey,
  type Answers,
  type PresetId,
} from '../../../generator/answers/index.js';
import { UsageError } from '../../../generator/errors.js';
import { shellWord } from '../../../generator/try-commands.js';
import { usageError, type CliError } from '../../errors.js';
import { NO_ITEMS } from '../../program-options.js';
import { createPromptAdapter, type PromptAdapter } from './prompts.js';

export interface ResolveAnswersInput {
  /** `create-connector new <name>`. */
  readonly positionalName?: string;
  /** Commander's camelCase option values; keys that are not answer keys are ignored. */
  readonly flags: Readonly<Record<string, unknown>>;
  /** `--answers`, relative to the context's cwd. */
  readonly answersFile?: string;
  readonly preset?: PresetId;
  readonly yes: boolean;
  /** stdin is a terminal and --json is off. */
  readonly interactive: boolean;
}

export interface ResolveAnswersContext {
  readonly cwd: string;
  /** Ids already registered; a name deriving one of them is refused. */
  readonly existingIds: readonly string[];
  /** Defaults to the `@inquirer/prompts` adapter; only used when asking. */
  readonly prompts?: PromptAdapter;
}

type AnswerValues = Record<string, unknown>;

/**
 * Merges the sources by precedence, asks for what is missing when it may, and validates the
 * result with `parseAnswers`. Throws the generator's `UsageError` (with every issue) for refused
 * values and a CLI usage error (with a command that would work as its hint) for missing answers.
 */
export async function resolveAnswers(
  input: ResolveAnswersInput,
  context: ResolveAnswersContext,
): Promise<Answers> {
  const fromFlags = flagValues(input);
  const fromFile =
    input.answersFile === undefined ? {} : await readAnswersFile(input.answersFile, context.cwd);
  const fromPreset: AnswerValues = input.preset === undefined ? {} : { ...PRESETS[input.preset] };
  const given = { ...fromPreset, ...fromFile, ...fromFlags };
  const ask = input.interactive && !input.yes;
  const unknown = unknownAnswers(given, ask);

  const fileIssues = checkValues(fromFile, given, { unknown });
  if (fileIssues.length > 0) {
    throw new UsageError(`the answers file ${input.answersFile ?? ''} was refused`, {
      issues: fileIssues,
    });
  }
  const issues = checkValues(given, given, { unknown, existingIds: context.existingIds });
  if (!ask) {
    const missing = missingRequiredKeys(given);
    if (missing.length > 0) {
      throw missingAnswersError(missing, issues, input, { fromPreset, fromFile, fromFlags });
    }
  }
  if (issues.length > 0) throw refusedError(issues);

  const answered = ask
    ? await askMissing(given, context.prompts ?? createPromptAdapter(), context.existingIds)
    : given;
  const parsed = parseAnswers(answered, { existingIds: context.existingIds });
  if (!parsed.ok) throw refusedError(parsed.issues);
  return parsed.answers;
}

function flagValues(input: ResolveAnswersInput): AnswerValues {
  const values: AnswerValues = {};
  for (const key of ANSWER_KEYS) {
    const value = input.flags[key];
    // commander leaves flags that were not passed undefined (defaults only show in --help)
    if (value === undefined) continue;
    // commander splits a list flag (program-options' listOf); a caller may pass its text
    values[key] =
      ANSWER_META[key].list === true && typeof value === 'string' ? listItems(value) : value;
  }
  if (input.positionalName !== undefined) values['name'] = input.positionalName;
  return values;
}

/** A list flag's text: comma-separated items, `none` (or nothing) for an empty list. */
function listItems(text: string): string[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length === 1 && items[0] === NO_ITEMS ? [] : items;
}

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return READ_FAILURES[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

/** Reads `--answers`: a JSON object whose keys are checked later, with the other sources. */
async function readAnswersFile(path: string, cwd: string): Promise<AnswerValues> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the answers file ${path}`, {
      issues: [{ key: 'answers', value: path, rule: `cannot be read (${readFailure(error)})` }],
      cause: error,
    });
  }
  let content: unknown;
  try {
    // editors on Windows may save a byte-order mark, which JSON.parse refuses
    content = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`the answers file ${path} is not valid JSON`, {
      issues: [{ key: 'answers', value: path, rule: `must be valid JSON (${reason})` }],
      cause: error,
    });
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new UsageError(`the answers file ${path} was refused`, {
      issues: parseAnswers(content).issues ?? [],
    });
  }
  return content as AnswerValues;
}

/**
 * The answers the cross-field rules depend on that are not known yet: still to be asked, or
 * refused. The rules that depend on them are judged later, once they are (the table says which).
 */
function unknownAnswers(given: AnswerValues, ask: boolean): ReadonlySet<string> {
  const dependencies = new Set(CROSS_FIELD_RULES.flatMap((rule) => rule.after));
  return new Set(
    [...dependencies].filter((key) =>
      given[key] === undefined ? ask : !validateAnswer(key as AnswerKey, given[key]).ok,
    ),
  );
}

/** The issues of each given value, by the same rules `parseAnswers` applies. */
function checkValues(
  values: AnswerValues,
  given: AnswerValues,
  options: { readonly unknown: ReadonlySet<string>; readonly existingIds?: readonly string[] },
): AnswerIssue[] {
  const context = {
    answers: given,
    unknown: options.unknown,
    ...(options.existingIds === undefined ? {} : { existingIds: options.existingIds }),
  };
  const issues = Object.entries(values).flatMap(([key, value]): readonly AnswerIssue[] => {
    // validateAnswer words an unknown key exactly as parseAnswers does
    return validateAnswer(key as AnswerKey, value, context).issues ?? [];
  });
  return sortIssues(issues);
}

function sortIssues(issues: readonly AnswerIssue[]): AnswerIssue[] {
  const order = (key: string) => (isAnswerKey(key) ? ANSWER_KEYS.indexOf(key) : ANSWER_KEYS.length);
  return [...issues].sort((a, b) => order(a.key) - order(b.key));
}

function refusedError(issues: readonly AnswerIssue[]): UsageError {
  return new UsageError('the answers were refused', { issues });
}

/** Asks every key not given, in declaration order; each default follows the answers so far. */
async function askMissing(
  given: AnswerValues,
  prompts: PromptAdapter,
  existingIds: readonly string[],
): Promise<AnswerValues> {
  const answers: AnswerValues = { ...given };
  for (const key of ANSWER_KEYS) {
    if (answers[key] !== undefined) continue;
    // a flow's endpoint is asked only when the flow is chosen (it is refused otherwise)
    const flow = ANSWER_META[key].flow;
    if (flow !== undefined && !flowsOf(answers).includes(flow)) continue;
    answers[key] = await askOne(key, { ...answers }, prompts, existingIds);
  }
  return answers;
}

function askOne(
  key: AnswerKey,
  answersSoFar: AnswerValues,
  prompts: PromptAdapter,
  existingIds: readonly string[],
): Promise<string | string[]> {
  const meta = ANSWER_META[key];
  const preFilled = answerDefault(key, answersSoFar);
  const withDefault = preFilled === undefined ? {} : { default: preFilled };
  if (meta.choices !== undefined && meta.list === true) {
    // all ticked by default, as the answer's default is every choice
    const checked = preFilled === undefined ? [] : preFilled.split(',');
    return prompts.checkbox({ message: meta.prompt, choices: meta.choices, checked });
  }
  if (meta.choices !== undefined) {
    return prompts.select({ message: meta.prompt, choices: meta.choices, ...withDefault });
  }
  return prompts.input({
    message: meta.prompt,
    ...withDefault,
    validate: promptValidator(key, { answers: answersSoFar, existingIds }),
  });
}

interface AnswerSources {
  readonly fromPreset: AnswerValues;
  readonly fromFile: AnswerValues;
  readonly fromFlags: AnswerValues;
}

function missingAnswersError(
  missing: readonly AnswerKey[],
  issues: readonly AnswerIssue[],
  input: ResolveAnswersInput,
  sources: AnswerSources,
): CliError {
  const reason = input.yes
    ? '--yes takes defaults, and these have none'
    : 'there is no terminal to ask on';
  const required = missing.map((key): AnswerIssue => ({ key, rule: 'is required' }));
  return usageError(
    `missing required answer${missing.length === 1 ? '' : 's'}: ${missing.join(', ')} (${reason})`,
    sortIssues([...required, ...issues]),
    `A command that would work:\n  ${suggestCommand(input, sources, issues)}`,
  );
}

/**
 * The one-line command that would work: what was given, minus refused values, plus the
 * declared example of every required answer still missing.
 */
function suggestCommand(
  input: ResolveAnswersInput,
  sources: AnswerSources,
  issues: readonly AnswerIssue[],
): string {
  const refused = new Set(issues.map((found) => found.key));
  const keep = (values: AnswerValues) =>
    Object.fromEntries(Object.entries(values).filter(([key]) => !refused.has(key)));
  const flags = keep(sources.fromFlags);
  const supplied = { ...keep(sources.fromPreset), ...keep(sources.fromFile), ...flags };
  for (const key of missingRequiredKeys(supplied)) {
    flags[key] = ANSWER_META[key].example ?? `<${ANSWER_META[key].flag}>`;
  }

  const words = ['create-connector', 'new'];
  if (flags['name'] !== undefined) words.push(shellWord(String(flags['name'])));
  if (input.preset !== undefined) words.push('--preset', input.preset);
  if (input.answersFile !== undefined) words.push('--answers', shellWord(input.answersFile));
  for (const key of ANSWER_KEYS) {
    const value = flags[key];
    if (key === 'name' || value === undefined) continue;
    words.push(`--${ANSWER_META[key].flag}`, shellWord(flagText(value)));
  }
  words.push('--yes');
  return words.join(' ');
}

/** A value as its flag spells it: a list comma-separated, or `none`. */
function flagText(value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  return value.length === 0 ? NO_ITEMS : value.join(',');
}
