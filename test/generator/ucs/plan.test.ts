import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  applyUcsPlan,
  checkUcsConnector,
  ConflictError,
  hasTool,
  planUcsNew,
  planUcsRemove,
  UsageError,
  type UcsAnswers,
  type UcsPlan,
} from '../../../src/generator/ucs/index.js';
import { snapshotDir } from '../helpers/testdir.js';
import { BASE } from './cases.js';
import { checkout, edit } from './checkout.js';

const ACME: UcsAnswers = { ...BASE, name: 'Acme', baseUrlProduction: 'https://live.acme.test' };
const rustfmt = await hasTool('rustfmt');

/** Lines added and removed per updated file. */
function lineDelta(plan: UcsPlan): Record<string, { added: string[]; removed: number }> {
  const result: Record<string, { added: string[]; removed: number }> = {};
  for (const change of plan.changes.filter((c) => c.type === 'update')) {
    const before = (plan.before.get(change.path) ?? '').split('\n');
    const after = (change.content ?? '').split('\n');
    const remaining = [...before];
    const added: string[] = [];
    for (const line of after) {
      const index = remaining.indexOf(line);
      if (index === -1) added.push(line);
      else remaining.splice(index, 1);
    }
    result[change.path] = { added, removed: remaining.length };
  }
  return result;
}

