import { describe, expect, it } from 'vitest';

import {
  MASK,
  Secret,
  encodeBody,
  toFormBody,
  toMaskedJson,
  toWireJson,
} from '../../src/runtime/index.js';

describe('request bodies', () => {
  const tree = {
    merchantId: new Secret('m-1'),
    amount: '10.00',
    omitted: undefined,
    kept: null,
    paymentMethod: { type: 'card', number: new Secret('4111111111111111'), expMonth: '03' },
    list: [new Secret('a'), 'b'],
  };

  it('puts secrets on the wire in key order, compact, keeping nulls and dropping undefined', () => {
    expect(toWireJson(tree)).toBe(
      '{"merchantId":"m-1","amount":"10.00","kept":null,"paymentMethod":{"type":"card","number":"4111111111111111","expMonth":"03"},"list":["a","b"]}',
    );
  });

  it('masks secrets in the logged copy', () => {
    const masked = toMaskedJson(tree);
    expect(masked).not.toContain('4111111111111111');
    expect(masked).toContain(`"number":"${MASK}"`);
  });

  it('flattens form bodies as a[b] and a[0], skipping nulls', () => {
    expect(decodeURIComponent(toFormBody(tree))).toBe(
      'merchantId=m-1&amount=10.00&paymentMethod[type]=card&paymentMethod[number]=4111111111111111&paymentMethod[expMonth]=03&list[0]=a&list[1]=b',
    );
    expect(toFormBody({ amount: 10.5, ok: true, text: 'a b&c' })).toBe(
      'amount=10.5&ok=true&text=a+b%26c',
    );
    expect(toFormBody(tree, true)).not.toContain('4111');
  });

  it('refuses what cannot be encoded', () => {
    expect(() => toFormBody('text')).toThrow(/must be an object/);
    expect(() => toFormBody({ fn: () => 1 })).toThrow(/cannot form-encode a function at fn/);
    expect(encodeBody('raw', 'application/json')).toBe('raw');
  });
});
