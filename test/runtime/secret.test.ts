import { inspect } from 'node:util';

import { describe, expect, it, vi } from 'vitest';

import {
  IntegrationError,
  MASK,
  Secret,
  exposeValue,
  isSecret,
  toWireJson,
} from '../../src/runtime/index.js';

const RAW = 'sk_live_never_print_me';

describe('Secret', () => {
  const secret = new Secret(RAW);

  it.each([
    ['String()', () => String(secret)],
    ['a template literal', () => `key=${secret}`],
    ['concatenation', () => 'key=' + secret],
    ['JSON.stringify', () => JSON.stringify({ secret, nested: [secret] })],
    ['util.inspect', () => inspect({ deep: { secret } }, { depth: 10 })],
    [
      'an error message',
      () => new IntegrationError('MISSING_REQUIRED_FIELD', `bad ${secret}`).message,
    ],
    ['an error inspected', () => inspect(new Error(`${secret}`, { cause: secret }))],
  ])('is masked in %s', (_label, print) => {
    const printed = print();
    expect(printed).not.toContain(RAW);
    expect(printed).toContain(MASK);
  });

  it('gives its value only through expose()', () => {
    expect(secret.expose()).toBe(RAW);
    expect(exposeValue(secret)).toBe(RAW);
    expect(exposeValue('plain')).toBe('plain');
    expect(isSecret(secret)).toBe(true);
  });

  it('maps without exposing', () => {
    const bearer = secret.map((value) => `Bearer ${value}`);
    expect(String(bearer)).toBe(MASK);
    expect(bearer.expose()).toBe(`Bearer ${RAW}`);
  });

  it('has no enumerable state for a generic serializer to find', () => {
    expect(Object.keys(secret)).toEqual([]);
    expect(Object.entries(secret)).toEqual([]);
  });
});

describe('a Secret from another copy of the runtime', () => {
  // Loading a second copy of the module simulates a workspace runtime next to the CLI's own.
  it('is recognised and exposed on the wire', async () => {
    vi.resetModules();
    const copy = await import('../../src/runtime/secret.js');
    expect(copy.Secret).not.toBe(Secret);
    const foreign = new copy.Secret('from-the-other-copy');
    expect(isSecret(foreign)).toBe(true);
    expect(exposeValue(foreign)).toBe('from-the-other-copy');
    expect(toWireJson({ key: foreign })).toBe('{"key":"from-the-other-copy"}');
  });
});
