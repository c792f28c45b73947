/**
 * A CommonJS package preloaded from the code cache behaves as Node's loader would load it (one
 * Module per file in require's cache, the same exports, cycles, module.exports replaced), is read
 * back from the cache by the next process, rebuilt when a file changes, and a package that fails
 * to load leaves nothing behind.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { preloadPackage } from '../../src/generator/package-cache.js';

const root = path.join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'cc-package-cache-'));
const cacheDir = path.join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FILES: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({ name: 'fixture', main: 'index.cjs' }),
  'index.cjs': `'use strict';
const a = require('./lib/a.cjs');
exports.a = a;
exports.b = require("./lib/b.cjs");
exports.self = this === exports;
exports.where = [__filename, __dirname];
exports.path = require('node:path').sep;`,
  'lib/a.cjs': `exports.fromB = () => require('./b.cjs').name; exports.name = 'a';`,
  'lib/b.cjs': `const a = require('./a.cjs'); module.exports = { name: 'b', a };`,
};

/** A package `fixture` in its own node_modules, and a file that requires it. */
function makePackage(name: string, files: Readonly<Record<string, string>> = FILES): string {
  const dir = path.join(scratch, name, 'node_modules', 'fixture');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const from = path.join(scratch, name, 'main.cjs');
  writeFileSync(from, '');
  return from;
}

function withCacheDir<T>(run: () => T): T {
  const before = process.env['CREATE_CONNECTOR_CACHE_DIR'];
  process.env['CREATE_CONNECTOR_CACHE_DIR'] = cacheDir;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env['CREATE_CONNECTOR_CACHE_DIR'];
    else process.env['CREATE_CONNECTOR_CACHE_DIR'] = before;
  }
}

describe('preloadPackage', () => {
  it('loads every file of the package into require’s cache, as require would', () => {
    const from = makePackage('same');
    const require = createRequire(from);
    expect(withCacheDir(() => preloadPackage('fixture', from))).toBe('miss');
    const entry = require.resolve('fixture');
    const dir = path.dirname(entry);
    expect(
      Object.keys(require.cache)
        .filter((file) => file.startsWith(dir))
        .sort(),
    ).toEqual([entry, path.join(dir, 'lib/a.cjs'), path.join(dir, 'lib/b.cjs')].sort());
    const loaded = require('fixture') as Record<string, unknown> & {
      a: { fromB(): string; name: string };
      b: { name: string; a: unknown };
    };
    expect(loaded).toBe(require.cache[entry]!.exports);
    expect(loaded.a.fromB()).toBe('b');
    expect(loaded.b.a).toBe(loaded.a);
    expect(loaded['self']).toBe(true);
    expect(loaded['where']).toEqual([entry, dir]);
    expect(loaded['path']).toBe(path.sep);
    expect(withCacheDir(() => preloadPackage('fixture', from))).toBe('loaded-before');
  });

  it('is read back from the code cache by the next process', () => {
    const from = makePackage('next');
    const script = `
      const { preloadPackage } = await import('./src/generator/package-cache.ts');
      console.log(preloadPackage('fixture', ${JSON.stringify(from)}));`;
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CREATE_CONNECTOR_CACHE_DIR: path.join(scratch, 'next-cache') },
      });
    expect(run().stdout.trim()).toBe('miss');
    const written = readdirSync(path.join(scratch, 'next-cache', 'packages'));
    expect(written.filter((name) => name.endsWith('.v8cache'))).toHaveLength(1);
    expect(run().stdout.trim()).toBe('hit');
  });

  it('rebuilds when a file of the package changed', () => {
    const from = makePackage('changed');
    const require = createRequire(from);
    const entry = require.resolve('fixture');
    const forget = () => {
      for (const file of Object.keys(require.cache)) {
        if (file.startsWith(path.dirname(entry))) delete require.cache[file];
      }
    };
    withCacheDir(() => preloadPackage('fixture', from));
    forget();
    writeFileSync(
      path.join(path.dirname(entry), 'lib/a.cjs'),
      `exports.fromB = () => 'edited'; exports.name = 'a, edited';`,
    );
    expect(withCacheDir(() => preloadPackage('fixture', from))).toBe('miss');
    expect((require('fixture') as { a: { fromB(): string } }).a.fromB()).toBe('edited');
    forget();
  });

  it('leaves require’s cache as it was when the package throws while loading', () => {
    const from = makePackage('throws', {
      ...FILES,
      'lib/b.cjs': `require('./a.cjs'); throw new Error('broken package');`,
    });
    const require = createRequire(from);
    const dir = path.dirname(require.resolve('fixture'));
    expect(withCacheDir(() => preloadPackage('fixture', from))).toBe('failed');
    expect(Object.keys(require.cache).filter((file) => file.startsWith(dir))).toEqual([]);
    expect(() => require('fixture')).toThrow('broken package');
  });
});

describe('the runtime’s zod', () => {
  it('is the CommonJS instance every layer shares', async () => {
    const { z } = await import('../../src/runtime/index.js');
    expect(z).toBe((createRequire(import.meta.url)('zod') as { z: unknown }).z);
  });
});
