/**
 * `create-connector run --flow capture|void|refund|rsync|psync`: a payment's whole life through
 * the CLI against the Nuvei emulator, the new payment.json members and --json members, Paytm's
 * refusals, payment.json with comments, and secrets a misbehaving gateway echoes never printed.
 */

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  NUVEI_SANDBOX_CREDENTIALS,
  NUVEI_TEST_CARDS,
  PAYTM_SANDBOX_CREDENTIALS,
  startLoopbackGateway,
  startNuveiEmulator,
  startPaytmEmulator,
  type LoopbackGateway,
  type NuveiEmulator,
  type PaytmEmulator,
} from '../../src/sandbox/index.js';
import { writeJson } from './helpers/files.js';
import { runMain, type MainResult } from './helpers/io.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

interface RunJson {
  status?: string;
  connectorTransactionId?: string;
  connectorRefundId?: string;
  error?: {
    kind: string;
    type: string;
    code: string;
    message: string;
    reason?: string;
    httpStatus?: number;
  };
  exchanges: Array<Record<string, unknown>>;
}

const CARD = NUVEI_TEST_CARDS.approved;
const CVC = '9314';
const NUVEI_AUTH = {
  type: 'SignatureKey',
  apiKey: NUVEI_SANDBOX_CREDENTIALS.merchantId,
  key1: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
  apiSecret: NUVEI_SANDBOX_CREDENTIALS.merchantSecret,
};

let workspace: TempWorkspace;
let root: string;
let nuvei: NuveiEmulator;
let paytm: PaytmEmulator;
let echo: LoopbackGateway;
let auth: { nuvei: string; paytm: string };
let counter = 0;

beforeAll(async () => {
  workspace = await createTempWorkspace({ references: true });
  root = workspace.root;
  [nuvei, paytm] = await Promise.all([startNuveiEmulator(), startPaytmEmulator()]);
  // a gateway that echoes everything it was sent in its error text
  echo = await startLoopbackGateway((request) => ({
    status: 400,
    headers: { 'content-type': 'text/plain' },
    body: `rejected: ${request.body}`,
  }));
  auth = {
    nuvei: writeJson(root, 'nuvei-auth.json', NUVEI_AUTH),
    paytm: writeJson(root, 'paytm-auth.json', {
      type: 'SignatureKey',
      apiKey: PAYTM_SANDBOX_CREDENTIALS.mid,
      key1: PAYTM_SANDBOX_CREDENTIALS.merchantKey,
      apiSecret: PAYTM_SANDBOX_CREDENTIALS.website,
    }),
  };
});
afterAll(async () => {
  await Promise.all([nuvei?.close(), paytm?.close(), echo?.close()]);
  await workspace?.dispose();
});
beforeEach(() => {
  nuvei.reset();
  paytm.reset();
  echo.reset();
});

function expectNoSecrets(result: MainResult): void {
  const printed = `${result.stdout}\n${result.stderr}`;
  for (const secret of [
    NUVEI_SANDBOX_CREDENTIALS.merchantId,
    NUVEI_SANDBOX_CREDENTIALS.merchantSecret,
    CARD,
  ]) {
    expect(printed).not.toContain(secret);
  }
  expect(printed).not.toContain(`"${CVC}"`);
}

async function run(
  flow: string,
  payment: Record<string, unknown> | string,
  options: { id?: string; baseUrl?: string; json?: boolean } = {},
): Promise<MainResult> {
  counter += 1;
  const file =
    typeof payment === 'string' ? payment : writeJson(root, `payment-${counter}.json`, payment);
  const id = options.id ?? 'nuvei';
  const result = await runMain(
    [
      'run',
      id,
      '--base-url',
      options.baseUrl ?? (id === 'paytm' ? `${paytm.baseUrl}/` : nuvei.paymentBaseUrl),
      '--auth',
      id === 'paytm' ? auth.paytm : auth.nuvei,
      '--payment',
      file,
      '--flow',
      flow,
      ...(options.json === false ? [] : ['--json']),
    ],
    { cwd: root },
  );
  expectNoSecrets(result);
  return result;
}

