/** The conformance item from where the suite ran: check's own run on the emulator, the connector's tests, both. */

import { describe, expect, it } from 'vitest';

import {
  conformanceVerdict,
  type SuiteOutcome,
} from '../../../src/generator/check/conformance-verdict.js';

const EMULATOR = 'against the generic emulator';
const TESTS = "in the connector's tests";
const ok = (where: string): SuiteOutcome => ({ where, total: 13, failures: [] });
const broken = (where: string): SuiteOutcome => ({
  where,
  total: 13,
  failures: ['sends the token: expected 1 to be 0'],
  detail: 'vitest output',
});

describe('conformanceVerdict', () => {
  // prettier-ignore
  it.each([
    ['emulator passes',                 ok(EMULATOR),     undefined,     'pass', `13 of 13 conformance tests pass ${EMULATOR}`],
    ['emulator passes, tests fail',     ok(EMULATOR),     broken(TESTS), 'pass', `13 of 13 conformance tests pass ${EMULATOR}`],
    ['only the tests, passing',         undefined,        ok(TESTS),     'pass', `13 of 13 conformance tests pass ${TESTS}`],
    ['only the tests, failing',         undefined,        broken(TESTS), 'fail', `12 of 13 conformance tests pass ${TESTS}: sends the token: expected 1 to be 0`],
    ['emulator fails, tests pass',      broken(EMULATOR), ok(TESTS),     'warn', `13 of 13 conformance tests pass ${TESTS}, but the suite fails ${EMULATOR}`],
    ['emulator fails, no tests of it',  broken(EMULATOR), undefined,     'fail', `the suite fails ${EMULATOR}: sends the token: expected 1 to be 0`],
    ['emulator and tests fail',         broken(EMULATOR), broken(TESTS), 'fail', `the suite fails ${EMULATOR}`],
    ['the suite ran nowhere',           undefined,        undefined,     'warn', 'its tests never call runConnectorConformance'],
  ] as const)('%s → %s', (_label, emulator, inTests, status, message) => {
    const item = conformanceVerdict(emulator, inTests);
    expect(item.status).toBe(status);
    expect(item.message).toContain(message);
    expect(item.detail).toBe(status !== 'pass' && emulator !== undefined ? 'vitest output' : undefined);
  });
});
