/**
 * @module The options several commands share, for `main.ts`: answer flags from the derived
 * table, `--target`, `--cwd/--json/--verbose`, and what a flow call reads (auth, payment, flow,
 * timeout). Static tables only: nothing heavy loads at start-up.
 */

import { InvalidArgumentError, Option, type Command } from './commander.js';

import { ANSWER_FLAGS } from './answer-flags.generated.js';
import { RUN_FLOWS } from './run-flows.js';

export interface CommonOptions {
  readonly cwd?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
}

/** What a list flag's value says there is none of: `--flows none` (or `--flows ''`). */
export const NO_ITEMS = 'none';

/**
 * A commander parser for a list answer's flag: comma-separated `choices`, each at most once, or
 * `none` (or nothing) for an empty list. Anything else is a usage error naming the item.
 */
export function listOf(choices: readonly string[]): (value: string) => string[] {
  return (value) => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (items.length === 1 && items[0] === NO_ITEMS) return [];
    const unknown = items.find((item) => !choices.includes(item));
    if (unknown !== undefined) {
      throw new InvalidArgumentError(
        `"${unknown}" is not one of ${choices.join(', ')} (comma-separated, or ${NO_ITEMS}).`,
      );
    }
    return items;
  };
}

/** Every answer key as a kebab-case flag, from the table derived from the answers schema. */
export function addAnswerFlags(command: Command, skip: readonly string[] = []): Command {
  for (const field of ANSWER_FLAGS) {
    if (skip.includes(field.key)) continue;
    // the default goes into the text: a real default would hide which flags were given
    const description =
      field.default === undefined
        ? field.description
        : `${field.description} (default: ${field.default})`;
    const option = new Option(`--${field.flag} <value>`, description);
    if (field.choices !== undefined && field.list === true) {
      option.argParser(listOf(field.choices));
    } else if (field.choices !== undefined) option.choices(field.choices);
    command.addOption(option);
  }
  return command;
}

/** A commander parser for a whole number in [min, max]; anything else is a usage error. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) {
      throw new InvalidArgumentError(`Must be a whole number from ${min} to ${max}.`);
    }
    return parsed;
  };
}

/** `--target ts|ucs` and `--ucs-dir`: the Rust target's commands live in commands/ucs.ts. */
export function targetOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--target <target>', 'ts (this workspace) or ucs (a connector-service checkout)')
        .choices(['ts', 'ucs'])
        .default('ts'),
    )
    .option('--ucs-dir <dir>', 'with --target ucs: the seed-era connector-service checkout');
}

/** The TypeScript commands' options as before `--target` existed. */
export function withoutTarget<T extends object>(options: T): T {
  const { target: _target, ...rest } = options as T & { target?: unknown };
  return rest as T;
}

export const isUcs = (options: object): boolean =>
  (options as { target?: unknown }).target === 'ucs';

export function common(command: Command, json = true): Command {
  command.option('--cwd <dir>', 'workspace directory (default: the current directory)');
  if (json) command.option('--json', 'print one JSON document on stdout');
  return command.option('--verbose', 'print stack traces of failures');
}

/** `--auth`, `--payment`, `--flow` and `--timeout`, read alike by `run` and `record`. */
export function flowCallOptions(command: Command, flowHelp: string): Command {
  return command
    .requiredOption(
      '--auth <file>',
      'credentials: {"type":"SignatureKey","apiKey":…,"key1":…,"apiSecret":…}',
    )
    .requiredOption('--payment <file>', 'the payment (see the README for its members)')
    .addOption(new Option('--flow <flow>', flowHelp).choices(RUN_FLOWS).default('authorize'))
    .option('--timeout <ms>', 'per-request timeout in milliseconds', integerIn(1, 2_147_483_647));
}
