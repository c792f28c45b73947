/**
 * A generated connector's whole life through the CLI, as a new user would try it: `new` with all
 * five flows (the default), `sandbox <id>` as a child process, then `run --flow …` for every flow
 * against it — session, authorize, psync, capture, void, refund, rsync — each exit 0 with the
 * status DESIGN §4b gives, the ledger's refusals as the flows' failure statuses, and `list`
 * showing the flows. A second connector with a subset of the flows and custom endpoints runs
 * the ones it has and is refused the others before any request.
 */

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import { writeJson } from './helpers/files.js';
import { SOURCE_CLI, startChild } from './helpers/child.js';
import { runMain } from './helpers/io.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

interface RunJson {
  status?: string;
  sessionToken?: string;
  connectorTransactionId?: string;
  connectorRefundId?: string;
  error?: { kind: string; type: string; code: string };
  exchanges: Array<{ method: string; url: string; status?: number }>;
}

const CARD = {
  type: 'card',
  number: '4111111111111111',
  expMonth: '12',
  expYear: '2031',
  cvc: '123',
};

const NEW_SHOP = [
  'new',
  'Shop',
  '--base-url',
  'https://api.shop.test',
  '--session-token-endpoint',
  'v1/session',
  '--authorize-endpoint',
  'v1/payments',
  '--auth-type',
  'SignatureKey',
  '--amount-type',
  'StringMajorUnit',
  '--content-type',
  'application/x-www-form-urlencoded',
  '--yes',
];

const NEW_PARTIAL = [
  'new',
  'Partial',
  '--base-url',
  'https://api.partial.test',
  '--session-token-endpoint',
  'v3/session',
  '--authorize-endpoint',
  'v3/payments',
  '--auth-type',
  'BodyKey',
  '--amount-type',
  'FloatMajorUnit',
  '--flows',
  'Capture,Refund,RSync',
  '--capture-endpoint',
  'v3/payments/{connectorTransactionId}/settle',
  '--refund-endpoint',
  'v3/payments/{connectorTransactionId}/refund',
  '--refund-sync-endpoint',
  'v3/refunds/{connectorRefundId}',
  '--yes',
];

let workspace: TempWorkspace;
let root: string;
let counter = 0;

beforeAll(async () => {
  workspace = await createTempWorkspace();
  root = workspace.root;
  for (const args of [NEW_SHOP, NEW_PARTIAL]) {
    const made = await runMain(args, { cwd: root });
    expect(made.code, made.stderr).toBe(0);
  }
});
afterAll(async () => {
  await workspace?.dispose();
});

/** `sandbox <id> --json` as a child process: its base URL and the credentials it accepts. */
async function sandbox(id: string): Promise<{ baseUrl: string; auth: string }> {
  const child = startChild(process.execPath, [...SOURCE_CLI, 'sandbox', id, '--json'], {
    cwd: root,
    timeoutMs: 60_000,
  });
  onTestFinished(async () => {
    expect((await child.stop('SIGINT')).code).toBe(0);
  });
  const first = JSON.parse(await child.firstLine) as { baseUrl: string; auth: unknown };
  return { baseUrl: first.baseUrl, auth: writeJson(root, `${id}-auth.json`, first.auth) };
}

/** `run <id> --flow <flow> --json` in this process, with payment.json holding `payment`. */
async function run(
  id: string,
  gateway: { baseUrl: string; auth: string },
  flow: string,
  payment: Record<string, unknown>,
): Promise<{ code: number; json: RunJson }> {
  counter += 1;
  const file = writeJson(root, `payment-${counter}.json`, payment);
  const result = await runMain(
    [
      'run',
      id,
      '--base-url',
      gateway.baseUrl,
      '--auth',
      gateway.auth,
      '--payment',
      file,
      '--flow',
      flow,
      '--json',
    ],
    { cwd: root },
  );
  return { code: result.code, json: result.json<RunJson>() };
}

