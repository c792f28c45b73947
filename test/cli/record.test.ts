/**
 * `create-connector record`: end to end against `create-connector sandbox` (a child process) for a
 * generated connector, and against the nuvei emulator for the flows after Authorize; the cassette
 * written where the connector's tests are, masked, replayable, never overwritten without --force;
 * bad input refused with nothing written.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import { loadConnector } from '../../src/cli/connectors.js';
import { parseAuth, Secret } from '../../src/runtime/index.js';
import {
  GENERIC_SANDBOX_CREDENTIALS,
  NUVEI_SANDBOX_CREDENTIALS,
  NUVEI_TEST_CARDS,
  startNuveiEmulator,
} from '../../src/sandbox/index.js';
import { parseCassette, replayCassette } from '../../src/testing/index.js';
import { SOURCE_CLI, startChild } from './helpers/child.js';
import { writeJson } from './helpers/files.js';
import { runMain } from './helpers/io.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

const CARD = {
  type: 'card',
  number: '4111111111111111',
  expMonth: '12',
  expYear: '2031',
  cvc: '9314',
};
const PAYMENT = { referenceId: 'rec_0001', amount: 1000, currency: 'USD', paymentMethod: CARD };

let generated: TempWorkspace;
let references: TempWorkspace;
beforeAll(async () => {
  [generated, references] = await Promise.all([
    createTempWorkspace(),
    createTempWorkspace({ references: true }),
  ]);
  const created = await runMain(
    [
      'new',
      'Acme',
      '--base-url',
      'https://api.acme.test',
      '--session-token-endpoint',
      'session',
      '--authorize-endpoint',
      'authorize',
      '--auth-type',
      'SignatureKey',
      '--yes',
    ],
    { cwd: generated.root },
  );
  expect(created.code).toBe(0);
});
afterAll(async () => {
  await Promise.all([generated?.dispose(), references?.dispose()]);
});

function record(cwd: string, args: readonly string[]) {
  return runMain(['record', ...args], { cwd });
}

describe('record against create-connector sandbox', { timeout: 60_000 }, () => {
  it('writes a masked authorize cassette under the connector tests, replayable against the connector', async () => {
    const child = startChild(
      process.execPath,
      [...SOURCE_CLI, 'sandbox', 'acme', '--json', '--quiet'],
      {
        cwd: generated.root,
        timeoutMs: 30_000,
      },
    );
    onTestFinished(() => child.kill());
    const { baseUrl, auth } = JSON.parse(await child.firstLine) as {
      baseUrl: string;
      auth: unknown;
    };
    const cwd = generated.root;
    const args = [
      'acme',
      '--base-url',
      baseUrl,
      '--auth',
      writeJson(cwd, 'auth.json', auth),
      '--payment',
      writeJson(cwd, 'payment.json', PAYMENT),
    ];

    // `new` recorded the day-one cassette of this scenario from the generic emulator already
    const dayOne = path.join(
      cwd,
      'test',
      'connectors',
      'acme',
      'cassettes',
      'authorize-charged.json',
    );
    const recordedByNew = readFileSync(dayOne, 'utf8');
    const refused = await record(cwd, [...args, '--json']);
    expect(refused.code).toBe(1);
    expect(readFileSync(dayOne, 'utf8')).toBe(recordedByNew);

    const first = await record(cwd, [...args, '--json', '--force']);
    expect(first.code, first.stderr).toBe(0);
    const printed = first.json<{
      file: string;
      flow: string;
      scenario: string;
      outcome: unknown;
      exchanges: unknown[];
    }>();
    expect(printed).toMatchObject({
      file: path.join('test', 'connectors', 'acme', 'cassettes', 'authorize-charged.json'),
      flow: 'authorize',
      scenario: 'charged',
      outcome: { status: 'Charged' },
    });
    expect(printed.exchanges).toEqual([
      { flow: 'CreateSessionToken', method: 'POST', path: '/session', status: 200 },
      { flow: 'Authorize', method: 'POST', path: '/authorize', status: 200 },
    ]);
    const file = path.join(cwd, printed.file);
    const text = readFileSync(file, 'utf8');
    for (const secret of [...Object.values(GENERIC_SANDBOX_CREDENTIALS), CARD.number, CARD.cvc]) {
      expect(text).not.toContain(secret);
      expect(first.stdout + first.stderr).not.toContain(secret);
    }
    const cassette = parseCassette(text, file);
    expect(cassette.connector).toBe('acme');

    const connector = await loadConnector(cwd, 'acme');
    const payment = {
      ...PAYMENT,
      paymentMethod: {
        ...CARD,
        type: 'card' as const,
        number: new Secret(CARD.number),
        expMonth: new Secret('12'),
        expYear: new Secret('2031'),
        cvc: new Secret(CARD.cvc),
      },
      currency: 'USD' as const,
    };
    const replayed = await replayCassette(file, { connector, auth: parseAuth(auth), payment });
    expect(replayed.outcome).toEqual({ status: 'Charged' });

    // an existing cassette is kept without --force, replaced with it
    writeFileSync(file, `${text.trimEnd()} `);
    const again = await record(cwd, args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe(`${text.trimEnd()} `);
    const forced = await record(cwd, [...args, '--force', '--scenario', 'charged']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('acme authorize → Charged');
    expect(readFileSync(file, 'utf8')).toMatch(/\n$/);
    expect(parseCassette(readFileSync(file, 'utf8'), file).flow).toBe('authorize');

    expect((await child.stop('SIGTERM')).code).toBe(0);
  });
});

describe('record the flows after Authorize (nuvei emulator)', { timeout: 60_000 }, () => {
  it('records an authorization, then its capture from the payment members run reads, each replayable', async () => {
    const emulator = await startNuveiEmulator();
    onTestFinished(() => emulator.close());
    const cwd = references.root;
    const baseUrl = `${emulator.baseUrl}/ppp/api/v1`;
    const auth = {
      type: 'SignatureKey',
      apiKey: NUVEI_SANDBOX_CREDENTIALS.merchantId,
      key1: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
      apiSecret: NUVEI_SANDBOX_CREDENTIALS.merchantSecret,
    };
    const payment = {
      referenceId: 'rec_nuvei_1',
      amount: 1000,
      currency: 'USD',
      captureMethod: 'manual',
      paymentMethod: { ...CARD, number: NUVEI_TEST_CARDS.approved },
      billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
      browserInfo: { ipAddress: '10.1.2.3' },
    };
    const authFile = writeJson(cwd, 'nuvei-auth.json', auth);
    const authorized = await record(cwd, [
      'nuvei',
      '--base-url',
      baseUrl,
      '--auth',
      authFile,
      '--payment',
      writeJson(cwd, 'nuvei-pay.json', payment),
      '--out',
      'cassettes/auth.json',
      '--json',
    ]);
    expect(authorized.code, authorized.stderr).toBe(0);
    const authCassette = parseCassette(readFileSync(path.join(cwd, 'cassettes/auth.json'), 'utf8'));
    expect(authCassette.outcome).toEqual({ status: 'Authorized' });
    const answer = authCassette.exchanges.at(-1)!.answer.body as {
      json: { transactionId: string };
    };

    const captured = await record(cwd, [
      'nuvei',
      '--base-url',
      baseUrl,
      '--auth',
      authFile,
      '--payment',
      writeJson(cwd, 'nuvei-capture.json', {
        ...payment,
        connectorTransactionId: answer.json.transactionId,
        amount: 400,
        captureId: 'cap_rec_1',
      }),
      '--flow',
      'capture',
      '--out',
      'cassettes/capture.json',
      '--json',
    ]);
    expect(captured.code, captured.stderr).toBe(0);
    const captureCassette = parseCassette(
      readFileSync(path.join(cwd, 'cassettes/capture.json'), 'utf8'),
    );
    expect(captureCassette.outcome).toEqual({ status: 'Charged' });
    expect(captureCassette.input).toMatchObject({
      amountToCapture: 400,
      merchantCaptureId: 'cap_rec_1',
    });
    const text = readFileSync(path.join(cwd, 'cassettes/capture.json'), 'utf8');
    expect(text).not.toContain(NUVEI_SANDBOX_CREDENTIALS.merchantSecret);

    const nuvei = await loadConnector(cwd, 'nuvei');
    const replayed = await replayCassette(captureCassette, {
      connector: nuvei,
      auth: parseAuth(auth),
    });
    expect(replayed.outcome).toEqual({ status: 'Charged' });
  });
});

describe('record refuses bad input and writes nothing', () => {
  it.each([
    ['a follow-up flow without connectorTransactionId', ['--flow', 'capture'], {}, 'flow'],
    [
      'an unknown payment member',
      ['--flow', 'refund'],
      { connectorTransactionId: 't', refundAmmount: 1 },
      'payment.refundAmmount',
    ],
    ['a bad scenario name', ['--scenario', 'Bad Name'], {}, 'scenario'],
    ['a base URL that is not one', ['--base-url', 'nope'], {}, 'baseUrl'],
  ] as const)('refuses %s', async (_label, extra, paymentChanges, key) => {
    const cwd = references.root;
    const args = [
      'nuvei',
      '--base-url',
      'http://127.0.0.1:9',
      '--auth',
      writeJson(cwd, 'bad-auth.json', { type: 'HeaderKey', apiKey: 'k' }),
      '--payment',
      writeJson(cwd, 'bad-pay.json', { ...PAYMENT, ...paymentChanges }),
      ...extra,
      '--out',
      'never.json',
      '--json',
    ];
    const result = await record(cwd, args);
    expect(result.code).toBe(1);
    const error = result.json<{ error: { kind: string; issues: Array<{ key: string }> } }>().error;
    expect(error.kind).toBe('usage');
    expect(error.issues.map((issue) => issue.key)).toContain(key);
    expect(existsSync(path.join(cwd, 'never.json'))).toBe(false);
  });

  it('exits 2 and writes nothing when the gateway does not answer', async () => {
    const cwd = references.root;
    const result = await record(cwd, [
      'nuvei',
      '--base-url',
      'http://127.0.0.1:9/ppp/api/v1',
      '--auth',
      writeJson(cwd, 'down-auth.json', {
        type: 'SignatureKey',
        apiKey: 'a1234',
        key1: 'b1234',
        apiSecret: 'c1234',
      }),
      '--payment',
      writeJson(cwd, 'down-pay.json', {
        ...PAYMENT,
        billing: { firstName: 'A', lastName: 'B', email: 'a@b.c', country: 'GB' },
        browserInfo: { ipAddress: '10.0.0.1' },
      }),
      '--out',
      'down.json',
      '--timeout',
      '2000',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/got no answer/);
    expect(existsSync(path.join(cwd, 'down.json'))).toBe(false);
  });
});
