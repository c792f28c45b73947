/**
 * @module The day-one cassettes kept between runs. They follow from the answers (the name
 * aside: it reaches the wire nowhere), the templates and the code that records them (runtime,
 * emulator, recorder), so that is the key; the connector's id is put back on the way out. A
 * run that finds them neither transpiles nor runs the connector.
 */

import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Cassette } from '../../testing/cassette/format.js';
import type { Answers } from '../answers/index.js';
import { cacheDir, readCacheFile, writeCacheFile } from '../cache-dir.js';
import { templateHash } from '../render/template-hash.js';
import type { RecordedCassette } from './record.js';

/** Bumped when what is stored changes shape. */
const FORMAT = 'day-one-cassettes-1';

/** The folders of this build whose code decides what is recorded. */
const CODE_FOLDERS = ['runtime', 'sandbox', 'testing/cassette', 'generator/cassettes'] as const;

let fingerprint: string | undefined;

/** The modules under `dir`, depth first (Node 20's recursive readdir is ten times slower). */
function modulesUnder(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) modulesUnder(file, into);
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) into.push(file);
  }
  return into;
}

/** Each recording module's path, size and modification time: a rebuild or an upgrade changes it. */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const hash = createHash('sha256');
  for (const folder of CODE_FOLDERS) {
    for (const file of modulesUnder(path.join(codeRoot, folder)).sort()) {
      const stats = statSync(file);
      hash.update(`${path.relative(codeRoot, file)}\0${stats.size}\0${stats.mtimeMs}\0`);
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function cacheFile(answers: Answers): string {
  const { name: _name, ...wire } = answers;
  const key = createHash('sha256')
    .update(`${FORMAT}\0${templateHash()}\0${codeFingerprint()}\0${JSON.stringify(wire)}`)
    .digest('hex');
  return path.join(cacheDir(), `cassettes-${key.slice(0, 24)}.json`);
}

function isStoredCassette(entry: unknown): entry is RecordedCassette {
  if (typeof entry !== 'object' || entry === null) return false;
  const { name, cassette } = entry as { name?: unknown; cassette?: Partial<Cassette> };
  return (
    typeof name === 'string' &&
    /^[a-z0-9-]+\.json$/.test(name) &&
    typeof cassette === 'object' &&
    cassette.cassette === 1 &&
    Array.isArray(cassette.exchanges)
  );
}

/** The stored cassettes for these answers, with `connector` set to `id`; undefined on a miss. */
export function readCachedCassettes(answers: Answers, id: string): RecordedCassette[] | undefined {
  const bytes = readCacheFile(cacheFile(answers));
  if (bytes === undefined) return undefined;
  // this user's own file, written below from checked cassettes: its shape is all there is to check
  try {
    const stored = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!Array.isArray(stored) || !stored.every(isStoredCassette)) return undefined;
    return stored.map((entry) => ({
      name: entry.name,
      cassette: { ...entry.cassette, connector: id },
    }));
  } catch {
    return undefined;
  }
}

export function writeCachedCassettes(
  answers: Answers,
  cassettes: readonly RecordedCassette[],
): void {
  writeCacheFile(cacheFile(answers), JSON.stringify(cassettes));
}
