/**
 * The loopback gateway both contenders of the runtime section talk to: a separate process on
 * 127.0.0.1 that answers each request with a canned 200 body chosen by path suffix, after
 * reading the request body. It checks nothing and records nothing, so every request costs it
 * the same whoever sent it, and its CPU never lands in the measuring process.
 *
 * Run as a child: `node --import tsx canned-server.ts '<answers JSON>'`; prints the port.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { CannedAnswer } from './runtime-cases.js';

export interface CannedServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

function serve(answers: readonly CannedAnswer[]): void {
  const replies = answers.map(({ pathSuffix, body }) => ({
    pathSuffix,
    body: Buffer.from(body, 'utf8'),
  }));
  const server = createServer((req, res) => {
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const path = query === -1 ? target : target.slice(0, query);
    const reply = replies.find(({ pathSuffix }) => path.endsWith(pathSuffix));
    req.resume();
    req.on('end', () => {
      if (reply === undefined) {
        res.writeHead(404, { 'content-length': 0 });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': reply.body.length,
      });
      res.end(reply.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
  });
  // The parent closes stdin when it is done (or dies): stop with it.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

/** Starts the server in its own process and waits for its port. */
export function startCannedServer(answers: readonly CannedAnswer[]): Promise<CannedServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(answers)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the canned server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.includes('\n')) return;
      child.removeAllListeners('exit');
      resolve({
        origin: `http://127.0.0.1:${Number(output.trim())}`,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.stdin?.end();
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  serve(JSON.parse(process.argv[2] ?? '[]') as CannedAnswer[]);
}
