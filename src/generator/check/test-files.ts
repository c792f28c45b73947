/**
 * @module A connector's test files: the ones its manifest lists, `<testsDir>/<folder>.test.ts`
 * and everything under `<testsDir>/<folder>/` (where hand-written connectors keep theirs).
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { connectorPathsById, workspaceFile } from '../workspace.js';
import type { ConnectorSources } from './project.js';

function testsUnder(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) return testsUnder(absolute);
    return entry.name.endsWith('.test.ts') ? [absolute] : [];
  });
}

/** Absolute paths, sorted. */
export function connectorTestFiles(sources: ConnectorSources): string[] {
  const { workspace, id, manifest } = sources;
  const paths = connectorPathsById(workspace, id);
  const listed = Object.keys(manifest?.files ?? {}).filter((file) => file.endsWith('.test.ts'));
  const files = new Set(
    [...listed, paths.test].map((file) => workspaceFile(workspace, file)).filter(existsSync),
  );
  const folder = path.posix.join(workspace.testsDir, path.posix.basename(paths.dir));
  for (const file of testsUnder(workspaceFile(workspace, folder))) files.add(file);
  return [...files].sort();
}
