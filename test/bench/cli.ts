/**
 * The package the process-level sections run, as a user runs it (`node bin/create-connector.js
 * …` over the built dist/). Built privately for each bench run: `tsc -p tsconfig.build.json` into
 * a scratch copy of the package whose other entries (templates, package.json, node_modules,
 * samples, configs) link back to this checkout, so neither a concurrent build of dist/ nor a
 * stale one changes what is measured, and this checkout's dist/ is left alone.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltPackage {
  /** The package root: its own dist/ and bin/, everything else linked to this checkout. */
  readonly root: string;
  readonly bin: string;
  /** A module of the build, as a file URL a process can import. */
  distUrl(file: string): string;
}

function packageAt(root: string): BuiltPackage {
  return {
    root,
    bin: path.join(root, 'bin', 'create-connector.js'),
    distUrl: (file) => pathToFileURL(path.join(root, 'dist', file)).href,
  };
}

/** This checkout's own dist/ as it is (`--no-build`). */
export const checkoutPackage = (): BuiltPackage => packageAt(REPO);

/** Builds the package into `dir` (what `npm run build` does, with another outDir). */
export function buildPackage(dir: string): BuiltPackage {
  mkdirSync(dir, { recursive: true });
  const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const dist = path.join(dir, 'dist');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dist], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `the build failed (--no-build measures the dist/ already there):\n${result.stdout}${result.stderr}`,
    );
  }
  // bin/ is copied, not linked: node resolves a linked entry point to its real path, whose
  // ../dist would be this checkout's.
  cpSync(path.join(REPO, 'bin'), path.join(dir, 'bin'), { recursive: true });
  for (const entry of readdirSync(REPO)) {
    if (['dist', 'bin', '.git'].includes(entry)) continue;
    symlinkSync(path.join(REPO, entry), path.join(dir, entry));
  }
  return packageAt(dir);
}
