/** @module JSON input files (auth.json, payment.json, answers) written into a test directory. */

import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `value` as JSON to `dir/name` and returns the path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}
