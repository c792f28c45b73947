/**
 * Start-up stays light: `--help` (and the other help and version paths) in a child process loads
 * commander and nothing heavy — no zod, ts-morph, typescript, prettier, @inquirer/*, handlebars,
 * undici or diff. A resolve hook plus the CommonJS cache record what loaded; positive controls
 * show the probe does see those packages when a command really needs them.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SOURCE_CLI, TSX_LOADER } from './helpers/child.js';
import { heavyIn, packageOf, probeModules } from './helpers/module-log.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

let workspace: TempWorkspace;
/** What tsx itself loads to run an empty TypeScript file: not the CLI's doing. */
let baseline: ReadonlySet<string>;

beforeAll(async () => {
  workspace = await createTempWorkspace({ references: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-noop-'));
  try {
    writeFileSync(path.join(dir, 'noop.mts'), 'export {};\n');
    const noop = await probeModules(['--import', TSX_LOADER, path.join(dir, 'noop.mts')], dir);
    expect(noop.code).toBe(0);
    baseline = new Set(noop.packages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(() => workspace?.dispose());

describe('packageOf', () => {
  it.each([
    ['file:///w/node_modules/zod/v4/index.js', 'zod'],
    ['cjs:/w/node_modules/@ts-morph/common/dist/x.js', '@ts-morph/common'],
    ['file:///w/node_modules/a/node_modules/diff/lib/index.mjs', 'diff'],
    ['file:///w/src/cli/main.ts', undefined],
    ['node:fs', undefined],
  ])('%s → %s', (location, expected) => {
    expect(packageOf(location)).toBe(expected);
  });
});

describe('nothing heavy loads to show help or the version', { timeout: 60_000 }, () => {
  it.each([
    [['--help']],
    [['new', '--help']],
    [['run', '--help']],
    [['help', 'sandbox']],
    [['check', '--help']],
    [['--version']],
  ])('create-connector %j', async (args) => {
    const probed = await probeModules([...SOURCE_CLI, ...args], workspace.root);
    expect(probed.stderr).toBe('');
    expect(probed.code).toBe(0);
    expect(probed.stdout.length).toBeGreaterThan(0);
    expect(heavyIn(probed.packages)).toEqual([]);
    // beyond what tsx needs to run TypeScript at all, the CLI loads commander only
    expect(probed.packages.filter((name) => !baseline.has(name))).toEqual(['commander']);
    // and of its own modules, no command
    const commands = probed.locations.filter((location) => location.includes('/src/cli/commands/'));
    expect(commands).toEqual([]);
  });

  it('a parse error is reported without loading anything heavy either', async () => {
    const probed = await probeModules(
      [...SOURCE_CLI, 'new', '--amount-type', 'Cents'],
      workspace.root,
    );
    expect(probed.code).toBe(1);
    expect(heavyIn(probed.packages)).toEqual([]);
  });
});

describe(
  'the probe sees heavy packages when a command needs them (positive controls)',
  { timeout: 60_000 },
  () => {
    it('list loads zod (through the runtime) and tsx registers for the registry', async () => {
      const probed = await probeModules([...SOURCE_CLI, 'list', '--json'], workspace.root);
      expect(probed.code).toBe(0);
      expect(heavyIn(probed.packages)).toContain('zod');
    });

    it('new --dry-run loads handlebars and diff, and no TypeScript compiler (the hand lexer reads the registry)', async () => {
      const probed = await probeModules(
        [
          ...SOURCE_CLI,
          'new',
          'Probe',
          '--base-url',
          'https://probe.test',
          '--session-token-endpoint',
          's',
          '--authorize-endpoint',
          'a',
          '--dry-run',
        ],
        workspace.root,
      );
      expect(probed.stderr).toBe('');
      expect(probed.code).toBe(0);
      expect(heavyIn(probed.packages)).toEqual(expect.arrayContaining(['handlebars', 'diff']));
      // the compiler is CommonJS: only the require cache would show it (test/generator/
      // lazy-loading.test.ts keeps a positive control for a registry outside the hand lexer)
      expect(heavyIn(probed.packages)).not.toContain('@ts-morph/common');
      expect(probed.locations).not.toContainEqual(expect.stringMatching(/@ts-morph\/common\//));
    });
  },
);
