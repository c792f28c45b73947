/**
 * The cassette rule set, value by value, and the replay server's mismatch report: which request,
 * which JSON path, what was expected, never a secret.
 */

import { request } from 'undici';
import { describe, expect, it } from 'vitest';

import {
  CassetteFormatError,
  parseCassette,
  ruleProblem,
  startCassetteReplay,
  type Cassette,
  type CassetteRule,
  type RuleContext,
} from '../../src/testing/index.js';

const NOW_MS = Date.UTC(2026, 11, 6, 3, 0, 0);
const NOW_S = NOW_MS / 1000;
const context: RuleContext = {
  nowMs: NOW_MS,
  secrets: new Map([['auth.apiKey', 'key_live_123456']]),
  fromAnswer: (rule) => (rule.path === 'sessionToken' ? 'st_abcdef123' : undefined),
};

// prettier-ignore
const RULE_CASES: Array<[CassetteRule, unknown, boolean]> = [
  [{ $match: 'any' },                                            42,                                          true],
  [{ $match: 'any' },                                            undefined,                                   false],
  [{ $match: 'any-string' },                                     '',                                          true],
  [{ $match: 'any-string' },                                     7,                                           false],
  [{ $match: 'non-empty-string' },                               '',                                          false],
  [{ $match: 'unix-seconds' },                                   String(NOW_S - 30),                          true],
  [{ $match: 'unix-seconds' },                                   NOW_S,                                       true],
  [{ $match: 'unix-seconds' },                                   String(NOW_MS),                              false],
  [{ $match: 'unix-seconds', toleranceSeconds: 10 },             String(NOW_S - 30),                          false],
  [{ $match: 'unix-seconds' },                                   'soon',                                      false],
  [{ $match: 'unix-millis' },                                    String(NOW_MS + 5),                          true],
  [{ $match: 'unix-millis' },                                    String(NOW_S),                               false],
  [{ $match: 'iso-datetime' },                                   '2026-12-06T02:59:00Z',                      true],
  [{ $match: 'iso-datetime' },                                   '2020-01-01T00:00:00Z',                      false],
  [{ $match: 'compact-datetime' },                               '20261206025900',                            true],
  [{ $match: 'compact-datetime' },                               '20261306025900',                            false],
  [{ $match: 'sha256-hex' },                                     'ab'.repeat(32),                             true],
  [{ $match: 'sha256-hex' },                                     'ab'.repeat(31),                             false],
  [{ $match: 'hex', length: 40 },                                'a1'.repeat(20),                             true],
  [{ $match: 'hex', length: 40 },                                'g1'.repeat(20),                             false],
  [{ $match: 'base64' },                                         'dGhpcyBpcyBhIHNpZ25hdHVyZQ==',              true],
  [{ $match: 'base64' },                                         'short',                                     false],
  [{ $match: 'uuid' },                                           '0f8fad5b-d9cb-469f-a165-70867728950e',      true],
  [{ $match: 'uuid' },                                           '0f8fad5b-d9cb-469f-a165',                   false],
  [{ $match: 'pattern', regex: '^txn_\\d+$' },                   'txn_000001',                                true],
  [{ $match: 'pattern', regex: '^txn_\\d+$' },                   'txn_x',                                     false],
  [{ $match: 'secret', name: 'auth.apiKey' },                    'key_live_123456',                           true],
  [{ $match: 'secret', name: 'auth.apiKey' },                    'key_live_654321',                           false],
  [{ $match: 'secret', name: 'payment.cvc' },                    '737',                                       true],
  [{ $match: 'secret', name: 'payment.cvc' },                    '',                                          false],
  [{ $match: 'secret', name: 'auth.apiKey', prefix: 'Bearer ' }, 'Bearer key_live_123456',                    true],
  [{ $match: 'secret', name: 'auth.apiKey', prefix: 'Bearer ' }, 'Basic key_live_123456',                     false],
  [{ $match: 'from-answer', answer: 0, path: 'sessionToken' },   'st_abcdef123',                              true],
  [{ $match: 'from-answer', answer: 0, path: 'sessionToken' },   'st_other',                                  false],
  [{ $match: 'from-answer', answer: 0, path: 'token' },          'st_abcdef123',                              false],
  [{ $match: 'uuid', suffix: '.json' },                          '0f8fad5b-d9cb-469f-a165-70867728950e.json', true],
];

describe('cassette rules', () => {
  it.each(RULE_CASES)('%j against %j matches: %s', (rule, value, matches) => {
    expect(ruleProblem(rule, value, context) === undefined).toBe(matches);
  });

  it('never shows the secret it compared', () => {
    const problem = ruleProblem(
      { $match: 'secret', name: 'auth.apiKey' },
      'key_live_654321',
      context,
    );
    expect(problem).toBe('expected the secret auth.apiKey, got another value');
  });
});

const BASE: Cassette = {
  cassette: 1,
  connector: 'acme',
  flow: 'capture',
  scenario: 'charged',
  input: { connectorTransactionId: 'txn_1', amountToCapture: 1000, currency: 'USD' },
  outcome: { status: 'Charged' },
  exchanges: [
    {
      flow: 'Capture',
      request: {
        method: 'POST',
        path: '/v1/payments/txn_1/capture',
        headers: {
          'content-type': 'application/json',
          authorization: { $match: 'secret', name: 'auth.apiKey', prefix: 'Bearer ' },
        },
        body: {
          json: {
            merchantId: { $match: 'secret', name: 'auth.apiKey' },
            amount: '1000',
            currency: 'USD',
            reference: '',
            timestamp: { $match: 'unix-seconds' },
            meta: { tags: ['a', 'b'] },
          },
        },
      },
      answer: { status: 200, body: { json: { status: 'SUCCESS', transactionStatus: 'CAPTURED' } } },
    },
  ],
};

