import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cache-'));

function loadInChild(): { state: string; parsed: boolean } {
  const script = `
    const { loadTypeScript, typeScriptCacheState } = await import('./src/generator/registry/load-typescript.ts');
    const ts = loadTypeScript();
    const file = ts.createSourceFile('a.ts', 'export const a = 1 as const;', ts.ScriptTarget.Latest);
    console.log(JSON.stringify({ state: typeScriptCacheState(), parsed: file.statements.length === 1 }));
  `;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CREATE_CONNECTOR_CACHE_DIR: cacheDir },
    },
  );
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { state: string; parsed: boolean };
}

describe('the compiler API loader', () => {
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('compiles on the first run, writes a code cache, and uses it on the next', () => {
    expect(loadInChild()).toEqual({ state: 'miss', parsed: true });
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'))).toHaveLength(1);
    expect(loadInChild()).toEqual({ state: 'hit', parsed: true });
  });
});
