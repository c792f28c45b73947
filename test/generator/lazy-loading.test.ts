import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const helpers = path.join(import.meta.dirname, 'helpers');

function probe(step?: string): { status: number | null; loaded: string[]; stderr: string } {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      path.join(helpers, 'heavy-module-guard.mjs'),
      path.join(helpers, 'lazy-probe.ts'),
      ...(step === undefined ? [] : [step]),
    ],
    { encoding: 'utf8', cwd: path.join(import.meta.dirname, '..', '..') },
  );
  return {
    status: child.status,
    loaded: child.status === 0 ? (JSON.parse(child.stdout) as string[]) : [],
    stderr: child.stderr,
  };
}

describe('heavy modules load only when a plan needs them', () => {
  it('validation (name clashes included), names, workspace, tree, manifest and house-style formatting load none', () => {
    const result = probe();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.loaded).toEqual([]);
  });

  it("wiring the generator's own registry format loads no compiler API (the hand lexer reads it)", () => {
    const result = probe('wire');
    expect(result.status).toBe(0);
    expect(result.loaded).toEqual([]);
  });

  it('wiring a registry outside it loads the bundled compiler API (the probe sees CommonJS loads)', () => {
    const result = probe('wire-fallback');
    expect(result.status).toBe(0);
    expect(result.loaded.some((file) => file.startsWith('@ts-morph/common/'))).toBe(true);
  });

  it('a diff imports the diff package (the guard sees ESM imports)', () => {
    const result = probe('diff');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('heavy module imported: diff');
  });

  it('rendering imports handlebars (the guard sees it)', () => {
    const result = probe('render');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('heavy module imported: handlebars');
  });
});
