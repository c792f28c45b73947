import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { cacheDir, readCacheFile, writeCacheFile } from '../../src/generator/cache-dir.js';

describe('the compiled-code cache', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-cache-'));
    dirs.push(dir);
    return path.join(dir, 'cache');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes atomically into a private directory and reads it back', () => {
    const dir = fresh();
    const file = path.join(dir, 'entry.bin');
    writeCacheFile(file, 'compiled');
    expect(readCacheFile(file)?.toString()).toBe('compiled');
  });

  it('ignores a file others could have written: it holds code', () => {
    const dir = fresh();
    const file = path.join(dir, 'entry.bin');
    writeCacheFile(file, 'compiled');
    chmodSync(file, 0o666);
    expect(readCacheFile(file)).toBeUndefined();
    chmodSync(file, 0o600);
    chmodSync(dir, 0o777);
    expect(readCacheFile(file)).toBeUndefined();
  });

  it('follows CREATE_CONNECTOR_CACHE_DIR', () => {
    const previous = process.env['CREATE_CONNECTOR_CACHE_DIR'];
    process.env['CREATE_CONNECTOR_CACHE_DIR'] = '/somewhere/else';
    try {
      expect(cacheDir()).toBe('/somewhere/else');
    } finally {
      if (previous === undefined) delete process.env['CREATE_CONNECTOR_CACHE_DIR'];
      else process.env['CREATE_CONNECTOR_CACHE_DIR'] = previous;
    }
  });
});
