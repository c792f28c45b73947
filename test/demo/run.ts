/**
 * `npm run demo`: the main job, end to end, on a fresh machine. Makes a workspace with
 * `create-connector init`, scaffolds a connector into it, lists it, runs a payment against its
 * sandbox emulator, and runs the connector's generated tests. The workspace is kept for you.
 * (Requires `npm run build`; the npm script runs it first.)
 */

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const repo = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(repo, 'bin', 'create-connector.js');
const ws = path.join(mkdtempSync(path.join(tmpdir(), 'create-connector-demo-')), 'acme-workspace');

function step(title: string, args: readonly string[], cwd = ws): void {
  console.log(`\n$ create-connector ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status}); the workspace is in ${ws}`);
    process.exit(1);
  }
}

// What `npm install` in the workspace would provide: this package and the workspace's dev tools.
mkdirSync(path.join(ws, 'node_modules'), { recursive: true });
symlinkSync(repo, path.join(ws, 'node_modules', 'create-connector'), 'dir');
for (const tool of ['vitest', 'typescript', '@types']) {
  symlinkSync(path.join(repo, 'node_modules', tool), path.join(ws, 'node_modules', tool), 'dir');
}

step('init', ['init', ws, '--force'], path.dirname(ws));
step('new', [
  'new',
  'AcmePay',
  '--base-url',
  'https://api.acmepay.example',
  '--session-token-endpoint',
  'v1/session-tokens',
  '--authorize-endpoint',
  'v1/payments',
  '--auth-type',
  'SignatureKey',
  '--token-placement',
  'header',
  '--yes',
]);
step('list', ['list']);

// The connector against its emulator: sandbox prints its base URL and credentials as JSON.
console.log('\n$ create-connector sandbox acme_pay --json   (in the background)');
const sandbox = spawn(process.execPath, [bin, 'sandbox', 'acme_pay', '--json'], {
  cwd: ws,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const first = await new Promise<string>((resolve, reject) => {
  const timer = setTimeout(
    () => reject(new Error('the sandbox did not start within 20 s')),
    20_000,
  );
  createInterface({ input: sandbox.stdout }).once('line', (line) => {
    clearTimeout(timer);
    resolve(line);
  });
});
const served = JSON.parse(first) as { baseUrl: string; auth: unknown };
console.log(first);
writeFileSync(path.join(ws, 'auth.json'), `${JSON.stringify(served.auth, null, 2)}\n`);
writeFileSync(
  path.join(ws, 'payment.json'),
  `${JSON.stringify(
    {
      referenceId: 'order_0001',
      amount: 1050,
      currency: 'USD',
      captureMethod: 'manual',
      paymentMethod: {
        type: 'card',
        number: '4111111111111111',
        expMonth: '03',
        expYear: '2030',
        cvc: '737',
      },
    },
    null,
    2,
  )}\n`,
);
try {
  step('run', [
    'run',
    'acme_pay',
    '--base-url',
    served.baseUrl,
    '--auth',
    'auth.json',
    '--payment',
    'payment.json',
  ]);
} finally {
  sandbox.kill('SIGINT');
}

console.log('\n$ npx vitest run   (the generated tests)');
const tests = spawnSync(
  process.execPath,
  [path.join(ws, 'node_modules/vitest/vitest.mjs'), 'run'],
  {
    cwd: ws,
    stdio: 'inherit',
  },
);
if (tests.status !== 0) process.exit(1);
console.log(
  `\nDone. The workspace is ${ws}: edit src/connectors/acme-pay/transformers.ts toward your gateway.`,
);
