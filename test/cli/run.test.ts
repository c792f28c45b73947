/**
 * `create-connector run` in this process against the nuvei, paytm and generic emulators (started
 * here, on 127.0.0.1): one case per exit code class, the --json document member by member, the
 * session and psync flows, and no credential, card number or CVC in anything printed.
 */

import { createServer } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  GENERIC_SANDBOX_CREDENTIALS,
  GENERIC_TEST_CARDS,
  jsonReply,
  NUVEI_SANDBOX_CREDENTIALS,
  NUVEI_TEST_CARDS,
  PAYTM_SANDBOX_CREDENTIALS,
  PAYTM_TEST_VPAS,
  startGenericEmulator,
  startNuveiEmulator,
  startPaytmEmulator,
  type GenericEmulator,
  type NuveiEmulator,
  type PaytmEmulator,
} from '../../src/sandbox/index.js';
import type { Answers } from '../../src/generator/answers/index.js';
import { writeJson } from './helpers/files.js';
import { runMain, type MainResult } from './helpers/io.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

interface RunJson {
  status: string;
  sessionToken?: string;
  connectorTransactionId?: string;
  redirection?: { url: string; method: string; formFields?: Record<string, string> };
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

const CVC = '9314';
const EXPIRY = { expMonth: '11', expYear: '2031' };
const card = (number: string) => ({ type: 'card', number, ...EXPIRY, cvc: CVC });

const NUVEI_AUTH = {
  type: 'SignatureKey',
  apiKey: NUVEI_SANDBOX_CREDENTIALS.merchantId,
  key1: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
  apiSecret: NUVEI_SANDBOX_CREDENTIALS.merchantSecret,
};
const PAYTM_AUTH = {
  type: 'SignatureKey',
  apiKey: PAYTM_SANDBOX_CREDENTIALS.mid,
  key1: PAYTM_SANDBOX_CREDENTIALS.merchantKey,
  apiSecret: PAYTM_SANDBOX_CREDENTIALS.website,
};
const ACME_AUTH = { type: 'SignatureKey', ...GENERIC_SANDBOX_CREDENTIALS };

/** Nuvei needs billing names and a browser IP besides the card. */
function nuveiPayment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    referenceId: 'cli_order_0001',
    amount: 1000,
    currency: 'USD',
    paymentMethod: card(NUVEI_TEST_CARDS.approved),
    billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
    browserInfo: { ipAddress: '10.1.2.3', userAgent: 'cli-test' },
    returnUrl: 'https://merchant.example/return',
    ...overrides,
  };
}

let counter = 0;
function paytmPayment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    referenceId: `cli_paytm_${counter}`,
    amount: 1000,
    currency: 'INR',
    paymentMethod: { type: 'upi_collect', vpa: PAYTM_TEST_VPAS.success },
    ...overrides,
  };
}

function acmePayment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    referenceId: 'acme_0001',
    amount: 1050,
    currency: 'EUR',
    paymentMethod: card(GENERIC_TEST_CARDS.approve),
    ...overrides,
  };
}

/** Every secret the inputs hold: none may appear in anything `run` prints. */
const SECRETS = [
  ...Object.values(NUVEI_SANDBOX_CREDENTIALS),
  PAYTM_SANDBOX_CREDENTIALS.mid,
  PAYTM_SANDBOX_CREDENTIALS.merchantKey,
  PAYTM_SANDBOX_CREDENTIALS.website,
  ...Object.values(GENERIC_SANDBOX_CREDENTIALS),
  ...Object.values(NUVEI_TEST_CARDS),
  ...Object.values(GENERIC_TEST_CARDS),
  CVC,
  PAYTM_TEST_VPAS.success,
];

function expectNoSecrets(result: MainResult): void {
  const printed = `${result.stdout}\n${result.stderr}`;
  for (const secret of SECRETS) {
    // short values (a CVC, a site id) could occur inside a random token or a latency by chance
    expect(printed).not.toContain(JSON.stringify(secret));
    expect(printed).not.toMatch(
      new RegExp(`[\\s=:]${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`),
    );
    if (secret.length >= 12) expect(printed).not.toContain(secret);
  }
}

let workspace: TempWorkspace;
let root: string;
let nuvei: NuveiEmulator;
let paytm: PaytmEmulator;
let acme: GenericEmulator;
let files: Record<'nuveiAuth' | 'paytmAuth' | 'acmeAuth', string>;

