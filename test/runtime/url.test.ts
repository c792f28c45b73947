import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { joinUrl } from '../../src/runtime/index.js';

describe('joinUrl', () => {
  it.each([
    ['https://api.example.com', 'v1/payments', 'https://api.example.com/v1/payments'],
    ['https://api.example.com/', 'v1/payments', 'https://api.example.com/v1/payments'],
    ['https://api.example.com', '/v1/payments', 'https://api.example.com/v1/payments'],
    ['https://api.example.com///', '///v1/payments', 'https://api.example.com/v1/payments'],
    ['https://api.example.com/gw/', 'v1/payments', 'https://api.example.com/gw/v1/payments'],
    ['http://127.0.0.1:8080', 'token', 'http://127.0.0.1:8080/token'],
  ])('joins %j and %j with exactly one "/"', (baseUrl, path, url) => {
    expect(joinUrl(baseUrl, path)).toBe(url);
  });

  it('keeps a query string on the path as written', () => {
    expect(joinUrl('https://api.example.com/', 'v1/pay?token=a%2Fb&x=/y')).toBe(
      'https://api.example.com/v1/pay?token=a%2Fb&x=/y',
    );
  });

  it('keeps slashes inside the path and at its end', () => {
    expect(joinUrl('https://a.example', 'v1//pay/')).toBe('https://a.example/v1//pay/');
  });

  it('puts exactly one "/" between any base and path', () => {
    const segment = fc.stringMatching(/^[a-z0-9._~-]{1,8}$/);
    const slashes = fc.integer({ min: 0, max: 4 }).map((count) => '/'.repeat(count));
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 0, maxLength: 3 }),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        slashes,
        slashes,
        (baseSegments, pathSegments, trailing, leading) => {
          const base = ['https://api.example.com', ...baseSegments].join('/');
          const path = pathSegments.join('/');
          expect(joinUrl(base + trailing, leading + path)).toBe(`${base}/${path}`);
        },
      ),
    );
  });

  it('joins an empty path as the base URL with one "/"', () => {
    expect(joinUrl('https://api.example.com//', '')).toBe('https://api.example.com/');
  });
});
