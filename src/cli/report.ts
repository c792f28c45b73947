/** @module Reports a failure once, at the top: text on stderr, or one JSON document on stdout. */

import {
  CliError,
  EXIT_BY_KIND,
  ExitError,
  type CliIssue,
  type ErrorKind,
  type ExitCode,
} from './errors.js';
import type { CliIo } from './io.js';

interface Classified {
  readonly kind: ErrorKind;
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly issues: readonly CliIssue[];
  readonly hint?: string;
}

function isKind(value: unknown): value is ErrorKind {
  return value === 'usage' || value === 'conflict' || value === 'io' || value === 'internal';
}

/** Generator errors carry `kind` and `issues` as data; anything else is a bug of ours. */
function classify(error: unknown): Classified {
  if (error instanceof CliError) {
    return {
      kind: error.kind,
      exitCode: error.exitCode,
      message: error.message,
      issues: error.issues,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    };
  }
  const candidate = error as {
    kind?: unknown;
    issues?: unknown;
    message?: unknown;
    exitCode?: unknown;
  } | null;
  if (candidate !== null && typeof candidate === 'object' && isKind(candidate.kind)) {
    const own = candidate.exitCode;
    return {
      kind: candidate.kind,
      // a merge conflict is a conflict that exits 2, unlike a refused overwrite
      exitCode: own === 1 || own === 2 || own === 3 ? own : EXIT_BY_KIND[candidate.kind],
      message: String(candidate.message),
      issues: Array.isArray(candidate.issues) ? (candidate.issues as CliIssue[]) : [],
    };
  }
  return {
    kind: 'internal',
    exitCode: 3,
    message: error instanceof Error ? error.message : String(error),
    issues: [],
    hint: 'This is a bug in create-connector: please file an issue with the command you ran.',
  };
}

function describeIssue(issue: CliIssue): string {
  const value = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`;
  return `  - ${issue.key}: ${issue.rule}${value}`;
}

export function reportError(
  error: unknown,
  io: CliIo,
  options: { readonly json: boolean; readonly verbose: boolean },
): ExitCode {
  if (error instanceof ExitError) return error.exitCode;
  const failure = classify(error);
  if (options.json) {
    io.stdout(
      JSON.stringify({
        error: {
          kind: failure.kind,
          message: failure.message,
          issues: failure.issues,
          ...(failure.hint === undefined ? {} : { hint: failure.hint }),
        },
      }),
    );
  } else {
    const lines = [`error: ${failure.message}`, ...failure.issues.map(describeIssue)];
    if (failure.hint !== undefined) lines.push(failure.hint);
    io.stderr(lines.join('\n'));
  }
  if (options.verbose && error instanceof Error) {
    io.stderr(error.stack ?? String(error));
    if (error.cause !== undefined)
      io.stderr(`Caused by: ${String((error.cause as Error).stack ?? error.cause)}`);
  } else if (failure.kind === 'internal') {
    io.stderr('Pass --verbose to see the stack trace.');
  }
  return failure.exitCode;
}
