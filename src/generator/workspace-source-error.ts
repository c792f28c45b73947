/**
 * @module The error for a workspace file that cannot be loaded (its file, line and reason), and
 * the conflict-marker check that comes before any compiling: both read where the compiler is not.
 */

import { UsageError } from './errors.js';

/** A workspace file that does not compile: the file, the position and the compiler's message. */
export class WorkspaceSourceError extends UsageError {
  override readonly name = 'WorkspaceSourceError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`, {
      issues: [{ key: 'file', value: file, rule: reason }],
    });
  }
}

const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?: |$)/m;

/** The error for a file that still holds merge conflict markers, if it does. */
export function conflictMarkerError(
  file: string,
  source: string,
): WorkspaceSourceError | undefined {
  const conflict = CONFLICT_MARKER.exec(source);
  if (conflict === null) return undefined;
  const line = source.slice(0, conflict.index).split('\n').length;
  return new WorkspaceSourceError(file, line, 1, `resolve the conflict markers in ${file}`);
}
