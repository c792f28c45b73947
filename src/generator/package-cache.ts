/**
 * @module A CommonJS package loaded from one V8 code-cached script instead of file by file: zod's
 * ~95 files cost a `run` ≈ 60 ms to resolve, read and compile, ≈ 15 ms this way. The package's
 * files (its entry and what they require by relative path) are joined into one script of module
 * functions in the per-user cache directory; each module is then instantiated as Node's loader
 * would (a Module in require's cache, `this` = exports), so a later `require` of any of them
 * gets the same instance. The script is rebuilt when any file's size or mtime changes.
 *
 * The CLI installs this as the runtime's preload hook (src/runtime/zod.cts); a library user of
 * the runtime requires zod as usual.
 */

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import path from 'node:path';

import { cacheDir, readCacheFile, writeCacheFile } from './cache-dir.js';
import { runWithCodeCache, type CodeCacheState } from './code-cache.js';

/** Bumped when the cached form changes, so old records are not read back. */
const FORMAT = 'package-cache-2';

/** The package as one script: its files in order, where each relative require leads, the source. */
interface PackageRecord {
  readonly files: readonly {
    readonly file: string;
    readonly size: number;
    readonly mtimeMs: number;
  }[];
  /** Per file index: specifier → file index. */
  readonly requires: readonly Readonly<Record<string, number>>[];
  /**
   * The script: this record as a comment on its first line (one file, so the two never
   * disagree, and no megabyte of JSON to parse), then the module functions of every file.
   */
  readonly source: string;
}

type ModuleFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => void;

const RELATIVE_REQUIRE = /\brequire\((["'])(\.{1,2}\/[^"']+)\1\)/g;

/** The entry and every file it reaches through relative `require("./…")` calls, in discovery order. */
function discover(entry: string): PackageRecord {
  const files = [entry];
  const requires: Record<string, number>[] = [];
  for (let index = 0; index < files.length; index += 1) {
    const file = files[index]!;
    const resolve = createRequire(file).resolve;
    const found: Record<string, number> = {};
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_REQUIRE)) {
      const specifier = match[2]!;
      const target = resolve(specifier);
      let at = files.indexOf(target);
      if (at === -1) at = files.push(target) - 1;
      found[specifier] = at;
    }
    requires.push(found);
  }
  const record = {
    files: files.map((file) => {
      const { size, mtimeMs } = statSync(file);
      return { file, size, mtimeMs };
    }),
    requires,
  };
  // JSON escapes every line break but these two, which would end the comment
  const header = JSON.stringify(record)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return { ...record, source: `// ${header}\n${scriptSource(files)}` };
}

/** Every file still has the size and mtime the record saw. */
function isCurrent(record: PackageRecord): boolean {
  return record.files.every(({ file, size, mtimeMs }) => {
    try {
      const stats = statSync(file);
      return stats.size === size && stats.mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

function readRecord(file: string): PackageRecord | undefined {
  const source = readCacheFile(file)?.toString('utf8');
  if (source?.startsWith('// ') !== true) return undefined;
  try {
    const record = JSON.parse(source.slice(3, source.indexOf('\n'))) as Omit<
      PackageRecord,
      'source'
    >;
    return Array.isArray(record.files) && Array.isArray(record.requires)
      ? { ...record, source }
      : undefined;
  } catch {
    return undefined;
  }
}

function scriptSource(files: readonly string[]): string {
  const functions = files.map((file) => {
    const source = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/^#!.*/, '');
    return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  });
  return `[\n${functions.join(',\n')}\n]`;
}

/** Runs the module functions from `entry` on, registering each Module in require's cache. */
function instantiate(record: PackageRecord, functions: readonly ModuleFunction[]): void {
  const cache = createRequire(record.files[0]!.file).cache;
  const added: string[] = [];
  const load = (index: number): unknown => {
    const filename = record.files[index]!.file;
    const known = cache[filename];
    if (known !== undefined) return known.exports;
    const module = new Module(filename);
    module.filename = filename;
    cache[filename] = module;
    added.push(filename);
    const native = createRequire(filename);
    const local = Object.assign(
      (specifier: string) => {
        const target = record.requires[index]![specifier];
        return target === undefined ? native(specifier) : load(target);
      },
      { resolve: native.resolve, cache, main: native.main, extensions: native.extensions },
    ) as NodeJS.Require;
    functions[index]!.call(
      module.exports,
      module.exports,
      local,
      module,
      filename,
      path.dirname(filename),
    );
    module.loaded = true;
    return module.exports;
  };
  try {
    load(0);
  } catch (error) {
    // nothing half-made stays behind: a plain require starts over
    for (const filename of added) delete cache[filename];
    throw error;
  }
}

/** How a preload went: the code cache's state, the package was there already, or it failed. */
export type PreloadOutcome = CodeCacheState | 'loaded-before' | 'failed';

/**
 * Puts the package `request` resolves to from `from` (and everything it requires inside the
 * package) in require's cache, from the code cache when it is current. Any failure leaves the
 * cache as it was, for the plain `require` that follows.
 */
export function preloadPackage(request: string, from: string): PreloadOutcome {
  try {
    const entry = createRequire(from).resolve(request);
    if (createRequire(entry).cache[entry] !== undefined) return 'loaded-before';
    const key = createHash('sha256')
      .update(`${FORMAT}\0${entry}\0${process.version}\0${process.arch}`)
      .digest('hex')
      .slice(0, 24);
    const base = path.join(cacheDir(), 'packages', key);
    let record = readRecord(`${base}.js`);
    if (record === undefined || !isCurrent(record)) {
      record = discover(entry);
      writeCacheFile(`${base}.js`, record.source);
    }
    // V8 checks cached data against the source's length only: a new source gets a new file
    const version = createHash('sha256').update(JSON.stringify(record.files)).digest('hex');
    const { value, state } = runWithCodeCache(
      record.source,
      `${base}.js`,
      `${base}-${version.slice(0, 16)}.v8cache`,
    );
    instantiate(record, value as ModuleFunction[]);
    return state;
  } catch {
    // only speed is lost: the caller's require loads the package file by file
    return 'failed';
  }
}

/** The symbol src/runtime/zod.cts looks up before it requires zod. */
const PRELOAD_HOOK = Symbol.for('create-connector.preload-package');

/** Makes this process load the runtime's CommonJS packages through the code cache. */
export function installPackagePreload(): void {
  (globalThis as Record<symbol, unknown>)[PRELOAD_HOOK] = preloadPackage;
}
