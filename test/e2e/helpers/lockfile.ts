/**
 * @module A package.json and lockfile for the folder the tarball is installed into, pinning every
 * dependency to the version this repository's lockfile has, with its tarball URL. Installing then
 * needs only tarballs from the npm cache (which `npm ci` and `npm install` both fill), not the
 * registry's metadata documents, whose cached kind differs between the two; and no version
 * published since the lockfile was written can be picked.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface LockEntry {
  readonly version?: string;
  readonly name?: string;
  readonly dev?: boolean;
  readonly link?: boolean;
  readonly [member: string]: unknown;
}

/** `https://registry.npmjs.org/@inquirer/core/-/core-12.0.6.tgz`, as the registry serves it. */
function tarballUrl(registry: string, name: string, version: string): string {
  const base = name.split('/').at(-1)!;
  return `${registry.replace(/\/+$/, '')}/${name}/-/${base}-${version}.tgz`;
}

/** Writes `dir/package.json` and `dir/package-lock.json` for installing `tarball`. */
export function seedInstallFolder(
  dir: string,
  options: { readonly repoRoot: string; readonly tarball: string; readonly registry: string },
): void {
  const read = (file: string) =>
    JSON.parse(readFileSync(path.join(options.repoRoot, file), 'utf8')) as Record<string, unknown>;
  const pkg = read('package.json');
  const lock = read('package-lock.json') as { packages: Record<string, LockEntry> };
  const spec = `file:${options.tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'user', dependencies: { 'create-connector': spec } },
    'node_modules/create-connector': {
      version: pkg['version'],
      resolved: spec,
      license: pkg['license'],
      dependencies: pkg['dependencies'],
      bin: pkg['bin'],
      engines: pkg['engines'],
    },
  };
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === '' || entry.dev === true || entry.link === true) continue;
    if (entry.version === undefined) continue;
    const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 13);
    packages[location] = { ...entry, resolved: tarballUrl(options.registry, name, entry.version) };
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(
    path.join(dir, 'package.json'),
    json({ name: 'user', private: true, dependencies: { 'create-connector': spec } }),
  );
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    json({ name: 'user', lockfileVersion: 3, requires: true, packages }),
  );
}