describe('planUcsNew on a seed-era checkout', () => {
  it('creates 2 files and adds one line at each of the 9 points in 8 files, nothing removed', async () => {
    const root = checkout();
    const plan = await planUcsNew({ ucsDir: root, answers: ACME });
    expect(plan.changes.filter((c) => c.type === 'create').map((c) => c.path)).toEqual([
      'backend/connector-integration/src/connectors/acme.rs',
      'backend/connector-integration/src/connectors/acme/transformers.rs',
    ]);
    // prettier-ignore
    expect(lineDelta(plan)).toEqual({
      'backend/connector-integration/src/connectors.rs': { added: ['pub mod acme;', 'pub use self::acme::Acme;', ''], removed: 0 },
      'backend/connector-integration/src/types.rs':      { added: ['            ConnectorEnum::Acme => Box::new(connectors::Acme::new()),'], removed: 0 },
      'backend/domain_types/src/connector_types.rs':     { added: ['    Acme,', '            grpc_api_types::payments::Connector::Acme => Ok(Self::Acme),'], removed: 0 },
      'backend/domain_types/src/types.rs':               { added: ['    pub acme: ConnectorParams,'], removed: 0 },
      'backend/grpc-api-types/proto/payment.proto':      { added: ['  ACME = 4;'], removed: 0 },
      'config/development.toml':                         { added: ['acme.base_url = "https://api.acme.test"'], removed: 0 },
      'config/sandbox.toml':                             { added: ['acme.base_url = "https://api.acme.test"'], removed: 0 },
      'config/production.toml':                          { added: ['acme.base_url = "https://live.acme.test"'], removed: 0 },
    });
  });

  it('puts each insertion where upstream does: last in its list, the gRPC arm before Unspecified, the TOML key last in [connectors]', async () => {
    const plan = await planUcsNew({ ucsDir: checkout(), answers: ACME });
    const content = (file: string): string =>
      plan.changes.find((c) => c.path === file)?.content ?? '';
    expect(content('backend/domain_types/src/connector_types.rs')).toMatch(
      / {4}Beta,\n {4}Acme,\n\}/,
    );
    expect(content('backend/domain_types/src/connector_types.rs')).toMatch(
      /Connector::Acme => Ok\(Self::Acme\),\n\s+grpc_api_types::payments::Connector::Unspecified =>/,
    );
    expect(content('backend/connector-integration/src/types.rs')).toMatch(
      /Beta::new\(\)\),\n\s+ConnectorEnum::Acme => Box::new\(connectors::Acme::new\(\)\),\n {8}\}/,
    );
    expect(content('config/sandbox.toml')).toMatch(
      /beta.secondary_base_url = "[^"]+"\nacme.base_url = "https:\/\/api.acme.test"\n\n# Events\n\[events\]/,
    );
    expect(content('backend/grpc-api-types/proto/payment.proto')).toMatch(
      / {2}BETA = 3;\n {2}ACME = 4;\n\}/,
    );
  });

  it('applies atomically, passes the offline checks, plans nothing the second time, and remove restores every byte', async () => {
    const root = checkout();
    const before = snapshotDir(root);
    await applyUcsPlan(await planUcsNew({ ucsDir: root, answers: ACME }));
    const report = await checkUcsConnector({
      ucsDir: root,
      name: 'Acme',
      checks: ['rustfmt', 'protoc', 'toml', 'lists'],
    });
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    expect((await planUcsNew({ ucsDir: root, answers: ACME })).changes).toEqual([]);
    await applyUcsPlan(await planUcsRemove({ ucsDir: root, name: 'Acme' }));
    expect(snapshotDir(root)).toEqual(before);
  });

  it('rolls every file back when the apply fails part-way', async () => {
    const root = checkout();
    const before = snapshotDir(root);
    const plan = await planUcsNew({ ucsDir: root, answers: ACME });
    await expect(applyUcsPlan(plan, { failAfter: 5 })).rejects.toThrow(
      /every touched file was restored/,
    );
    expect(snapshotDir(root)).toEqual(before);
  });

  it('refuses to remove generated files a user edited, unless forced', async () => {
    const root = checkout();
    await applyUcsPlan(await planUcsNew({ ucsDir: root, answers: ACME }));
    edit(
      root,
      'backend/connector-integration/src/connectors/acme/transformers.rs',
      (text) => `${text}// mine\n`,
    );
    await expect(planUcsRemove({ ucsDir: root, name: 'Acme' })).rejects.toThrow(ConflictError);
    const forced = await planUcsRemove({ ucsDir: root, name: 'Acme', force: true });
    expect(forced.changes.filter((c) => c.type === 'delete')).toHaveLength(2);
  });

  // prettier-ignore
  it.each([
    ['Alpha',  /already exists: .*connectors\.rs/],
    ['alpha',  /already exists/],
    ['stripe', /already exists/],
  ])('refuses an existing connector %s before any write', async (name, message) => {
    const root = checkout();
    const before = snapshotDir(root);
    await expect(planUcsNew({ ucsDir: root, answers: { ...ACME, name } })).rejects.toThrow(message);
    expect(snapshotDir(root)).toEqual(before);
  });

  it('matches exact identifiers, not substrings: stri next to Stripe is fine', async () => {
    const plan = await planUcsNew({ ucsDir: checkout(), answers: { ...ACME, name: 'stri' } });
    expect(plan.changes).toHaveLength(10);
  });

  // prettier-ignore
  it.each([
    ['a TOML key of that name',       'config/sandbox.toml',                            (t: string) => t.replace('[connectors]\n', '[connectors]\nacme.base_url = "https://other.test"\n'), ConflictError, /config\/sandbox.toml \[connectors\] has acme.base_url/],
    ['a proto value of that name',    'backend/grpc-api-types/proto/payment.proto',     (t: string) => t.replace('  ALPHA = 1;', '  ALPHA = 1;\n  ACME = 7;'),                                ConflictError, /ACME = 7/],
    ['a Connectors field',            'backend/domain_types/src/types.rs',              (t: string) => t.replace('    pub beta: ConnectorParams,', '    pub beta: ConnectorParams,\n    pub acme: OtherParams,'), ConflictError, /struct Connectors has pub acme:/],
    ['no enum ConnectorEnum',         'backend/domain_types/src/connector_types.rs',    (t: string) => t.replace('pub enum ConnectorEnum', 'pub enum ConnectorKind'),                 UsageError,    /connector_types.rs has no pub enum ConnectorEnum/],
    ['two enum ConnectorEnum',        'backend/domain_types/src/connector_types.rs',    (t: string) => `${t}\npub enum ConnectorEnum {\n    X,\n}\n`,                                UsageError,    /has 2 pub enum ConnectorEnums/],
    ['no fn convert_connector',       'backend/connector-integration/src/types.rs',     (t: string) => t.replaceAll('convert_connector', 'to_connector'),                           UsageError,    /has no fn convert_connector/],
    ['no [connectors] table',         'config/production.toml',                         (t: string) => t.replace('[connectors]', '[gateways]'),                                      UsageError,    /production.toml has no \[connectors\] table/],
    ['no sentinel arm',               'backend/domain_types/src/connector_types.rs',    (t: string) => t.replace('grpc_api_types::payments::Connector::Unspecified =>', 'grpc_api_types::payments::Connector::Other =>').replace('            _ => Err', '            grpc_api_types::payments::Connector::Gone => Err'), UsageError, /no `Connector::Unspecified =>` or `_ =>` arm/],
  ])('refuses %s, writing nothing', async (_what, file, change, type, message) => {
    const root = checkout();
    edit(root, file, change);
    const before = snapshotDir(root);
    const attempt = planUcsNew({ ucsDir: root, answers: ACME });
    await expect(attempt).rejects.toThrow(type);
    await expect(planUcsNew({ ucsDir: root, answers: ACME })).rejects.toThrow(message);
    expect(snapshotDir(root)).toEqual(before);
  });

  // prettier-ignore
  it.each([
    ['the crates/ layout',           (root: string) => mkdirSync(path.join(root, 'crates')),                                                                               /found the crates\/ layout/],
    ['typed connector config',       (root: string) => edit(root, 'backend/interfaces/src/api.rs', (t) => t.replace('_auth_type: &ConnectorAuthType', '_config: &ConnectorSpecificConfig')), /typed connector config/],
    ['no BodyDecoding',              (root: string) => edit(root, 'backend/interfaces/src/connector_types.rs', (t) => t.replace(' + BodyDecoding', '')),                  /before 2026-02-11/],
    ['an unknown flow',              (root: string) => edit(root, 'backend/interfaces/src/connector_types.rs', (t) => t.replace('    + MandateRevokeV2\n', '    + MandateRevokeV2\n    + PayoutV2\n')), /unknown flows PayoutV2/],
    ['not a checkout',               (root: string) => rmSync(path.join(root, 'backend/interfaces/src/api.rs')),                                                          /not a connector-service checkout/],
  ])('refuses %s, naming what it found', async (_what, mutate, message) => {
    const root = checkout();
    mutate(root);
    await expect(planUcsNew({ ucsDir: root, answers: ACME })).rejects.toThrow(UsageError);
    await expect(planUcsNew({ ucsDir: root, answers: ACME })).rejects.toThrow(message);
    expect(existsSync(path.join(root, 'backend/connector-integration/src/connectors/acme.rs'))).toBe(false);
  });
});

describe.skipIf(!rustfmt)('edits stay rustfmt-clean for long names', () => {
  it('writes the arms as rustfmt would for a 40-character name', async () => {
    const root = checkout();
    await applyUcsPlan(
      await planUcsNew({
        ucsDir: root,
        answers: { ...ACME, name: 'VeryLongConnectorNameForPaymentsWorldwide' },
      }),
    );
    const report = await checkUcsConnector({
      ucsDir: root,
      name: 'VeryLongConnectorNameForPaymentsWorldwide',
      checks: ['rustfmt', 'lists'],
    });
    expect(report.checks).toEqual([
      { name: 'rustfmt', status: 'pass', problems: [] },
      { name: 'lists', status: 'pass', problems: [] },
    ]);
  });
});
