/**
 * The fairness check of the runtime section: one payment by our runtime and one by the raw
 * client, against a recording loopback server with the canned answers; their requests must be
 * the same (method, target, headers, body with volatile members checked and blanked).
 */

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Agent } from 'undici';

import type { RuntimeCase } from './runtime-cases.js';
import type { Shipped } from './shipped.js';

interface Recorded {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

async function record(c: RuntimeCase, pay: (origin: string) => Promise<void>): Promise<Recorded[]> {
  const seen: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.url ?? '/';
      const path = target.split('?')[0] ?? target;
      // each recording has its own server, hence its own port in `host`
      const { host: _host, ...headers } = req.headers;
      seen.push({
        method: req.method ?? '',
        target,
        headers,
        body: c.stableBody(path, Buffer.concat(chunks).toString('utf8')),
      });
      const answer = c.answers.find(({ pathSuffix }) => path.endsWith(pathSuffix));
      res.writeHead(answer === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(answer?.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await pay(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return seen;
}

export async function checkSameRequests(
  { runtime: { authorize, createHttpClient } }: Shipped,
  c: RuntimeCase,
): Promise<void> {
  const dispatcher = new Agent();
  try {
    const ours = await record(c, async (origin) => {
      const http = createHttpClient(dispatcher);
      const outcome = await authorize(c.connector, c.payment, {
        auth: c.auth,
        baseUrl: c.baseUrl(origin),
        http,
      });
      if (outcome.stage !== 'Authorize') throw new Error(`${c.label}: ours did not authorize`);
    });
    const raw = await record(c, (origin) => c.raw(origin, dispatcher));
    const text = (requests: Recorded[]) => JSON.stringify(requests, null, 1);
    if (ours.length !== 2 || text(ours) !== text(raw)) {
      throw new Error(
        `${c.label}: the raw client's requests differ from the connector's:\nours ${text(ours)}\nraw ${text(raw)}`,
      );
    }
  } finally {
    await dispatcher.close();
  }
}
