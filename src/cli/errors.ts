/**
 * @module CLI errors and their exit codes: 0 success; 1 bad input or refused (nothing written);
 * 2 verification failure or merge conflict (or, for `run`, a connector or network error);
 * 3 an I/O or internal failure (everything already rolled back).
 */

export type ExitCode = 0 | 1 | 2 | 3;
export type ErrorKind = 'usage' | 'conflict' | 'io' | 'internal';

export interface CliIssue {
  readonly key: string;
  readonly value?: unknown;
  readonly rule: string;
}

/** A failure the top level reports once, in text or as `{ "error": … }` with --json. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly kind: ErrorKind,
    readonly exitCode: ExitCode,
    readonly issues: readonly CliIssue[] = [],
    options: { readonly cause?: unknown; readonly hint?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  readonly hint: string | undefined;
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
