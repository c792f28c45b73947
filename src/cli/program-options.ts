/**
 * @module The options several commands share, for `main.ts`: answer flags from the derived
 * table, `--target`, `--cwd/--json/--verbose`, and what a flow call reads (auth, payment, flow,
 * timeout). Static tables only: nothing heavy loads at start-up.
 */

import { InvalidArgumentError, Option, type Command } from 'commander';

import { ANSWER_FLAGS } from './answer-flags.generated.js';
import { RUN_FLOWS } from './run-flows.js';

export interface CommonOptions {
  readonly cwd?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
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
    // a list's items are checked with the answers, which name the key and the bad item
    if (field.choices !== undefined && field.list !== true) option.choices(field.choices);
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
