/** @module Runs a node command under helpers/module-probe.mjs and returns the packages it loaded. */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { childEnv, runChild, type ChildResult } from './child.js';

export const MODULE_PROBE = pathToFileURL(path.join(import.meta.dirname, 'module-probe.mjs')).href;

/** The packages heavy enough that `--help` must not load them. */
export const HEAVY_PACKAGES: readonly RegExp[] = [
  /^zod$/,
  /^ts-morph$/,
  /^@ts-morph\//,
  /^typescript$/,
  /^prettier$/,
  /^@inquirer\//,
  /^handlebars$/,
  /^undici$/,
  /^diff$/,
  /^node-diff3$/,
];

/** `…/node_modules/@scope/name/…` → `@scope/name`; the innermost node_modules counts. */
export function packageOf(location: string): string | undefined {
  const file = location.replace(/^cjs:/, '').replace(/^file:\/\//, '');
  const parts = decodeURIComponent(file).split(/[\\/]node_modules[\\/]/);
  if (parts.length < 2) return undefined;
  const [first, second] = parts.at(-1)!.split(/[\\/]/);
  return first?.startsWith('@') === true ? `${first}/${second}` : first;
}

export interface ProbedRun extends ChildResult {
  /** Every package a module was loaded from, sorted. */
  readonly packages: readonly string[];
  /** Every module location recorded. */
  readonly locations: readonly string[];
}

/** Runs `node --import module-probe <args>` and reads what it loaded. */
export async function probeModules(args: readonly string[], cwd: string): Promise<ProbedRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-probe-'));
  try {
    const log = path.join(dir, 'modules.log');
    const result = await runChild(process.execPath, ['--import', MODULE_PROBE, ...args], {
      cwd,
      env: childEnv({ CC_MODULE_LOG: log }),
    });
    const locations = readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    const packages = new Set(locations.map(packageOf).filter((name) => name !== undefined));
    return { ...result, locations, packages: [...packages].sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function heavyIn(packages: readonly string[]): string[] {
  return packages.filter((name) => HEAVY_PACKAGES.some((pattern) => pattern.test(name)));
}
