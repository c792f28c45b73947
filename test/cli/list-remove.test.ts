/** `create-connector list` and `remove` in this process over temporary workspaces. */

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { removeCommand } from '../../src/cli/commands/remove.js';
import type { PromptAdapter } from '../../src/cli/commands/new/prompts.js';
import {
  createManifest,
  parseManifest,
  serializeManifest,
} from '../../src/generator/lifecycle/manifest.js';
import { captureIo, runMain } from './helpers/io.js';
import { treeSnapshot, workspaceForTest } from './helpers/workspace.js';

const ACME = [
  'new',
  'Acme',
  '--base-url',
  'https://api.acme.test',
  '--session-token-endpoint',
  'v1/session',
  '--authorize-endpoint',
  'v1/pay',
  '--token-placement',
  'query',
  '--yes',
];

/** Files only: directories a removal leaves empty are pruned. */
const filesOnly = (snapshot: Record<string, string>) =>
  Object.fromEntries(Object.entries(snapshot).filter(([file]) => !file.endsWith('/')));

describe('list', () => {
  it('--json lists each connector with its flows, auth and token placement', async () => {
    const root = await workspaceForTest({ references: true });
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    const result = await runMain(['list', '--json'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.json()).toEqual([
      {
        id: 'acme',
        name: 'Acme',
        flows: ['CreateSessionToken', 'Authorize', 'PSync', 'Capture', 'Void', 'Refund', 'RSync'],
        authType: 'HeaderKey',
        authTypes: ['HeaderKey'],
        tokenPlacement: 'query',
        tokenName: 'sessionToken',
        generated: true,
      },
      {
        id: 'nuvei',
        name: 'Nuvei',
        flows: ['CreateSessionToken', 'Authorize', 'PSync', 'Capture', 'Void', 'Refund', 'RSync'],
        authType: 'SignatureKey',
        authTypes: ['SignatureKey'],
        tokenPlacement: 'body',
        tokenName: 'sessionToken',
        generated: false,
      },
      {
        id: 'paytm',
        name: 'Paytm',
        flows: ['CreateSessionToken', 'Authorize', 'PSync'],
        authType: 'SignatureKey',
        authTypes: ['SignatureKey', 'MultiAuthKey'],
        tokenPlacement: 'body',
        tokenName: 'head.txnToken',
        generated: false,
      },
    ]);
  });

  it('a connector as generated is listed from its manifest exactly as loading it lists it', async () => {
    const root = await workspaceForTest();
    const variants = [
      ['--auth-type', 'BodyKey', '--token-placement', 'header', '--token-name', 'X-Token'],
      ['--auth-type', 'SignatureKey', '--token-placement', 'query'],
      ['--flows', 'RSync,Capture'],
      ['--flows', ''],
    ];
    const folders = ['body-pay', 'signed-pay', 'some-flows', 'no-flows'];
    for (const [index, extra] of variants.entries()) {
      const name = ['BodyPay', 'SignedPay', 'SomeFlows', 'NoFlows'][index]!;
      const made = await runMain([ACME[0]!, name, ...ACME.slice(2, -3), ...extra, '--yes'], {
        cwd: root,
      });
      expect(made.code, made.stderr).toBe(0);
    }
    const fromManifests = (await runMain(['list', '--json'], { cwd: root })).json();
    for (const folder of folders) {
      const index = path.join(root, 'src/connectors', folder, 'index.ts');
      writeFileSync(index, `${readFileSync(index, 'utf8')}// loaded, not derived\n`);
    }
    const loaded = (await runMain(['list', '--json'], { cwd: root })).json();
    expect(fromManifests).toEqual(loaded);
    expect(loaded).toHaveLength(folders.length);
    const flowsOf = (id: string) =>
      (loaded as unknown as Array<{ id: string; flows: string[] }>).find((entry) => entry.id === id)
        ?.flows;
    expect(flowsOf('some_flows')).toEqual(['CreateSessionToken', 'Authorize', 'Capture', 'RSync']);
    expect(flowsOf('no_flows')).toEqual(['CreateSessionToken', 'Authorize']);
  });

  it('prints a table for people', async () => {
    const root = await workspaceForTest({ references: true });
    const result = await runMain(['list'], { cwd: root });
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^id\s+flows\s+auth\s+session token\s+origin$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /^nuvei\s+CreateSessionToken, Authorize, PSync, Capture, Void, Refund, RSync\s+SignatureKey\s+body: sessionToken\s+hand-written$/,
    );
  });

  it('an empty registry says how to add a connector', async () => {
    const root = await workspaceForTest();
    const text = await runMain(['list'], { cwd: root });
    expect(text.stdout).toContain(
      'No connectors are registered. Add one with: create-connector new',
    );
    expect((await runMain(['list', '--json'], { cwd: root })).json()).toEqual([]);
  });
});

