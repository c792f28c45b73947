/**
 * `create-connector sandbox` as a child process (over the sources, through tsx): the first stdout
 * line is the base URL (or one JSON line), a payment run against it succeeds, SIGINT or SIGTERM
 * stops it with exit 0 and closes the port. It listens on 127.0.0.1 only.
 */

import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import { writeJson } from './helpers/files.js';
import { runSourceCli, SOURCE_CLI, startChild, type ServingChild } from './helpers/child.js';
import { captureIo, runMain } from './helpers/io.js';
import { main } from '../../src/cli/main.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/workspace.js';

const CARD = {
  type: 'card',
  number: '4111111111111111',
  expMonth: '12',
  expYear: '2031',
  cvc: '123',
};
const NUVEI_PAYMENT = {
  referenceId: 'sandbox_0001',
  amount: 1000,
  currency: 'USD',
  paymentMethod: CARD,
  billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
  browserInfo: { ipAddress: '10.1.2.3' },
};
const ACME = [
  'new',
  'Acme',
  '--base-url',
  'https://api.acme.test',
  '--session-token-endpoint',
  'session',
  '--authorize-endpoint',
  'authorize',
  '--auth-type',
  'BodyKey',
  '--yes',
];

let references: TempWorkspace;
let generated: TempWorkspace;

beforeAll(async () => {
  [references, generated] = await Promise.all([
    createTempWorkspace({ references: true }),
    createTempWorkspace(),
  ]);
  expect((await runMain(ACME, { cwd: references.root })).code).toBe(0);
  expect((await runMain(ACME, { cwd: generated.root })).code).toBe(0);
  // a connector generated from the nuvei preset takes the id nuvei
  expect((await runMain(['new', '--preset', 'nuvei', '--yes'], { cwd: generated.root })).code).toBe(
    0,
  );
});

afterAll(async () => {
  await Promise.all([references?.dispose(), generated?.dispose()]);
});

function serve(args: readonly string[], cwd: string): ServingChild {
  const child = startChild(process.execPath, [...SOURCE_CLI, 'sandbox', ...args], {
    cwd,
    timeoutMs: 20_000,
  });
  onTestFinished(() => child.kill());
  return child;
}

/** Resolves true when a TCP connection to host:port succeeds. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, 2_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** Runs `run <id>` in this process and returns its JSON result. */
async function pay(
  cwd: string,
  id: string,
  baseUrl: string,
  auth: unknown,
  payment: unknown,
): Promise<{ code: number; status: string }> {
  const result = await runMain(
    [
      'run',
      id,
      '--base-url',
      baseUrl,
      '--auth',
      writeJson(cwd, `${id}-sandbox-auth.json`, auth),
      '--payment',
      writeJson(cwd, `${id}-sandbox-payment.json`, payment),
      '--json',
    ],
    { cwd },
  );
  return { code: result.code, status: result.json<{ status: string }>().status };
}

describe('sandbox as a child process', { timeout: 60_000 }, () => {
  it('nuvei --json: one JSON line, a payment goes through, SIGINT exits 0 and closes the port', async () => {
    const child = serve(['nuvei', '--json'], references.root);
    const first = JSON.parse(await child.firstLine) as { baseUrl: string; auth: unknown };
    expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ppp\/api\/v1$/);
    const port = Number(new URL(first.baseUrl).port);

    const paid = await pay(references.root, 'nuvei', first.baseUrl, first.auth, NUVEI_PAYMENT);
    expect(paid).toEqual({ code: 0, status: 'Charged' });

    const exit = await child.stop('SIGINT');
    expect(exit.code).toBe(0);
    expect(exit.signal).toBeNull();
    expect(exit.stdout.trim().split('\n')).toHaveLength(1);
    expect(await connects('127.0.0.1', port)).toBe(false);
  });

  it('paytm: the base URL is the first line, the listening note goes to stderr; SIGTERM exits 0', async () => {
    const child = serve(['paytm'], references.root);
    const baseUrl = await child.firstLine;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = Number(new URL(baseUrl).port);
    expect(await connects('127.0.0.1', port)).toBe(true);
    const exit = await child.stop('SIGTERM');
    expect(exit.code).toBe(0);
    expect(exit.stderr).toContain(`paytm emulator listening on 127.0.0.1:${port}`);
    expect(await connects('127.0.0.1', port)).toBe(false);
  });

  it('a generated connector gets the generic emulator of its answers, on 127.0.0.1 only', async () => {
    const child = serve(['acme', '--json'], generated.root);
    const first = JSON.parse(await child.firstLine) as {
      baseUrl: string;
      auth: { type: string };
    };
    expect(first.auth.type).toBe('BodyKey');
    const port = Number(new URL(first.baseUrl).port);
    const payment = { referenceId: 'acme_1', amount: 1000, currency: 'EUR', paymentMethod: CARD };
    expect(await pay(generated.root, 'acme', first.baseUrl, first.auth, payment)).toEqual({
      code: 0,
      status: 'Charged',
    });
    // no other interface of this host reaches it
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    for (const host of [...others, '::1']) expect(await connects(host, port)).toBe(false);
    expect((await child.stop('SIGINT')).code).toBe(0);
  });

  it('a connector generated from the nuvei preset is served the generic emulator, not Nuvei', async () => {
    const child = serve(['nuvei', '--json'], generated.root);
    const first = JSON.parse(await child.firstLine) as { baseUrl: string; auth: unknown };
    expect(first.baseUrl).not.toContain('/ppp/api/v1');
    const payment = { referenceId: 'n_1', amount: 1000, currency: 'USD', paymentMethod: CARD };
    expect(await pay(generated.root, 'nuvei', first.baseUrl, first.auth, payment)).toEqual({
      code: 0,
      status: 'Charged',
    });
    expect((await child.stop('SIGINT')).code).toBe(0);
  });

  it('an answers file, on the port asked for', async () => {
    const port = await freePort();
    const answers = writeJson(generated.root, 'answers.json', {
      name: 'Other',
      baseUrl: 'https://other.test',
      sessionTokenEndpoint: 's',
      authorizeEndpoint: 'a',
    });
    const child = serve([answers, '--port', String(port)], generated.root);
    expect(await child.firstLine).toBe(`http://127.0.0.1:${port}`);
    expect((await child.stop('SIGINT')).code).toBe(0);
  });

  it('an unknown target exits 1 at once, naming it', async () => {
    const result = await runSourceCli(['sandbox', 'stripe'], { cwd: references.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: no emulator for "stripe"');
    expect(result.stderr).toContain('  - target: nuvei, paytm, the id of a generated connector');
  });
});

describe('sandbox in this process', () => {
  it('a port in use is refused (exit 1) naming the port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as { port: number };
    const result = await runMain(['sandbox', 'nuvei', '--port', String(port), '--json'], {
      cwd: references.root,
    });
    expect(result.code).toBe(1);
    expect(result.json<{ error: { issues: unknown[] } }>().error.issues).toEqual([
      { key: 'port', value: port, rule: expect.stringContaining('already in use') },
    ]);
  });

  it('serves until interrupted, then closes', async () => {
    const io = captureIo(references.root);
    const exit = main(['sandbox', 'paytm'], io);
    const baseUrl = (await io.firstStdout()).trim();
    const port = Number(new URL(baseUrl).port);
    expect(await connects('127.0.0.1', port)).toBe(true);
    io.interrupt();
    expect(await exit).toBe(0);
    expect(await connects('127.0.0.1', port)).toBe(false);
  });
});

