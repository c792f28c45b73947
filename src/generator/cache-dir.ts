/**
 * @module The per-user cache of compiled code (the compiler API's V8 code cache, precompiled
 * templates) that makes a second run fast. It holds code, so only files this user owns and no one
 * else can write are read back.
 */

import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `$CREATE_CONNECTOR_CACHE_DIR`, else a 0700 directory per user under the OS temp directory. */
export function cacheDir(): string {
  const override = process.env['CREATE_CONNECTOR_CACHE_DIR'];
  if (override !== undefined && override !== '') return override;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(tmpdir(), `create-connector-cache-${uid}`);
}

function trusted(stats: Stats): boolean {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0;
}

/** The cached bytes, or undefined when absent or not trustworthy. */
export function readCacheFile(file: string): Buffer | undefined {
  try {
    if (!trusted(statSync(path.dirname(file))) || !trusted(statSync(file))) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename); a cache that cannot be written only costs speed. */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // best effort by design
  }
}