describe('a registry that fails to load', () => {
  it('is the workspace error (exit 1, the registry named), with the cause under --verbose', async () => {
    const root = await workspaceForTest({
      registry: "import { gone } from './gone/index.js';\nexport const connectors = { gone };\n",
    });
    const plain = await runMain(['list'], { cwd: root });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('error: cannot load the registry src/connectors/registry.ts: ');
    expect(plain.stderr).toContain('  - registry: must import without errors');
    expect(plain.stderr).not.toContain('please file an issue');
    expect(plain.stderr).not.toMatch(/^\s+at /m);

    const verbose = await runMain(['list', '--verbose'], { cwd: root });
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/^\s+at /m);
    expect(verbose.stderr).toContain('Caused by: ');
  });
});

describe('a connector file that does not compile', () => {
  it('names the file and line; conflict markers get their own advice (list and run)', async () => {
    const root = await workspaceForTest();
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    const index = path.join(root, 'src/connectors/acme/index.ts');
    const original = readFileSync(index, 'utf8');
    const lines = original.split('\n');
    writeFileSync(
      index,
      [...lines.slice(0, 3), '<<<<<<< ours', '=======', '>>>>>>> theirs', ...lines.slice(3)].join(
        '\n',
      ),
    );
    const listed = await runMain(['list'], { cwd: root });
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(
      'src/connectors/acme/index.ts:4:1: resolve the conflict markers in src/connectors/acme/index.ts',
    );
    const ran = await runMain(
      ['run', 'acme', '--auth', 'none.json', '--payment', 'none.json', '--json'],
      { cwd: root },
    );
    expect(ran.json<{ error: { message: string } }>().error.message).toContain(
      'resolve the conflict markers in src/connectors/acme/index.ts',
    );

    const transformers = path.join(root, 'src/connectors/acme/transformers.ts');
    writeFileSync(index, original);
    writeFileSync(transformers, `${readFileSync(transformers, 'utf8')}\nexport const = 1;\n`);
    const broken = await runMain(['list'], { cwd: root });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /error: cannot load the registry src\/connectors\/registry\.ts: src\/connectors\/acme\/transformers\.ts:\d+:\d+: Variable declaration expected\./,
    );
  });
});

