/**
 * `create-connector init`: the workspace files, refusing a directory that is not empty, --json.
 * Then end to end with the built package (a copy installed into the workspace's node_modules):
 * `new --preset nuvei --yes`, `list --json`, `run` against `sandbox`, type-checking, and the
 * generated tests passing under the workspace's own vitest.
 */

import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import { installBuiltCopy } from './helpers/build.js';
import { runChild, startChild, type ChildResult } from './helpers/child.js';
import { writeJson } from './helpers/files.js';
import { ownDependency } from '../../src/cli/own-install.js';
import { runMain } from './helpers/io.js';
import { REPO_ROOT, treeSnapshot } from './helpers/workspace.js';

const INIT_FILES = [
  'package.json',
  'tsconfig.json',
  'create-connector.json',
  '.prettierrc.json',
  '.gitignore',
  'src/connectors/registry.ts',
  'README.md',
  'payment.json',
];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-init-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const readJson = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('the dependency init writes on create-connector', () => {
  /** A package folder `node_modules/create-connector` whose install recorded `resolved`. */
  function installed(resolved: string | undefined): string {
    const root = realpathSync(tempDir());
    const pkg = path.join(root, 'node_modules', 'create-connector');
    mkdirSync(pkg, { recursive: true });
    if (resolved !== undefined) {
      writeFileSync(
        path.join(root, 'node_modules', '.package-lock.json'),
        JSON.stringify({ packages: { 'node_modules/create-connector': { resolved } } }),
      );
    }
    return pkg;
  }

  it.each([
    [
      'the registry',
      'https://registry.npmjs.org/create-connector/-/create-connector-0.1.0.tgz',
      '^0.1.0',
      'registry',
    ],
    ['an install without a lockfile', undefined, '^0.1.0', 'registry'],
    [
      'a tarball (npx --package x.tgz)',
      'file:../out/create-connector-0.1.0.tgz',
      'file:<root>/../out/create-connector-0.1.0.tgz',
      'tarball',
    ],
  ])('installed from %s', (_from, resolved, spec, source) => {
    const pkg = installed(resolved);
    const root = path.dirname(path.dirname(pkg));
    expect(ownDependency('0.1.0', pkg)).toEqual({
      spec: spec.replace('file:<root>/../', `file:${path.dirname(root)}/`),
      source,
    });
  });

  it('a folder outside node_modules (a checkout, npm link) is its own file: spec', () => {
    const dir = realpathSync(tempDir());
    expect(ownDependency('0.1.0', dir)).toEqual({ spec: `file:${dir}`, source: 'folder' });
  });
});

