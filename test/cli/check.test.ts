/**
 * `create-connector check` in this process: the references pass every item, a fresh scaffold
 * warns only of its production URL and its TODO(you)s, and a broken connector (hand-written or
 * generated) fails the items it breaks with exit 2. One scaffold is shared by its describe.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONNECTOR, ERRORS, REGISTRY, edited } from '../generator/check/fixture.js';
import { runMain } from './helpers/io.js';
import {
  createTempWorkspace,
  REPO_ROOT,
  treeSnapshot,
  workspaceForTest,
  type TempWorkspace,
} from './helpers/workspace.js';

interface Item {
  readonly item: string;
  readonly status: 'pass' | 'warn' | 'fail';
  readonly message: string;
  readonly locations?: ReadonlyArray<{ file: string; line: number; text?: string }>;
}

const statuses = (items: readonly Item[]) =>
  Object.fromEntries(items.map((entry) => [entry.item, entry.status]));

const ALL_PASS = {
  flows: 'pass',
  'session-step': 'pass',
  'token-stored': 'pass',
  'token-read': 'pass',
  auth: 'pass',
  'error-responses': 'pass',
  amounts: 'pass',
  'base-urls': 'pass',
  tests: 'pass',
  conformance: 'pass',
  todos: 'pass',
};

describe('check on the reference connectors', { timeout: 120_000 }, () => {
  it.each(['nuvei', 'paytm'])('%s passes every item (exit 0)', async (id) => {
    const result = await runMain(['check', id, '--json'], { cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(statuses(result.json<Item[]>())).toEqual(ALL_PASS);
    expect(result.code).toBe(0);
  });
});

describe('check on a fresh scaffold', { timeout: 120_000 }, () => {
  let workspace: TempWorkspace;
  beforeAll(async () => {
    workspace = await createTempWorkspace();
    // no optional flows: the templates of PSync…RSync come with the flowtpl branch
    const answers = path.join(workspace.root, 'acme.answers.json');
    writeFileSync(
      answers,
      JSON.stringify({
        name: 'Acme',
        baseUrl: 'https://api.acme.test',
        sessionTokenEndpoint: 'v1/session',
        authorizeEndpoint: 'v1/pay',
        flows: [],
      }),
    );
    const created = await runMain(['new', '--answers', answers, '--yes'], { cwd: workspace.root });
    expect(created.code).toBe(0);
  });
  afterAll(() => workspace?.dispose());

  it('prints one line per item: two warns (the production URL, the TODO(you)s), exit 0', async () => {
    const result = await runMain(['check', 'acme'], { cwd: workspace.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const items = lines.filter((line) => /^(pass|warn|fail) /.test(line));
    expect(items.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'pass flows',
      'pass session-step',
      'pass token-stored',
      'pass token-read',
      'pass auth',
      'pass error-responses',
      'pass amounts',
      'warn base-urls',
      'pass tests',
      'pass conformance',
      'warn todos',
    ]);
    expect(result.stdout).toContain(
      "baseUrls.production is the sandbox URL (https://api.acme.test): set your gateway's live URL",
    );
    // each TODO(you) under its item with file:line, as in the generated file
    const index = readFileSync(path.join(workspace.root, 'src/connectors/acme/index.ts'), 'utf8');
    const line =
      index
        .split('\n')
        .findIndex((text) => text.includes("TODO(you): set your gateway's live URL")) + 1;
    expect(result.stdout).toContain(
      `src/connectors/acme/index.ts:${line}  set your gateway's live URL.`,
    );
    expect(lines.at(-1)).toBe('11 items: 9 pass, 2 warn, 0 fail');
  });

  it('fails token-read, tests and conformance once Authorize stops sending the token (exit 2)', async () => {
    const file = path.join(workspace.root, 'src/connectors/acme/transformers.ts');
    const source = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      source.replace(
        'const token = getSessionToken(routerData.flowData);',
        "const token = 'none';",
      ),
    );
    const result = await runMain(['check', 'acme', '--json'], { cwd: workspace.root });
    writeFileSync(file, source);
    expect(result.code).toBe(2);
    const items = result.json<Item[]>();
    expect(statuses(items)).toMatchObject({
      'token-read': 'fail',
      tests: 'fail',
      conformance: 'fail',
    });
    expect(items.find((entry) => entry.item === 'conformance')?.message).toContain(
      'the suite fails against the generic emulator',
    );
  });

  it("warns, naming why, when check cannot run the suite but the connector's tests do", async () => {
    const configFile = path.join(workspace.root, 'create-connector.json');
    const kept = readFileSync(configFile, 'utf8');
    const config = JSON.parse(kept) as { imports: Record<string, string> };
    config.imports['testing'] = 'create-connector-not-installed/testing';
    writeFileSync(configFile, JSON.stringify(config));
    try {
      const result = await runMain(['check', 'acme', '--json'], { cwd: workspace.root });
      expect(result.code).toBe(0);
      const conformance = result.json<Item[]>().find((entry) => entry.item === 'conformance');
      expect(conformance?.status).toBe('warn');
      expect(conformance?.message).toMatch(
        /^13 of 13 conformance tests pass in the connector's tests, but the suite fails against the generic emulator: it did not run: .*create-connector-not-installed/,
      );
    } finally {
      writeFileSync(configFile, kept);
    }
  });

  it('without its manifest it is hand-written: the suite is read from its own tests', async () => {
    const manifest = path.join(workspace.root, 'src/connectors/acme/manifest.json');
    const kept = readFileSync(manifest, 'utf8');
    rmSync(manifest);
    try {
      const result = await runMain(['check', 'acme', '--json'], { cwd: workspace.root });
      expect(result.code).toBe(0);
      const conformance = result.json<Item[]>().find((entry) => entry.item === 'conformance');
      expect(conformance).toEqual({
        item: 'conformance',
        status: 'pass',
        message: "13 of 13 conformance tests pass in the connector's tests",
      });
    } finally {
      writeFileSync(manifest, kept);
    }
  });
});

describe('check on a hand-written connector', () => {
  it('--json lists the failed items and exits 2; the workspace is left as it was', async () => {
    const root = await workspaceForTest({ registry: REGISTRY });
    const broken = edited([['  buildErrorResponse,\n', '']]);
    mkdirSync(path.join(root, 'src/connectors/acme'));
    writeFileSync(path.join(root, 'src/connectors/acme/index.ts'), broken);
    writeFileSync(path.join(root, 'src/connectors/acme/errors.ts'), ERRORS);
    const before = treeSnapshot(root);
    const result = await runMain(['check', 'acme', '--json'], { cwd: root });
    expect(treeSnapshot(root)).toEqual(before);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    const items = result.json<Item[]>();
    expect(statuses(items)).toEqual({
      ...ALL_PASS,
      'error-responses': 'fail',
      tests: 'fail',
      conformance: 'warn',
    });
    expect(items.find((entry) => entry.item === 'tests')?.message).toBe(
      'no test files for this connector (looked for test/connectors/acme.test.ts and test/connectors/acme/)',
    );
  });

  it('refuses an id the registry does not have (exit 1), naming the ones it has', async () => {
    const root = await workspaceForTest({ registry: REGISTRY });
    mkdirSync(path.join(root, 'src/connectors/acme'));
    writeFileSync(path.join(root, 'src/connectors/acme/index.ts'), CONNECTOR);
    const result = await runMain(['check', 'acme_pay', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({
      error: {
        kind: 'usage',
        issues: [{ key: 'id', value: 'acme_pay', rule: 'must be one of acme' }],
      },
    });
  });
});
