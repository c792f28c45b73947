/**
 * The day-one cassettes the generator records: one per scenario of every flow the connector
 * declares (a connector with all seven flows gets every flow's, with no more work), each replaying
 * to the outcome its name says; repeatable, the same from the cache, and independent of the name.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseAnswers, type Answers } from '../../src/generator/answers/index.js';
import { dayOneCassettes } from '../../src/generator/cassettes/index.js';
import { recordScenarios } from '../../src/generator/cassettes/record.js';
import { SCENARIOS } from '../../src/generator/cassettes/scenarios.js';
import { connectorFiles } from '../../src/generator/lifecycle/connector-files.js';
import { loadWorkspace } from '../../src/generator/workspace.js';
import { Secret, type PaymentInput } from '../../src/runtime/index.js';
import { genericSandboxAuth, GENERIC_TEST_CARDS } from '../../src/sandbox/index.js';
import { replayCassette, type CassetteOutcome } from '../../src/testing/index.js';
import { GENERIC_FLOWS_SPEC, genericFlows } from '../testing/support/generic-flows-connector.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const payment: PaymentInput = {
  amount: 1,
  currency: 'EUR',
  paymentMethod: {
    type: 'card',
    number: new Secret(GENERIC_TEST_CARDS.approve),
    expMonth: new Secret('01'),
    expYear: new Secret('2031'),
    cvc: new Secret('999'),
  },
};

function answersOf(name: string): Answers {
  const parsed = parseAnswers({
    name,
    baseUrl: 'https://api.acme.example/v2',
    sessionTokenEndpoint: 'v1/session-token',
    authorizeEndpoint: 'v1/payments',
    authType: 'SignatureKey',
    tokenPlacement: 'query',
    flows: ['Capture'],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.answers;
}

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'cc-cassette-cache-'));
  process.env['CREATE_CONNECTOR_CACHE_DIR'] = cacheDir;
});
afterAll(() => {
  delete process.env['CREATE_CONNECTOR_CACHE_DIR'];
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('a connector with every flow', () => {
  const expected: ReadonlyArray<readonly [string, CassetteOutcome]> = [
    ['session-approved', { status: 'Pending' }],
    ['session-declined', { status: 'Failure', errorCode: 'SESSION_DECLINED' }],
    ['authorize-charged', { status: 'Charged' }],
    ['authorize-authorized', { status: 'Authorized' }],
    ['authorize-pending', { status: 'Pending' }],
    ['authorize-redirect', { status: 'AuthenticationPending' }],
    ['authorize-declined', { status: 'Failure' }],
    ['authorize-error', { status: 'Failure', errorCode: 'PROCESSING_ERROR' }],
    [
      'authorize-error-status',
      { status: 'Failure', error: { kind: 'connector', code: 'CONNECTOR_ERROR_RESPONSE' } },
    ],
    ['authorize-session-declined', { status: 'Failure', errorCode: 'SESSION_DECLINED' }],
    ['psync-charged', { status: 'Charged' }],
    ['psync-authorized', { status: 'Authorized' }],
    ['capture-charged', { status: 'Charged' }],
    ['capture-declined', { status: 'CaptureFailed' }],
    ['void-voided', { status: 'Voided' }],
    ['void-declined', { status: 'VoidFailed' }],
    ['refund-success', { refundStatus: 'Success' }],
    ['refund-declined', { refundStatus: 'Failure' }],
    ['rsync-success', { refundStatus: 'Success' }],
  ];

  it('gets a cassette of every scenario, each replaying to the outcome its name says', async () => {
    const recorded = await recordScenarios(genericFlows, {
      ...GENERIC_FLOWS_SPEC,
      baseUrl: 'https://gateway.example',
    });
    expect(recorded.map((each) => each.name)).toEqual(
      SCENARIOS.map((each) => `${each.flow}-${each.name}.json`),
    );
    expect(recorded.map((each) => each.name)).toEqual(expected.map(([name]) => `${name}.json`));
    const auth = genericSandboxAuth(GENERIC_FLOWS_SPEC.authType);
    for (const [index, { name, cassette }] of recorded.entries()) {
      expect(cassette.outcome, name).toMatchObject(expected[index]![1]);
      const replayed = await replayCassette(cassette, { connector: genericFlows, auth, payment });
      expect(replayed.outcome, name).toEqual(cassette.outcome);
    }
  });

  it('records none of a flow the connector does not declare', async () => {
    const { PSync: _psync, Capture: _capture, ...flows } = genericFlows.flows;
    const fewer = { ...genericFlows, flows };
    const recorded = await recordScenarios(fewer, {
      ...GENERIC_FLOWS_SPEC,
      baseUrl: 'https://gateway.example',
    });
    const names = recorded.map((each) => each.name);
    expect(names.filter((name) => /^(psync|capture)-/.test(name))).toEqual([]);
    expect(names).toContain('refund-success.json');
  });
});

describe('the day-one cassettes of a generated connector', () => {
  const workspace = () => loadWorkspace(REPO);
  const cassettesOf = async (name: string, cache: boolean) =>
    (await connectorFiles(workspace(), answersOf(name), { cassetteCache: cache })).sources.filter(
      (file) => file.path.includes('/cassettes/'),
    );

  it('are those of the flows it declares, repeatable, the same from the cache, and the same under another name but the id', async () => {
    const fresh = await cassettesOf('AcmePay', false);
    expect(fresh.map((file) => path.posix.basename(file.path))).toEqual(
      [
        'authorize-authorized',
        'authorize-charged',
        'authorize-declined',
        'authorize-error-status',
        'authorize-error',
        'authorize-pending',
        'authorize-redirect',
        'authorize-session-declined',
        'capture-charged',
        'capture-declined',
        'session-approved',
        'session-declined',
      ].map((name) => `${name}.json`),
    );
    expect(await cassettesOf('AcmePay', false)).toEqual(fresh);
    // the first cached run records and keeps them; the second reads them back
    expect(await cassettesOf('AcmePay', true)).toEqual(fresh);
    expect(await cassettesOf('AcmePay', true)).toEqual(fresh);
    const other = await cassettesOf('OtherPay', true);
    expect(other.map((file) => file.content.replaceAll('other_pay', 'acme_pay'))).toEqual(
      fresh.map((file) => file.content),
    );
    // the emulator's address reads as the gateway's, and no recording time is kept
    const redirect = fresh.find((file) => file.path.endsWith('authorize-redirect.json'))!;
    expect(redirect.content).toContain('"redirectUrl": "https://api.acme.example/v2/challenge/');
    expect(fresh.some((file) => /127\.0\.0\.1|recordedAt/.test(file.content))).toBe(false);
  });

  it('name the rendered module a connector imports that recording cannot load', async () => {
    await expect(
      dayOneCassettes(
        {
          answers: answersOf('AcmePay'),
          connectorId: 'acme_pay',
          modules: [
            {
              path: 'src/x/index.ts',
              content: "import { y } from 'left-pad';\nexport const acmePay = y;\n",
            },
          ],
          entry: 'src/x/index.ts',
          exportName: 'acmePay',
          runtimeSpecifier: 'create-connector/runtime',
        },
        { cache: false },
      ),
    ).rejects.toThrow('src/x/index.ts imports left-pad');
  });
});
