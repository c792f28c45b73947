import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fillEndpoint, IntegrationError, joinUrl } from '../../src/runtime/index.js';

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

describe('fillEndpoint', () => {
  const CAPTURE = 'v1/payments/{connectorTransactionId}/capture';
  const RSYNC = 'v1/payments/{connectorTransactionId}/refunds/{connectorRefundId}';

  it.each([
    [CAPTURE, { connectorTransactionId: 'tx_1' }, 'v1/payments/tx_1/capture'],
    [CAPTURE, { connectorTransactionId: 'a/b?c#d e' }, 'v1/payments/a%2Fb%3Fc%23d%20e/capture'],
    [CAPTURE, { connectorTransactionId: '%2F' }, 'v1/payments/%252F/capture'],
    [CAPTURE, { connectorTransactionId: 'ünï' }, 'v1/payments/%C3%BCn%C3%AF/capture'],
    [
      RSYNC,
      { connectorTransactionId: 't', connectorRefundId: 'r/1' },
      'v1/payments/t/refunds/r%2F1',
    ],
    ['v3/refunds', {}, 'v3/refunds'],
    ['{connectorRefundId}', { connectorRefundId: '...' }, '...'],
  ])('fills %j with %j as %j', (endpoint, values, filled) => {
    expect(fillEndpoint(endpoint, values)).toBe(filled);
  });

  it('makes one path segment of any value, which decodes back to it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (id) => {
        fc.pre(id !== '.' && id !== '..');
        const path = fillEndpoint(CAPTURE, { connectorTransactionId: id });
        const segments = path.split('/');
        expect(segments).toHaveLength(4);
        expect(decodeURIComponent(segments[2]!)).toBe(id);
        expect(new URL(`https://a.example/${path}`).pathname).toBe(`/${path}`);
      }),
    );
  });

  it.each([
    [CAPTURE, {}, 'MISSING_CONNECTOR_TRANSACTION_ID', 'connector_transaction_id'],
    [
      CAPTURE,
      { connectorTransactionId: '' },
      'MISSING_CONNECTOR_TRANSACTION_ID',
      'connector_transaction_id',
    ],
    [RSYNC, { connectorTransactionId: 't' }, 'MISSING_REQUIRED_FIELD', 'connector_refund_id'],
    [
      CAPTURE,
      { connectorTransactionId: '..' },
      'REQUEST_ENCODING_FAILED',
      'connectorTransactionId',
    ],
    [CAPTURE, { connectorTransactionId: '.' }, 'REQUEST_ENCODING_FAILED', 'connectorTransactionId'],
    [
      CAPTURE,
      { connectorTransactionId: '\ud800' },
      'REQUEST_ENCODING_FAILED',
      'connectorTransactionId',
    ],
  ])('refuses %j filled with %j: %s', (endpoint, values, code, field) => {
    const error = (() => {
      try {
        fillEndpoint(endpoint, values);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code, field });
  });

  it('refuses a placeholder it does not know, naming it', () => {
    expect(() => fillEndpoint('v1/{orderId}', {})).toThrow(/unknown placeholder \{orderId\}/);
  });
});
