/**
 * The `flows` answer and the five flow endpoints (DESIGN §3): defaults below the Authorize
 * endpoint, placeholders as whole segments, an endpoint only for a chosen flow, every endpoint
 * distinct — from a whole answer set and one answer at a time, as a prompt asks.
 */

import { describe, expect, it } from 'vitest';

import {
  ANSWER_META,
  answerDefault,
  parseAnswers,
  validateAnswer,
  type AnswerIssue,
} from '../../src/generator/answers/index.js';

const minimal = {
  name: 'NewPayment',
  baseUrl: 'https://api.example.com',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
};
const TXN = '{connectorTransactionId}';

function answersOf(input: Record<string, unknown>) {
  const result = parseAnswers({ ...minimal, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}

function issuesOf(input: Record<string, unknown>): AnswerIssue[] {
  const result = parseAnswers({ ...minimal, ...input });
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.answers)}`);
  return result.issues;
}

describe('the flows answer', () => {
  it.each([
    [undefined, ['PSync', 'Capture', 'Void', 'Refund', 'RSync']],
    [
      ['Refund', 'Capture'],
      ['Capture', 'Refund'],
    ],
    [['RSync'], ['RSync']],
    [[], []],
  ])('%j resolves to %j, in payment order', (flows, expected) => {
    expect(answersOf(flows === undefined ? {} : { flows }).flows).toEqual(expected);
  });

  it.each([
    [['Capture', 'Capture'], 'lists Capture twice'],
    [['Settle'], 'must be one of PSync, Capture, Void, Refund, RSync'],
    ['Capture,Refund', 'must be an array'],
  ])('refuses %j: %s', (flows, rule) => {
    expect(issuesOf({ flows })).toEqual([expect.objectContaining({ key: 'flows', rule })]);
  });

  it('is a list answer offering the five flows, all by default', () => {
    expect(ANSWER_META.flows).toMatchObject({
      flag: 'flows',
      list: true,
      required: false,
      choices: ['PSync', 'Capture', 'Void', 'Refund', 'RSync'],
      default: 'PSync,Capture,Void,Refund,RSync',
    });
  });
});

describe('the flow endpoints', () => {
  it('default below the Authorize endpoint, one per chosen flow and none for the others', () => {
    const answers = answersOf({ flows: ['Capture', 'RSync'] });
    expect(answers).toMatchObject({
      captureEndpoint: `v1/payments/${TXN}/capture`,
      refundSyncEndpoint: `v1/payments/${TXN}/refunds/{connectorRefundId}`,
    });
    for (const key of ['syncEndpoint', 'voidEndpoint', 'refundEndpoint']) {
      expect(answers).not.toHaveProperty(key);
    }
  });

  it('keep a given endpoint, placeholder-free ones included', () => {
    expect(answersOf({ captureEndpoint: 'settle.do' }).captureEndpoint).toBe('settle.do');
    expect(answersOf({ syncEndpoint: `status/${TXN}` }).syncEndpoint).toBe(`status/${TXN}`);
  });

  it.each([
    [
      'refundEndpoint',
      'r/{connectorRefundId}',
      'may name only the placeholder {connectorTransactionId}, not {connectorRefundId}',
    ],
    ['syncEndpoint', 'v1/{id}', 'may name only the placeholder {connectorTransactionId}, not {id}'],
    [
      'refundSyncEndpoint',
      'r/{x}',
      'may name only the placeholders {connectorTransactionId} or {connectorRefundId}, not {x}',
    ],
    [
      'captureEndpoint',
      `v1/x${TXN}`,
      'a placeholder ({connectorTransactionId}) must be a whole path segment',
    ],
    ['voidEndpoint', `${TXN}/${TXN}`, 'must name each placeholder at most once'],
    ['voidEndpoint', '/v1/void', 'must be a relative path (no leading "/")'],
    ['captureEndpoint', `v1//${TXN}`, 'must not contain empty segments ("//" or a trailing "/")'],
  ])('refuses %s %j: %s', (key, value, rule) => {
    expect(issuesOf({ [key]: value })).toEqual([{ key, value, rule }]);
  });

  it('accepts the refund id placeholder in the refund sync endpoint only', () => {
    const endpoint = `refunds/{connectorRefundId}/of/${TXN}`;
    expect(answersOf({ refundSyncEndpoint: endpoint }).refundSyncEndpoint).toBe(endpoint);
  });

  it('refuses an endpoint for a flow the answers do not choose, naming both keys', () => {
    expect(issuesOf({ flows: ['Refund'], captureEndpoint: 'settle.do' })).toEqual([
      {
        key: 'captureEndpoint',
        value: 'settle.do',
        rule: 'is given but flows does not include Capture (add Capture to flows or drop captureEndpoint)',
      },
    ]);
  });

  it.each([
    [{ captureEndpoint: 'v1/payments' }, 'captureEndpoint', 'authorizeEndpoint'],
    [{ refundEndpoint: 'v1/session-token' }, 'refundEndpoint', 'sessionTokenEndpoint'],
    [{ voidEndpoint: `v1/payments/${TXN}` }, 'voidEndpoint', 'syncEndpoint'],
  ])('refuses %j equal to an endpoint before it', (input, key, other) => {
    expect(issuesOf(input)).toEqual([
      {
        key,
        value: Object.values(input)[0],
        rule: `must differ from ${other} (each request is told apart by its path)`,
      },
    ]);
  });

  it('refuses a default that a given endpoint before it already took', () => {
    const taken = `v1/payments/${TXN}/capture`;
    expect(issuesOf({ syncEndpoint: taken })).toEqual([
      {
        key: 'captureEndpoint',
        rule: `(default "${taken}") must differ from syncEndpoint (each request is told apart by its path)`,
      },
    ]);
    // without Capture, nothing takes that default
    expect(answersOf({ syncEndpoint: taken, flows: ['PSync'] }).syncEndpoint).toBe(taken);
  });
});

describe('one flow endpoint at a time, as a prompt asks', () => {
  it('pre-fills the default from the Authorize endpoint, and none for a flow not chosen', () => {
    const answers = { authorizeEndpoint: 'api/pay' };
    expect(answerDefault('refundEndpoint', answers)).toBe(`api/pay/${TXN}/refunds`);
    expect(answerDefault('refundEndpoint', { ...answers, flows: ['Capture'] })).toBeUndefined();
  });

  it('checks an endpoint against the ones collected so far, defaults included', () => {
    const answers = {
      sessionTokenEndpoint: 'token',
      authorizeEndpoint: 'pay',
      flows: ['PSync', 'Void'],
    };
    expect(validateAnswer('voidEndpoint', `pay/${TXN}`, { answers })).toEqual({
      ok: false,
      issues: [
        {
          key: 'voidEndpoint',
          value: `pay/${TXN}`,
          rule: 'must differ from syncEndpoint (each request is told apart by its path)',
        },
      ],
    });
    expect(validateAnswer('voidEndpoint', `pay/${TXN}/cancel`, { answers })).toEqual({
      ok: true,
      value: `pay/${TXN}/cancel`,
    });
    expect(validateAnswer('voidEndpoint', undefined, { answers })).toEqual({
      ok: true,
      value: `pay/${TXN}/void`,
    });
  });
});
