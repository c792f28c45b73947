/**
 * @module The terminal prompts `new` asks: a thin adapter over `@inquirer/prompts` that loads it
 * on first use (so `--help` never does) and turns Ctrl-C into a clean cancel.
 */

import type * as Inquirer from '@inquirer/prompts';

import { CliError } from '../../errors.js';

/** A free-text question; `validate` returns `true` or the rule to show before asking again. */
export interface InputQuestion {
  readonly message: string;
  readonly default?: string;
  readonly validate?: (value: string) => true | string;
}

/** A pick from a fixed list; `default` is where the cursor starts. */
export interface SelectQuestion {
  readonly message: string;
  readonly choices: readonly string[];
  readonly default?: string;
}

/** Any number of picks from a fixed list; `checked` are ticked when it opens. */
export interface CheckboxQuestion {
  readonly message: string;
  readonly choices: readonly string[];
  readonly checked: readonly string[];
}

/** What `new` asks of a terminal; inject another one in tests. */
export interface PromptAdapter {
  input(question: InputQuestion): Promise<string>;
  select(question: SelectQuestion): Promise<string>;
  /** The ticked choices, in the order of `choices` (none is an answer too). */
  checkbox(question: CheckboxQuestion): Promise<string[]>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
}

/** The four `@inquirer/prompts` functions the adapter drives. */
export type PromptFunctions = Pick<typeof Inquirer, 'input' | 'select' | 'checkbox' | 'confirm'>;

export interface PromptAdapterOptions {
  /** Supplies the prompt functions; defaults to importing `@inquirer/prompts`. Called once, on first use. */
  readonly load?: () => Promise<PromptFunctions>;
}

const CANCELLED_MESSAGE = 'Cancelled; nothing was written.';

/**
 * The error a cancelled prompt becomes. Exit 1 ("refused, nothing written") keeps to the CLI's
 * documented exit codes (0–3) rather than the shell's 130 for SIGINT.
 */
export function cancelledError(cause?: unknown): CliError {
  return new CliError(CANCELLED_MESSAGE, 'usage', 1, [], cause === undefined ? {} : { cause });
}

/** Inquirer rejects with ExitPromptError on Ctrl-C and when stdin closes. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

async function cancellable<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (isPromptExit(error)) throw cancelledError(error);
    throw error;
  }
}

const loadInquirer = async (): Promise<PromptFunctions> => import('@inquirer/prompts');

/** The adapter over `@inquirer/prompts` (or over the functions `options.load` supplies). */
export function createPromptAdapter(options: PromptAdapterOptions = {}): PromptAdapter {
  const load = options.load ?? loadInquirer;
  let loaded: Promise<PromptFunctions> | undefined;
  const prompts = (): Promise<PromptFunctions> => (loaded ??= load());

  return {
    input: async (question) => {
      const { input } = await prompts();
      return cancellable(
        input({
          message: question.message,
          ...(question.default === undefined ? {} : { default: question.default }),
          ...(question.validate === undefined ? {} : { validate: question.validate }),
        }),
      );
    },
    select: async (question) => {
      const { select } = await prompts();
      return cancellable(
        select<string>({
          message: question.message,
          choices: question.choices.map((value) => ({ value, name: value })),
          ...(question.default === undefined ? {} : { default: question.default }),
        }),
      );
    },
    checkbox: async (question) => {
      const { checkbox } = await prompts();
      const ticked = await cancellable(
        checkbox<string>({
          message: question.message,
          choices: question.choices.map((value) => ({
            value,
            name: value,
            checked: question.checked.includes(value),
          })),
        }),
      );
      return question.choices.filter((choice) => ticked.includes(choice));
    },
    confirm: async (message, defaultValue) => {
      const { confirm } = await prompts();
      return cancellable(confirm({ message, default: defaultValue }));
    },
  };
}