const cardPayment = (overrides: Record<string, unknown> = {}) => ({
  referenceId: 'cli_flow_order',
  amount: 1000,
  currency: 'USD',
  captureMethod: 'manual',
  paymentMethod: { type: 'card', number: CARD, expMonth: '11', expYear: '2031', cvc: CVC },
  billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
  browserInfo: { ipAddress: '10.1.2.3' },
  ...overrides,
});

async function authorizeManual(): Promise<string> {
  const result = await run('authorize', cardPayment());
  expect(result.code).toBe(0);
  const json = result.json<RunJson>();
  expect(json.status).toBe('Authorized');
  return json.connectorTransactionId!;
}

describe('a payment’s whole life through run --flow', () => {
  it('authorize manual → capture part → refund part → rsync → psync', async () => {
    const authId = await authorizeManual();

    const captured = await run('capture', {
      connectorTransactionId: authId,
      amount: 600,
      currency: 'USD',
      captureId: 'cap_cli_1',
    });
    expect(captured.code).toBe(0);
    const capture = captured.json<RunJson>();
    expect(capture).toMatchObject({ status: 'Charged' });
    const settleId = capture.connectorTransactionId!;
    expect(JSON.parse(nuvei.lastRequest('/settleTransaction.do')!.body)).toMatchObject({
      clientUniqueId: 'cap_cli_1',
      amount: '6.00',
      relatedTransactionId: authId,
    });

    const refunded = await run('refund', {
      connectorTransactionId: settleId,
      amount: 250,
      currency: 'USD',
      refundId: 'ref_cli_1',
      refundReason: 'customer request',
      paymentAmount: 600,
    });
    expect(refunded.code).toBe(0);
    const refund = refunded.json<RunJson>();
    expect(refund).toMatchObject({ status: 'Success', connectorTransactionId: settleId });
    expect(refund.connectorRefundId).toMatch(/^\d+$/);

    const synced = await run('rsync', {
      connectorTransactionId: settleId,
      connectorRefundId: refund.connectorRefundId,
      refundId: 'ref_cli_1',
    });
    expect(synced.code).toBe(0);
    expect(synced.json<RunJson>()).toMatchObject({
      status: 'Success',
      connectorRefundId: refund.connectorRefundId,
    });

    const state = await run(
      'psync',
      { connectorTransactionId: settleId, amount: 600, currency: 'USD' },
      { json: false },
    );
    expect(state.code).toBe(0);
    expect(state.stdout).toMatch(/^nuvei psync → Charged/);
  });

  it('authorize manual → void; a second void is VoidFailed with the gateway’s error (exit 0)', async () => {
    const authId = await authorizeManual();
    const voided = await run('void', {
      connectorTransactionId: authId,
      amount: 1000,
      currency: 'USD',
      voidId: 'void_cli',
      cancellationReason: 'requested_by_customer',
    });
    expect(voided.code).toBe(0);
    expect(voided.json<RunJson>()).toMatchObject({ status: 'Voided' });
    const again = await run('void', {
      connectorTransactionId: authId,
      amount: 1000,
      currency: 'USD',
    });
    expect(again.code).toBe(0);
    expect(again.json<RunJson>()).toMatchObject({ status: 'VoidFailed', error: { code: '1130' } });
  });

  it('a refund’s request-level error prints no status, only the error', async () => {
    const refunded = await run('refund', {
      connectorTransactionId: '711099999999999999',
      amount: 100,
      currency: 'USD',
    });
    expect(refunded.code).toBe(0);
    const json = refunded.json<RunJson>();
    expect(json.status).toBeUndefined();
    expect(json.error).toMatchObject({ code: '1140', message: 'Transaction not found' });
    expect(
      (
        await run(
          'refund',
          { connectorTransactionId: '711099999999999999', amount: 100, currency: 'USD' },
          { json: false },
        )
      ).stdout,
    ).toMatch(/^nuvei refund → \(no status\)/);
  });
});

