/**
 * The Paytm signature against wire-formats §4.9 (vectors produced by running paytmchecksum@1.5.1)
 * and against the paytmchecksum package itself.
 */

import { createDecipheriv } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  randomSalt,
  saltedHash,
  sign,
  verifySignature,
} from '../../../src/connectors/paytm/signature.js';
import { PaytmChecksum, quietly } from './support.js';

const K1 = 'kR9#vQ2!mZ7@xL4$';
const K2 = 'TestMerchantKey1';
const P1 =
  '{"requestType":"Payment","mid":"TESTMID0000000000001","orderId":"ORDER_0001","websiteName":"WEBSTAGING","txnAmount":{"value":"10.00","currency":"INR"},"userInfo":{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null},"enablePaymentMode":[{"mode":"UPI","channels":["UPIPUSH","UPI"]}],"callbackUrl":"https://default-callback.com","shippingInfo":[{"trackingNo":"ORDER_0001","chargeAmount":{"value":"10.00","currency":"INR"}}]}';
const STATUS = '{"mid":"TESTMID0000000000001","orderId":"ORDER_0001"}';
const P4 =
  '{"mid":"TESTMID0000000000001","orderId":"ORDER_0002","userInfo":{"custId":"cust_42","firstName":"Zoë","lastName":"Ñúñez"}}';

// prettier-ignore
const VECTORS = [
  ['P1', P1, K1, 'AAAA', '92181ed4fabfd9338c91e78c1499351ba127fa263eefbf794fd9465c011ddf99', '22BPV1ODQHaYjOqxVHOnQb9OzJ8IPtHWw2w6jwBqNlXI6cFVgxdyG6qFFvtBi4fGh/YX4Oi487Cr2Lk1tR3ZfpzPmrKsazZ91xK/Jwf0lRI='],
  ['P2', STATUS, K1, 'q1w2', 'c4decdc714456001bd4d9266ce1be00d26cd2d0cdeefe5b0febdc6a4684672e3', 'Lna+qz9C2o0C33zfP2rkgDysZsadZmO+TexeAa2xRmK6f/iJZRsV7qvjVSWYjRL3n7Z+wNOQrPr2rgsSqbGymMw8VSXkmOxDHz10cC7kID4='],
  ['P3', STATUS, K2, '+/9z', 'e0a64931c0a566d66fcad85841402a29e923bc3e3b16c389555d4c572fa43fda', '9GnUaUjZptsiYGtdEi0HiCoS958EP2WexRL7wIJboHwwP4GOjbIVuCg5VsKusg975QKgaQz7/QhnjlzHiDE6ih5ln8xYORMeQUqBtPttqug='],
  ['P4', P4, K2, 'Zm9v', '113482ac42a03c09ea6f1f578432686a52bd894666351486edff7705cc07307a', 'jHKL/aUi1pWd7snS60qABGiJl6gsGjy2AAxJ7PiIl1Ym5mXjmqh/T1p4MAnRlObgeBq/IgT/nQR6KuvzSK2LYiGEi/YCJnBFOUs1qmLiZ6w='],
  ['P5', '', K1, 'AAAA', '497ba2b24d1e947c63e0812fdf27ce371fab3d19767bd65551536071c09989fa', 'C1JdJ995OhlQwBeh4xz4Myuli6JZTqF39x7ChxUiovvcM2/IKpsFkxssPDq5evpFGGtJt1EmJD9dZ9AnGApIHXqmsWHm4b+xPyukSkx5LbQ='],
] as const;

