import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  MASK,
  Secret,
  encodeBody,
  isSecret,
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

/** What toWireJson must equal: JSON.stringify with a replacer that reads each Secret's raw value. */
function referenceWireJson(value: unknown): string | undefined {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const original = this[key];
    return isSecret(original) ? original.expose() : replaced;
  });
}

/** An own enumerable `__proto__` key, as JSON.parse makes one (a literal would set the prototype). */
const withProtoKey = (child: unknown) =>
  Object.defineProperty({}, '__proto__', { value: child, enumerable: true });

/** JSON-like trees with Secrets anywhere (around primitives and around whole subtrees). */
const { tree } = fc.letrec<{ tree: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.double(), // NaN, ±Infinity and -0 included: JSON writes them as null and 0
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }), // has toJSON
  ),
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    tie('leaf').map((leaf) => new Secret(leaf)),
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 }),
    fc.dictionary(fc.string(), tie('tree'), { maxKeys: 3, noNullPrototype: false }),
    tie('tree').map((child) => new Secret(child)),
    tie('tree').map(withProtoKey),
  ),
}));

describe('toWireJson', () => {
  it('equals JSON.stringify with a replacer exposing Secrets, for any JSON-like tree', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(toWireJson(value)).toBe(referenceWireJson(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reports a cycle the way JSON.stringify does', () => {
    const cyclic: Record<string, unknown> = { secret: new Secret('s') };
    cyclic['self'] = cyclic;
    expect(() => toWireJson(cyclic)).toThrow(TypeError);
  });

  it('takes trees deeper than the copying fast path', () => {
    let deep: unknown = new Secret('bottom');
    for (let depth = 0; depth < 100; depth += 1) deep = { next: deep, list: [depth] };
    expect(toWireJson(deep)).toBe(referenceWireJson(deep));
    expect(toWireJson(deep)).toContain('"next":"bottom"');
  });
});
