/**
 * Commands section: what an engineer types over and over, as whole processes with a warm cache,
 * next to the floor (`node -e 0`) and a hand-written undici script sending the same two requests
 * as `run`: `list` and `run zeta_pay` in a workspace made by `init` + `new`, against the
 * workspace's emulator (`sandbox`, a child process: the measured runs block this one), and
 * `run nuvei` (the built-in reference, from the same workspace) against `sandbox nuvei`. The
 * targets judge wall time; the CPU-time rows (separate runs) show the same on a busy machine.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { NUVEI_SANDBOX_CREDENTIALS } from '../../src/sandbox/nuvei/merchants.js';
import type { BuiltPackage } from './cli.js';
import { REPO } from './cli.js';
import type { BenchContext } from './context.js';
import { runNode, runNodeCpu } from './processes.js';
import { interleave, pairedDifference, pairedRatio, summarize } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'commands';
const RUNS = 15;

/** The credentials `sandbox nuvei` accepts, and a card payment with what Nuvei requires. */
const NUVEI_AUTH = {
  type: 'SignatureKey',
  apiKey: NUVEI_SANDBOX_CREDENTIALS.merchantId,
  key1: NUVEI_SANDBOX_CREDENTIALS.merchantSiteId,
  apiSecret: NUVEI_SANDBOX_CREDENTIALS.merchantSecret,
};
const NUVEI_PAYMENT = {
  referenceId: 'bench_nuvei_1',
  amount: 1000,
  currency: 'USD',
  paymentMethod: {
    type: 'card',
    number: '4111111111111111',
    expMonth: '12',
    expYear: '2030',
    cvc: '123',
  },
  billing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
  browserInfo: { ipAddress: '10.1.2.3', userAgent: 'bench' },
};

/** A workspace made by the built package's `init` and `new`, its node_modules linked to ours. */
function makeWorkspace(pkg: BuiltPackage, scratch: string): string {
  const root = path.join(scratch, 'commands-ws');
  runNode([pkg.bin, 'init', root]);
  const modules = path.join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(REPO, 'node_modules'))) {
    if (entry !== 'create-connector') {
      symlinkSync(path.join(REPO, 'node_modules', entry), path.join(modules, entry));
    }
  }
  symlinkSync(pkg.root, path.join(modules, 'create-connector'));
  runNode(
    [
      pkg.bin,
      'new',
      'ZetaPay',
      '--base-url',
      'https://api.zeta.test',
      '--session-token-endpoint',
      'v1/session-token',
      '--authorize-endpoint',
      'v1/payments',
      '--yes',
    ],
    { cwd: root },
  );
  return root;
}

async function startSandbox(
  pkg: BuiltPackage,
  cwd: string,
  id: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [pkg.bin, 'sandbox', id], {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
  });
  return { url, child };
}

/** The same two requests as `run zeta_pay`, written by hand with undici. */
function rawScript(scratch: string, baseUrl: string, apiKey: string): string {
  const file = path.join(scratch, 'raw-run.mjs');
  const undici = path.join(REPO, 'node_modules', 'undici', 'index.js');
  writeFileSync(
    file,
    `import { request } from ${JSON.stringify(undici)};
const headers = { 'content-type': 'application/json', authorization: 'Bearer ${apiKey}' };
const session = await request(${JSON.stringify(`${baseUrl}/v1/session-token`)}, {
  method: 'POST', headers,
  body: JSON.stringify({ merchantId: '${apiKey}', clientRequestId: 'raw_1', timestamp: String(Math.floor(Date.now() / 1000)), amount: '1000', currency: 'USD' }),
});
const { sessionToken } = await session.body.json();
const paid = await request(${JSON.stringify(`${baseUrl}/v1/payments`)}, {
  method: 'POST', headers,
  body: JSON.stringify({ merchantId: '${apiKey}', amount: '1000', currency: 'USD', reference: 'raw_1', captureMethod: 'automatic',
    paymentMethod: { type: 'card', number: '4111111111111111', expMonth: '12', expYear: '2030', cvc: '123' }, sessionToken }),
});
const answer = await paid.body.json();
if (answer.transactionStatus !== 'APPROVED') throw new Error(JSON.stringify(answer));
`,
  );
  return file;
}

