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

/** Where a connector's tests are looked for, workspace-relative: its test file and its folder. */
export function testPlaces(sources: ConnectorSources): readonly [file: string, folder: string] {
  const paths = connectorPathsById(sources.workspace, sources.id);
  return [paths.test, path.posix.join(sources.workspace.testsDir, path.posix.basename(paths.dir))];
}

/** Absolute paths, sorted. */
export function connectorTestFiles(sources: ConnectorSources): string[] {
  const { workspace, manifest } = sources;
  const [file, folder] = testPlaces(sources);
  const listed = Object.keys(manifest?.files ?? {}).filter((each) => each.endsWith('.test.ts'));
  const files = new Set(
    [...listed, file].map((each) => workspaceFile(workspace, each)).filter(existsSync),
  );
  for (const found of testsUnder(workspaceFile(workspace, folder))) files.add(found);
  return [...files].sort();
}
