/**
 * @module Typed generator errors. Each carries a `kind` the CLI maps to an exit code
 * (usage 1, conflict 1, io 3, internal 3) and, for bad input, the issues as data.
 */

export type GeneratorErrorKind = 'usage' | 'conflict' | 'io' | 'internal';

/** One refused input: which key, what value (omitted when absent), which rule it broke. */
export interface Issue {
  readonly key: string;
  readonly value?: unknown;
  readonly rule: string;
}

interface GeneratorErrorOptions {
  readonly issues?: readonly Issue[];
  readonly cause?: unknown;
}

/** Base of every error the generator throws on purpose. */
export abstract class GeneratorError extends Error {
  abstract readonly kind: GeneratorErrorKind;
  readonly issues: readonly Issue[];

  protected constructor(message: string, options: GeneratorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options.issues ?? [];
  }
}

/** The input was refused (answers, workspace config, registry, manifest); nothing was written. */
export class UsageError extends GeneratorError {
  override readonly name: string = 'UsageError';
  readonly kind = 'usage';

  constructor(message: string, options: GeneratorErrorOptions = {}) {
    super(message, options);
  }
}

/** Files the plan would overwrite already exist; nothing was written. */
export class ConflictError extends GeneratorError {
  override readonly name = 'ConflictError';
  readonly kind = 'conflict';
  /** Workspace-relative paths that are in the way. */
  readonly paths: readonly string[];

  /** `issues` defaults to one per path ("already exists"). */
  constructor(message: string, paths: readonly string[], issues?: readonly Issue[]) {
    super(message, {
      issues: issues ?? paths.map((path) => ({ key: path, rule: 'already exists' })),
    });
    this.paths = paths;
  }
}

/** A three-way merge left (or found) conflict markers; the CLI exits 2. */
export class MergeConflictError extends GeneratorError {
  override readonly name = 'MergeConflictError';
  readonly kind = 'conflict';
  readonly exitCode = 2;
  readonly paths: readonly string[];

  constructor(message: string, paths: readonly string[]) {
    super(message, {
      issues: paths.map((path) => ({ key: path, rule: 'has unresolved conflict markers' })),
    });
    this.paths = paths;
  }
}

/** Reading or writing the workspace failed; `rolledBack` says whether every touched file was restored. */
export class IoError extends GeneratorError {
  override readonly name = 'IoError';
  readonly kind = 'io';
  readonly rolledBack: boolean;
  /** Paths that could not be restored (empty when `rolledBack`). */
  readonly unrestored: readonly string[];

  constructor(
    message: string,
    options: GeneratorErrorOptions & {
      readonly rolledBack?: boolean;
      readonly unrestored?: readonly string[];
    } = {},
  ) {
    super(message, options);
    this.rolledBack = options.rolledBack ?? true;
    this.unrestored = options.unrestored ?? [];
  }
}

/** A bug or a broken invariant inside the generator. */
export class InternalError extends GeneratorError {
  override readonly name = 'InternalError';
  readonly kind = 'internal';

  constructor(message: string, options: GeneratorErrorOptions = {}) {
    super(message, options);
  }
}

export type RegistryErrorReason =
  | 'syntax'
  | 'missing-declaration'
  | 'duplicate-declaration'
  | 'not-object-literal'
  | 'unsupported-entry'
  | 'unknown-import'
  | 'duplicate-id'
  | 'already-registered'
  | 'not-registered';

/** The registry file cannot be read or edited safely; nothing was changed. */
export class RegistryError extends UsageError {
  override readonly name = 'RegistryError';
  readonly reason: RegistryErrorReason;

  constructor(reason: RegistryErrorReason, message: string, issues: readonly Issue[] = []) {
    super(message, { issues });
    this.reason = reason;
  }
}

/** Type guard that also narrows by kind: `isGeneratorError(e, 'usage')`. */
export function isGeneratorError<K extends GeneratorErrorKind>(
  error: unknown,
  kind?: K,
): error is GeneratorError & { readonly kind: K } {
  return error instanceof GeneratorError && (kind === undefined || error.kind === kind);
}
