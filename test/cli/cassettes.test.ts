/**
 * Generated tests that follow the gateway, not the template (issue 13, item 2), tried as a user
 * would: scaffold a connector, rename a request field in its transformer toward "their gateway",
 * see the generated tests fail naming the member, then either edit the one cassette line or
 * re-record against a gateway that speaks the new field, and every generated test passes again.
 * No secret is in any cassette, even from a gateway that echoes the request back.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it, onTestFinished } from 'vitest';

import { jsonReply, startLoopbackGateway } from '../../src/sandbox/loopback.js';
import {
  GENERIC_SANDBOX_CREDENTIALS,
  GENERIC_TEST_CARDS,
  startGenericEmulator,
  type GenericGatewaySpec,
} from '../../src/sandbox/index.js';
import { runMain } from './helpers/io.js';
import { createTempWorkspace } from './helpers/workspace.js';

const SPEC: GenericGatewaySpec = {
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
  contentType: 'application/json',
  authType: 'BodyKey',
  tokenPlacement: 'header',
  tokenName: 'X-Session-Token',
  amountType: 'StringMinorUnit',
};
const NEW = [
  'new',
  'AcmePay',
  '--base-url',
  'https://api.acmepay.example',
  '--session-token-endpoint',
  SPEC.sessionTokenEndpoint,
  '--authorize-endpoint',
  SPEC.authorizeEndpoint,
  '--auth-type',
  SPEC.authType,
  '--token-placement',
  SPEC.tokenPlacement,
  '--yes',
];
const TRANSFORMERS = 'src/connectors/acme-pay/transformers.ts';
const CASSETTES = 'test/connectors/acme-pay/cassettes';
/** What a cassette may never hold: the credentials and the card (four characters and more). */
const SECRETS = [...Object.values(GENERIC_SANDBOX_CREDENTIALS), GENERIC_TEST_CARDS.approve, '2030'];

/** The user's edit toward their gateway: Authorize's `reference` is `merchantReference` there. */
function renameReference(source: string): string {
  const renamed = source
    .replace('readonly reference: string;', 'readonly merchantReference: string;')
    .replace(
      'reference: routerData.flowData.referenceId,',
      'merchantReference: routerData.flowData.referenceId,',
    );
  expect(renamed.match(/merchantReference/g)).toHaveLength(2);
  return renamed;
}

const FAILED_TEST = /FAIL\s+\S+\.test\.ts > (.+)$/gm;

function failedTests(output: string): string[] {
  return [...new Set([...output.matchAll(FAILED_TEST)].map((match) => match[1]!.trim()))];
}

