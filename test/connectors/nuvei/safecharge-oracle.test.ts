/**
 * Our checksum against the `safecharge` npm package (Nuvei's own Node SDK, CommonJS) computing
 * it for the same inputs. Its `uuid/v1` and `moment` are replaced in require.cache (resolved
 * from safecharge's directory) so its clientRequestId and timeStamp are ours to choose, and
 * `makeRequest` is replaced so nothing leaves the process.
 */

import { Module, createRequire } from 'node:module';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { endpointChecksum } from '../../../src/connectors/nuvei/checksum.js';

type Callback = (error: unknown, response: unknown, data: Record<string, string>) => void;

interface SafechargeSdk {
  initiate(merchantId: string, siteId: string, secretKey: string, env?: string): void;
  makeRequest(data: Record<string, string>, uri: string, cb: Callback): void;
  getSessionToken(data: Record<string, string>, cb: Callback): void;
  paymentService: { createPayment(data: Record<string, string>, cb: Callback): void };
}

const require = createRequire(import.meta.url);
const safechargePath = require.resolve('safecharge');
const fromSafecharge = createRequire(safechargePath);
const stubbedPaths = [fromSafecharge.resolve('uuid/v1'), fromSafecharge.resolve('moment')];

/** What the stubs hand safecharge as "now" and as a fresh id. */
const clock = { clientRequestId: '', timeStamp: '' };
let sdk: SafechargeSdk;
const saved = new Map<string, NodeJS.Module | undefined>();

function stub(path: string, exports: unknown): void {
  saved.set(path, require.cache[path]);
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = exports;
  require.cache[path] = module;
}

beforeAll(() => {
  const [uuidPath, momentPath] = stubbedPaths as [string, string];
  stub(uuidPath, () => clock.clientRequestId);
  stub(momentPath, () => ({ format: () => clock.timeStamp }));
  saved.set(safechargePath, require.cache[safechargePath]);
  delete require.cache[safechargePath];
  sdk = require(safechargePath) as SafechargeSdk;
  sdk.makeRequest = (data, _uri, cb) => cb(null, data, data);
});

afterAll(() => {
  for (const [path, module] of saved) {
    if (module === undefined) delete require.cache[path];
    else require.cache[path] = module;
  }
});

/** Runs one safecharge call and returns the request it would have sent. */
function sent(call: (cb: Callback) => void): Record<string, string> {
  let data: Record<string, string> | undefined;
  call((_error, _response, request) => {
    data = request;
  });
  if (data === undefined) throw new Error('safecharge did not call back');
  return data;
}

const A = ['1234567890123456789', '123456', 'SECRETkeyABC123xyz'] as const;

describe('Nuvei checksum vs the safecharge package', () => {
  it('A1: getSessionToken gives the recorded vector in both', () => {
    sdk.initiate(...A, 'test');
    const request = sent((cb) =>
      sdk.getSessionToken({ clientRequestId: 'order_0001', timeStamp: '20240115103045' }, cb),
    );
    const ours = endpointChecksum(
      'getSessionToken',
      {
        merchantId: A[0],
        merchantSiteId: A[1],
        clientRequestId: 'order_0001',
        timeStamp: '20240115103045',
      },
      A[2],
    );
    expect(request.checksum).toBe(
      '114fa09a0ff3873711981101a9aea39c797ca95d32b85bb6d60f02921731e228',
    );
    expect(ours).toBe(request.checksum);
  });

  it('A2: payment (createPayment) gives the recorded vector in both', () => {
    sdk.initiate(...A, 'test');
    clock.clientRequestId = 'order_0001';
    clock.timeStamp = '20240115103045';
    const request = sent((cb) =>
      sdk.paymentService.createPayment({ amount: '10.00', currency: 'USD' }, cb),
    );
    expect(request.clientRequestId).toBe('order_0001');
    expect(request.timeStamp).toBe('20240115103045');
    const ours = endpointChecksum(
      'payment',
      {
        merchantId: A[0],
        merchantSiteId: A[1],
        clientRequestId: 'order_0001',
        amount: '10.00',
        currency: 'USD',
        timeStamp: '20240115103045',
      },
      A[2],
    );
    expect(request.checksum).toBe(
      '355ccc0ae128769ccc0ce9367a3109a1578a40707af5c2497a373c323a178e95',
    );
    expect(ours).toBe(request.checksum);
  });

  const text = fc.string({ unit: 'grapheme', maxLength: 24 });
  const credentials = fc.tuple(
    text.filter((value) => value.length > 0),
    fc.stringMatching(/^[0-9]{1,9}$/),
    text.filter((value) => value.length > 0),
  );
  const timeStamp = fc.stringMatching(/^[0-9]{14}$/);

  it('agrees on getSessionToken for arbitrary inputs', () => {
    fc.assert(
      fc.property(credentials, text, timeStamp, ([merchantId, siteId, secret], crid, ts) => {
        sdk.initiate(merchantId, siteId, secret, 'test');
        const request = sent((cb) =>
          sdk.getSessionToken({ clientRequestId: crid, timeStamp: ts }, cb),
        );
        const ours = endpointChecksum(
          'getSessionToken',
          { merchantId, merchantSiteId: siteId, clientRequestId: crid, timeStamp: ts },
          secret,
        );
        expect(ours).toBe(request.checksum);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees on payment for arbitrary inputs', () => {
    const amount = fc.stringMatching(/^[0-9]{1,7}(\.[0-9]{1,4})?$/);
    const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'CLF', 'INR');
    fc.assert(
      fc.property(
        credentials,
        text,
        amount,
        currency,
        timeStamp,
        ([merchantId, siteId, secret], crid, amt, cur, ts) => {
          sdk.initiate(merchantId, siteId, secret, 'test');
          clock.clientRequestId = crid;
          clock.timeStamp = ts;
          const request = sent((cb) =>
            sdk.paymentService.createPayment({ amount: amt, currency: cur }, cb),
          );
          const ours = endpointChecksum(
            'payment',
            {
              merchantId,
              merchantSiteId: siteId,
              clientRequestId: crid,
              amount: amt,
              currency: cur,
              timeStamp: ts,
            },
            secret,
          );
          expect(ours).toBe(request.checksum);
        },
      ),
      { numRuns: 200 },
    );
  });
});
