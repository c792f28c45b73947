/** `new|remove|verify --target ucs` end to end on a copy of the synthetic seed-era checkout. */

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { snapshotDir } from '../generator/helpers/testdir.js';
import { checkout } from '../generator/ucs/checkout.js';
import { runMain } from './helpers/io.js';

const ANSWERS = [
  '--base-url',
  'https://api.acme.test',
  '--session-token-endpoint',
  'v1/session-token',
  '--authorize-endpoint',
  'v1/payments',
  '--auth-type',
  'SignatureKey',
  '--auth-fields',
  'merchant_id,site_id,secret',
];
const CREATED = [
  'backend/connector-integration/src/connectors/acme.rs',
  'backend/connector-integration/src/connectors/acme/transformers.rs',
];
const UPDATED = [
  'backend/connector-integration/src/connectors.rs',
  'backend/connector-integration/src/types.rs',
  'backend/domain_types/src/connector_types.rs',
  'backend/domain_types/src/types.rs',
  'backend/grpc-api-types/proto/payment.proto',
  'config/development.toml',
  'config/sandbox.toml',
  'config/production.toml',
];
const CONNECTOR = { name: 'Acme', snake: 'acme', protoName: 'ACME' };

describe('create-connector --target ucs', () => {
  it('new --json prints the contract object and wires the connector; a second run changes nothing', async () => {
    const root = checkout();
    const first = await runMain(
      ['new', 'Acme', '--target', 'ucs', '--ucs-dir', root, '--json', ...ANSWERS],
      { cwd: root },
    );
    expect(first.code).toBe(0);
    expect(first.json()).toEqual({
      target: 'ucs',
      dryRun: false,
      connector: CONNECTOR,
      created: CREATED,
      updated: UPDATED,
    });
    expect(existsSync(path.join(root, CREATED[0]!))).toBe(true);
    const second = await runMain(
      ['new', 'Acme', '--target', 'ucs', '--ucs-dir', root, '--json', ...ANSWERS],
      { cwd: root },
    );
    expect(second.json()).toEqual({
      target: 'ucs',
      dryRun: false,
      connector: CONNECTOR,
      created: [],
      updated: [],
    });
    const verify = await runMain(
      ['verify', '--target', 'ucs', '--ucs-dir', root, '--name', 'Acme'],
      { cwd: root },
    );
    expect(verify.stdout).toMatch(/ok {3}rustfmt|skip rustfmt/);
    expect(verify.stdout).toContain('verify --target ucs: passed');
    expect(verify.code).toBe(0);
  }, 60_000);

  it('--dry-run lists the same changes with unified diffs and writes nothing', async () => {
    const root = checkout();
    const before = snapshotDir(root);
    const json = await runMain(
      ['new', 'Acme', '--target', 'ucs', '--ucs-dir', root, '--dry-run', '--json', ...ANSWERS],
      { cwd: root },
    );
    expect(json.json()).toEqual({
      target: 'ucs',
      dryRun: true,
      connector: CONNECTOR,
      created: CREATED,
      updated: UPDATED,
    });
    const text = await runMain(
      ['new', 'Acme', '--target', 'ucs', '--ucs-dir', root, '--dry-run', ...ANSWERS],
      { cwd: root },
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('+++ b/config/sandbox.toml\n');
    expect(text.stdout).toContain('+acme.base_url = "https://api.acme.test"');
    expect(text.stdout).toContain('+  ACME = 4;');
    expect(text.stdout).toContain('Dry run: nothing was written.');
    expect(snapshotDir(root)).toEqual(before);
  });

  it('remove --target ucs undoes new byte for byte', async () => {
    const root = checkout();
    const before = snapshotDir(root);
    await runMain(['new', 'Acme', '--target', 'ucs', '--ucs-dir', root, ...ANSWERS], { cwd: root });
    const removed = await runMain(
      ['remove', 'acme', '--target', 'ucs', '--ucs-dir', root, '--json'],
      { cwd: root },
    );
    expect(removed.code).toBe(0);
    expect(removed.json()).toEqual({
      target: 'ucs',
      dryRun: false,
      connector: { name: 'acme', snake: 'acme', protoName: 'ACME' },
      created: [],
      updated: UPDATED,
      deleted: CREATED,
    });
    expect(snapshotDir(root)).toEqual(before);
  });

  // prettier-ignore
  it.each([
    ['a crates/ layout',     (root: string) => mkdirSync(path.join(root, 'crates')), ['--ucs-dir', '.'],      /found the crates\/ layout/],
    ['no --ucs-dir',         () => undefined,                                        [],                      /--ucs-dir is required with --target ucs/],
    ['an existing name',     () => undefined,                                        ['--ucs-dir', '.', '--name', 'Beta'], /already exists/],
  ])('refuses %s with exit 1, writing nothing', async (_what, prepare, extra, message) => {
    const root = checkout();
    prepare(root);
    const before = snapshotDir(root);
    const args = ['new', '--target', 'ucs', ...ANSWERS, ...extra];
    if (!extra.includes('--name')) args.splice(1, 0, 'Acme');
    const result = await runMain(args, { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(snapshotDir(root)).toEqual(before);
  });
});
