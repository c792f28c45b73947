/**
 * Runtime section: the CPU cost of each flow's transformers (build + serialize + parse + map,
 * no I/O), and session → authorize over loopback against raw undici sending the same two
 * requests — one payment at a time (latency) and 50 payments in flight (throughput).
 *
 * Fairness: both contenders share one keep-alive undici Agent and talk to the same canned
 * server (canned-server.ts, its own process), which does identical work for any sender. Raw
 * undici sends the exact requests our runtime sent (captured once: URLs, headers, bodies) and
 * parses both JSON answers; everything else is ours: building and signing the bodies, the
 * deadline, the response's headers, schema parse and mapping. Rounds alternate A/B (stats.ts).
 */

import { Agent, request, type Dispatcher } from 'undici';

import {
  authorize,
  createHttpClient,
  simulateFlow,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from '../../src/runtime/index.js';
import { startCannedServer } from './canned-server.js';
import { runtimeCases, type RuntimeCase } from './runtime-cases.js';
import { interleave, pairedRatio, summarize, time, timeAsync, type Summary } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'runtime';
/** Samples per row (after one warm-up round). */
const RUNS = 15;
/** Flow simulations per CPU sample. */
const ITERATIONS = 1_000;
/** Payments per sequential sample. */
const SEQUENTIAL_PAYMENTS = 200;
const CONCURRENCY = 50;
/** Payments each of the 50 in-flight loops makes per throughput sample. */
const PAYMENTS_PER_LOOP = 8;
/** Payments per sample without I/O. */
const OFFLINE_PAYMENTS = 1_000;

export async function runtimeRows(): Promise<Row[]> {
  const cases = runtimeCases();
  const rows = cases.flatMap(cpuRows);
  const server = await startCannedServer(cases.flatMap((c) => c.answers));
  try {
    for (const c of cases) rows.push(...(await loopbackRows(c, server.origin)));
  } finally {
    await server.close();
  }
  return rows;
}

function row(c: RuntimeCase, measure: string, unit: Row['unit'], summary: Summary, note?: string) {
  const base = { section: SECTION, measure: `${c.label}: ${measure}`, unit, summary };
  return note === undefined ? base : { ...base, note };
}

function cpuRows(c: RuntimeCase): Row[] {
  return c.flows.map(({ flow, routerData, answer }) => {
    const options = {
      baseUrl: c.baseUrl('https://gateway.test'),
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: answer },
    };
    const samples: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const elapsed = time(() => {
        for (let i = 0; i < ITERATIONS; i += 1) simulateFlow(c.connector, routerData, options);
      });
      if (run > 0) samples.push((elapsed * 1000) / ITERATIONS);
    }
    return row(c, `${flow} CPU per flow (build+serialize+parse+map)`, 'µs', summarize(samples));
  });
}

/** One payment through our runtime over `http`, checking that it authorized. */
async function payOnce(c: RuntimeCase, baseUrl: string, http: HttpClient): Promise<void> {
  const outcome = await authorize(c.connector, c.payment, { auth: c.auth, baseUrl, http });
  if (outcome.stage !== 'Authorize' || outcome.authorize.response?.ok !== true) {
    throw new Error(`${c.label}: the canned answers did not authorize the payment`);
  }
}

/** The requests one payment sends, as our runtime sends them. */
async function capture(c: RuntimeCase, baseUrl: string, http: HttpClient): Promise<HttpRequest[]> {
  const sent: HttpRequest[] = [];
  await payOnce(c, baseUrl, {
    send: (req) => {
      sent.push(req);
      return http.send(req);
    },
  });
  if (sent.length !== 2) throw new Error(`${c.label}: expected 2 requests, sent ${sent.length}`);
  return sent;
}

/** The same requests with undici alone: send, read, parse. */
async function rawPayment(sent: readonly HttpRequest[], dispatcher: Dispatcher): Promise<void> {
  for (const step of sent) {
    const response = await request(step.url, {
      method: step.method,
      headers: step.headers,
      body: step.body ?? null,
      dispatcher,
    });
    JSON.parse(await response.body.text());
  }
}

