/**
 * `new`'s Next lines do what they say: each `run` line, as printed (the sandbox's URL in place of
 * the suggested port), pays against the connector's own emulator, one flow after the other, with
 * payment.json carrying the ids the earlier calls printed.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Answers } from '../../src/generator/answers/index.js';
import { SUGGESTED_SANDBOX_URL } from '../../src/generator/try-commands.js';
import {
  GENERIC_SANDBOX_CREDENTIALS,
  GENERIC_TEST_CARDS,
  startGenericEmulator,
  type GenericEmulator,
} from '../../src/sandbox/index.js';
import { runMain } from './helpers/io.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

/** Every flow after Authorize. */
const FLOWS = 'PSync,Capture,Void,Refund,RSync';

let workspace: TempWorkspace;
let emulator: GenericEmulator;
let nextLines: string[];

beforeAll(async () => {
  workspace = await createTempWorkspace({ references: false });
  const made = await runMain(
    [
      'new',
      'Acme',
      '--base-url',
      'https://api.acme.test',
      '--session-token-endpoint',
      'v1/session',
      '--authorize-endpoint',
      'v1/payments',
      '--auth-type',
      'BodyKey',
      '--flows',
      FLOWS,
      '--yes',
    ],
    { cwd: workspace.root },
  );
  expect(made.code).toBe(0);
  nextLines = made.stdout
    .slice(made.stdout.indexOf('Next:'))
    .split('\n')
    .slice(1)
    .filter((line) => line !== '');
  const manifest = JSON.parse(
    readFileSync(path.join(workspace.root, 'src/connectors/acme/manifest.json'), 'utf8'),
  ) as { answers: Answers };
  emulator = await startGenericEmulator(manifest.answers);
  // what the sandbox prints for auth.json
  writeFileSync(
    path.join(workspace.root, 'auth.json'),
    JSON.stringify({
      type: 'BodyKey',
      apiKey: GENERIC_SANDBOX_CREDENTIALS.apiKey,
      key1: GENERIC_SANDBOX_CREDENTIALS.key1,
    }),
  );
});

afterAll(async () => {
  await emulator?.close();
  await workspace?.dispose();
});

function writePayment(members: Record<string, unknown>): void {
  const payment = {
    referenceId: 'order_0001',
    amount: 1000,
    currency: 'USD',
    captureMethod: 'manual',
    paymentMethod: {
      type: 'card',
      number: GENERIC_TEST_CARDS.approve,
      expMonth: '12',
      expYear: '2031',
      cvc: '123',
    },
    ...members,
  };
  writeFileSync(path.join(workspace.root, 'payment.json'), JSON.stringify(payment));
}

/** Runs the printed `run` line for `flow` against the emulator; its --json result. */
async function runLine(flow: string): Promise<Record<string, unknown>> {
  const line = nextLines.find((each) =>
    flow === 'authorize'
      ? each.includes('create-connector run') && !each.includes('--flow')
      : each.includes(`--flow ${flow} `),
  );
  if (line === undefined) throw new Error(`no run line for ${flow} in:\n${nextLines.join('\n')}`);
  const argv = line
    .replace(/ {3}# .*$/, '')
    .trim()
    .replace(SUGGESTED_SANDBOX_URL, emulator.baseUrl)
    .split(' ')
    .slice(2);
  const result = await runMain([...argv, '--json'], { cwd: workspace.root });
  expect(result.stderr, line).toBe('');
  expect(result.code, line).toBe(0);
  return result.json<Record<string, unknown>>();
}

describe("new's Next lines, run as printed", { timeout: 60_000 }, () => {
  it('start with the sandbox and end with the tests and the README', () => {
    expect(nextLines[0]).toMatch(/^ {2}npx create-connector sandbox acme --port \d+ {3}# /);
    expect(nextLines.at(-2)).toBe('  npx vitest run test/connectors/acme.test.ts');
    expect(nextLines.at(-1)).toMatch(/^src\/connectors\/acme\/README\.md shows its flows/);
  });

  it('authorize: the session token, then the payment', async () => {
    writePayment({});
    const authorized = await runLine('authorize');
    expect(authorized).toMatchObject({ status: 'Authorized' });
    expect(typeof authorized['connectorTransactionId']).toBe('string');
  });

  it('a run line per chosen flow, and none for the others', () => {
    const flows = nextLines.flatMap((line) => /--flow (\w+) /.exec(line)?.[1] ?? []);
    expect(flows).toEqual(['psync', 'capture', 'void', 'refund', 'rsync']);
  });

  it('capture, psync, refund and rsync, then void of another payment, each with the ids printed before', async () => {
    writePayment({});
    const first = String((await runLine('authorize'))['connectorTransactionId']);
    writePayment({ connectorTransactionId: first, amount: 600, captureId: 'cap_1' });
    expect(await runLine('capture')).toMatchObject({ status: 'Charged' });
    writePayment({ connectorTransactionId: first });
    expect(await runLine('psync')).toMatchObject({ status: 'Charged' });
    writePayment({
      connectorTransactionId: first,
      refundId: 'ref_1',
      amount: 250,
      paymentAmount: 600,
    });
    const refunded = await runLine('refund');
    expect(refunded).toMatchObject({ status: 'Success' });
    writePayment({
      connectorTransactionId: first,
      refundId: 'ref_1',
      connectorRefundId: String(refunded['connectorRefundId']),
    });
    expect(await runLine('rsync')).toMatchObject({ status: 'Success' });

    writePayment({ referenceId: 'order_0002' });
    const second = String((await runLine('authorize'))['connectorTransactionId']);
    writePayment({ referenceId: 'order_0002', connectorTransactionId: second, voidId: 'void_1' });
    expect(await runLine('void')).toMatchObject({ status: 'Voided' });
  });
});