function cassetteTexts(root: string): Map<string, string> {
  const dir = path.join(root, CASSETTES);
  return new Map(
    readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

describe('a renamed request field', { timeout: 240_000 }, () => {
  it('fails the generated tests until the cassette line is edited, then all pass', async () => {
    const workspace = await createTempWorkspace();
    onTestFinished(() => workspace.dispose());
    const { root } = workspace;
    expect((await runMain(NEW, { cwd: root })).code).toBe(0);
    const transformers = path.join(root, TRANSFORMERS);
    writeFileSync(transformers, renameReference(readFileSync(transformers, 'utf8')));

    const failing = await workspace.runTests();
    expect(failing.ok).toBe(false);
    const failed = failedTests(failing.output);
    // every Authorize replay that reaches the gateway's Authorize, and nothing else
    expect(failed.sort()).toEqual(
      [
        'authorize-authorized.json (authorize) to Authorized',
        'authorize-charged.json (authorize) to Charged',
        'authorize-declined.json (authorize) to Failure',
        'authorize-error-status.json (authorize) to CONNECTOR_ERROR_RESPONSE',
        'authorize-error.json (authorize) to Failure',
        'authorize-pending.json (authorize) to Pending',
        'authorize-redirect.json (authorize) to AuthenticationPending',
      ].map((name) => `AcmePay > replays ${name}`),
    );
    expect(failing.output).toContain('  body.reference: missing (expected "order-1001")');
    expect(failing.output).toContain(
      '  body.merchantReference: not in the cassette (got "order-1001")',
    );

    // the one line of each Authorize cassette that names the field
    for (const [name, text] of cassetteTexts(root)) {
      const edited = text.replace('"reference": "order-1001"', '"merchantReference": "order-1001"');
      if (edited !== text) writeFileSync(path.join(root, CASSETTES, name), edited);
    }
    const passing = await workspace.runTests();
    expect(failedTests(passing.output)).toEqual([]);
    expect(passing.ok, passing.output).toBe(true);
  });

  it('re-recorded against a gateway that speaks the new field, all pass; no secret is recorded even when echoed', async () => {
    const workspace = await createTempWorkspace();
    onTestFinished(() => workspace.dispose());
    const { root } = workspace;
    expect((await runMain(NEW, { cwd: root })).code).toBe(0);
    for (const [name, text] of cassetteTexts(root)) {
      for (const secret of SECRETS) expect(text, `${name} holds a secret`).not.toContain(secret);
    }
    const transformers = path.join(root, TRANSFORMERS);
    writeFileSync(transformers, renameReference(readFileSync(transformers, 'utf8')));

    // "their gateway": the emulator reading merchantReference, echoing each request it answers
    const emulator = await startGenericEmulator(SPEC, { lifetimeMs: 60_000 });
    onTestFinished(() => emulator.close());
    const gateway = await startLoopbackGateway(
      async (request) => {
        const body = request.body.replace('"merchantReference":', '"reference":');
        const forwarded = ['content-type', 'authorization', 'x-session-token'].flatMap((name) => {
          const value = request.headers[name];
          return value === undefined ? [] : [[name, value] as [string, string]];
        });
        const answer = await fetch(`${emulator.baseUrl}${request.target}`, {
          method: request.method,
          headers: forwarded,
          ...(request.method === 'GET' ? {} : { body }),
        });
        const json = (await answer.json()) as Record<string, unknown>;
        return jsonReply(answer.status, { ...json, echo: request.body, headers: request.headers });
      },
      { lifetimeMs: 60_000 },
    );
    onTestFinished(() => gateway.close());
    const files = {
      auth: path.join(root, 'auth.json'),
      payment: path.join(root, 'payment.json'),
    };
    writeFileSync(
      files.auth,
      JSON.stringify({
        type: 'BodyKey',
        apiKey: GENERIC_SANDBOX_CREDENTIALS.apiKey,
        key1: GENERIC_SANDBOX_CREDENTIALS.key1,
      }),
    );
    writeFileSync(
      files.payment,
      JSON.stringify({
        referenceId: 'order-1001',
        amount: 1050,
        currency: 'USD',
        captureMethod: 'automatic',
        paymentMethod: {
          type: 'card',
          number: GENERIC_TEST_CARDS.approve,
          expMonth: '12',
          expYear: '2030',
          cvc: '123',
        },
      }),
    );
    const recorded = await runMain(
      [
        'record',
        'acme_pay',
        '--flow',
        'authorize',
        '--base-url',
        gateway.baseUrl,
        '--auth',
        files.auth,
        '--payment',
        files.payment,
        '--force',
      ],
      { cwd: root },
    );
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stdout).toContain('acme_pay authorize → Charged');
    const charged = cassetteTexts(root).get('authorize-charged.json')!;
    expect(charged).toContain('"merchantReference": "order-1001"');
    expect(charged).toContain('"echo":');
    for (const secret of SECRETS) expect(charged).not.toContain(secret);

    // the other Authorize cassettes: their one line, as in the first test
    for (const [name, text] of cassetteTexts(root)) {
      const edited = text.replace('"reference": "order-1001"', '"merchantReference": "order-1001"');
      if (edited !== text) writeFileSync(path.join(root, CASSETTES, name), edited);
    }
    const passing = await workspace.runTests();
    expect(failedTests(passing.output)).toEqual([]);
    expect(passing.ok, passing.output).toBe(true);
  });
});
