/**
 * Runtime section, the flows after Authorize: Nuvei capture and refund over loopback, one at a
 * time, ours (`capture()` / `refund()` of the shipped runtime) against a hand-written undici
 * client building the same request (same body bytes up to timeStamp and checksum, checked first)
 * and parsing the answer. Same Agent, same canned server, alternating rounds (stats.ts).
 */

import { createHash } from 'node:crypto';

import { Agent, request, type Dispatcher } from 'undici';

import { startCannedServer } from './canned-server.js';
import { nuveiTransactionAnswer } from './runtime-cases.js';
import type { Shipped } from './shipped.js';
import { interleave, pairedRatio, summarize } from './stats.js';
import type { Row } from './table.js';

const RUNS = 15;
const CALLS = 400;
const SECRET = 'sekret-nuvei-0123456789';
const PAYMENT_ID = '711000000012345678';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-T:]/g, '');

/** The hand-written settle or refund: body in Nuvei's order, checksum in body order. */
function rawTransaction(endpoint: string, reference: string) {
  return async (base: string, dispatcher: Dispatcher): Promise<void> => {
    const timeStamp = stamp();
    const fields = {
      merchantId: 'M1',
      merchantSiteId: 'S1',
      clientRequestId: reference,
      clientUniqueId: reference,
      amount: '10.00',
      currency: 'USD',
      relatedTransactionId: PAYMENT_ID,
      timeStamp,
    };
    const checksum = sha256Hex(Object.values(fields).join('') + SECRET);
    const response = await request(`${base}/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', via: 'HyperSwitch' },
      body: JSON.stringify({ ...fields, checksum }),
      dispatcher,
    });
    const answer = JSON.parse(await response.body.text()) as { transactionStatus?: string };
    if (answer.transactionStatus !== 'APPROVED') throw new Error(`raw ${endpoint}: not approved`);
  };
}

const blank = (body: string) =>
  body
    .replace(/"timeStamp":"\d{14}"/, '"timeStamp":""')
    .replace(/"checksum":"[0-9a-f]{64}"/, '"checksum":""');

export async function followUpRows(shipped: Shipped): Promise<Row[]> {
  const { runtime, nuvei } = shipped;
  const auth = {
    type: 'SignatureKey' as const,
    apiKey: new runtime.Secret('M1'),
    key1: new runtime.Secret('S1'),
    apiSecret: new runtime.Secret(SECRET),
  };
  const server = await startCannedServer([
    {
      pathSuffix: '/settleTransaction.do',
      body: nuveiTransactionAnswer('711000000012399001', 'cap_1'),
    },
    {
      pathSuffix: '/refundTransaction.do',
      body: nuveiTransactionAnswer('711000000012399003', 'ref_1'),
    },
  ]);
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  const base = `${server.origin}/ppp/api/v1`;
  const rows: Row[] = [];
  try {
    const flows = [
      {
        name: 'capture',
        endpoint: 'settleTransaction.do',
        reference: 'cap_1',
        ours: (http: ReturnType<typeof runtime.createHttpClient>) =>
          runtime.capture(
            nuvei,
            {
              connectorTransactionId: PAYMENT_ID,
              amountToCapture: 1000,
              currency: 'USD',
              merchantCaptureId: 'cap_1',
            },
            { auth, baseUrl: base, http },
          ),
      },
      {
        name: 'refund',
        endpoint: 'refundTransaction.do',
        reference: 'ref_1',
        ours: (http: ReturnType<typeof runtime.createHttpClient>) =>
          runtime.refund(
            nuvei,
            {
              connectorTransactionId: PAYMENT_ID,
              refundAmount: 1000,
              currency: 'USD',
              merchantRefundId: 'ref_1',
            },
            { auth, baseUrl: base, http },
          ),
      },
    ];
    for (const flow of flows) {
      const raw = rawTransaction(flow.endpoint, flow.reference);
      const client = runtime.createHttpClient(dispatcher);
      // the same request bytes, up to timeStamp and checksum
      const sent: string[] = [];
      await flow.ours({ send: (req) => (sent.push(req.body ?? ''), client.send(req)) });
      const rawSent: string[] = [];
      await raw(base, {
        dispatch: (options, handler) => (
          rawSent.push(String(options.body)),
          dispatcher.dispatch(options, handler)
        ),
      } as Dispatcher);
      if (blank(sent[0]!) !== blank(rawSent[0]!))
        throw new Error(`${flow.name}: the two clients send different bodies`);

      const ours = async () => {
        const started = performance.now();
        for (let i = 0; i < CALLS; i += 1) {
          const result = await flow.ours(client);
          if (result.response?.ok !== true) throw new Error(`${flow.name}: not approved`);
        }
        return performance.now() - started;
      };
      const hand = async () => {
        const started = performance.now();
        for (let i = 0; i < CALLS; i += 1) await raw(base, dispatcher);
        return performance.now() - started;
      };
      const timed = await interleave({ ours, raw: hand }, RUNS);
      const perCall = (ms: readonly number[]) => ms.map((m) => (m * 1000) / CALLS);
      const label = `Nuvei ${flow.name} (${flow.endpoint}), 1 at a time`;
      rows.push(
        {
          section: 'runtime',
          measure: `${label}, ours`,
          unit: 'µs',
          summary: summarize(perCall(timed.ours)),
        },
        {
          section: 'runtime',
          measure: `${label}, raw undici`,
          unit: 'µs',
          summary: summarize(perCall(timed.raw)),
          note: 'hand-written client: same request, same Agent',
        },
        {
          section: 'runtime',
          measure: `Nuvei ${flow.name} latency ours : raw undici`,
          unit: 'ratio',
          summary: pairedRatio(timed.ours, timed.raw),
          target: { op: '≤', value: 1.05 },
        },
      );
    }
  } finally {
    await dispatcher.close();
    await server.close();
  }
  return rows;
}