describe('input errors exit 1 and send nothing', () => {
  it.each([
    [
      'capture',
      { connectorTransactionId: 'T', currency: 'USD' },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: amount_to_capture',
    ],
    [
      'capture',
      { connectorTransactionId: 'T', amount: 1 },
      'INVALID_DATA_FORMAT',
      'Invalid data format: currency. Currency Unspecified is not supported',
    ],
    [
      'void',
      { connectorTransactionId: 'T' },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: amount',
    ],
    [
      'refund',
      { connectorTransactionId: 'T', currency: 'USD' },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: refund_amount',
    ],
    [
      'rsync',
      { connectorRefundId: 'R' },
      'MISSING_CONNECTOR_TRANSACTION_ID',
      'Missing connector transaction ID',
    ],
    [
      'psync',
      { connectorTransactionId: 'T' },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: amount',
    ],
    [
      'authorize',
      { referenceId: 'x', currency: 'USD' },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: amount',
    ],
  ])('--flow %s with %j → %s', async (flow, payment, type, message) => {
    const result = await run(flow, payment);
    expect(result.code).toBe(1);
    expect(result.json<RunJson>().error).toMatchObject({ kind: 'integration', type, message });
    expect(nuvei.requests).toHaveLength(0);
  });

  it.each(['capture', 'void', 'refund', 'rsync'])(
    'paytm --flow %s is NOT_IMPLEMENTED in the core’s words',
    async (flow) => {
      const result = await run(
        flow,
        { connectorTransactionId: 'T', amount: 100, currency: 'INR' },
        { id: 'paytm' },
      );
      expect(result.code).toBe(1);
      const name = flow === 'rsync' ? 'refund_sync' : flow;
      expect(result.json<RunJson>().error).toMatchObject({
        type: 'NOT_IMPLEMENTED',
        message: `This feature is not implemented: ${name} flow for paytm`,
      });
      expect(paytm.requests).toHaveLength(0);
    },
  );

  it('paytm upi_collect without vpa: MISSING_REQUIRED_FIELD vpa from the connector, not the file', async () => {
    const result = await run(
      'authorize',
      {
        referenceId: 'no_vpa',
        amount: 1000,
        currency: 'INR',
        paymentMethod: { type: 'upi_collect' },
      },
      { id: 'paytm' },
    );
    expect(result.code).toBe(1);
    expect(result.json<RunJson>().error).toMatchObject({
      kind: 'integration',
      type: 'MISSING_REQUIRED_FIELD',
      message: 'Missing required field: vpa',
    });
    expect(paytm.requests).toHaveLength(0);
  });
});

describe('payment.json', () => {
  it('takes comments and trailing commas, as the README writes it', async () => {
    const file = path.join(root, 'commented.json');
    writeFileSync(
      file,
      [
        '{',
        '  "referenceId": "order_1",          // the payment\'s reference',
        '  /* a block comment */ "connectorTransactionId": "711099999999999999",',
        '  "amount": 1000,                    // minor units',
        '  "currency": "USD",',
        '  "description": "a // is not a comment in a string",',
        '}',
      ].join('\n'),
    );
    const result = await run('psync', file);
    expect(result.code).toBe(0);
    expect(JSON.parse(nuvei.lastRequest('/getTransactionDetails.do')!.body)).toMatchObject({
      clientUniqueId: 'order_1',
      transactionId: '711099999999999999',
    });
  });

  it('still refuses a file that is not JSON, naming the file', async () => {
    const file = path.join(root, 'broken.json');
    writeFileSync(file, '{ "amount": 1000 // unterminated');
    const result = await runMain(
      ['run', 'nuvei', '--auth', auth.nuvei, '--payment', file, '--json'],
      { cwd: root },
    );
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toContain('not valid JSON');
  });
});

describe('a gateway that echoes secrets', () => {
  it('never gets the credentials, the card number or the CVC printed, in JSON or for people', async () => {
    for (const json of [true, false]) {
      const result = await run('authorize', cardPayment({ sessionToken: 'tok' }), {
        baseUrl: echo.baseUrl,
        json,
      });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('rejected');
      expect(result.stdout).toContain('***');
    }
  });

  it('a 3xx answer is a connector error with its status, not followed (exit 2)', async () => {
    const redirecting = await startLoopbackGateway(() => ({
      status: 302,
      headers: { location: 'http://127.0.0.1:9/elsewhere' },
      body: '',
    }));
    try {
      const result = await run(
        'capture',
        { connectorTransactionId: 'T', amount: 1, currency: 'USD' },
        { baseUrl: redirecting.baseUrl },
      );
      expect(result.code).toBe(2);
      expect(result.json<RunJson>().error).toMatchObject({ kind: 'connector', httpStatus: 302 });
      expect(redirecting.requests).toHaveLength(1);
    } finally {
      await redirecting.close();
    }
  });
});
