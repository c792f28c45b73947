/**
 * @module Applies a change set to disk all-or-nothing: each file is written to a temporary file
 * beside it and renamed into place; on any failure every touched file gets its previous bytes
 * back, created files and directories are removed, and a typed IoError is thrown.
 */

import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { IoError } from '../errors.js';
import { normalizeTreePath } from './tree-path.js';
import type { FileChange } from './file-change.js';

export interface ApplyOptions {
  /** Test hook: fail after this many file operations have completed (0 fails before the first). */
  readonly failAfter?: number;
  /**
   * Workspace-relative directories (and their parents) never removed when a delete empties them,
   * e.g. the workspace's connectors and tests folders, which outlive any one connector.
   */
  readonly keepDirs?: readonly string[];
}

/** What a file looked like before we touched it. */
interface Snapshot {
  readonly file: string;
  readonly bytes: Buffer | undefined;
  readonly mode: number | undefined;
}

/** The failure `failAfter` injects. */
export class InjectedFailure extends Error {
  override readonly name = 'InjectedFailure';
}

function isErrno(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

async function snapshot(file: string): Promise<Snapshot> {
  try {
    const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
    return { file, bytes, mode: info.mode & 0o7777 };
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { file, bytes: undefined, mode: undefined };
    throw error;
  }
}

/** Creates the missing ancestors of `dir`, returning those it created, outermost first. */
async function ensureDir(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return [];
  const created: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    created.unshift(current);
    if (current === first || path.dirname(current) === current) return created;
  }
}

async function writeAtomic(
  file: string,
  bytes: Buffer | string,
  mode: number | undefined,
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

/** Removes empty directories from `dir` up to (not including) `root`. */
async function pruneEmptyDirs(dir: string, root: string, keep: ReadonlySet<string>): Promise<void> {
  for (
    let current = dir;
    current !== root && current.startsWith(root + path.sep) && !keep.has(current);
    current = path.dirname(current)
  ) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}

async function rollback(
  snapshots: readonly Snapshot[],
  createdDirs: readonly string[],
): Promise<string[]> {
  const unrestored: string[] = [];
  for (const { file, bytes, mode } of [...snapshots].reverse()) {
    try {
      if (bytes === undefined) {
        await removeFile(file);
      } else {
        await mkdir(path.dirname(file), { recursive: true });
        await writeAtomic(file, bytes, mode);
      }
    } catch {
      unrestored.push(file);
    }
  }
  for (const dir of [...createdDirs].reverse()) {
    await rmdir(dir).catch(() => undefined);
  }
  return unrestored;
}

/**
 * Writes `changes` under `root` atomically per file and all-or-nothing as a whole. Directories
 * are created as needed; directories a delete leaves empty are removed.
 */
export async function applyChanges(
  root: string,
  changes: readonly FileChange[],
  options: ApplyOptions = {},
): Promise<void> {
  const base = path.resolve(root);
  // refuse a path that would leave the workspace before touching anything
  const targets = changes.map((change) =>
    path.join(base, ...normalizeTreePath(change.path).split('/')),
  );
  const snapshots: Snapshot[] = [];
  const createdDirs: string[] = [];
  const emptied = new Set<string>();
  let done = 0;
  const checkpoint = (): void => {
    if (options.failAfter === done) {
      throw new InjectedFailure(`injected failure after ${done} file operation(s)`);
    }
  };
  try {
    for (const [index, change] of changes.entries()) {
      checkpoint();
      const file = targets[index] as string;
      snapshots.push(await snapshot(file));
      if (change.type === 'delete') {
        await removeFile(file);
        emptied.add(path.dirname(file));
      } else {
        createdDirs.push(...(await ensureDir(path.dirname(file))));
        await writeAtomic(file, change.content ?? '', snapshots.at(-1)?.mode);
      }
      done += 1;
    }
    checkpoint();
  } catch (cause) {
    const unrestored = await rollback(snapshots, createdDirs);
    const reason = cause instanceof Error ? cause.message : String(cause);
    const outcome =
      unrestored.length === 0
        ? 'every touched file was restored'
        : `could not restore ${unrestored.join(', ')}`;
    throw new IoError(`applying the changes failed (${reason}); ${outcome}`, {
      cause,
      rolledBack: unrestored.length === 0,
      unrestored,
    });
  }
  const keep = new Set<string>();
  for (const dir of options.keepDirs ?? []) {
    for (
      let current = path.join(base, ...dir.split('/'));
      current.startsWith(base + path.sep);
      current = path.dirname(current)
    ) {
      keep.add(current);
    }
  }
  for (const dir of emptied) await pruneEmptyDirs(dir, base, keep);
}