/** Answers from memory: what the runtime and connector cost with the network taken out. */
function inMemoryClient(c: RuntimeCase): HttpClient {
  const answers = c.answers.map(({ pathSuffix, body }): [string, HttpResponse] => [
    pathSuffix,
    { status: 200, headers: { 'content-type': 'application/json' }, body },
  ]);
  return {
    send: (req) => {
      const query = req.url.indexOf('?');
      const path = query === -1 ? req.url : req.url.slice(0, query);
      const answer = answers.find(([suffix]) => path.endsWith(suffix));
      if (answer === undefined) return Promise.reject(new Error(`no canned answer for ${path}`));
      return Promise.resolve(answer[1]);
    },
  };
}

async function loopbackRows(c: RuntimeCase, origin: string): Promise<Row[]> {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  const http = createHttpClient(dispatcher);
  const baseUrl = c.baseUrl(origin);
  try {
    const sent = await capture(c, baseUrl, http);
    const contenders = {
      ours: () => payOnce(c, baseUrl, http),
      raw: () => rawPayment(sent, dispatcher),
    };
    type Name = keyof typeof contenders;
    const cpu: Record<Name, number[]> = { ours: [], raw: [] };

    const oneAtATime = (name: Name) => async () => {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < SEQUENTIAL_PAYMENTS; i += 1) await contenders[name]();
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      cpu[name].push((used.user + used.system) / SEQUENTIAL_PAYMENTS);
      return elapsed;
    };
    const inFlight = (name: Name) => async () => {
      const loop = async () => {
        for (let i = 0; i < PAYMENTS_PER_LOOP; i += 1) await contenders[name]();
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, loop));
      return performance.now() - started;
    };

    const sequential = await interleave({ ours: oneAtATime('ours'), raw: oneAtATime('raw') }, RUNS);
    // The warm-up round recorded its CPU too.
    cpu.ours.shift();
    cpu.raw.shift();
    const concurrent = await interleave({ ours: inFlight('ours'), raw: inFlight('raw') }, RUNS);
    const offline = inMemoryClient(c);
    const withoutIo = await interleave(
      {
        ours: () =>
          timeAsync(async () => {
            for (let i = 0; i < OFFLINE_PAYMENTS; i += 1) await payOnce(c, baseUrl, offline);
          }),
      },
      RUNS,
    );

    const perPayment = (ms: readonly number[]) => ms.map((m) => (m * 1000) / SEQUENTIAL_PAYMENTS);
    const perSecond = (ms: readonly number[]) =>
      ms.map((m) => (CONCURRENCY * PAYMENTS_PER_LOOP * 1000) / m);
    const median = (samples: readonly number[]) => summarize(samples).median.toFixed(0);
    return [
      row(
        c,
        'session → authorize, 1 at a time, ours',
        'µs',
        summarize(perPayment(sequential.ours)),
      ),
      row(
        c,
        'session → authorize, 1 at a time, raw undici',
        'µs',
        summarize(perPayment(sequential.raw)),
        'same 2 requests, same Agent',
      ),
      row(
        c,
        'latency ours : raw undici',
        'ratio',
        pairedRatio(sequential.ours, sequential.raw),
        'target ≤ 1.10',
      ),
      row(
        c,
        'client CPU per payment ours : raw undici',
        'ratio',
        pairedRatio(cpu.ours, cpu.raw),
        `ours ${median(cpu.ours)} µs, raw ${median(cpu.raw)} µs`,
      ),
      row(
        c,
        `${CONCURRENCY} payments in flight, ours`,
        'payments/s',
        summarize(perSecond(concurrent.ours)),
      ),
      row(
        c,
        `${CONCURRENCY} payments in flight, raw undici`,
        'payments/s',
        summarize(perSecond(concurrent.raw)),
        'same requests, same Agent',
      ),
      row(
        c,
        'throughput ours : raw undici',
        'ratio',
        pairedRatio(perSecond(concurrent.ours), perSecond(concurrent.raw)),
        'target ≥ 0.90',
      ),
      row(
        c,
        'session → authorize without I/O, ours',
        'µs',
        summarize(withoutIo.ours.map((m) => (m * 1000) / OFFLINE_PAYMENTS)),
        'in-memory HttpClient',
      ),
    ];
  } finally {
    await dispatcher.close();
  }
}
