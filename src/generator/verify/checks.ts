/** @module What one `verify` check reports, and the helpers every check builds its report with. */

import path from 'node:path';

import { packageRoot } from '../package-info.js';

export const VERIFY_CHECKS = [
  'samples-render',
  'samples-compile',
  'samples-test',
  'presets',
  'registry',
] as const;
/** The checks of a workspace outside this repository (verify-workspace.ts). */
export const WORKSPACE_CHECKS = ['registry', 'drift', 'load', 'tests'] as const;
export type VerifyCheckName = (typeof VERIFY_CHECKS)[number] | (typeof WORKSPACE_CHECKS)[number];

export interface VerifyProblem {
  /** The file at fault, relative to the package root when inside it. */
  readonly file?: string;
  readonly message: string;
  /** Unified diff from the stored file to what it should be. */
  readonly diff?: string;
  /** Tool output (tsc, vitest) behind the problem. */
  readonly detail?: string;
}

export interface VerifyCheck {
  readonly name: VerifyCheckName;
  readonly ok: boolean;
  /** One line on what was checked. */
  readonly summary: string;
  readonly problems: readonly VerifyProblem[];
  /** What the check deliberately leaves out. */
  readonly notes?: readonly string[];
}

/** A check's result: ok when it found no problem. */
export function checkResult(
  name: VerifyCheckName,
  summary: string,
  problems: readonly VerifyProblem[],
  notes?: readonly string[],
): VerifyCheck {
  return {
    name,
    ok: problems.length === 0,
    summary,
    problems,
    ...(notes === undefined || notes.length === 0 ? {} : { notes }),
  };
}

/** A path as reports show it: relative to the package root when inside it, else absolute. */
export function displayPath(absolute: string): string {
  const relative = path.relative(packageRoot(), absolute);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? absolute
    : relative.split(path.sep).join('/');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
