import { describe, expect, it } from 'vitest';

import { nuvei } from '../../src/connectors/nuvei/index.js';
import { jsonReply, matchesRequest, type RecordedRequest } from '../../src/sandbox/loopback.js';
import { startNuveiEmulator } from '../../src/sandbox/nuvei/index.js';
import { checkConformanceRoutes, runConnectorConformance } from '../../src/testing/conformance.js';
import { cardPayment, signatureKey } from '../connectors/nuvei/helpers.js';

function requestTo(path: string): RecordedRequest {
  return { method: 'POST', target: path, path, query: {}, headers: {}, body: '' };
}

describe('conformance routes', () => {
  it('match string routes as path suffixes (kept for existing suites)', () => {
    expect(matchesRequest('/payment.do', requestTo('/ppp/api/v1/payment.do'))).toBe(true);
    // what makes a pair ambiguous: the shorter route matches both requests
    expect(matchesRequest('/token', requestTo('/v1/token'))).toBe(true);
  });

  it.each([
    [
      { session: '/token', authorize: '/v1/token' },
      /routes\.session "\/token" is a suffix of routes\.authorize "\/v1\/token"/,
    ],
    [
      { session: '/v1/token', authorize: '/token' },
      /routes\.authorize "\/token" is a suffix of routes\.session "\/v1\/token"/,
    ],
    [
      { session: '/pay', authorize: '/pay' },
      /routes\.session "\/pay" is a suffix of routes\.authorize "\/pay"/,
    ],
    [{ session: '', authorize: '/pay' }, /routes\.session "" is a suffix/],
  ])('refuses string routes where one ends with the other: %j', (routes, message) => {
    expect(() => checkConformanceRoutes(routes)).toThrow(message);
    expect(() => checkConformanceRoutes(routes)).toThrow(/match request paths by suffix/);
  });

  it.each([
    { session: '/getSessionToken.do', authorize: '/payment.do' },
    { session: '/token', authorize: '/tokens' },
    { session: '/v1/token', authorize: '/v2/token' },
    { session: '/token', authorize: (request: RecordedRequest) => request.path === '/v1/token' },
    {
      session: (request: RecordedRequest) => request.path === '/token',
      authorize: (request: RecordedRequest) => request.path === '/v1/token',
    },
  ])('accepts routes that tell the requests apart: %o', (routes) => {
    expect(() => checkConformanceRoutes(routes)).not.toThrow();
  });

  it('runConnectorConformance refuses an ambiguous pair when it is called', () => {
    const register = () =>
      runConnectorConformance({
        connector: nuvei,
        startEmulator: () => startNuveiEmulator(),
        auth: signatureKey(),
        payment: cardPayment(),
        routes: { session: '/payment.do', authorize: '/api/v1/payment.do' },
        sessionFailure: jsonReply(200, { status: 'ERROR' }),
      });
    expect(register).toThrow(/routes\.session "\/payment\.do" is a suffix of routes\.authorize/);
  });
});
