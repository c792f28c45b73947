/**
 * Tests that follow the gateway, not the template: the conformance suite over committed cassettes
 * (a lenient cassette gateway) passes for a connector whose request field was renamed, while the
 * strict replay of the same cassette names the renamed member; itReplaysCassette in one line.
 */

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it, onTestFinished } from 'vitest';

import { Secret, type Connector, type PaymentInput } from '../../src/runtime/index.js';
import { genericSandboxAuth } from '../../src/sandbox/index.js';
import {
  cassetteConformance,
  cassetteFiles,
  cassetteReply,
  cassetteRoutes,
  CassetteMismatchError,
  itReplaysCassette,
  replayCassette,
  runConnectorConformance,
  startCassetteGateway,
} from '../../src/testing/index.js';
import { genericFlows } from './support/generic-flows-connector.js';

const CHARGED = new URL(
  '../fixtures/cassettes/generic-flows/authorize-charged.json',
  import.meta.url,
);
const REFUSED = new URL(
  '../fixtures/cassettes/generic-flows/session-refused.json',
  import.meta.url,
);
const auth = genericSandboxAuth('SignatureKey');
const payment: PaymentInput = {
  referenceId: 'order_0001',
  amount: 1000,
  currency: 'USD',
  captureMethod: 'automatic',
  paymentMethod: {
    type: 'card',
    number: new Secret('4111111111111111'),
    expMonth: new Secret('12'),
    expYear: new Secret('2031'),
    cvc: new Secret('737'),
  },
};

/** The connector after a user's edit toward their gateway: Authorize's `reference` renamed. */
const authorize = genericFlows.flows.Authorize!;
const renamed = {
  ...genericFlows,
  id: 'generic_flows_renamed',
  name: 'GenericFlowsRenamed',
  flows: {
    ...genericFlows.flows,
    Authorize: {
      ...authorize,
      body: (ctx: Parameters<NonNullable<typeof authorize.body>>[0]) => {
        const { reference, ...rest } = authorize.body!(ctx) as Record<string, unknown>;
        return { ...rest, merchantReference: reference };
      },
    },
  },
} as Connector<'StringMinorUnit'>;

itReplaysCassette(CHARGED, { connector: genericFlows, auth, payment });
itReplaysCassette(REFUSED, {
  connector: genericFlows,
  auth,
  payment,
  expect: { status: 'Failure', errorCode: 'INVALID_CHECKSUM' },
});

describe('a renamed request field', () => {
  it('fails the strict replay naming the member, and passes once the cassette line is edited', async () => {
    const error = await replayCassette(CHARGED, { connector: renamed, auth, payment }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CassetteMismatchError);
    const report = (error as Error).message;
    expect(report).toContain(
      'request 1 (Authorize POST /v1/payments) differs from exchanges[1].request:',
    );
    expect(report).toContain('  body.reference: missing (expected "order_0001")');
    expect(report).toContain('  body.merchantReference: not in the cassette (got "order_0001")');
    expect(report).not.toContain('4111111111111111');

    const { loadCassette } = await import('../../src/testing/index.js');
    const edited = structuredClone(loadCassette(CHARGED).cassette);
    const body = edited.exchanges[1]!.request.body as { json: Record<string, unknown> };
    body.json = Object.fromEntries(
      Object.entries(body.json).map(([key, value]) => [
        key === 'reference' ? 'merchantReference' : key,
        value,
      ]),
    );
    expect((await replayCassette(edited, { connector: renamed, auth, payment })).outcome).toEqual({
      status: 'Charged',
    });
  });
});

// the conformance suite, over the cassettes: it checks the runtime's promises, not field names
for (const connector of [genericFlows, renamed]) {
  runConnectorConformance({
    connector,
    startEmulator: () => startCassetteGateway([CHARGED]),
    auth,
    payment,
    routes: cassetteRoutes(CHARGED),
    sessionFailure: cassetteReply(REFUSED),
  });
}

describe('cassetteConformance', () => {
  const folder = new URL('../fixtures/cassettes/generic-flows/', import.meta.url);

  it('takes the approved payment and the session refusal from a folder, whatever their names', () => {
    const options = cassetteConformance(folder);
    expect(options.sessionFailure).toEqual(cassetteReply(REFUSED));
    expect(options.jsonError).toBeUndefined();
    expect(typeof options.routes.session).toBe('function');
  });

  it('names what a folder lacks, and a folder that is not there', () => {
    const only = mkdtempSync(path.join(tmpdir(), 'cc-cassettes-'));
    onTestFinished(() => rmSync(only, { recursive: true, force: true }));
    copyFileSync(fileURLToPath(REFUSED), path.join(only, 'session-refused.json'));
    expect(() => cassetteConformance(only)).toThrow(
      `conformance needs a cassette of an approved payment (session, then Authorize) in ${only}`,
    );
    expect(() => cassetteFiles(path.join(only, 'gone'))).toThrow(
      `no cassettes folder ${path.join(only, 'gone')}: regenerate the connector, or record one`,
    );
  });
});

// the conformance suite over a folder of cassettes, as a generated test file runs it
runConnectorConformance({
  connector: renamed,
  auth,
  payment,
  ...cassetteConformance(new URL('../fixtures/cassettes/generic-flows/', import.meta.url)),
});
