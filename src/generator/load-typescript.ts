/**
 * @module Lazy access to the TypeScript compiler API that ts-morph bundles; nothing loads it
 * until a plan has to edit code. Compiling its 9 MB bundle costs ~250 ms per process, so the
 * compiled code is kept in a V8 code cache between runs (Node 20 has no module compile cache):
 * the second run loads it in ~70 ms.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

import type { ts as TsApi } from 'ts-morph';

export type TypeScript = typeof TsApi;

let loaded: TypeScript | undefined;
let cacheState: 'hit' | 'miss' | 'rejected' | 'fallback' | undefined;

/** How this process got the compiler API (undefined until loaded); for tests and `--timings`. */
export function typeScriptCacheState(): typeof cacheState {
  return cacheState;
}

/** The TypeScript bundle inside the @ts-morph/common that ts-morph itself resolves. */
function bundlePath(): string {
  const require = createRequire(import.meta.url);
  const fromTsMorph = createRequire(require.resolve('ts-morph'));
  return fromTsMorph.resolve('@ts-morph/common/dist/typescript.js');
}

/** A per-user directory (0700), so no other user can plant code in the cache. */
function cacheDir(): string {
  const override = process.env['CREATE_CONNECTOR_CACHE_DIR'];
  if (override !== undefined && override !== '') return override;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(tmpdir(), `create-connector-cache-${uid}`);
}

function cacheFile(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  const key = createHash('sha256')
    .update(`${bundle}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 24);
  return path.join(cacheDir(), `typescript-${key}.v8cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Runs a CommonJS bundle the way Node's loader would, with V8 cached data when there is some. */
function loadWithCodeCache(bundle: string): TypeScript {
  const file = cacheFile(bundle);
  const cachedData = readCache(file);
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(wrapper, {
    filename: bundle,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const require = createRequire(bundle);
  const module = new Module(bundle);
  module.filename = bundle;
  run.call(module.exports, module.exports, require, module, bundle, path.dirname(bundle));
  module.loaded = true;
  // registered like a normal load, so a later require of the bundle reuses this copy
  require.cache[bundle] = module;
  cacheState =
    cachedData === undefined ? 'miss' : script.cachedDataRejected === true ? 'rejected' : 'hit';
  if (cacheState !== 'hit') {
    // written at exit, so the cache also holds the functions this run compiled (the parser)
    process.once('exit', () => {
      try {
        mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        // a cache that cannot be written only costs the next run its speed
      }
    });
  }
  return module.exports as TypeScript;
}

/** The bundled compiler API; ts-morph's own entry as the fallback. */
export function loadTypeScript(): TypeScript {
  if (loaded !== undefined) return loaded;
  try {
    loaded = loadWithCodeCache(bundlePath());
  } catch {
    cacheState = 'fallback';
    loaded = (createRequire(import.meta.url)('ts-morph') as { ts: TypeScript }).ts;
  }
  return loaded;
}