beforeAll(async () => {
  workspace = await createTempWorkspace({ references: true });
  root = workspace.root;
  const made = await runMain(
    [
      'new',
      'Acme',
      '--base-url',
      'https://api.acme.test',
      '--session-token-endpoint',
      'v2/sessions',
      '--authorize-endpoint',
      'v2/payments',
      '--auth-type',
      'SignatureKey',
      '--amount-type',
      'FloatMajorUnit',
      '--token-placement',
      'header',
      '--content-type',
      'application/x-www-form-urlencoded',
      // without PSync: the run of a flow the connector lacks
      '--flows',
      'Capture,Refund',
      '--yes',
    ],
    { cwd: root },
  );
  expect(made.code).toBe(0);
  const manifest = JSON.parse(
    readFileSync(path.join(root, 'src/connectors/acme/manifest.json'), 'utf8'),
  ) as { answers: Answers };
  [nuvei, paytm, acme] = await Promise.all([
    startNuveiEmulator(),
    startPaytmEmulator(),
    startGenericEmulator(manifest.answers),
  ]);
  files = {
    nuveiAuth: writeJson(root, 'nuvei-auth.json', NUVEI_AUTH),
    paytmAuth: writeJson(root, 'paytm-auth.json', PAYTM_AUTH),
    acmeAuth: writeJson(root, 'acme-auth.json', ACME_AUTH),
  };
});

afterAll(async () => {
  await Promise.all([nuvei?.close(), paytm?.close(), acme?.close()]);
  await workspace?.dispose();
});

beforeEach(() => {
  for (const gateway of [nuvei, paytm, acme]) gateway.reset();
});

async function run(
  id: string,
  baseUrl: string,
  auth: string,
  payment: Record<string, unknown> | string,
  extra: readonly string[] = [],
): Promise<MainResult> {
  counter += 1;
  const paymentFile =
    typeof payment === 'string' ? payment : writeJson(root, `payment-${counter}.json`, payment);
  const result = await runMain(
    ['run', id, '--base-url', baseUrl, '--auth', auth, '--payment', paymentFile, ...extra],
    { cwd: root },
  );
  expectNoSecrets(result);
  return result;
}

const runJson = (...args: Parameters<typeof run>) =>
  run(args[0], args[1], args[2], args[3], [...(args[4] ?? []), '--json']);

function expectExchange(
  exchange: Record<string, unknown>,
  expected: { connector: string; flow: string; url: string; status?: number },
): void {
  expect(exchange).toMatchObject({
    connector: expected.connector,
    flow: expected.flow,
    method: 'POST',
    ...(expected.status === undefined ? {} : { status: expected.status }),
  });
  expect(String(exchange['url']).startsWith(expected.url)).toBe(true);
  expect(typeof exchange['latencyMs']).toBe('number');
  expect(typeof exchange['requestHeaders']).toBe('object');
}

