/**
 * @module Running CommonJS code with V8 cached data kept in the per-user cache directory: Node 20
 * has no compile cache of its own, so without it a process compiles every function it runs
 * again. One script per cache file; the data is written at exit, so it also holds what the run
 * compiled lazily (functions called, not just declared).
 */

import { Script } from 'node:vm';

import { readCacheFile, writeCacheFile } from './cache-dir.js';

/** How a script got its code: from the cache, compiled (no cache yet), or compiled (cache refused). */
export type CodeCacheState = 'hit' | 'miss' | 'rejected';

/** Compiles `source` (named `filename` in stack traces) with the cached data in `cacheFile`, and runs it. */
export function runWithCodeCache(
  source: string,
  filename: string,
  cacheFile: string,
): { readonly value: unknown; readonly state: CodeCacheState } {
  const cachedData = readCacheFile(cacheFile);
  const script = new Script(source, {
    filename,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const state: CodeCacheState =
    cachedData === undefined ? 'miss' : script.cachedDataRejected === true ? 'rejected' : 'hit';
  if (state !== 'hit') {
    process.once('exit', () => writeCacheFile(cacheFile, script.createCachedData()));
  }
  return { value: script.runInThisContext(), state };
}