describe('init', () => {
  it('makes a workspace in a new directory, named after it', async () => {
    const dir = tempDir();
    const result = await runMain(['init', 'My Connectors', '--json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const root = path.join(dir, 'My Connectors');
    // run from this checkout: the dependency is this folder, which npm install can take
    const checkout = realpathSync(REPO_ROOT);
    expect(result.json()).toEqual({
      workspace: root,
      dependency: { spec: `file:${checkout}`, source: 'folder' },
      changes: INIT_FILES.map((file) => ({ path: file, type: 'create' })),
    });
    const pkg = readJson(path.join(root, 'package.json'));
    expect(pkg).toMatchObject({
      name: 'my-connectors',
      private: true,
      type: 'module',
      scripts: { test: expect.stringContaining('vitest run') },
      dependencies: { 'create-connector': `file:${checkout}` },
    });
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(
      '## Where create-connector comes from',
    );
    expect(Object.keys(pkg['devDependencies'] as object).sort()).toEqual([
      '@types/node',
      'typescript',
      'vitest',
    ]);
    expect(readJson(path.join(root, 'create-connector.json'))).toEqual({
      connectorsDir: 'src/connectors',
      registry: 'src/connectors/registry.ts',
      testsDir: 'test/connectors',
      imports: {
        runtime: 'create-connector/runtime',
        testing: 'create-connector/testing',
        sandbox: 'create-connector/sandbox',
      },
    });
    expect(readFileSync(path.join(root, 'src/connectors/registry.ts'), 'utf8')).toContain(
      "from 'create-connector/runtime'",
    );
    expect(readJson(path.join(root, 'tsconfig.json'))).toMatchObject({
      compilerOptions: { module: 'NodeNext', strict: true },
    });
  });

  it('defaults to the current directory when it is empty, and prints the next steps', async () => {
    const dir = tempDir();
    const result = await runMain(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Created a connector workspace in ${dir}`);
    expect(result.stdout).toContain('npx create-connector new');
    expect(
      Object.keys(treeSnapshot(dir))
        .filter((entry) => !entry.endsWith('/'))
        .sort(),
    ).toEqual([...INIT_FILES].sort());
  });

  it('refuses a directory that is not empty (exit 1, nothing written) unless --force', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name":"mine"}\n');
    const before = treeSnapshot(dir);
    const refused = await runMain(['init', '.', '--json'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.json()).toEqual({
      error: {
        kind: 'conflict',
        message: `${dir} is not empty (2 entries); nothing was written`,
        issues: [
          { key: 'dir', value: dir, rule: 'must be empty or not exist (--force writes into it)' },
        ],
        hint: expect.stringContaining('--force'),
      },
    });
    expect(treeSnapshot(dir)).toEqual(before);

    const forced = await runMain(['init', '.', '--force', '--json'], { cwd: dir });
    expect(forced.code).toBe(0);
    const changes = (forced.json() as { changes: Array<{ path: string; type: string }> }).changes;
    expect(changes).toContainEqual({ path: 'package.json', type: 'update' });
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('a second init into the same workspace is refused', async () => {
    const dir = tempDir();
    expect((await runMain(['init', 'ws'], { cwd: dir })).code).toBe(0);
    const again = await runMain(['init', 'ws'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');
    expect(again.stderr).toContain('  - dir: must be empty or not exist');
  });

  it('refuses a path that is a file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'file'), '');
    const result = await runMain(['init', 'file'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a directory');
  });
});

describe('an init workspace, end to end with the built package', { timeout: 120_000 }, () => {
  let dir: string;
  let ws: string;
  let bin: string;

  const cli = (args: readonly string[], timeoutMs = 30_000): Promise<ChildResult> =>
    runChild(process.execPath, [bin, ...args], { cwd: ws, timeoutMs });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cc-init-e2e-'));
    ws = path.join(dir, 'ws');
    // what `npm install` would leave: the package, and the workspace's own dev tools
    const pkg = await installBuiltCopy(ws);
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
    for (const tool of ['vitest', 'typescript', '@types']) {
      symlinkSync(
        path.join(REPO_ROOT, 'node_modules', tool),
        path.join(ws, 'node_modules', tool),
        'dir',
      );
    }
    bin = path.join(pkg, 'bin', 'create-connector.js');
    // init into a directory holding only node_modules needs --force
    const refused = await runChild(process.execPath, [bin, 'init', 'ws'], { cwd: dir });
    expect(refused.code).toBe(1);
    const init = await runChild(process.execPath, [bin, 'init', 'ws', '--force'], { cwd: dir });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
  }, 240_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('new --preset nuvei --yes, then list --json', async () => {
    const made = await cli(['new', '--preset', 'nuvei', '--yes']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const index = readFileSync(path.join(ws, 'src/connectors/nuvei/index.ts'), 'utf8');
    expect(index).toContain("from 'create-connector/runtime'");
    const test = readFileSync(path.join(ws, 'test/connectors/nuvei.test.ts'), 'utf8');
    expect(test).toContain("from 'create-connector/sandbox'");
    expect(test).toContain("from 'create-connector/testing'");

    const listed = await cli(['list', '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        id: 'nuvei',
        name: 'Nuvei',
        flows: ['CreateSessionToken', 'Authorize'],
        authType: 'SignatureKey',
        authTypes: ['SignatureKey'],
        tokenPlacement: 'body',
        tokenName: 'sessionToken',
        generated: true,
      },
    ]);
  });

  it('run against sandbox', async () => {
    const sandbox = startChild(process.execPath, [bin, 'sandbox', 'nuvei', '--json'], {
      cwd: ws,
      timeoutMs: 30_000,
    });
    onTestFinished(() => sandbox.kill());
    const { baseUrl, auth } = JSON.parse(await sandbox.firstLine) as {
      baseUrl: string;
      auth: unknown;
    };
    // the payment.json init wrote, as the sandbox banner's run line names it
    const run = await cli([
      'run',
      'nuvei',
      '--base-url',
      baseUrl,
      '--auth',
      writeJson(ws, 'auth.json', auth),
      '--payment',
      'payment.json',
      '--json',
    ]);
    // the generated Nuvei shadows the built-in reference: one line says so, and nothing else
    expect(run.stderr.trim()).toBe(
      `note: "nuvei" is this workspace's connector, which shadows the built-in reference; use builtin:nuvei for the reference`,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; exchanges: unknown[] };
    expect(result.status).toBe('Charged');
    expect(result.exchanges).toHaveLength(2);
    const stopped = await sandbox.stop('SIGINT');
    expect(stopped.code).toBe(0);
  });

  it('the workspace type-checks and its generated tests pass under its own vitest', async () => {
    const typecheck = await runChild(
      process.execPath,
      [path.join(ws, 'node_modules/typescript/lib/tsc.js'), '--noEmit', '-p', ws],
      { cwd: ws, timeoutMs: 120_000 },
    );
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.code).toBe(0);

    mkdirSync(path.join(ws, '.cache'), { recursive: true });
    const tests = await runChild(
      process.execPath,
      [path.join(ws, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter', 'dot'],
      { cwd: ws, timeoutMs: 120_000 },
    );
    expect(tests.stderr + tests.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(tests.stderr + tests.stdout).not.toMatch(/failed|skipped/);
    expect(tests.code).toBe(0);
  });

  it('check nuvei runs the checklist there: its tests and the suite from the installed package', async () => {
    const checked = await cli(['check', 'nuvei', '--json'], 120_000);
    expect(checked.stderr).toBe('');
    const items = JSON.parse(checked.stdout) as Array<{ item: string; status: string }>;
    const status = Object.fromEntries(items.map((entry) => [entry.item, entry.status]));
    expect(status).toMatchObject({ 'token-read': 'pass', tests: 'pass', conformance: 'pass' });
    // the preset's production URL is its sandbox's, and the templates leave TODO(you)s
    expect(items.filter((entry) => entry.status !== 'pass').map((entry) => entry.item)).toEqual([
      'base-urls',
      'todos',
    ]);
    expect(checked.code).toBe(0);
  });
});