describe('exit 0: a result came back', () => {
  it('nuvei approved: Charged, with the session token and the transaction id', async () => {
    const result = await runJson('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, nuveiPayment());
    expect(result.code).toBe(0);
    const json = result.json<RunJson>();
    expect(Object.keys(json).sort()).toEqual([
      'connectorTransactionId',
      'exchanges',
      'sessionToken',
      'status',
    ]);
    expect(json.status).toBe('Charged');
    expect(json.sessionToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(json.connectorTransactionId).toMatch(/^\d+$/);
    expect(json.exchanges).toHaveLength(2);
    expectExchange(json.exchanges[0]!, {
      connector: 'nuvei',
      flow: 'CreateSessionToken',
      url: `${nuvei.paymentBaseUrl}/getSessionToken.do`,
      status: 200,
    });
    expectExchange(json.exchanges[1]!, {
      connector: 'nuvei',
      flow: 'Authorize',
      url: `${nuvei.paymentBaseUrl}/payment.do`,
      status: 200,
    });
    // the token Authorize carried is the one the session step returned
    const sent = JSON.parse(nuvei.lastRequest('/payment.do')!.body) as Record<string, unknown>;
    expect(sent['sessionToken']).toBe(json.sessionToken);
  });

  it('nuvei declined in-band: Failure, still exit 0', async () => {
    const result = await runJson(
      'nuvei',
      nuvei.paymentBaseUrl,
      files.nuveiAuth,
      nuveiPayment({ paymentMethod: card(NUVEI_TEST_CARDS.declined) }),
    );
    expect(result.code).toBe(0);
    expect(result.json<RunJson>()).toMatchObject({ status: 'Failure' });
  });

  it('nuvei redirect: AuthenticationPending with the redirection', async () => {
    const result = await runJson(
      'nuvei',
      nuvei.paymentBaseUrl,
      files.nuveiAuth,
      nuveiPayment({ paymentMethod: card(NUVEI_TEST_CARDS.redirect) }),
    );
    expect(result.code).toBe(0);
    const { status, redirection } = result.json<RunJson>();
    expect(status).toBe('AuthenticationPending');
    expect(redirection).toMatchObject({ method: 'GET' });
    expect(redirection!.url.startsWith(`${nuvei.baseUrl}/ppp/api/redirect/`)).toBe(true);
  });

  it('paytm UPI intent: Authorized with a upi:// redirection', async () => {
    const result = await runJson(
      'paytm',
      paytm.connectorBaseUrl,
      files.paytmAuth,
      paytmPayment({ paymentMethod: { type: 'upi_intent' } }),
    );
    expect(result.code).toBe(0);
    const json = result.json<RunJson>();
    expect(json.status).toBe('Authorized');
    expect(json.redirection).toEqual({
      url: expect.stringMatching(/^upi:\/\/pay\?/),
      method: 'GET',
    });
    expect(json.exchanges.map((exchange) => exchange['flow'])).toEqual([
      'CreateSessionToken',
      'Authorize',
    ]);
  });

  it('paytm session refused in-band (amount 5.01): Failure with the gateway error, no Authorize', async () => {
    const result = await runJson(
      'paytm',
      paytm.connectorBaseUrl,
      files.paytmAuth,
      paytmPayment({ amount: 501 }),
    );
    expect(result.code).toBe(0);
    const json = result.json<RunJson>();
    expect(json.status).toBe('Failure');
    expect(json.error).toEqual({
      kind: 'connector',
      type: 'CONNECTOR_ERROR_RESPONSE',
      code: '501',
      message: 'System Error',
      reason: 'System Error',
      httpStatus: 200,
    });
    expect(json.exchanges).toHaveLength(1);
    expect(paytm.lastRequest('/processTransaction')).toBeUndefined();
  });

  it('generic approved and declined (a generated connector against its own emulator)', async () => {
    const approved = await runJson('acme', acme.baseUrl, files.acmeAuth, acmePayment());
    expect(approved.code).toBe(0);
    const json = approved.json<RunJson>();
    expect(json.status).toBe('Charged');
    expect(json.exchanges).toHaveLength(2);
    expectExchange(json.exchanges[1]!, {
      connector: 'acme',
      flow: 'Authorize',
      url: `${acme.baseUrl}/v2/payments`,
      status: 200,
    });
    // FloatMajorUnit in a form body, and the token in the header the answers named
    const sent = acme.lastRequest('/v2/payments')!;
    expect(sent.body).toContain('amount=10.5');
    expect(sent.headers['x-session-token']).toBe(json.sessionToken);

    const declined = await runJson(
      'acme',
      acme.baseUrl,
      files.acmeAuth,
      acmePayment({ paymentMethod: card(GENERIC_TEST_CARDS.decline) }),
    );
    expect(declined.code).toBe(0);
    expect(declined.json<RunJson>().status).toBe('Failure');
  });

  it('generic: a payment without referenceId (sent as "") is accepted by its emulator', async () => {
    const { referenceId: _dropped, ...payment } = acmePayment();
    const result = await runJson('acme', acme.baseUrl, files.acmeAuth, payment);
    expect(result.json<RunJson>().error).toBeUndefined();
    expect(result.json<RunJson>().status).toBe('Charged');
    expect(acme.lastRequest('/v2/payments')!.body).toContain('reference=&');
  });

  it('generic in-band gateway error (status ERROR): exit 0 with the error', async () => {
    const result = await runJson(
      'acme',
      acme.baseUrl,
      files.acmeAuth,
      acmePayment({ paymentMethod: card(GENERIC_TEST_CARDS.error) }),
    );
    expect(result.code).toBe(0);
    const json = result.json<RunJson>();
    expect(json.status).toBe('Failure');
    expect(json.error).toMatchObject({
      kind: 'connector',
      code: 'PROCESSING_ERROR',
      httpStatus: 200,
    });
  });

  it('text output names the connector, the flow, the status and each exchange', async () => {
    const result = await run('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, nuveiPayment());
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('nuvei authorize → Charged');
    expect(result.stdout).toMatch(
      /^ {4}CreateSessionToken POST http:\/\/127\.0\.0\.1:\d+\S+ → 200 \(\d+ ms\)$/m,
    );
    expect(result.stdout).toMatch(/^ {4}Authorize POST \S+\/payment\.do → 200 \(\d+ ms\)$/m);
    expect(result.stderr).toBe('');
  });
});

describe('--flow session and psync', () => {
  it('session: Pending with a token, one exchange', async () => {
    const result = await runJson('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, nuveiPayment(), [
      '--flow',
      'session',
    ]);
    expect(result.code).toBe(0);
    const json = result.json<RunJson>();
    expect(Object.keys(json).sort()).toEqual(['exchanges', 'sessionToken', 'status']);
    expect(json.status).toBe('Pending');
    expect(json.exchanges).toHaveLength(1);
    expect(nuvei.lastRequest('/payment.do')).toBeUndefined();
  });

  it('session refused in-band: Failure with the error', async () => {
    const result = await runJson(
      'paytm',
      paytm.connectorBaseUrl,
      files.paytmAuth,
      paytmPayment({ amount: 501 }),
      ['--flow', 'session'],
    );
    expect(result.code).toBe(0);
    expect(result.json<RunJson>()).toMatchObject({ status: 'Failure', error: { code: '501' } });
  });

  it('psync reports what an earlier authorize decided', async () => {
    const authorized = (
      await runJson('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, nuveiPayment())
    ).json<RunJson>();
    const synced = await runJson(
      'nuvei',
      nuvei.paymentBaseUrl,
      files.nuveiAuth,
      nuveiPayment({ connectorTransactionId: authorized.connectorTransactionId }),
      ['--flow', 'psync'],
    );
    expect(synced.code).toBe(0);
    const json = synced.json<RunJson>();
    expect(json.status).toBe('Charged');
    expect(json.connectorTransactionId).toBe(authorized.connectorTransactionId);
    expect(json.exchanges.map((exchange) => exchange['flow'])).toEqual(['PSync']);
  });

  it('paytm psync of a processed order', async () => {
    const payment = paytmPayment({ paymentMethod: { type: 'upi_intent' } });
    const authorized = await runJson('paytm', paytm.connectorBaseUrl, files.paytmAuth, payment);
    const { connectorTransactionId } = authorized.json<RunJson>();
    expect(connectorTransactionId).toMatch(/^\d+$/);
    const synced = await runJson(
      'paytm',
      paytm.connectorBaseUrl,
      files.paytmAuth,
      { ...payment, connectorTransactionId },
      ['--flow', 'psync'],
    );
    expect(synced.code).toBe(0);
    const json = synced.json<RunJson>();
    expect(json.status).toBe('Charged');
    expect(json.exchanges.map((exchange) => exchange['flow'])).toEqual(['PSync']);
  });
});

describe('exit 1: invalid input, nothing sent', () => {
  // prettier-ignore
  const BAD_PAYMENTS: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
    ['an unknown member', { ...nuveiPayment(), colour: 'red' }, 'payment.colour'],
    ['an amount in major units', nuveiPayment({ amount: 10.5 }), 'payment.amount'],
    ['an unknown currency', nuveiPayment({ currency: 'XXY' }), 'payment.currency'],
    ['a card without its CVC', nuveiPayment({ paymentMethod: { type: 'card', number: NUVEI_TEST_CARDS.approved, ...EXPIRY } }), 'payment.paymentMethod.cvc'],
    ['an unknown payment method', nuveiPayment({ paymentMethod: { type: 'cash' } }), 'payment.paymentMethod.type'],
    ['a bad billing country', nuveiPayment({ billing: { country: 'gb' } }), 'payment.billing.country'],
  ];

  it.each(BAD_PAYMENTS)('payment.json with %s names the member', async (_title, payment, key) => {
    const result = await runJson('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, payment);
    expect(result.code).toBe(1);
    const { error } = result.json<{ error: { kind: string; issues: Array<{ key: string }> } }>();
    expect(error.kind).toBe('usage');
    expect(error.issues.map((issue) => issue.key)).toContain(key);
    expect(nuvei.requests).toHaveLength(0);
  });

  it('a field the connector requires (browser info) is missing: refused before the session step', async () => {
    const { browserInfo: _dropped, ...payment } = nuveiPayment();
    const result = await runJson('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, payment);
    expect(result.code).toBe(1);
    const json = result.json<RunJson>();
    expect(json.status).toBe('Failure');
    expect(json.error).toMatchObject({
      kind: 'integration',
      type: 'MISSING_REQUIRED_FIELD',
      message: expect.stringContaining('browser_info'),
    });
    expect(json.exchanges).toEqual([]);
    expect(nuvei.requests).toHaveLength(0);
  });

  it('no payment method: refused before any HTTP', async () => {
    const { paymentMethod: _dropped, ...payment } = acmePayment();
    const result = await runJson('acme', acme.baseUrl, files.acmeAuth, payment);
    expect(result.code).toBe(1);
    expect(result.json<RunJson>().error).toMatchObject({ type: 'MISSING_REQUIRED_FIELD' });
    expect(acme.requests).toHaveLength(0);
  });

  it('psync without a transaction id sends "" as the core does, and a flow the connector lacks', async () => {
    const noId = await runJson('nuvei', nuvei.paymentBaseUrl, files.nuveiAuth, nuveiPayment(), [
      '--flow',
      'psync',
    ]);
    expect(noId.code).toBe(0);
    expect(noId.json<RunJson>()).toMatchObject({
      status: 'Failure',
      error: { code: '1140', message: 'Transaction not found' },
    });
    expect(JSON.parse(nuvei.requests[0]!.body)).toMatchObject({ transactionId: '' });
    nuvei.reset();
    const noFlow = await runJson(
      'acme',
      acme.baseUrl,
      files.acmeAuth,
      acmePayment({ connectorTransactionId: 'T1' }),
      ['--flow', 'psync'],
    );
    expect(noFlow.code).toBe(1);
    expect(noFlow.json<RunJson>().error).toMatchObject({
      kind: 'integration',
      type: 'NOT_IMPLEMENTED',
    });
    expect(acme.requests).toHaveLength(0);
  });

  it('text output prints an error code once when the gateway gave none of its own', async () => {
    const result = await run(
      'acme',
      acme.baseUrl,
      files.acmeAuth,
      acmePayment({ connectorTransactionId: 'T1' }),
      ['--flow', 'psync'],
    );
    expect(result.stdout).toContain(
      '  error           NOT_IMPLEMENTED: This feature is not implemented: psync flow for acme',
    );
  });

  it('--help says where --base-url goes by default: the real network', async () => {
    const help = await runMain(['run', '--help'], { cwd: root });
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      "(default: the gateway's sandbox URL (real network))",
    );
  });

  it('run nuvei in a workspace without one runs the built-in reference connector', async () => {
    const bare = await createTempWorkspace();
    try {
      const result = await runMain(
        [
          'run',
          'nuvei',
          '--base-url',
          nuvei.paymentBaseUrl,
          '--auth',
          files.nuveiAuth,
          '--payment',
          writeJson(bare.root, 'payment.json', nuveiPayment()),
          '--json',
        ],
        { cwd: bare.root },
      );
      expect(result.stderr).toBe('');
      expect(result.json<RunJson>().status).toBe('Charged');
    } finally {
      await bare.dispose();
    }
  });

  it('credentials of a type the connector does not accept', async () => {
    const auth = writeJson(root, 'header-auth.json', {
      type: 'HeaderKey',
      apiKey: 'k_123456789012',
    });
    const result = await runJson('nuvei', nuvei.paymentBaseUrl, auth, nuveiPayment());
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('k_123456789012');
    expect(nuvei.requests).toHaveLength(0);
  });

  // prettier-ignore
  const BAD_FILES: ReadonlyArray<readonly [string, () => readonly string[], string]> = [
    ['auth.json that is not JSON', () => ['nuvei', '--auth', writeText('auth-bad.json', '{'), '--payment', writeJson(root, 'p.json', nuveiPayment())], 'auth'],
    ['auth.json missing a member', () => ['nuvei', '--auth', writeJson(root, 'a.json', { type: 'SignatureKey', apiKey: 'x' }), '--payment', writeJson(root, 'p.json', nuveiPayment())], 'auth'],
    ['a payment file that does not exist', () => ['nuvei', '--auth', files.nuveiAuth, '--payment', 'missing.json'], 'payment'],
    ['an unknown connector', () => ['stripe', '--auth', files.nuveiAuth, '--payment', writeJson(root, 'p.json', nuveiPayment())], 'id'],
    ['a base URL that is not one', () => ['nuvei', '--base-url', 'not a url', '--auth', files.nuveiAuth, '--payment', writeJson(root, 'p.json', nuveiPayment())], 'baseUrl'],
  ];

  it.each(BAD_FILES)('%s', async (_title, args, key) => {
    const argv = args();
    const withBase = argv.includes('--base-url')
      ? argv
      : [...argv, '--base-url', nuvei.paymentBaseUrl];
    const result = await runMain(['run', ...withBase, '--json'], { cwd: root });
    expectNoSecrets(result);
    expect(result.code).toBe(1);
    const { error } = result.json<{ error: { issues: Array<{ key: string }> } }>();
    expect(error.issues.map((issue) => issue.key)).toContain(key);
    expect(nuvei.requests).toHaveLength(0);
  });
});

function writeText(name: string, text: string): string {
  const file = path.join(root, name);
  writeFileSync(file, text);
  return file;
}

describe('exit 2: a connector error response or a network error', () => {
  it('nuvei non-2xx (amount 500.00 answers HTTP 500)', async () => {
    const result = await runJson(
      'nuvei',
      nuvei.paymentBaseUrl,
      files.nuveiAuth,
      nuveiPayment({ amount: 50_000 }),
    );
    expect(result.code).toBe(2);
    const json = result.json<RunJson>();
    expect(json.status).toBe('Failure');
    expect(json.error).toEqual({
      kind: 'connector',
      type: 'CONNECTOR_ERROR_RESPONSE',
      code: '500',
      message: expect.any(String),
      reason: expect.stringContaining('500 Internal Server Error'),
      httpStatus: 500,
    });
    expect(json.exchanges.map((exchange) => exchange['status'])).toEqual([200, 500]);
  });

  it('nuvei 503 (amount 503.00), text output', async () => {
    const result = await run(
      'nuvei',
      nuvei.paymentBaseUrl,
      files.nuveiAuth,
      nuveiPayment({ amount: 50_300 }),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('nuvei authorize → Failure');
    expect(result.stdout).toContain('(HTTP 503)');
  });

  it('paytm: a gateway answering 502 to the session step', async () => {
    paytm.enqueue('/initiateTransaction', jsonReply(502, { message: 'bad gateway' }));
    const result = await runJson('paytm', paytm.connectorBaseUrl, files.paytmAuth, paytmPayment());
    expect(result.code).toBe(2);
    expect(result.json<RunJson>().error).toMatchObject({ kind: 'connector', httpStatus: 502 });
    expect(paytm.lastRequest('/processTransaction')).toBeUndefined();
  });

  it('generic: wrong credentials answer HTTP 401', async () => {
    const auth = writeJson(root, 'acme-wrong.json', {
      ...ACME_AUTH,
      apiKey: 'not_the_key_0123456789',
    });
    const result = await runJson('acme', acme.baseUrl, auth, acmePayment());
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('not_the_key_0123456789');
    expect(result.json<RunJson>().error).toMatchObject({
      kind: 'connector',
      code: 'UNAUTHORIZED',
      httpStatus: 401,
    });
  });

  it('an answer that is not JSON', async () => {
    acme.enqueue('/v2/sessions', {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: 'ok',
    });
    const result = await runJson('acme', acme.baseUrl, files.acmeAuth, acmePayment());
    expect(result.code).toBe(2);
    expect(result.json<RunJson>().error).toMatchObject({
      kind: 'connector',
      type: 'RESPONSE_DESERIALIZATION_FAILED',
    });
  });

  it('a refused port is a network error', async () => {
    const port = await closedPort();
    const result = await runJson('acme', `http://127.0.0.1:${port}`, files.acmeAuth, acmePayment());
    expect(result.code).toBe(2);
    const json = result.json<RunJson>();
    expect(json.error).toMatchObject({ kind: 'network' });
    expect(json.exchanges).toHaveLength(1);
    expect(json.exchanges[0]!['status']).toBeUndefined();
  });

  it('a gateway that hangs past --timeout is a network error', async () => {
    acme.enqueue('/v2/sessions', { hang: true });
    const result = await runJson('acme', acme.baseUrl, files.acmeAuth, acmePayment(), [
      '--timeout',
      '200',
    ]);
    expect(result.code).toBe(2);
    expect(result.json<RunJson>().error).toMatchObject({ kind: 'network' });
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
