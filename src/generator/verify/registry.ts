/**
 * @module `verify` (d): the workspace's registry, connector folders and manifests agree — every
 * folder is registered, every entry's module exists, every manifest parses and lists only files
 * that exist. Hand-written connectors (no manifest) are fine.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { parseManifest } from '../lifecycle/manifest.js';
import { checkResult, errorMessage, type VerifyCheck, type VerifyProblem } from './checks.js';
import { listRegistry, type RegistryEntry } from '../registry/wire.js';
import { connectorPaths, loadWorkspace, workspaceFile, type Workspace } from '../workspace.js';

/** The workspace file a relative import of the registry names (`./x/index.js` → `…/x/index.ts`). */
function moduleFile(registry: string, importPath: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(registry), importPath));
  return joined.replace(/\.js$/, '.ts');
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function connectorFolders(workspace: Workspace): string[] {
  const dir = workspaceFile(workspace, workspace.connectorsDir);
  if (!existsSync(dir)) return [];
  // a folder may be a symlink (a workspace sharing connectors with another)
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path.join(dir, entry.name))),
    )
    .map((entry) => entry.name)
    .sort();
}

function manifestProblems(workspace: Workspace, folder: string): VerifyProblem[] {
  const manifestPath = connectorPaths(workspace, { folder }).manifest;
  const absolute = workspaceFile(workspace, manifestPath);
  // hand-written connectors (the references) have no manifest
  if (!existsSync(absolute)) return [];
  let files: string[];
  try {
    const manifest = parseManifest(readFileSync(absolute, 'utf8'), manifestPath);
    // a file the user deleted on purpose (regenerate recorded it) is not expected on disk
    files = Object.keys(manifest.files).filter((file) => manifest.files[file]?.deleted !== true);
  } catch (error) {
    return [{ file: manifestPath, message: errorMessage(error) }];
  }
  return files
    .filter((file) => !existsSync(workspaceFile(workspace, file)))
    .map((file) => ({ file: manifestPath, message: `lists ${file}, which does not exist` }));
}

/** Entries whose module is missing; fills `registered` with the folders the entries import. */
function entryProblems(
  workspace: Workspace,
  entries: readonly RegistryEntry[],
  registered: Set<string>,
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const entry of entries) {
    // a package specifier is not a folder of this workspace
    if (!entry.importPath.startsWith('.')) continue;
    const target = moduleFile(workspace.registry, entry.importPath);
    const inConnectors = path.posix.relative(workspace.connectorsDir, target);
    if (!inConnectors.startsWith('..')) registered.add(inConnectors.split('/')[0] ?? '');
    if (!existsSync(workspaceFile(workspace, target))) {
      problems.push({
        file: workspace.registry,
        message: `entry "${entry.id}" imports ${entry.importPath}, but ${target} does not exist`,
      });
    }
  }
  return problems;
}

/** Checks the workspace found from `cwd` (create-connector.json at or above it). */
export function registryCheck(cwd: string): VerifyCheck {
  let workspace: Workspace;
  try {
    workspace = loadWorkspace(cwd);
  } catch (error) {
    return checkResult('registry', 'workspace registry', [{ message: errorMessage(error) }]);
  }
  const summary = `registry, connector folders and manifests of ${workspace.root}`;
  let entries: RegistryEntry[];
  try {
    entries = listRegistry(readFileSync(workspaceFile(workspace, workspace.registry), 'utf8'));
  } catch (error) {
    return checkResult('registry', summary, [
      { file: workspace.registry, message: errorMessage(error) },
    ]);
  }
  const registered = new Set<string>();
  const problems = entryProblems(workspace, entries, registered);
  const folders = connectorFolders(workspace);
  for (const folder of folders) {
    if (!registered.has(folder)) {
      problems.push({
        file: `${workspace.connectorsDir}/${folder}`,
        message: `is not registered in ${workspace.registry}`,
      });
    }
    problems.push(...manifestProblems(workspace, folder));
  }
  return checkResult(
    'registry',
    `${summary}: ${entries.length} entries, ${folders.length} folders`,
    problems,
  );
}
