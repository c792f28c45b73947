/**
 * @module The built package for end-to-end tests. Builds (and packs) run under one lock across
 * test files and workers, since they all write this repository's dist/; a build is skipped when
 * the sources are unchanged since the last one made under the lock. Tests get a copy of the
 * package, so a later rebuild cannot change it under them.
 */

import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runChild } from './child.js';
import { REPO_ROOT } from './workspace.js';

const KEY = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
const LOCK = path.join(tmpdir(), `create-connector-build-${KEY}.lock`);
const STAMP = path.join(tmpdir(), `create-connector-build-${KEY}.stamp`);
const LOCK_WAIT_MS = 240_000;
/** A lock directory this old without an owner file was left by a crash between two syscalls. */
const ORPHAN_MS = 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function staleLock(): boolean {
  try {
    const owner = Number(readFileSync(path.join(LOCK, 'owner'), 'utf8'));
    return Number.isInteger(owner) && owner > 0 && !isAlive(owner);
  } catch {
    try {
      return Date.now() - statSync(LOCK).mtimeMs > ORPHAN_MS;
    } catch {
      return false;
    }
  }
}

/** Runs `work` while holding the build lock of this repository. */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'owner'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (staleLock()) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the build lock ${LOCK} stayed taken`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A digest of everything the build reads. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(file).update(readFileSync(path.join(REPO_ROOT, file)));
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) add(file);
  const entries = readdirSync(path.join(REPO_ROOT, 'src'), {
    recursive: true,
    withFileTypes: true,
  });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
  for (const file of files) add(file);
  return hash.digest('hex');
}

/** Records that dist/ was just built from the current sources (call under the lock). */
export function markBuilt(): void {
  writeFileSync(STAMP, sourceFingerprint());
}

function isBuilt(): boolean {
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) return false;
  try {
    return readFileSync(STAMP, 'utf8') === sourceFingerprint();
  } catch {
    return false;
  }
}

/** `npm run build` unless dist/ is already built from these sources (call under the lock). */
export async function buildIfStale(): Promise<void> {
  if (isBuilt()) return;
  const result = await runChild('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 120_000 });
  if (result.code !== 0) {
    throw new Error(
      `npm run build failed (${String(result.code)}):\n${result.stdout}${result.stderr}`,
    );
  }
  markBuilt();
}

/**
 * Builds if needed and copies the package as npm would install it (its `files`, package.json,
 * README) into `dir/node_modules/create-connector`, its dependencies linked from this checkout.
 */
export async function installBuiltCopy(dir: string): Promise<string> {
  const target = path.join(dir, 'node_modules', 'create-connector');
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    files: string[];
  };
  await withBuildLock(async () => {
    await buildIfStale();
    mkdirSync(target, { recursive: true });
    for (const entry of [...pkg.files, 'package.json', 'README.md']) {
      cpSync(path.join(REPO_ROOT, entry), path.join(target, entry), { recursive: true });
    }
  });
  return target;
}
