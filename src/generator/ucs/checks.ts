/**
 * @module The offline checks of a wired UCS connector (`verify --target ucs`): rustfmt on the
 * created and edited Rust files, protoc on the proto, the TOMLs parse and hold the URL, every
 * name exactly once in each list, the prost name round trip, and the created files against the
 * mock crate. A check whose tool is missing is reported as skipped, never as passed.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parse as parseToml } from 'smol-toml';

import { checkAgainstMock } from './mock-check.js';
import { prostVariant, ucsNames, type UcsNames } from './names.js';
import { CONNECTORS_DIR } from './render.js';
import { rustfmtSource, runTool } from './rust-tools.js';
import { CONFIG_TOMLS, EDIT_POINTS, PAYMENT_PROTO } from './wiring.js';

export type UcsCheckName = 'rustfmt' | 'protoc' | 'toml' | 'lists' | 'mock';
export const UCS_CHECKS: readonly UcsCheckName[] = ['rustfmt', 'protoc', 'toml', 'lists', 'mock'];

export interface UcsCheck {
  readonly name: UcsCheckName;
  readonly status: 'pass' | 'fail' | 'skipped';
  /** What failed, or why it was skipped. */
  readonly problems: readonly string[];
}

export interface UcsCheckReport {
  readonly ok: boolean;
  readonly checks: readonly UcsCheck[];
}

const pass = (name: UcsCheckName): UcsCheck => ({ name, status: 'pass', problems: [] });
const skip = (name: UcsCheckName, why: string): UcsCheck => ({
  name,
  status: 'skipped',
  problems: [why],
});
const verdict = (name: UcsCheckName, problems: string[]): UcsCheck =>
  problems.length === 0 ? pass(name) : { name, status: 'fail', problems };

export function createdFiles(names: UcsNames): string[] {
  return [
    `${CONNECTORS_DIR}/${names.snake}.rs`,
    `${CONNECTORS_DIR}/${names.snake}/transformers.rs`,
  ];
}

const RUST_FILES = [
  ...new Set(EDIT_POINTS.map((point) => point.file).filter((file) => file.endsWith('.rs'))),
];

async function rustfmtCheck(root: string, names: UcsNames): Promise<UcsCheck> {
  const problems: string[] = [];
  for (const file of [...createdFiles(names), ...RUST_FILES]) {
    const full = path.join(root, file);
    if (!existsSync(full)) {
      problems.push(`${file} is missing`);
      continue;
    }
    const text = readFileSync(full, 'utf8');
    const result = await rustfmtSource(text);
    if (result === undefined) return skip('rustfmt', 'rustfmt is not installed');
    if (!result.ok) problems.push(`${file} does not parse: ${result.error.split('\n')[0]}`);
    else if (result.formatted !== text)
      problems.push(`${file} is not rustfmt-clean (rustfmt --edition 2021 would change it)`);
  }
  return verdict('rustfmt', problems);
}

/** Where Debian's libprotobuf-dev puts the well-known types, when installed. */
const PROTO_INCLUDES = ['/usr/include', '/usr/local/include'].filter((dir) =>
  existsSync(path.join(dir, 'google/protobuf/empty.proto')),
);

async function protocCheck(root: string): Promise<UcsCheck> {
  const dir = path.dirname(path.join(root, PAYMENT_PROTO));
  const args = [
    '-I',
    dir,
    ...PROTO_INCLUDES.flatMap((include) => ['-I', include]),
    '--descriptor_set_out=/dev/null',
    path.basename(PAYMENT_PROTO),
  ];
  const run = await runTool('protoc', args, { cwd: dir });
  if (run === undefined)
    return skip('protoc', 'protoc is not installed (Debian: apt-get install protobuf-compiler)');
  return verdict('protoc', run.code === 0 ? [] : [`${PAYMENT_PROTO}: ${run.stderr.trim()}`]);
}

function tomlCheck(root: string, names: UcsNames): UcsCheck {
  const problems: string[] = [];
  for (const file of CONFIG_TOMLS) {
    try {
      const parsed = parseToml(readFileSync(path.join(root, file), 'utf8')) as Record<
        string,
        Record<string, { base_url?: unknown }>
      >;
      const url = parsed['connectors']?.[names.snake]?.base_url;
      if (typeof url !== 'string' || url === '')
        problems.push(`${file} has no connectors.${names.snake}.base_url`);
    } catch (error) {
      problems.push(`${file} does not parse: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return verdict('toml', problems);
}

function listsCheck(root: string, names: UcsNames): UcsCheck {
  const problems: string[] = [];
  const ctx = { names, baseUrls: { development: '', sandbox: '', production: '' } };
  for (const point of EDIT_POINTS.filter((p) => !p.file.endsWith('.toml'))) {
    const text = readFileSync(path.join(root, point.file), 'utf8');
    const state = point.state(text, ctx);
    if (state.kind !== 'done')
      problems.push(`${point.file}: ${names.pascal} is not in ${point.what} exactly once`);
  }
  for (const file of CONFIG_TOMLS) {
    const keys = readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith(`${names.snake}.base_url =`));
    if (keys.length !== 1)
      problems.push(`${file}: ${names.snake}.base_url appears ${keys.length} times`);
  }
  if (prostVariant('Connector', names.proto) !== names.pascal) {
    problems.push(
      `${names.proto} maps to ${prostVariant('Connector', names.proto)} in prost, not ${names.pascal}`,
    );
  }
  return verdict('lists', problems);
}

async function mockCheck(
  root: string,
  names: UcsNames,
  mockDir: string | undefined,
): Promise<UcsCheck> {
  if (mockDir === undefined)
    return skip('mock', 'the mock crate (test/fixtures/ucs-mock) is not present in this install');
  const files = createdFiles(names).map((file) => ({
    path: file,
    content: readFileSync(path.join(root, file), 'utf8'),
  }));
  const result = await checkAgainstMock([{ names, files }], mockDir);
  if (result === undefined) return skip('mock', 'cargo is not installed');
  return verdict('mock', result.ok ? [] : [...result.errors]);
}

/** Runs the offline checks of connector `name` in the checkout at `root`. */
export async function checkUcsConnector(options: {
  readonly ucsDir: string;
  readonly name: string;
  readonly mockDir?: string | undefined;
  readonly checks?: readonly UcsCheckName[];
}): Promise<UcsCheckReport> {
  const names = ucsNames(options.name);
  const root = path.resolve(options.ucsDir);
  const wanted = new Set(options.checks ?? UCS_CHECKS);
  const run: Record<UcsCheckName, () => Promise<UcsCheck> | UcsCheck> = {
    rustfmt: () => rustfmtCheck(root, names),
    protoc: () => protocCheck(root),
    toml: () => tomlCheck(root, names),
    lists: () => listsCheck(root, names),
    mock: () => mockCheck(root, names, options.mockDir),
  };
  const checks = await Promise.all(
    UCS_CHECKS.filter((name) => wanted.has(name)).map((name) => run[name]()),
  );
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}