describe('remove', () => {
  it('unwires and deletes a generated connector: the files are as before new', async () => {
    const root = await workspaceForTest({ references: true });
    const before = filesOnly(treeSnapshot(root));
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    const generated = treeSnapshot(root);

    const dry = await runMain(['remove', 'acme', '--dry-run', '--json'], { cwd: root });
    expect(dry.code).toBe(0);
    const plan = dry.json<{
      changes: Array<{ path: string; type: string; diff: string }>;
      dryRun: boolean;
    }>();
    expect(plan.dryRun).toBe(true);
    const changes = plan.changes.map(({ path, type }) => ({ path, type }));
    const cassettes = changes.filter(({ path }) =>
      path.startsWith('test/connectors/acme/cassettes/'),
    );
    expect(changes.filter((change) => !cassettes.includes(change))).toEqual([
      { path: 'src/connectors/acme/README.md', type: 'delete' },
      { path: 'src/connectors/acme/index.ts', type: 'delete' },
      { path: 'src/connectors/acme/transformers-payments.ts', type: 'delete' },
      { path: 'src/connectors/acme/transformers-refunds.ts', type: 'delete' },
      { path: 'src/connectors/acme/transformers.ts', type: 'delete' },
      { path: 'test/connectors/acme.test.ts', type: 'delete' },
      { path: 'src/connectors/acme/manifest.json', type: 'delete' },
      { path: 'src/connectors/registry.ts', type: 'update' },
    ]);
    // the recorded cassettes are generated files too
    expect(cassettes).toContainEqual({
      path: 'test/connectors/acme/cassettes/authorize-charged.json',
      type: 'delete',
    });
    expect(cassettes.every(({ type }) => type === 'delete')).toBe(true);
    expect(plan.changes[1]!.diff).toMatch(
      /^--- a\/src\/connectors\/acme\/index\.ts\n\+\+\+ \/dev\/null\n/,
    );
    expect(treeSnapshot(root)).toEqual(generated);

    const removed = await runMain(['remove', 'acme'], { cwd: root });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('DELETE src/connectors/acme/index.ts');
    expect(filesOnly(treeSnapshot(root))).toEqual(before);
  });

  it("deletes every file the manifest lists in the connector's folders; never one outside", async () => {
    const root = await workspaceForTest({ references: true });
    expect((await runMain([...ACME, '--flows', 'Capture'], { cwd: root })).code).toBe(0);
    const manifestFile = path.join(root, 'src/connectors/acme/manifest.json');
    const manifest = parseManifest(readFileSync(manifestFile, 'utf8'));
    // a cassette beside the test and a file of the connector's folder, and one outside both
    const extra = {
      'test/connectors/acme/cassettes/capture-charged.json': '{}\n',
      'src/connectors/acme/capture.ts': 'export {};\n',
      'docs/acme.md': '# Acme\n',
    };
    for (const [file, content] of Object.entries(extra)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    const files = [
      ...Object.entries(manifest.files).map(([file, record]) => ({
        path: file,
        content: record.pristine,
      })),
      ...Object.entries(extra).map(([file, content]) => ({ path: file, content })),
    ];
    writeFileSync(manifestFile, serializeManifest(createManifest({ ...manifest, files })));

    const removed = await runMain(['remove', 'acme', '--json'], { cwd: root });
    expect(removed.code).toBe(0);
    const report = removed.json<{ changes: Array<{ path: string }>; kept: unknown[] }>();
    const deleted = report.changes.map((change) => change.path);
    expect(deleted).toContain('test/connectors/acme/cassettes/capture-charged.json');
    expect(deleted).toContain('src/connectors/acme/capture.ts');
    expect(deleted).toContain('src/connectors/acme/README.md');
    expect(report.kept).toEqual([{ path: 'docs/acme.md', reason: 'not-generated' }]);
    expect(readFileSync(path.join(root, 'docs/acme.md'), 'utf8')).toBe('# Acme\n');
    expect(existsSync(path.join(root, 'src/connectors/acme'))).toBe(false);
  });

  it('refuses a hand-written connector and an unknown id (exit 1), changing nothing', async () => {
    const root = await workspaceForTest({ references: true });
    const before = treeSnapshot(root);
    const handWritten = await runMain(['remove', 'nuvei', '--json'], { cwd: root });
    expect(handWritten.code).toBe(1);
    expect(
      handWritten.json<{ error: { message: string; issues: unknown[] } }>().error,
    ).toMatchObject({
      message: expect.stringContaining('it was not generated, so remove refuses to delete it'),
      issues: [{ key: 'id', value: 'nuvei' }],
    });
    const unknown = await runMain(['remove', 'stripe'], { cwd: root });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no generated connector "stripe"');
    expect(treeSnapshot(root)).toEqual(before);
  });

  it.each([
    ['the id', 'acme_pay'],
    ['the folder', 'acme-pay'],
    ['the name', 'AcmePay'],
  ])('by %s: unwires the one connector it names (the registry loads after)', async (_how, arg) => {
    const root = await workspaceForTest({ references: true });
    const before = filesOnly(treeSnapshot(root));
    expect(
      (await runMain([...ACME.slice(0, 1), 'AcmePay', ...ACME.slice(2)], { cwd: root })).code,
    ).toBe(0);
    const removed = await runMain(['remove', arg, '--json'], { cwd: root });
    expect(removed.code).toBe(0);
    expect(removed.json<{ connector: { id: string } }>().connector.id).toBe('acme_pay');
    expect(filesOnly(treeSnapshot(root))).toEqual(before);
    expect((await runMain(['list'], { cwd: root })).code).toBe(0);
  });

  it('repairs a registry that imports a folder that is gone: remove <id> unwires it', async () => {
    const root = await workspaceForTest({ references: true });
    const before = filesOnly(treeSnapshot(root));
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    rmSync(path.join(root, 'src/connectors/acme'), { recursive: true });
    rmSync(path.join(root, 'test/connectors/acme.test.ts'));
    rmSync(path.join(root, 'test/connectors/acme'), { recursive: true });
    expect((await runMain(['list'], { cwd: root })).code).toBe(1);
    const repaired = await runMain(['remove', 'acme'], { cwd: root });
    expect(repaired.stderr).toBe('');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain('UPDATE src/connectors/registry.ts');
    // the registry is byte for byte what it was before new (a new process loads it again)
    expect(filesOnly(treeSnapshot(root))).toEqual(before);
  });

  it('keeps files edited since generation (listed) unless --force; never a file it did not write', async () => {
    const root = await workspaceForTest({ references: true });
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    const transformers = path.join(root, 'src/connectors/acme/transformers.ts');
    const edited = `${readFileSync(transformers, 'utf8')}// mine\n`;
    writeFileSync(transformers, edited);
    const helper = path.join(root, 'src/connectors/acme/helper.ts');
    writeFileSync(helper, 'export const mine = 1;\n');

    const kept = await runMain(['remove', 'acme'], { cwd: root });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(
      'KEEP   src/connectors/acme/transformers.ts (edited since generation',
    );
    expect(readFileSync(transformers, 'utf8')).toBe(edited);
    expect(readFileSync(helper, 'utf8')).toBe('export const mine = 1;\n');
    expect(existsSync(path.join(root, 'src/connectors/acme/index.ts'))).toBe(false);
    expect((await runMain(['list', '--json'], { cwd: root })).json()).toHaveLength(2);

    const root2 = await workspaceForTest({ references: true });
    expect((await runMain(ACME, { cwd: root2 })).code).toBe(0);
    writeFileSync(path.join(root2, 'src/connectors/acme/transformers.ts'), edited);
    const forced = await runMain(['remove', 'acme', '--force', '--json'], { cwd: root2 });
    expect(forced.code).toBe(0);
    expect(forced.json<{ kept: unknown[] }>().kept).toEqual([]);
    expect(existsSync(path.join(root2, 'src/connectors/acme'))).toBe(false);
  });

  it('on a terminal, asks before deleting edited files', async () => {
    const root = await workspaceForTest({ references: true });
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    const index = path.join(root, 'src/connectors/acme/index.ts');
    writeFileSync(index, `${readFileSync(index, 'utf8')}// mine\n`);
    const asked: string[] = [];
    const answer = (yes: boolean): PromptAdapter => ({
      input: () => Promise.reject(new Error('not asked')),
      select: () => Promise.reject(new Error('not asked')),
      checkbox: () => Promise.reject(new Error('not asked')),
      confirm: (message) => {
        asked.push(message);
        return Promise.resolve(yes);
      },
    });
    const io = captureIo(root, { tty: true });
    expect(await removeCommand('acme', { dryRun: true }, io, answer(true))).toBe(0);
    expect(asked).toEqual([]);
    expect(await removeCommand('acme', {}, io, answer(true))).toBe(0);
    expect(asked).toEqual(['Delete them too?']);
    expect(io.stdoutText()).toContain('src/connectors/acme/index.ts');
    expect(existsSync(index)).toBe(false);
  });

  it('refuses an argument that names no registered connector, changing nothing', async () => {
    const root = await workspaceForTest({ references: true });
    expect((await runMain(ACME, { cwd: root })).code).toBe(0);
    const before = treeSnapshot(root);
    const result = await runMain(['remove', 'acme-payments', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(
      result.json<{ error: { issues: Array<{ rule: string }> } }>().error.issues[0]!.rule,
    ).toBe('must name a registered connector: acme, nuvei, paytm');
    expect(treeSnapshot(root)).toEqual(before);
  });
});