function text(value: unknown): string {
  return JSON.stringify(value);
}

describe('cassette files', () => {
  it('reads a valid cassette', () => {
    expect(parseCassette(text(BASE), 'capture-charged.json').flow).toBe('capture');
  });

  it.each<[string, (c: Record<string, unknown>) => unknown, RegExp]>([
    ['not JSON', () => '{', /\(root\): not JSON/],
    ['an unknown flow', (c) => ({ ...c, flow: 'settle' }), /flow: /],
    [
      'a path without its slash',
      (c) => ({
        ...c,
        exchanges: [
          { ...BASE.exchanges[0], request: { ...BASE.exchanges[0]!.request, path: 'v1' } },
        ],
      }),
      /exchanges\.0\.request\.path: must start with "\/"/,
    ],
    [
      'an unknown rule',
      (c) => ({
        ...c,
        exchanges: [
          {
            ...BASE.exchanges[0],
            request: {
              ...BASE.exchanges[0]!.request,
              body: { json: { ts: { $match: 'unix-second' } } },
            },
          },
        ],
      }),
      /exchanges\.0\.request\.body\.json\.ts: unknown rule "unix-second" \(one of any, /,
    ],
    [
      'a rule with a wrong member',
      (c) => ({
        ...c,
        exchanges: [
          {
            ...BASE.exchanges[0],
            request: {
              ...BASE.exchanges[0]!.request,
              body: { json: { h: { $match: 'hex', length: 'forty' } } },
            },
          },
        ],
      }),
      /body\.json\.h: length: /,
    ],
    [
      'a token from a later answer',
      (c) => ({
        ...c,
        exchanges: [
          {
            ...BASE.exchanges[0],
            request: {
              ...BASE.exchanges[0]!.request,
              query: { t: { $match: 'from-answer', answer: 0, path: 'x' } },
            },
          },
        ],
      }),
      /query\.t: answer must name an earlier exchange/,
    ],
  ])('refuses %s, naming the path', (_label, change, message) => {
    const changed = change(structuredClone(BASE) as unknown as Record<string, unknown>);
    const source = typeof changed === 'string' ? changed : text(changed);
    const error = (() => {
      try {
        parseCassette(source, 'bad.json');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CassetteFormatError);
    expect((error as Error).message).toMatch(/^cassette bad\.json is not valid/);
    expect((error as Error).message).toMatch(message);
  });
});

describe('the replay server', () => {
  const secrets = { 'auth.apiKey': 'key_live_123456' };
  const good = {
    merchantId: secrets['auth.apiKey'],
    amount: '1000',
    currency: 'USD',
    reference: '',
    timestamp: String(Math.floor(Date.now() / 1000)),
    meta: { tags: ['a', 'b'] },
  };
  const send = (
    baseUrl: string,
    body: unknown,
    authorization = `Bearer ${secrets['auth.apiKey']}`,
  ) =>
    request(`${baseUrl}/v1/payments/txn_1/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });

  it('answers a matching request with the cassette answer and reports nothing', async () => {
    const replay = await startCassetteReplay(BASE, { secrets });
    const answer = await send(replay.baseUrl, good);
    expect(answer.statusCode).toBe(200);
    expect(await answer.body.json()).toEqual({ status: 'SUCCESS', transactionStatus: 'CAPTURED' });
    expect(replay.report()).toBeUndefined();
    expect(() => replay.assertReplayed()).not.toThrow();
    await replay.close();
  });

  it('reports each differing member by request index and JSON path, with no secret in it', async () => {
    const replay = await startCassetteReplay(BASE, { secrets, file: 'capture-charged.json' });
    const { merchantId: _m, reference: _r, ...rest } = good;
    const answer = await send(
      replay.baseUrl,
      {
        ...rest,
        merchantReference: '',
        amount: 1000,
        timestamp: 'now',
        meta: { tags: ['a'] },
        merchantId: 'key_live_654321',
      },
      'Bearer key_live_123456x',
    );
    await answer.body.text();
    expect(answer.statusCode).toBe(418);
    await send(replay.baseUrl, good).then((r) => r.body.text());
    const report = replay.report()!;
    expect(report).toBe(
      [
        'cassette capture-charged.json:',
        'request 0 (Capture POST /v1/payments/txn_1/capture) differs from exchanges[0].request:',
        '  headers.authorization: expected the secret auth.apiKey, got another value',
        '  body.merchantId: expected the secret auth.apiKey, got another value',
        '  body.amount: expected "1000", got 1000',
        '  body.reference: missing (expected "")',
        '  body.timestamp: expected Unix seconds, got "now"',
        '  body.meta.tags: expected 2 items, got 1',
        '  body.merchantReference: not in the cassette (got "")',
        'request 1 (POST /v1/payments/txn_1/capture) was not expected: the cassette holds 1 exchange(s)',
      ].join('\n'),
    );
    expect(report).not.toContain('key_live_123456');
    expect(() => replay.assertReplayed()).toThrow(/body\.reference: missing/);
    await replay.close();
  });

  it('reports an exchange that was never requested', async () => {
    const replay = await startCassetteReplay(BASE);
    expect(replay.report()).toBe(
      'cassette capture-charged:\nexchanges[0] (Capture POST /v1/payments/txn_1/capture) was never requested',
    );
    await replay.close();
  });

  it('stops by itself after its lifetime', async () => {
    const replay = await startCassetteReplay(BASE, { lifetimeMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(send(replay.baseUrl, good)).rejects.toThrow();
  });
});