describe(
  'every flow of a generated connector, run against its sandbox',
  { timeout: 90_000 },
  () => {
    it('lists the flows it was generated with', async () => {
      const listed = (await runMain(['list', '--json'], { cwd: root })).json<
        Array<{ id: string; flows: string[] }>
      >();
      expect(listed.map(({ id, flows }) => [id, flows])).toEqual([
        ['partial', ['CreateSessionToken', 'Authorize', 'Capture', 'Refund', 'RSync']],
        [
          'shop',
          ['CreateSessionToken', 'Authorize', 'PSync', 'Capture', 'Void', 'Refund', 'RSync'],
        ],
      ]);
    });

    it('session, authorize, psync, capture, void, refund and rsync all run with exit 0', async () => {
      const gateway = await sandbox('shop');
      const payment = {
        referenceId: 'order-1',
        amount: 1050,
        currency: 'USD',
        captureMethod: 'manual',
        paymentMethod: CARD,
      };
      const session = await run('shop', gateway, 'session', payment);
      expect(session.code).toBe(0);
      expect(session.json.status).toBe('Pending');
      expect(session.json.sessionToken).toEqual(expect.any(String));

      const authorized = await run('shop', gateway, 'authorize', payment);
      expect(authorized.code).toBe(0);
      expect(authorized.json.status).toBe('Authorized');
      const txn = authorized.json.connectorTransactionId!;
      expect(txn).toEqual(expect.any(String));
      const about = { connectorTransactionId: txn, currency: 'USD' };

      const steps: Array<
        [string, Record<string, unknown>, string | undefined, string | undefined]
      > = [
        ['psync', { ...about, amount: 1050 }, 'Authorized', undefined],
        ['capture', { ...about, amount: 600, captureId: 'capture-1' }, 'Charged', undefined],
        ['capture', { ...about, amount: 600 }, 'CaptureFailed', 'AMOUNT_TOO_HIGH'],
        ['psync', { ...about, amount: 1050 }, 'Charged', undefined],
        ['void', { ...about, voidId: 'void-1' }, 'VoidFailed', 'VOID_NOT_ALLOWED'],
        ['refund', { ...about, amount: 300, refundId: 'refund-1' }, 'Success', undefined],
        [
          'refund',
          { ...about, amount: 301, refundId: 'refund-2' },
          undefined,
          'REFUND_NOT_ALLOWED',
        ],
      ];
      let refundId: string | undefined;
      for (const [flow, members, status, code] of steps) {
        const result = await run('shop', gateway, flow, members);
        expect(result.code, `${flow} ${JSON.stringify(members)}`).toBe(0);
        expect(result.json.status, flow).toBe(status);
        expect(result.json.error?.code, flow).toBe(code);
        refundId ??= result.json.connectorRefundId;
      }
      // GET without a body for the syncs, POST for the others, at the default endpoints
      const psync = await run('shop', gateway, 'psync', { ...about, amount: 1 });
      expect(psync.json.exchanges.map(({ method, url }) => [method, url])).toEqual([
        ['GET', `${gateway.baseUrl}/v1/payments/${txn}`],
      ]);

      const rsync = await run('shop', gateway, 'rsync', { ...about, connectorRefundId: refundId });
      expect(rsync.code).toBe(0);
      expect(rsync.json).toMatchObject({ status: 'Success', connectorRefundId: refundId });
      expect(rsync.json.exchanges.map(({ method, url }) => [method, url])).toEqual([
        ['GET', `${gateway.baseUrl}/v1/payments/${txn}/refunds/${refundId}`],
      ]);

      // a second authorization is voided before any capture
      const second = await run('shop', gateway, 'authorize', {
        ...payment,
        referenceId: 'order-2',
      });
      const voided = await run('shop', gateway, 'void', {
        connectorTransactionId: second.json.connectorTransactionId,
        cancellationReason: 'customer asked',
      });
      expect(voided.code).toBe(0);
      expect(voided.json.status).toBe('Voided');
    });

    it('a subset with custom endpoints runs its flows and is refused the others before any request', async () => {
      const gateway = await sandbox('partial');
      const payment = { referenceId: 'p-1', amount: 2000, currency: 'EUR', paymentMethod: CARD };
      const authorized = await run('partial', gateway, 'authorize', payment);
      expect(authorized.json.status).toBe('Charged');
      const about = { connectorTransactionId: authorized.json.connectorTransactionId };

      const capture = await run('partial', gateway, 'capture', {
        ...about,
        amount: 1,
        currency: 'EUR',
      });
      expect(capture.json).toMatchObject({
        status: 'CaptureFailed',
        error: { code: 'CAPTURE_NOT_ALLOWED' },
      });
      expect(capture.json.exchanges[0]?.url).toMatch(/\/v3\/payments\/[^/]+\/settle$/);

      const refund = await run('partial', gateway, 'refund', {
        ...about,
        amount: 2000,
        currency: 'EUR',
        refundId: 'r-1',
      });
      expect(refund.json.status).toBe('Success');
      const rsync = await run('partial', gateway, 'rsync', {
        ...about,
        connectorRefundId: refund.json.connectorRefundId,
      });
      expect(rsync.json.status).toBe('Success');
      expect(rsync.json.exchanges[0]?.url).toBe(
        `${gateway.baseUrl}/v3/refunds/${refund.json.connectorRefundId!}`,
      );

      for (const flow of ['psync', 'void']) {
        const refused = await run('partial', gateway, flow, { ...about, amount: 1 });
        expect(refused.code, flow).toBe(1);
        expect(refused.json.error).toMatchObject({ kind: 'integration', type: 'NOT_IMPLEMENTED' });
      }
    });
  },
);
