/** `create-connector list` and `remove` in this process over temporary workspaces. */

import { describe, expect, it } from 'vitest';

import { runMain } from './helpers/io.js';
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
        flows: ['CreateSessionToken', 'Authorize'],
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
    expect(plan.changes.map(({ path, type }) => ({ path, type }))).toEqual([
      { path: 'src/connectors/acme/index.ts', type: 'delete' },
      { path: 'src/connectors/acme/transformers.ts', type: 'delete' },
      { path: 'test/connectors/acme.test.ts', type: 'delete' },
      { path: 'src/connectors/acme/manifest.json', type: 'delete' },
      { path: 'src/connectors/registry.ts', type: 'update' },
    ]);
    expect(plan.changes[0]!.diff).toMatch(
      /^--- a\/src\/connectors\/acme\/index\.ts\n\+\+\+ \/dev\/null\n/,
    );
    expect(treeSnapshot(root)).toEqual(generated);

    const removed = await runMain(['remove', 'acme'], { cwd: root });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('DELETE src/connectors/acme/index.ts');
    expect(filesOnly(treeSnapshot(root))).toEqual(before);
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
});