export async function commandsRows(ctx: BenchContext): Promise<Row[]> {
  const pkg = ctx.requireCli();
  const root = makeWorkspace(pkg, ctx.scratch);
  const apiKey = 'sandbox_api_key_4f7d2c';
  writeFileSync(path.join(root, 'auth.json'), JSON.stringify({ type: 'HeaderKey', apiKey }));
  writeFileSync(
    path.join(root, 'payment.json'),
    JSON.stringify({
      referenceId: 'bench_1',
      amount: 1000,
      currency: 'USD',
      paymentMethod: {
        type: 'card',
        number: '4111111111111111',
        expMonth: '12',
        expYear: '2030',
        cvc: '123',
      },
    }),
  );
  writeFileSync(path.join(root, 'nuvei-auth.json'), JSON.stringify(NUVEI_AUTH));
  writeFileSync(path.join(root, 'nuvei-payment.json'), JSON.stringify(NUVEI_PAYMENT));
  const sandbox = await startSandbox(pkg, root, 'zeta_pay');
  const nuveiSandbox = await startSandbox(pkg, root, 'nuvei').catch((error: unknown) => {
    sandbox.child.kill('SIGTERM');
    throw error;
  });
  try {
    const run = [
      pkg.bin,
      'run',
      'zeta_pay',
      '--auth',
      'auth.json',
      '--payment',
      'payment.json',
      '--base-url',
      sandbox.url,
    ];
    const nuvei = [
      pkg.bin,
      'run',
      'nuvei',
      '--auth',
      'nuvei-auth.json',
      '--payment',
      'nuvei-payment.json',
      '--base-url',
      nuveiSandbox.url,
    ];
    const list = [pkg.bin, 'list'];
    const raw = rawScript(ctx.scratch, sandbox.url, apiKey);
    if (!runNode(run, { cwd: root }).stdout.includes('→ Charged'))
      throw new Error('run did not charge');
    if (!runNode(nuvei, { cwd: root }).stdout.includes('→ Charged'))
      throw new Error('run nuvei did not charge');
    const samples = await interleave(
      {
        floor: () => runNode(['-e', '0']).ms,
        list: () => runNode(list, { cwd: root }).ms,
        run: () => runNode(run, { cwd: root }).ms,
        nuvei: () => runNode(nuvei, { cwd: root }).ms,
        raw: () => runNode([raw]).ms,
      },
      RUNS,
      2,
    );
    const cpu = (args: readonly string[], cwd?: string) => () =>
      runNodeCpu(args, ctx.scratch, cwd === undefined ? {} : { cwd });
    const cpuSamples = await interleave(
      {
        floor: cpu(['-e', '0']),
        list: cpu(list, root),
        run: cpu(run, root),
        nuvei: cpu(nuvei, root),
      },
      RUNS,
      1,
    );
    const cpuNote =
      "the process's own CPU time (user + system) at exit, separate runs: the load moves it least";
    const warm = 'warm cache (the runs before were the first)';
    return [
      {
        section: SECTION,
        measure: '`node -e 0` (the floor)',
        unit: 'ms',
        summary: summarize(samples.floor),
      },
      {
        section: SECTION,
        measure: '`list` (1 generated connector)',
        unit: 'ms',
        summary: summarize(samples.list),
        note: warm,
      },
      {
        section: SECTION,
        measure: '`run zeta_pay` against its sandbox',
        unit: 'ms',
        summary: summarize(samples.run),
        note: warm,
      },
      {
        section: SECTION,
        measure: '`run nuvei` (built-in) against its sandbox',
        unit: 'ms',
        summary: summarize(samples.nuvei),
        note: warm,
      },
      {
        section: SECTION,
        measure: 'hand-written undici script, same 2 requests',
        unit: 'ms',
        summary: summarize(samples.raw),
      },
      {
        section: SECTION,
        measure: '`list` − floor',
        unit: 'ms',
        summary: pairedDifference(samples.list, samples.floor),
        target: { op: '≤', value: 100 },
      },
      {
        section: SECTION,
        measure: '`run zeta_pay` − floor',
        unit: 'ms',
        summary: pairedDifference(samples.run, samples.floor),
        target: { op: '≤', value: 150 },
      },
      {
        section: SECTION,
        measure: '`run nuvei` − floor',
        unit: 'ms',
        summary: pairedDifference(samples.nuvei, samples.floor),
        target: { op: '≤', value: 150 },
      },
      {
        section: SECTION,
        measure: '`list` − floor, CPU time',
        unit: 'ms',
        summary: pairedDifference(cpuSamples.list, cpuSamples.floor),
        note: cpuNote,
      },
      {
        section: SECTION,
        measure: '`run zeta_pay` − floor, CPU time',
        unit: 'ms',
        summary: pairedDifference(cpuSamples.run, cpuSamples.floor),
        note: cpuNote,
      },
      {
        section: SECTION,
        measure: '`run nuvei` − floor, CPU time',
        unit: 'ms',
        summary: pairedDifference(cpuSamples.nuvei, cpuSamples.floor),
        note: cpuNote,
      },
      {
        section: SECTION,
        measure: '`run zeta_pay` : undici script',
        unit: 'ratio',
        summary: pairedRatio(samples.run, samples.raw),
        note: 'the script loads undici and nothing else',
      },
    ];
  } finally {
    sandbox.child.kill('SIGTERM');
    nuveiSandbox.child.kill('SIGTERM');
  }
}
