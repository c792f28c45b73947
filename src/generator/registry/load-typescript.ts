/**
 * @module Lazy access to the TypeScript compiler API that ts-morph bundles; nothing loads it
 * until a plan has to edit code. Compiling its 9 MB bundle costs ~250 ms per process, so the
 * compiled code is kept in a V8 code cache between runs (Node 20 has no module compile cache):
 * the second run loads it in ~70 ms.
 */

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import path from 'node:path';

import type { ts as TsApi } from 'ts-morph';

import { cacheDir } from '../cache-dir.js';
import { runWithCodeCache } from '../code-cache.js';

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

function cacheFile(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  const key = createHash('sha256')
    .update(`${bundle}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 24);
  return path.join(cacheDir(), `typescript-${key}.v8cache`);
}

/** Runs a CommonJS bundle the way Node's loader would, with V8 cached data when there is some. */
function loadWithCodeCache(bundle: string): TypeScript {
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n})`;
  const compiled = runWithCodeCache(wrapper, bundle, cacheFile(bundle));
  const run = compiled.value as (...args: unknown[]) => void;
  const require = createRequire(bundle);
  const module = new Module(bundle);
  module.filename = bundle;
  run.call(module.exports, module.exports, require, module, bundle, path.dirname(bundle));
  module.loaded = true;
  // registered like a normal load, so a later require of the bundle reuses this copy
  require.cache[bundle] = module;
  cacheState = compiled.state;
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
