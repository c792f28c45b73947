/**
 * @module The change tree (Nx FsTree): reads fall through to the workspace, writes and deletes
 * stay in memory until applied; a write equal to what is on disk records nothing.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ConflictError, IoError } from '../errors.js';
import type { FileChange } from './file-change.js';
import { normalizeTreePath } from './tree-path.js';

export { applyChanges, type ApplyOptions } from './apply.js';
export { normalizeTreePath } from './tree-path.js';
export type { FileChange, FileChangeType } from './file-change.js';

function readDisk(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`cannot read ${file}`, { cause: error, rolledBack: true });
  }
}

/** An in-memory change set over the workspace at `root`. */
export class ChangeTree {
  readonly root: string;
  // null marks a deletion
  readonly #changes = new Map<string, string | null>();
  readonly #disk = new Map<string, Buffer | undefined>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file as it is on disk, ignoring planned changes. */
  original(file: string): string | undefined {
    return this.#original(normalizeTreePath(file))?.toString('utf8');
  }

  /** The file as the plan leaves it. */
  read(file: string): string | undefined {
    const key = normalizeTreePath(file);
    const change = this.#changes.get(key);
    if (change !== undefined) return change ?? undefined;
    return this.#original(key)?.toString('utf8');
  }

  exists(file: string): boolean {
    return this.read(file) !== undefined;
  }

  write(file: string, content: string): void {
    const key = normalizeTreePath(file);
    const disk = this.#original(key);
    if (disk !== undefined && disk.equals(Buffer.from(content, 'utf8'))) {
      this.#changes.delete(key);
    } else {
      this.#changes.set(key, content);
    }
  }

  delete(file: string): void {
    const key = normalizeTreePath(file);
    if (this.#original(key) === undefined) this.#changes.delete(key);
    else this.#changes.set(key, null);
  }

  /** Every effective change, in the order first planned. */
  listChanges(): FileChange[] {
    return [...this.#changes].map(([file, content]): FileChange => {
      if (content === null) return { path: file, type: 'delete' };
      const type = this.#original(file) === undefined ? 'create' : 'update';
      return { path: file, type, content };
    });
  }

  #original(key: string): Buffer | undefined {
    if (!this.#disk.has(key))
      this.#disk.set(key, readDisk(path.join(this.root, ...key.split('/'))));
    return this.#disk.get(key);
  }
}

/**
 * Refuses a plan that would overwrite existing files (changes of type `update`), except the
 * paths the plan is meant to edit (`allowUpdate`, e.g. the registry), unless `force`.
 */
export function refuseExisting(
  changes: readonly FileChange[],
  options: { readonly force: boolean; readonly allowUpdate?: readonly string[] },
): void {
  if (options.force) return;
  const allowed = new Set((options.allowUpdate ?? []).map(normalizeTreePath));
  const existing = changes
    .filter((change) => change.type === 'update' && !allowed.has(change.path))
    .map((change) => change.path);
  if (existing.length === 0) return;
  throw new ConflictError(
    `refusing to overwrite ${existing.length === 1 ? 'an existing file' : `${existing.length} existing files`}: ` +
      `${existing.join(', ')} (force overwrites them)`,
    existing,
  );
}

/**
 * A git-style unified diff of one change against the file's previous content (`before`,
 * undefined when the file is new). Loads the `diff` package on first use.
 */
export async function unifiedDiff(change: FileChange, before: string | undefined): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const patch = createTwoFilesPatch(
    change.type === 'create' ? '/dev/null' : `a/${change.path}`,
    change.type === 'delete' ? '/dev/null' : `b/${change.path}`,
    change.type === 'create' ? '' : (before ?? ''),
    change.type === 'delete' ? '' : (change.content ?? ''),
  );
  // drop the "=====" banner line; keep the ---/+++ headers and hunks
  return patch.replace(/^=+\n/, '');
}
