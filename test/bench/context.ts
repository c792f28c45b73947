/** What every section gets from the harness: the built CLI and a scratch directory. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildPackage, checkoutPackage, type BuiltPackage } from './cli.js';

export interface BenchContext {
  /** The built package; built the first time a section asks (unless the run said --no-build). */
  requireCli(): BuiltPackage;
  /** This bench run's own directory, removed when the run ends. */
  readonly scratch: string;
}

export function createContext(options: { readonly build: boolean }): BenchContext & {
  dispose(): void;
} {
  const scratch = mkdtempSync(path.join(tmpdir(), 'create-connector-bench-'));
  let built: BuiltPackage | undefined = options.build ? undefined : checkoutPackage();
  return {
    scratch,
    requireCli() {
      if (built !== undefined) return built;
      const started = performance.now();
      built = buildPackage(path.join(scratch, 'package'));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`bench: built the package in ${seconds} s\n`);
      return built;
    },
    dispose() {
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
