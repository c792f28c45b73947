/** A fresh copy of the synthetic seed-era checkout (test/fixtures/ucs-checkout) per test. */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { testdir } from '../helpers/testdir.js';

export const FIXTURE = fileURLToPath(new URL('../../fixtures/ucs-checkout/', import.meta.url));

export function checkout(): string {
  const root = testdir();
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

export function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}
