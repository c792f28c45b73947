/**
 * `create-connector verify` through the CLI: progress on stderr, one report on stdout (text, or
 * exactly one JSON document with --json), exit 0 when every check passes and 2 otherwise.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { VerifyReport } from '../../src/generator/verify/verify.js';
import { runMain } from './helpers/io.js';
import { REPO_ROOT, workspaceForTest } from './helpers/workspace.js';

const PROGRESS = [
  'verify: rendering 6 samples…',
  'verify: type-checking 6 samples…',
  'verify: running the tests of 6 samples…',
  'verify: comparing the nuvei and paytm presets with the reference connectors…',
  'verify: checking the registry, connector folders and manifests…',
];

describe('create-connector verify', () => {
  it('exits 0 on this repository with a text report on stdout and progress on stderr', async () => {
    const result = await runMain(['verify', '--cwd', REPO_ROOT], { cwd: REPO_ROOT });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual(PROGRESS);
    const lines = result.stdout.trimEnd().split('\n');
    for (const name of [
      'samples-render',
      'samples-compile',
      'samples-test',
      'presets',
      'registry',
    ]) {
      expect(lines.some((line) => line.startsWith(`ok   ${name}: `))).toBe(true);
    }
    expect(result.stdout).toContain('note: the reference nuvei also defines PSync');
    expect(lines.at(-1)).toMatch(/^verify: all 5 checks passed \(\d+\.\d s\)$/);
  }, 120_000);

  it('exits 2 with one JSON report when a connector folder is not registered', async () => {
    const root = await workspaceForTest();
    mkdirSync(path.join(root, 'src/connectors/stray'));
    writeFileSync(path.join(root, 'src/connectors/stray/index.ts'), 'export const stray = {};\n');

    const result = await runMain(['verify', '--json', '--cwd', root], { cwd: root });
    expect(result.code).toBe(2);
    const report = result.json<VerifyReport>();
    expect(report.ok).toBe(false);
    expect(report.checks.map((check) => [check.name, check.ok])).toEqual([
      ['samples-render', true],
      ['samples-compile', true],
      ['samples-test', true],
      ['presets', true],
      ['registry', false],
    ]);
    expect(report.checks.at(-1)?.problems).toEqual([
      { file: 'src/connectors/stray', message: 'is not registered in src/connectors/registry.ts' },
    ]);
    expect(Object.keys(report.timings.samples)).toHaveLength(6);
    expect(result.stderr.trimEnd().split('\n')).toEqual(PROGRESS);
  }, 120_000);
});
