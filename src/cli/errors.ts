/**
 * @module CLI errors and their exit codes: 0 success; 1 bad input or refused (nothing written);
 * 2 verification failure or merge conflict (or, for `run`, a connector or network error);
 * 3 an I/O or internal failure (everything already rolled back).
 */

import { GeneratorError, type GeneratorErrorKind, type Issue } from '../generator/errors.js';

export type ExitCode = 0 | 1 | 2 | 3;
/** The generator's kinds: one hierarchy for generator and CLI errors. */
export type ErrorKind = GeneratorErrorKind;
export type CliIssue = Issue;

/** The exit code of each kind of failure, decided here only (an error may carry its own). */
export const EXIT_BY_KIND: Readonly<Record<ErrorKind, ExitCode>> = {
  usage: 1,
  conflict: 1,
  io: 3,
  internal: 3,
};

/** A failure of the CLI itself (a GeneratorError), reported once at the top level. */
export class CliError extends GeneratorError {
  override readonly name = 'CliError';
  readonly kind: ErrorKind;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(
    message: string,
    kind: ErrorKind,
    exitCode: ExitCode,
    issues: readonly CliIssue[] = [],
    options: { readonly cause?: unknown; readonly hint?: string } = {},
  ) {
    super(message, { issues, ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.kind = kind;
    this.exitCode = exitCode;
    this.hint = options.hint;
  }
}

export function usageError(
  message: string,
  issues: readonly CliIssue[] = [],
  hint?: string,
): CliError {
  return new CliError(message, 'usage', 1, issues, hint === undefined ? {} : { hint });
}

/** The command already printed everything; only the exit code is left. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(readonly exitCode: ExitCode) {
    super(`exit ${exitCode}`);
  }
}
