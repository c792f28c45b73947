/**
 * @module An npm registry on 127.0.0.1 made from this repository's lockfile, so `npx --package
 * <tgz>` and a workspace's plain `npm install` resolve offline: each package's document lists
 * exactly the versions the lockfile has, with their integrity, so npm reads every tarball from
 * its cache by digest (as `npm ci` filled it). A tarball npm does not have is answered 404,
 * never fetched from anywhere else. Stops by itself after `lifetimeMs`.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

interface LockEntry {
  readonly version?: string;
  readonly name?: string;
  readonly integrity?: string;
  readonly link?: boolean;
  readonly [member: string]: unknown;
}

/** The manifest members npm reads when it resolves and installs a version. */
const MANIFEST_MEMBERS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'libc',
  'license',
  'deprecated',
] as const;

export interface LoopbackRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Package documents asked for that the lockfile does not have. */
  readonly unknown: readonly string[];
  close(): Promise<void>;
}

function packuments(repoRoot: string, url: () => string): Map<string, Record<string, unknown>> {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const documents = new Map<string, Record<string, unknown>>();
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === '' || entry.link === true || entry.version === undefined) continue;
    if (entry.integrity === undefined) continue;
    const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 13);
    const document = documents.get(name) ?? { name, 'dist-tags': {}, versions: {} };
    const versions = document['versions'] as Record<string, unknown>;
    const manifest: Record<string, unknown> = { name, version: entry.version };
    for (const member of MANIFEST_MEMBERS) {
      if (entry[member] !== undefined) manifest[member] = entry[member];
    }
    const base = name.split('/').at(-1)!;
    manifest['dist'] = {
      integrity: entry.integrity,
      // only reached when the cache lacks it: then a 404 here, not the public registry
      get tarball() {
        return `${url()}${name}/-/${base}-${entry.version}.tgz`;
      },
    };
    versions[entry.version] = manifest;
    const tags = document['dist-tags'] as Record<string, string>;
    // the highest version wins `latest` (numeric comparison of the dotted parts)
    const latest = tags['latest'];
    if (latest === undefined || compareVersions(entry.version, latest) > 0) {
      tags['latest'] = entry.version;
    }
    documents.set(name, document);
  }
  return documents;
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => Number(part) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export async function startLoopbackRegistry(options: {
  readonly repoRoot: string;
  readonly lifetimeMs: number;
}): Promise<LoopbackRegistry> {
  let base = '';
  const documents = packuments(options.repoRoot, () => base);
  const unknown: string[] = [];
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]!);
    const document = documents.get(name);
    if (req.method !== 'GET' || document === undefined) {
      if (!name.includes('/-/')) unknown.push(name);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  setTimeout(() => void close(), options.lifetimeMs).unref();
  return { url: base, unknown, close };
}
