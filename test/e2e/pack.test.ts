/**
 * The packed tarball, as a user gets it: `npm pack` (its prepack builds a clean dist/), then an
 * OFFLINE `npm install <tgz>` into a folder that holds only a lockfile pinning the repository's
 * versions (helpers/lockfile.ts says why; every tarball comes from the npm cache `npm ci` filled),
 * then `npx create-connector --help`, `init ws` and, in ws, `new --preset nuvei --yes` and `list`.
 * And what a new user types, as one shell line: `npx --package <tgz> create-connector init w &&
 * cd w && npm install && npx create-connector new … && npm test`, against a registry on 127.0.0.1
 * made from the lockfile (helpers/loopback-registry.ts), every tarball from the npm cache.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { markBuilt, withBuildLock } from '../cli/helpers/build.js';
import { childEnv, runChild, type ChildResult } from '../cli/helpers/child.js';
import { heavyIn, probeModules } from '../cli/helpers/module-log.js';
import { REPO_ROOT } from '../cli/helpers/workspace.js';
import { seedInstallFolder } from './helpers/lockfile.js';
import { startLoopbackRegistry } from './helpers/loopback-registry.js';

interface PackEntry {
  filename: string;
  files: Array<{ path: string }>;
}

/** npm and npx never reach a registry here. */
const NPM_ENV = childEnv({
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
});

const npm = (args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<ChildResult> =>
  runChild('npm', args, { cwd, env: NPM_ENV, timeoutMs });
const npx = (args: readonly string[], cwd: string): Promise<ChildResult> =>
  runChild('npx', ['--no', '--', 'create-connector', ...args], { cwd, env: NPM_ENV });

let dir: string;
let packed: PackEntry;
/** The empty folder the tarball is installed into. */
let user: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-pack-'));
  const out = path.join(dir, 'out');
  user = path.join(dir, 'user');
  for (const folder of [out, user]) mkdirSync(folder);
  const pack = await withBuildLock(async () => {
    const result = await npm(['pack', '--pack-destination', out, '--json'], REPO_ROOT);
    if (result.code === 0) markBuilt();
    return result;
  });
  expect(pack.stderr).not.toMatch(/error TS\d+/);
  expect(pack.code).toBe(0);
  [packed] = JSON.parse(pack.stdout) as [PackEntry];

  const tarball = path.join(out, packed.filename);
  const registry = (await npm(['config', 'get', 'registry'], user)).stdout.trim();
  seedInstallFolder(user, { repoRoot: REPO_ROOT, tarball, registry });
  const install = await npm(['install', '--offline', '--no-audit', '--no-fund', tarball], user);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
}, 240_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('the tarball', { timeout: 60_000 }, () => {
  it('ships bin, dist and templates, and nothing from src/ or test/', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/create-connector.js',
        'dist/cli/main.js',
        'dist/cli/commands/new/index.js',
        'dist/runtime/index.js',
        'dist/runtime/index.d.ts',
        'templates/connector/index.ts.hbs',
        'templates/connector/transformers.ts.hbs',
        'templates/connector/transformers-payments.ts.hbs',
        'templates/connector/transformers-refunds.ts.hbs',
        'templates/connector/test.ts.hbs',
        'templates/connector/README.md.hbs',
      ]),
    );
    const roots = new Set(files.map((file) => file.split('/')[0]));
    expect([...roots].sort()).toEqual(['README.md', 'bin', 'dist', 'package.json', 'templates']);
    expect(files.filter((file) => /\.test\.|\.tsbuildinfo$/.test(file))).toEqual([]);
  });

  it('npm pack --dry-run lists the same files', async () => {
    const dry = await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO_ROOT);
    expect(dry.code).toBe(0);
    const [listed] = JSON.parse(dry.stdout) as [PackEntry];
    expect(listed.files.map((file) => file.path).sort()).toEqual(
      packed.files.map((file) => file.path).sort(),
    );
  });

  it('every export of package.json points at a file it ships', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      bin: Record<string, string>;
    };
    const files = new Set(packed.files.map((file) => file.path));
    const targets = [
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((target) =>
        typeof target === 'string' ? [target] : Object.values(target),
      ),
    ].map((target) => target.replace(/^\.\//, ''));
    expect(targets.filter((target) => !files.has(target))).toEqual([]);
  });
});

describe('installed from the tarball, offline', { timeout: 60_000 }, () => {
  it('npx create-connector --help', async () => {
    const help = await npx(['--help'], user);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: create-connector /);
    expect(help.stdout).toContain('init [options] [dir]');
  });

  it('--help from dist loads commander and nothing else', async () => {
    const bin = path.join(user, 'node_modules/create-connector/bin/create-connector.js');
    const probed = await probeModules([bin, '--help'], user);
    expect(probed.code).toBe(0);
    expect(heavyIn(probed.packages)).toEqual([]);
    // besides its own files, the one package it needs to parse argv
    expect(probed.packages).toEqual(['commander', 'create-connector']);
    expect(probed.locations.filter((file) => file.includes('/dist/cli/commands/'))).toEqual([]);
  });

  it('init ws, then new --preset nuvei --yes and list --json in ws', async () => {
    const init = await npx(['init', 'ws'], user);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const ws = path.join(user, 'ws');
    const config = JSON.parse(readFileSync(path.join(ws, 'create-connector.json'), 'utf8')) as {
      imports: Record<string, string>;
    };
    expect(config.imports['runtime']).toBe('create-connector/runtime');

    const made = await npx(['new', '--preset', 'nuvei', '--yes'], ws);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    for (const file of [
      'src/connectors/nuvei/index.ts',
      'src/connectors/nuvei/transformers.ts',
      'src/connectors/nuvei/manifest.json',
      'test/connectors/nuvei.test.ts',
    ]) {
      expect(made.stdout).toContain(`CREATE ${file}`);
      expect(readFileSync(path.join(ws, file), 'utf8').length).toBeGreaterThan(0);
    }
    expect(readFileSync(path.join(ws, 'src/connectors/registry.ts'), 'utf8')).toContain(
      "import { nuvei } from './nuvei/index.js';",
    );

    // the installed CLI loads the workspace's TypeScript registry through its own tsx
    const listed = await npx(['list', '--json'], ws);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 'nuvei', generated: true }]);
  });
});

describe(
  'a new user: npx --package <tgz> init, npm install, new, npm test',
  { timeout: 300_000 },
  () => {
    it('works as one shell line with no other install step', async () => {
      const registry = await startLoopbackRegistry({ repoRoot: REPO_ROOT, lifetimeMs: 290_000 });
      const home = path.join(dir, 'newcomer');
      mkdirSync(home);
      const tarball = path.join(dir, 'out', packed.filename);
      const line = [
        `npx --yes --package ${tarball} create-connector init w`,
        'cd w',
        'npm install',
        'npx create-connector new ZetaPay --base-url https://api.zeta.test --session-token-endpoint v1/session --authorize-endpoint v1/pay --yes',
        'npm test',
      ].join(' && ');
      const env = childEnv({
        npm_config_registry: registry.url,
        npm_config_prefer_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      });
      const result = await runChild('sh', ['-c', line], { cwd: home, env, timeoutMs: 290_000 });
      await registry.close();
      expect(result.stderr).not.toMatch(/ERR!|E404/);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`"create-connector": "file:${tarball}"`);
      expect(result.stdout).toContain('Generated ZetaPay (zeta_pay)');
      expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
      const pkg = JSON.parse(readFileSync(path.join(home, 'w', 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(pkg.dependencies['create-connector']).toBe(`file:${tarball}`);
    });
  },
);