describe('sandbox banner and request log', () => {
  it('prints the exact run command, then one line per request; --quiet logs none', async () => {
    const io = captureIo(generated.root);
    const exit = main(['sandbox', 'acme'], io);
    const baseUrl = (await io.firstStdout()).trim();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await fetch(`${baseUrl}/nowhere`, { method: 'POST' });
    io.interrupt();
    expect(await exit).toBe(0);
    expect(io.stderrText()).toContain(
      `pay against it: npx create-connector run acme --auth auth.json --payment payment.json --base-url ${baseUrl}\n`,
    );
    expect(io.stderrText()).toContain('POST /nowhere → 404\n');

    const quiet = captureIo(generated.root);
    const quietExit = main(['sandbox', 'acme', '--quiet'], quiet);
    const quietUrl = (await quiet.firstStdout()).trim();
    await fetch(`${quietUrl}/nowhere`, { method: 'POST' });
    quiet.interrupt();
    expect(await quietExit).toBe(0);
    expect(quiet.stderrText()).not.toContain('/nowhere');
  });
});

describe('reference names: a workspace connector named like a reference', () => {
  it('sandbox nuvei serves the workspace connector and names builtin:nuvei; run nuvei says the same', async () => {
    const io = captureIo(generated.root);
    const exit = main(['sandbox', 'nuvei', '--quiet'], io);
    const baseUrl = (await io.firstStdout()).trim();
    // the generic emulator of the generated Nuvei, not the reference's /ppp/api/v1
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    io.interrupt();
    expect(await exit).toBe(0);
    const notices = io
      .stderrText()
      .split('\n')
      .filter((line) => line.includes('builtin:nuvei'));
    expect(notices).toEqual([
      'note: "nuvei" is this workspace\'s connector, which shadows the built-in reference; use builtin:nuvei for the reference',
    ]);

    const run = await runMain(
      ['run', 'nuvei', '--auth', 'missing-auth.json', '--payment', 'missing-payment.json'],
      { cwd: generated.root },
    );
    expect(run.stderr).toContain(notices[0]);
  });

  it('sandbox builtin:nuvei serves the reference emulator, and run builtin:nuvei pays against it', async () => {
    const io = captureIo(generated.root);
    const exit = main(['sandbox', 'builtin:nuvei', '--quiet', '--json'], io);
    const first = JSON.parse((await io.firstStdout()).trim()) as { baseUrl: string; auth: unknown };
    expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ppp\/api\/v1$/);
    const run = await runMain(
      [
        'run',
        'builtin:nuvei',
        '--base-url',
        first.baseUrl,
        '--auth',
        writeJson(generated.root, 'builtin-auth.json', first.auth),
        '--payment',
        writeJson(generated.root, 'builtin-payment.json', NUVEI_PAYMENT),
        '--json',
      ],
      { cwd: generated.root },
    );
    io.interrupt();
    expect(await exit).toBe(0);
    expect(run.code).toBe(0);
    expect(run.json<{ status: string }>().status).toBe('Charged');
    // explicit: no notice
    expect(run.stderr).not.toContain('shadows');
  });

  it('builtin: names only the references', async () => {
    const result = await runMain(['sandbox', 'builtin:acme', '--json'], { cwd: generated.root });
    expect(result.code).toBe(1);
    expect(result.json<{ error: { issues: unknown[] } }>().error.issues).toEqual([
      { key: 'target', value: 'builtin:acme', rule: 'builtin: names a reference: nuvei, paytm' },
    ]);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
