/**
 * @module Type-checks generated connectors with `cargo check --offline` against the mock crates
 * in `test/fixtures/ucs-mock/` (our own stand-in for the seed-era connector-service API). The
 * mock is copied once per content hash into the OS temp dir, where its target dir stays warm
 * between runs; a lock directory serialises checks that share it.
 */

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { UcsNames } from './names.js';
import type { RenderedFile } from './render.js';
import { runTool } from './rust-tools.js';

export interface MockConnector {
  readonly names: UcsNames;
  /** The connector's files, paths relative to the checkout (`backend/connector-integration/…`). */
  readonly files: readonly RenderedFile[];
}

export interface MockCheckResult {
  readonly ok: boolean;
  /** rustc's diagnostics, one `file:line:col: error[…]: …` line each. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly ms: number;
}

const CRATE = 'crates/connector-integration/src';
const CONNECTORS_PREFIX = 'backend/connector-integration/src/';

/** The mock shipped with this repository, when present (it is not part of the npm package). */
export function defaultMockDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../../test/fixtures/ucs-mock/', import.meta.url));
  return existsSync(path.join(dir, 'Cargo.toml')) ? dir : undefined;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.name !== 'target' && entry.name !== 'Cargo.lock')
      .map((entry) =>
        entry.isDirectory()
          ? listFiles(path.join(dir, entry.name), base)
          : Promise.resolve([path.relative(base, path.join(dir, entry.name))]),
      ),
  );
  return nested.flat().sort();
}

async function mockHash(mockDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(mockDir)) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(mockDir, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The warm copy of the mock: `<root>/<hash>/{src,target}`, root defaulting to the OS temp dir. */
async function scratchCopy(mockDir: string, root: string): Promise<string> {
  const scratch = path.join(root, await mockHash(mockDir));
  const src = path.join(scratch, 'src');
  if (!existsSync(path.join(src, '.complete'))) {
    const staging = `${src}.${process.pid}.${Date.now()}`;
    await cp(mockDir, staging, {
      recursive: true,
      filter: (from) => !from.split(path.sep).includes('target'),
    });
    await writeFile(path.join(staging, '.complete'), '');
    await rename(staging, src).catch(async () => rm(staging, { recursive: true, force: true }));
  }
  return scratch;
}

async function withLock<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, 'lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 300_000) await rmdir(lock).catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await run();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

async function writeIfChanged(file: string, content: string): Promise<void> {
  const before = await readFile(file, 'utf8').catch(() => undefined);
  if (before === content) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** Puts the connectors into the mock crate and lists them as a checkout's wiring would. */
async function placeConnectors(src: string, connectors: readonly MockConnector[]): Promise<void> {
  const crate = path.join(src, CRATE);
  const keep = new Set(['macros.rs']);
  const wanted = new Map<string, string>();
  for (const connector of connectors) {
    for (const file of connector.files) {
      if (!file.path.startsWith(CONNECTORS_PREFIX)) {
        throw new Error(`not a connector-integration file: ${file.path}`);
      }
      wanted.set(file.path.slice(CONNECTORS_PREFIX.length), file.content);
    }
  }
  const connectorsDir = path.join(crate, 'connectors');
  for (const entry of await readdir(connectorsDir, { withFileTypes: true })) {
    const relative = `connectors/${entry.name}`;
    const used = [...wanted.keys()].some(
      (file) => file === relative || file.startsWith(`${relative}/`),
    );
    if (!keep.has(entry.name) && !used) {
      await rm(path.join(connectorsDir, entry.name), { recursive: true, force: true });
    }
  }
  for (const [file, content] of wanted) await writeIfChanged(path.join(crate, file), content);
  const modules = connectors
    .map(
      ({ names }) => `\npub mod ${names.snake};\npub use self::${names.snake}::${names.pascal};\n`,
    )
    .join('');
  await writeIfChanged(path.join(crate, 'connectors.rs'), `pub mod macros;\n${modules}`);
  const fields = connectors
    .map(({ names }) => `    pub ${names.snake}: ConnectorParams,\n`)
    .join('');
  await writeIfChanged(
    path.join(src, 'crates/domain_types/src/connectors_list.rs'),
    `#[derive(Clone, Debug, Default)]\npub struct Connectors {\n${fields}}\n`,
  );
}

/**
 * `cargo check --offline` of the mock with `connectors` in it; undefined when cargo is not
 * installed. Diagnostics come back one per line.
 */
export async function checkAgainstMock(
  connectors: readonly MockConnector[],
  mockDir: string,
  options: { readonly scratchRoot?: string } = {},
): Promise<MockCheckResult | undefined> {
  const started = performance.now();
  const root = options.scratchRoot ?? path.join(tmpdir(), 'create-connector-ucs-mock');
  const scratch = await scratchCopy(mockDir, root);
  return withLock(scratch, async () => {
    const src = path.join(scratch, 'src');
    await placeConnectors(src, connectors);
    const run = await runTool(
      'cargo',
      ['check', '--offline', '--quiet', '--message-format', 'short', '-p', 'connector-integration'],
      { cwd: src, env: { ...process.env, CARGO_TARGET_DIR: path.join(scratch, 'target') } },
    );
    if (run === undefined) return undefined;
    const lines = run.stderr.split('\n').map((line) => line.trim());
    return {
      ok: run.code === 0,
      errors: lines.filter((line) => /: error(\[E\d+\])?:/.test(line) || line.startsWith('error')),
      warnings: lines.filter((line) => /: warning:/.test(line)),
      ms: performance.now() - started,
    };
  });
}
