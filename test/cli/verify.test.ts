/**
 * `create-connector verify` through the CLI: progress on stderr, one report on stdout (text, or
 * exactly one JSON document with --json), exit 0 when every check passes and 2 otherwise.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { VerifyReport } from '../../src/generator/verify/verify.js';
import { runMain } from './helpers/io.js';
import { REPO_ROOT, workspaceForTest } from './helpers/workspace.js';

const PROGRESS = [
  'verify: rendering 7 samples…',
  'verify: type-checking 7 samples…',
  'verify: running the tests of 7 samples…',
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

  it('in a workspace: registry, drift, load and tests, saying which checks apply where', async () => {
    const root = await workspaceForTest();
    const made = await runMain(
      [
        'new',
        'Acme',
        '--base-url',
        'https://api.acme.test',
        '--session-token-endpoint',
        'v1/session',
        '--authorize-endpoint',
        'v1/pay',
        '--yes',
      ],
      { cwd: root },
    );
    expect(made.code).toBe(0);
    const transformers = path.join(root, 'src/connectors/acme/transformers.ts');
    writeFileSync(transformers, `${readFileSync(transformers, 'utf8')}// mine\n`);

    const passed = await runMain(['verify', '--cwd', root], { cwd: root });
    expect(passed.code, passed.stdout).toBe(0);
    expect(passed.stdout).toContain('checks here (a workspace): registry, drift, load, tests');
    expect(passed.stdout).toContain(
      'note: src/connectors/acme/transformers.ts: edited since generation (+1 −0 lines)',
    );
    expect(passed.stdout).toMatch(/ok {3}tests: 1 generated test files run/);
    expect(passed.stdout).not.toMatch(/^(ok {3}|FAIL )samples/m);

    mkdirSync(path.join(root, 'src/connectors/stray'));
    writeFileSync(path.join(root, 'src/connectors/stray/index.ts'), 'export const stray = {};\n');
    writeFileSync(transformers, `<<<<<<< ours\n${readFileSync(transformers, 'utf8')}`);
    const failed = await runMain(['verify', '--json', '--cwd', root], { cwd: root });
    expect(failed.code).toBe(2);
    const report = failed.json<VerifyReport>();
    expect(report.scope).toBe('workspace');
    expect(report.checks.map((check) => [check.name, check.ok])).toEqual([
      ['registry', false],
      ['drift', false],
      ['load', false],
      ['tests', false],
    ]);
    expect(report.checks[0]!.problems).toEqual([
      { file: 'src/connectors/stray', message: 'is not registered in src/connectors/registry.ts' },
    ]);
    expect(report.checks[1]!.problems).toEqual([
      {
        file: 'src/connectors/acme/transformers.ts',
        message: 'resolve the conflict markers in src/connectors/acme/transformers.ts',
      },
    ]);
    expect(report.checks[2]!.problems[0]!.message).toContain(
      'resolve the conflict markers in src/connectors/acme/transformers.ts',
    );
  }, 120_000);
});
