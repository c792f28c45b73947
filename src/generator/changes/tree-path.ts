/** @module Workspace-relative posix paths, the only kind the change tree and applyChanges accept. */

import path from 'node:path';

import { InternalError } from '../errors.js';

/** Normalises a workspace-relative posix path, refusing anything that leaves the workspace. */
export function normalizeTreePath(file: string): string {
  const normalized = path.posix.normalize(file.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (
    normalized === '' ||
    normalized === '.' ||
    normalized.endsWith('/') ||
    normalized.startsWith('/') ||
    normalized === '..' ||
    normalized.startsWith('../') ||
    /^[A-Za-z]:/.test(normalized)
  ) {
    throw new InternalError(`not a workspace-relative file path: ${JSON.stringify(file)}`);
  }
  return normalized;
}
