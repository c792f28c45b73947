import { describe, expect, it } from 'vitest';

import {
  CHECKSUM_FIELDS,
  endpointChecksum,
  formatNuveiTimestamp,
  nuveiChecksum,
} from '../../../src/connectors/nuvei/checksum.js';

// Credentials A and B of wire-formats §3.9.
const A = {
  merchantId: '1234567890123456789',
  merchantSiteId: '123456',
  secret: 'SECRETkeyABC123xyz',
  timeStamp: '20240115103045',
};
const B = {
  merchantId: 'probe_merchant',
  merchantSiteId: 'probe_id',
  secret: 'probe_secret',
  timeStamp: '20260101000000',
};

describe('Nuvei checksum vectors (wire-formats §3.9)', () => {
  it.each([
    ['A1', A, 'order_0001', '114fa09a0ff3873711981101a9aea39c797ca95d32b85bb6d60f02921731e228'],
    ['B1', B, 'probe_txn_001', '17496b9411a72d18fc0dab2a19df9e97876b23842939c05f1a836040a57fcce7'],
    ['B4', B, '', '5707fd892aa1d5a6e0d34e7b615e2ec0bedcf2b45dc9a4d7bb14a085180281e9'],
  ])('%s getSessionToken', (_id, creds, clientRequestId, expected) => {
    const { merchantId, merchantSiteId, timeStamp } = creds;
    expect(
      endpointChecksum(
        'getSessionToken',
        { merchantId, merchantSiteId, clientRequestId, timeStamp },
        creds.secret,
      ),
    ).toBe(expected);
  });

  it.each([
    [
      'A2',
      A,
      'order_0001',
      '10.00',
      'USD',
      '355ccc0ae128769ccc0ce9367a3109a1578a40707af5c2497a373c323a178e95',
    ],
    [
      'B2',
      B,
      'probe_txn_001',
      '1000',
      'JPY',
      'e90bc6c327e7e7a6a538d413c8010bb8f398a856e5eb28ab840acdad6de950e6',
    ],
    [
      'B3',
      B,
      'probe_txn_001',
      '1.234',
      'KWD',
      'bf6b93e7f52e49e6e119c699ac376f065f55e569de3f8bda93313c2d6ed5e2f5',
    ],
  ])('%s payment', (_id, creds, clientRequestId, amount, currency, expected) => {
    const { merchantId, merchantSiteId, timeStamp } = creds;
    expect(
      endpointChecksum(
        'payment',
        { merchantId, merchantSiteId, clientRequestId, amount, currency, timeStamp },
        creds.secret,
      ),
    ).toBe(expected);
  });

  it('S1 getTransactionDetails hashes transactionId before clientUniqueId', () => {
    const values = {
      merchantId: A.merchantId,
      merchantSiteId: A.merchantSiteId,
      transactionId: '711000000012345678',
      clientUniqueId: 'order_0001',
      timeStamp: A.timeStamp,
    };
    expect(endpointChecksum('getTransactionDetails', values, A.secret)).toBe(
      'f10009cfb5209f934a47a77a41b0c9f38d3804cfb33553d953b85bcbb1233bad',
    );
    // The body order (clientUniqueId first) would give another hash.
    expect(
      nuveiChecksum(
        [A.merchantId, A.merchantSiteId, 'order_0001', '711000000012345678', A.timeStamp],
        A.secret,
      ),
    ).not.toBe('f10009cfb5209f934a47a77a41b0c9f38d3804cfb33553d953b85bcbb1233bad');
  });

  it('A2 pre-image: fields concatenated without separators, secret last', () => {
    expect(
      nuveiChecksum(['1234567890123456789123456order_000110.00USD20240115103045'], A.secret),
    ).toBe('355ccc0ae128769ccc0ce9367a3109a1578a40707af5c2497a373c323a178e95');
  });

  it('is lowercase hex of 64 characters', () => {
    expect(nuveiChecksum(['Zoë', 'Ñúñez'], 'sêcret')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists each endpoint’s fields in hashing order', () => {
    // settle, void and refund hash their body in body order (ucs-flows-observed §2)
    const TRANSACTION_FIELDS = [
      'merchantId',
      'merchantSiteId',
      'clientRequestId',
      'clientUniqueId',
      'amount',
      'currency',
      'relatedTransactionId',
      'timeStamp',
    ];
    expect(CHECKSUM_FIELDS).toEqual({
      getSessionToken: ['merchantId', 'merchantSiteId', 'clientRequestId', 'timeStamp'],
      payment: [
        'merchantId',
        'merchantSiteId',
        'clientRequestId',
        'amount',
        'currency',
        'timeStamp',
      ],
      settleTransaction: TRANSACTION_FIELDS,
      voidTransaction: TRANSACTION_FIELDS,
      refundTransaction: TRANSACTION_FIELDS,
      getTransactionDetails: [
        'merchantId',
        'merchantSiteId',
        'transactionId',
        'clientUniqueId',
        'timeStamp',
      ],
    });
  });
});

describe('formatNuveiTimestamp', () => {
  it('formats the UTC wall clock as YYYYMMDDHHmmss, zero-padded', () => {
    expect(formatNuveiTimestamp(new Date(Date.UTC(2024, 0, 5, 3, 4, 5)))).toBe('20240105030405');
    expect(formatNuveiTimestamp(new Date('2026-11-25T23:59:59.999+00:00'))).toBe('20261125235959');
  });

  it('ignores the local offset of the instant it is given', () => {
    // 01:30 at UTC+05:00 is 20:30 UTC the day before.
    expect(formatNuveiTimestamp(new Date('2024-03-01T01:30:00+05:00'))).toBe('20240229203000');
  });
});