describe('Paytm signature', () => {
  it.each(VECTORS)(
    'reproduces vector %s byte for byte with its fixed salt',
    (_id, body, key, salt, hash, signature) => {
      expect(saltedHash(body, salt)).toBe(hash + salt);
      expect(sign(body, key, salt)).toBe(signature);
      expect(sign(body, key, salt)).toHaveLength(108);
      expect(PaytmChecksum.calculateChecksum(body, key, salt)).toBe(signature);
      expect(PaytmChecksum.verifySignature(body, key, signature)).toBe(true);
      expect(verifySignature(body, key, signature)).toBe(true);
    },
  );

  it('picks AES-192 for a 24-byte key and AES-256 for a 32-byte key (§4.9 key-length vectors)', () => {
    expect(sign(STATUS, '0123456789abcdef01234567', 'AAAA')).toBe(
      'gUvAV5oAO3tajwiB4vpFb62ccfxZ39bU3WV4lvTtHzOXPX4r3qCDCeK393dyfUaMPHVp24n+xiWNH1Gi0q/qpKFdg9WMRaf9ZwmBnfIHA/s=',
    );
    expect(sign(STATUS, '0123456789abcdef0123456789abcdef', 'AAAA')).toBe(
      '8VIFRnFpWENhBWNRODceu5ORFbgIq2KSq1fa3r434fN2SBnYkDMvwblaLmBJ29t/3DOq8AtRp39TQxHoXZzVrQL10EoJzsrbhzXGsgxDkLg=',
    );
  });

  it('zero-pads a short key and truncates a long one to 32 bytes for AES-256, as UCS does', () => {
    const decrypt = (signature: string, key: Buffer) => {
      const decipher = createDecipheriv('aes-256-cbc', key, Buffer.from('@@@@&&&&####$$$$'));
      return Buffer.concat([decipher.update(signature, 'base64'), decipher.final()]).toString();
    };
    const padded = Buffer.alloc(32);
    Buffer.from('short').copy(padded);
    expect(decrypt(sign(STATUS, 'short', 'AAAA'), padded)).toBe(saltedHash(STATUS, 'AAAA'));

    const long = '0123456789abcdef0123456789abcdef-extra';
    expect(sign(STATUS, long, 'AAAA')).toBe(sign(STATUS, long.slice(0, 32), 'AAAA'));
    expect(verifySignature(STATUS, 'short', sign(STATUS, 'short'))).toBe(true);
  });

  it('draws a fresh 4-character salt of 3 random bytes for every signature', () => {
    const salts = new Set(Array.from({ length: 50 }, () => randomSalt()));
    expect(salts.size).toBeGreaterThan(45);
    for (const salt of salts) {
      expect(salt).toMatch(/^[A-Za-z0-9+/]{4}$/);
      expect(Buffer.from(salt, 'base64')).toHaveLength(3);
    }
    expect(sign(P1, K1)).not.toBe(sign(P1, K1));
  });

  it('makes random-salt signatures that paytmchecksum accepts, and accepts its own', async () => {
    for (const [body, key] of [
      [P1, K1],
      [STATUS, K2],
      [P4, K2],
    ] as const) {
      const ours = sign(body, key);
      expect(PaytmChecksum.verifySignature(body, key, ours)).toBe(true);
      const plaintext = PaytmChecksum.decrypt(ours, key);
      expect(plaintext).toBe(saltedHash(body, plaintext.slice(-4)));
      const theirs = await PaytmChecksum.generateSignature(body, key);
      expect(verifySignature(body, key, theirs)).toBe(true);
    }
  });

  it('rejects a changed body, another key, reordered keys and garbage (§4.9 negative checks)', () => {
    const signature = sign(STATUS, K1);
    const reordered = '{"orderId":"ORDER_0001","mid":"TESTMID0000000000001"}';
    const cases: Array<[string, string, string]> = [
      [STATUS.replace(',', ', '), K1, signature],
      [STATUS.replace('0001"}', '0002"}'), K1, signature],
      [reordered, K1, signature],
      [STATUS, K2, signature],
      [STATUS, K1, 'not a signature'],
      [STATUS, K1, ''],
    ];
    for (const [body, key, candidate] of cases) {
      expect(verifySignature(body, key, candidate)).toBe(false);
      expect(quietly(() => PaytmChecksum.verifySignature(body, key, candidate))).toBe(false);
    }
  });
});
