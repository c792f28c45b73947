/**
 * @module The Rust target's golden samples, `generated-samples/ucs/<case>/`: an `answers.json`
 * and the two created files as `new --target ucs` writes them, compared byte for byte.
 */

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ucsConnectorFiles } from './connector-files.js';
import { parseUcsAnswers, type UcsAnswers } from './inputs.js';
import type { MockCheckResult } from './mock-check.js';

export const UCS_SAMPLES_FOLDER = 'ucs';
const ANSWERS = 'answers.json';

export function defaultUcsSamplesDir(): string {
  return fileURLToPath(
    new URL(`../../../generated-samples/${UCS_SAMPLES_FOLDER}/`, import.meta.url),
  );
}

export interface UcsSampleDrift {
  readonly case: string;
  readonly path: string;
  readonly kind: 'missing' | 'changed' | 'extra';
}

export async function listUcsSamples(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function filesUnder(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name), base)
        : Promise.resolve([
            path.relative(base, path.join(dir, entry.name)).split(path.sep).join('/'),
          ]),
    ),
  );
  return nested.flat();
}

/** What a case's folder should hold: its answers and the two rendered files. */
async function expectedFiles(answers: UcsAnswers): Promise<Map<string, string>> {
  const { files } = await ucsConnectorFiles(parseUcsAnswers(answers));
  return new Map([
    [ANSWERS, `${JSON.stringify(answers, null, 2)}\n`],
    ...files.map((file): [string, string] => [file.path, file.content]),
  ]);
}

/** Every difference between the samples and a fresh render (empty when they agree). */
export async function checkUcsSamples(dir = defaultUcsSamplesDir()): Promise<UcsSampleDrift[]> {
  const drift: UcsSampleDrift[] = [];
  for (const name of await listUcsSamples(dir)) {
    const caseDir = path.join(dir, name);
    const answers = JSON.parse(await readFile(path.join(caseDir, ANSWERS), 'utf8')) as UcsAnswers;
    const expected = await expectedFiles(answers);
    const present = await filesUnder(caseDir);
    for (const [file, content] of expected) {
      const actual = await readFile(path.join(caseDir, file), 'utf8').catch(() => undefined);
      if (actual === undefined) drift.push({ case: name, path: file, kind: 'missing' });
      else if (actual !== content) drift.push({ case: name, path: file, kind: 'changed' });
    }
    for (const file of present)
      if (!expected.has(file)) drift.push({ case: name, path: file, kind: 'extra' });
  }
  return drift;
}

/** Writes (or rewrites) one case per answer set; returns the files it changed. */
export async function writeUcsSamples(
  cases: ReadonlyArray<readonly [string, UcsAnswers]>,
  dir = defaultUcsSamplesDir(),
): Promise<string[]> {
  const written: string[] = [];
  for (const [name, answers] of cases) {
    for (const [file, content] of await expectedFiles(answers)) {
      const target = path.join(dir, name, file);
      if ((await readFile(target, 'utf8').catch(() => undefined)) === content) continue;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      written.push(`${name}/${file}`);
    }
  }
  return written;
}

/** The samples' created files against the mock crate; undefined without cargo or the mock. */
export async function checkUcsSamplesAgainstMock(
  dir = defaultUcsSamplesDir(),
): Promise<MockCheckResult | undefined> {
  const { checkAgainstMock, defaultMockDir } = await import('./mock-check.js');
  const mockDir = defaultMockDir();
  if (mockDir === undefined) return undefined;
  const connectors = await Promise.all(
    (await listUcsSamples(dir)).map(async (name) => {
      const answers = JSON.parse(
        await readFile(path.join(dir, name, ANSWERS), 'utf8'),
      ) as UcsAnswers;
      const inputs = parseUcsAnswers(answers);
      const files = (await filesUnder(path.join(dir, name)))
        .filter((file) => file.endsWith('.rs'))
        .map(async (file) => ({
          path: file,
          content: await readFile(path.join(dir, name, file), 'utf8'),
        }));
      return { names: inputs.names, files: await Promise.all(files) };
    }),
  );
  return checkAgainstMock(connectors, mockDir);
}
