/**
 * @module The registry's entries (id, imported value, module) without loading the compiler on a
 * warm start: read once with registry/source.ts and kept in the per-user code cache by the
 * registry's content hash.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { cacheDir, readCacheFile, writeCacheFile } from '../cache-dir.js';
import type { RegistryEntry } from './source.js';
import { conflictMarkerError } from '../workspace-source-error.js';
import { workspaceFile, type Workspace } from '../workspace.js';

const FORMAT = 'registry-index-1';

function isEntries(value: unknown): value is RegistryEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry: Partial<RegistryEntry> | null) =>
        typeof entry?.id === 'string' &&
        typeof entry.value === 'string' &&
        typeof entry.importPath === 'string',
    )
  );
}

/** The registry's entries in source order; throws what source.ts throws for a bad one. */
export async function registryIndex(workspace: Workspace): Promise<RegistryEntry[]> {
  const text = readFileSync(workspaceFile(workspace, workspace.registry), 'utf8');
  const marker = conflictMarkerError(workspace.registry, text);
  if (marker !== undefined) throw marker;
  const key = createHash('sha256').update(FORMAT).update(text).digest('hex');
  const file = path.join(cacheDir(), 'registry-index', `${key}.json`);
  const cached = readCacheFile(file);
  if (cached !== undefined) {
    try {
      const entries: unknown = JSON.parse(cached.toString('utf8'));
      if (isEntries(entries)) return entries;
    } catch {
      // rewritten below
    }
  }
  const { listRegistry } = await import('./source.js');
  const entries = listRegistry(text);
  writeCacheFile(file, JSON.stringify(entries));
  return entries;
}

/** The workspace-relative `.ts` module an entry imports (`./x/index.js` → `…/x/index.ts`). */
export function entryModule(workspace: Workspace, entry: RegistryEntry): string {
  const target = path.posix.join(path.posix.dirname(workspace.registry), entry.importPath);
  return target.replace(/\.js$/, '.ts');
}
