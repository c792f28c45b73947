/**
 * Runtime section: the CPU cost of each flow's transformers (build + serialize + parse + map,
 * no I/O), and session → authorize over loopback against a hand-written raw undici client doing
 * the same two requests (raw-clients.ts) — one payment at a time (latency) and 50 payments in
 * flight (throughput).
 *
 * Fairness: the contenders share one keep-alive undici Agent and talk to the same canned server
 * (canned-server.ts, its own process), which does identical work for any sender. The raw client
 * builds, signs and sends the same requests as the connector (checked byte for byte first, up to
 * timestamps, checksums and signatures: same-requests.ts), takes the token from the session
 * answer and parses both answers; what it leaves out is our runtime: RouterData, the deadline,
 * the response's headers, schema parse, mapping, typed errors. Rounds alternate (stats.ts).
 *
 * Ours is the shipped build (dist/, shipped.ts), as an installed package runs it.
 *
 * The flows after Authorize: their CPU rows come from the cases; capture and refund against a
 * hand-written client are in runtime-flows.ts.
 *
 * A third contender, "replay", resends the bytes our runtime sent once without building
 * anything: undici.request alone, to show how much of the raw client's time is its own work.
 */

import { Agent, request, type Dispatcher } from 'undici';

import type { HttpClient, HttpRequest, HttpResponse } from '../../src/runtime/index.js';
import { startCannedServer } from './canned-server.js';
import type { BenchContext } from './context.js';
import { runtimeCases, type RuntimeCase } from './runtime-cases.js';
import { followUpRows } from './runtime-flows.js';
import { checkSameRequests } from './same-requests.js';
import { loadShipped, type Shipped } from './shipped.js';
import { interleave, pairedRatio, summarize, time, timeAsync, type Summary } from './stats.js';
import type { Row } from './table.js';

const SECTION = 'runtime';
/** Samples per row (after one warm-up round). */
const RUNS = 15;
/** Flow simulations per CPU sample. */
const ITERATIONS = 1_000;
/** Payments per sequential sample. */
const SEQUENTIAL_PAYMENTS = 400;
const CONCURRENCY = 50;
/** Payments each of the 50 in-flight loops makes per throughput sample. */
const PAYMENTS_PER_LOOP = 40;
/** Payments per sample without I/O. */
const OFFLINE_PAYMENTS = 1_000;

export async function runtimeRows(ctx: BenchContext): Promise<Row[]> {
  const shipped = await loadShipped(ctx);
  const cases = runtimeCases(shipped);
  for (const c of cases) await checkSameRequests(shipped, c);
  const rows = cases.flatMap((c) => cpuRows(shipped, c));
  const server = await startCannedServer(cases.flatMap((c) => c.answers));
  try {
    for (const c of cases) rows.push(...(await loopbackRows(shipped, c, server.origin)));
  } finally {
    await server.close();
  }
  rows.push(...(await followUpRows(shipped)));
  return rows;
}

function row(c: RuntimeCase, measure: string, unit: Row['unit'], summary: Summary, note?: string) {
  const base = { section: SECTION, measure: `${c.label}: ${measure}`, unit, summary };
  return note === undefined ? base : { ...base, note };
}

function cpuRows({ runtime: { simulateFlow } }: Shipped, c: RuntimeCase): Row[] {
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
async function payOnce(
  { runtime: { authorize } }: Shipped,
  c: RuntimeCase,
  baseUrl: string,
  http: HttpClient,
): Promise<void> {
  const outcome = await authorize(c.connector, c.payment, { auth: c.auth, baseUrl, http });
  if (outcome.stage !== 'Authorize' || outcome.authorize.response?.ok !== true) {
    throw new Error(`${c.label}: the canned answers did not authorize the payment`);
  }
}

/** The requests one payment sends, as our runtime sends them. */
async function capture(
  shipped: Shipped,
  c: RuntimeCase,
  baseUrl: string,
  http: HttpClient,
): Promise<HttpRequest[]> {
  const sent: HttpRequest[] = [];
  await payOnce(shipped, c, baseUrl, {
    send: (req) => {
      sent.push(req);
      return http.send(req);
    },
  });
  if (sent.length !== 2) throw new Error(`${c.label}: expected 2 requests, sent ${sent.length}`);
  return sent;
}

/** The captured requests again with undici alone: send, read, parse; nothing built. */
async function replay(sent: readonly HttpRequest[], dispatcher: Dispatcher): Promise<void> {
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

async function loopbackRows(shipped: Shipped, c: RuntimeCase, origin: string): Promise<Row[]> {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  const http = shipped.runtime.createHttpClient(dispatcher);
  // the client a CLI run gets: node:http, so that no process pays undici's load to send two requests
  const nodeHttp = shipped.runtime.createHttpClient();
  const baseUrl = c.baseUrl(origin);
  try {
    const sent = await capture(shipped, c, baseUrl, http);
    const contenders = {
      ours: () => payOnce(shipped, c, baseUrl, http),
      nodeHttp: () => payOnce(shipped, c, baseUrl, nodeHttp),
      raw: () => c.raw(origin, dispatcher),
      replay: () => replay(sent, dispatcher),
    };
    type Name = keyof typeof contenders;
    const cpu: Record<Name, number[]> = { ours: [], nodeHttp: [], raw: [], replay: [] };

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

    const sequential = await interleave(
      { ours: oneAtATime('ours'), raw: oneAtATime('raw'), replay: oneAtATime('replay') },
      RUNS,
    );
    // The warm-up round recorded its CPU too.
    for (const samples of Object.values(cpu)) samples.shift();
    const concurrent = await interleave(
      { ours: inFlight('ours'), nodeHttp: inFlight('nodeHttp'), raw: inFlight('raw') },
      RUNS,
    );
    const offline = inMemoryClient(c);
    const withoutIo = await interleave(
      {
        ours: () =>
          timeAsync(async () => {
            for (let i = 0; i < OFFLINE_PAYMENTS; i += 1) {
              await payOnce(shipped, c, baseUrl, offline);
            }
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
        'hand-written client: same 2 requests, same Agent',
      ),
      row(
        c,
        'session → authorize, 1 at a time, replay',
        'µs',
        summarize(perPayment(sequential.replay)),
        `undici.request alone: captured bytes resent, nothing built; CPU ${median(cpu.replay)} µs`,
      ),
      {
        ...row(
          c,
          'latency ours : raw undici',
          'ratio',
          pairedRatio(sequential.ours, sequential.raw),
        ),
        target: { op: '≤', value: 1.1 },
      },
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
        `${CONCURRENCY} payments in flight, ours over node:http (the default client)`,
        'payments/s',
        summarize(perSecond(concurrent.nodeHttp)),
        'no dispatcher given: what `run` uses; undici is for a caller that passes an Agent',
      ),
      row(
        c,
        `${CONCURRENCY} payments in flight, raw undici`,
        'payments/s',
        summarize(perSecond(concurrent.raw)),
        'hand-written client, same Agent',
      ),
      {
        ...row(
          c,
          'throughput ours : raw undici',
          'ratio',
          pairedRatio(perSecond(concurrent.ours), perSecond(concurrent.raw)),
        ),
        target: { op: '≥', value: 0.9 },
      },
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
