/**
 * Acceptance on a real connector-service checkout at tag 2026.02.25.0, when one is given:
 * `UCS_CHECKOUT=/path/to/checkout npx vitest run test/generator/ucs/acceptance.test.ts`.
 * The checkout is copied to a temp dir (never edited in place, never committed). Skipped, saying
 * so, without UCS_CHECKOUT.
 */

import { cpSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  applyUcsPlan,
  checkUcsConnector,
  defaultMockDir,
  planUcsNew,
} from '../../../src/generator/ucs/index.js';
import { testdir } from '../helpers/testdir.js';
import { BASE } from './cases.js';

const source = process.env['UCS_CHECKOUT'];
if (source === undefined)
  console.warn('[ucs] UCS_CHECKOUT not set: skipping the real-checkout acceptance');

describe.skipIf(source === undefined)('new --target ucs on a real seed-era checkout', () => {
  it('adds one line per edit point, and every offline check passes', async () => {
    const root = testdir();
    for (const part of ['backend', 'config']) {
      cpSync(path.join(source!, part), path.join(root, part), { recursive: true });
    }
    const plan = await planUcsNew({
      ucsDir: root,
      answers: { ...BASE, name: 'Acme', authType: 'SignatureKey' },
    });
    expect(plan.changes.filter((c) => c.type === 'create')).toHaveLength(2);
    expect(plan.changes.filter((c) => c.type === 'update')).toHaveLength(8);
    await applyUcsPlan(plan);
    const report = await checkUcsConnector({
      ucsDir: root,
      name: 'Acme',
      mockDir: defaultMockDir(),
    });
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
  }, 120_000);
});
