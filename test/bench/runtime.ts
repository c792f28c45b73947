/**
 * Runtime section: CPU cost of each flow's transformers (build + serialize + parse + map, no
 * I/O), and the session → authorize sequence over loopback against raw undici sending the same
 * two requests, one at a time and 50 at once.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Agent, request } from 'undici';

import {
  authorize,
  createHttpClient,
  createRouterData,
  simulateFlow,
  type AmountType,
  type Connector,
  type ConnectorAuthType,
  type FlowName,
  type PaymentInput,
  type RouterData,
} from '../../src/runtime/index.js';
import { interleave, pairedRatio, summarize, time } from './stats.js';
import type { Row } from './table.js';

export interface RuntimeCase {
  readonly label: string;
  readonly connector: Connector<AmountType>;
  readonly auth: ConnectorAuthType;
  readonly payment: PaymentInput;
  /** Path suffix → canned 200 answer for a loopback server that checks nothing. */
  readonly answers: Readonly<Record<string, string>>;
  /** The base URL to hand the connector, given the server's origin. */
  readonly baseUrl: (origin: string) => string;
  /** Router data for each flow's offline cost, with the answer it maps. */
  readonly flows: ReadonlyArray<{ flow: FlowName; routerData: RouterData<FlowName>; answer: string }>;
}

const ITERATIONS = 2_000;
const RUNS = 10;
const SEQUENCES_PER_RUN = 200;
const CONCURRENCY = 50;

async function startCannedServer(answers: Readonly<Record<string, string>>): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const match = Object.entries(answers).find(([suffix]) => path.endsWith(suffix));
      const body = match?.[1] ?? '{}';
      res.writeHead(match === undefined ? 404 : 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export async function runtimeRows(cases: readonly RuntimeCase[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of cases) {
    for (const { flow, routerData, answer } of c.flows) {
      const samples: number[] = [];
      const response = { status: 200, headers: {}, body: answer };
      for (let run = 0; run < RUNS + 1; run += 1) {
        const elapsed = time(() => {
          for (let i = 0; i < ITERATIONS; i += 1) {
            simulateFlow(c.connector, routerData, { baseUrl: 'https://gateway.test/', response });
          }
        });
        if (run > 0) samples.push((elapsed * 1000) / ITERATIONS);
      }
      rows.push({ section: 'runtime', measure: `${c.label} ${flow} CPU (build+serialize+parse+map)`, unit: 'µs', summary: summarize(samples) });
    }
    rows.push(...(await loopbackRows(c)));
  }
  return rows;
}

async function loopbackRows(c: RuntimeCase): Promise<Row[]> {
  const server = await startCannedServer(c.answers);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrl = c.baseUrl(origin);
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  const http = createHttpClient(dispatcher);
  try {
    // What the connector sends, captured once, so raw undici sends the very same bytes.
    const sent: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
    await authorize(c.connector, c.payment, {
      auth: c.auth,
      baseUrl,
      http: {
        send: async (req) => {
          sent.push({ url: req.url, headers: { ...req.headers }, body: req.body ?? '' });
          return http.send(req);
        },
      },
    });
    const raw = async () => {
      for (const step of sent) {
        const response = await request(step.url, { method: 'POST', headers: step.headers, body: step.body, dispatcher });
        JSON.parse(await response.body.text());
      }
    };
    const ours = async () => {
      await authorize(c.connector, c.payment, { auth: c.auth, baseUrl, http });
    };
    const sequential = await interleave(
      {
        ours: () => timed(async () => { for (let i = 0; i < SEQUENCES_PER_RUN; i += 1) await ours(); }),
        raw: () => timed(async () => { for (let i = 0; i < SEQUENCES_PER_RUN; i += 1) await raw(); }),
      },
      RUNS,
    );
    const concurrent = await interleave(
      {
        ours: () => timed(() => Promise.all(Array.from({ length: CONCURRENCY }, ours))),
        raw: () => timed(() => Promise.all(Array.from({ length: CONCURRENCY }, raw))),
      },
      RUNS * 2,
    );
    const perPayment = (samples: number[]) => samples.map((ms) => (ms * 1000) / SEQUENCES_PER_RUN);
    const throughput = (samples: number[]) => samples.map((ms) => (CONCURRENCY * 1000) / ms);
    return [
      { section: 'runtime', measure: `${c.label} session → authorize over loopback (ours)`, unit: 'µs', summary: summarize(perPayment(sequential.ours)) },
      { section: 'runtime', measure: `${c.label} session → authorize over loopback (raw undici)`, unit: 'µs', summary: summarize(perPayment(sequential.raw)) },
      { section: 'runtime', measure: `${c.label} ours : raw undici, sequential`, unit: 'ratio', summary: pairedRatio(sequential.ours, sequential.raw), note: 'target ≤ 1.10' },
      { section: 'runtime', measure: `${c.label} ${CONCURRENCY} concurrent payments (ours)`, unit: 'req/s', summary: summarize(throughput(concurrent.ours)) },
      { section: 'runtime', measure: `${c.label} ${CONCURRENCY} concurrent payments (raw undici)`, unit: 'req/s', summary: summarize(throughput(concurrent.raw)) },
      { section: 'runtime', measure: `${c.label} throughput ours : raw undici`, unit: 'ratio', summary: pairedRatio(throughput(concurrent.ours), throughput(concurrent.raw)), note: 'target ≥ 0.90' },
    ];
  } finally {
    await dispatcher.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export { createRouterData };
