/**
 * @module Where the running create-connector came from, so `init` writes a dependency that
 * installs it: the registry (`^version`), a tarball (`npx --package x.tgz`, `npm install x.tgz`:
 * `file:` of that tarball) or a folder (a checkout, `npm link`: `file:` of the folder).
 */

import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type OwnSource = 'registry' | 'tarball' | 'folder';

export interface OwnDependency {
  /** What package.json's dependencies get for create-connector. */
  readonly spec: string;
  readonly source: OwnSource;
}

/** This package's root (src/ and dist/ sit at the same depth), symlinks resolved. */
export function ownRoot(): string {
  return realpathSync(fileURLToPath(new URL('../../', import.meta.url)));
}

/** What the install that holds `root` recorded for it (npm's hidden lockfile), if anything. */
function resolvedByInstall(root: string): string | undefined {
  const nodeModules = path.dirname(root);
  if (path.basename(nodeModules) !== 'node_modules') return undefined;
  try {
    const lock = JSON.parse(readFileSync(path.join(nodeModules, '.package-lock.json'), 'utf8')) as {
      packages?: Record<string, { resolved?: unknown }>;
    };
    const resolved = lock.packages?.[`node_modules/${path.basename(root)}`]?.resolved;
    return typeof resolved === 'string' ? resolved : undefined;
  } catch {
    return undefined;
  }
}

export function ownDependency(version: string, root = ownRoot()): OwnDependency {
  if (!root.split(path.sep).includes('node_modules')) {
    return { spec: `file:${root}`, source: 'folder' };
  }
  const resolved = resolvedByInstall(root);
  if (resolved?.startsWith('file:') === true) {
    const installRoot = path.dirname(path.dirname(root));
    const target = path.resolve(installRoot, resolved.slice('file:'.length));
    return /\.(tgz|tar\.gz|tar)$/.test(target)
      ? { spec: `file:${target}`, source: 'tarball' }
      : { spec: `file:${target}`, source: 'folder' };
  }
  return { spec: `^${version}`, source: 'registry' };
}
