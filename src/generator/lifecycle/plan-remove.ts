/**
 * @module Planning `remove`: resolve the argument to exactly one connector (id, folder or name),
 * then unwire it and delete the files its manifest lists that nobody edited since. Edited files
 * are kept unless forced; a listed file outside the connector's own folders is never deleted. A
 * registry entry whose folder is gone is unwired alone (the repair).
 */

import path from 'node:path';

import { names } from '../answers/names.js';
import type { ChangeTree } from '../changes/tree.js';
import { UsageError } from '../errors.js';
import { removeFromRegistry, type RegistryEntry } from '../registry/index.js';
import {
  connectorPaths,
  connectorPathsById,
  isConnectorFile,
  type ConnectorPaths,
  type Workspace,
} from '../workspace.js';
import { parseManifest, sha256, type Manifest } from './manifest.js';
import { finishPlan, readWorkspaceSnapshot, type ConnectorPlan } from './plan.js';

/** A file remove leaves in place, and why. */
export interface KeptFile {
  readonly path: string;
  readonly reason: 'edited' | 'not-generated';
}

export interface RemovalPlan extends ConnectorPlan {
  /** Files the manifest lists that stay on disk. */
  readonly kept: readonly KeptFile[];
}

/** The folder an entry's import points into: `./zeta-pay/index.js` → `zeta-pay`. */
function importFolder(entry: RegistryEntry): string {
  return path.posix.basename(path.posix.dirname(entry.importPath));
}

/** Every casing of the argument a user may type: the id, the folder or the PascalCase name. */
function matches(entry: RegistryEntry, argument: string): boolean {
  if (entry.id === argument || importFolder(entry) === argument) return true;
  const derived = names(argument).id;
  return derived !== '' && derived === entry.id;
}

function refuse(argument: string, message: string, rule: string): never {
  throw new UsageError(message, { issues: [{ key: 'id', value: argument, rule }] });
}

/** The one registered entry the argument names, or undefined when none does. */
function resolveEntry(entries: readonly RegistryEntry[], argument: string) {
  const found = entries.filter((entry) => matches(entry, argument));
  if (found.length > 1) {
    const ids = found.map((entry) => entry.id).join(', ');
    refuse(
      argument,
      `"${argument}" names more than one connector (${ids}): pass the id`,
      `must name exactly one registered connector (${ids})`,
    );
  }
  return found[0];
}

/** The registry entry's module file, workspace-relative (`./x/index.js` → `…/x/index.ts`). */
function entryModule(workspace: Workspace, entry: RegistryEntry): string {
  const target = path.posix.join(path.posix.dirname(workspace.registry), entry.importPath);
  return target.replace(/\.js$/, '.ts');
}

/** What happens to each file the manifest lists. */
function fileFates(
  tree: ChangeTree,
  manifest: Manifest,
  paths: ConnectorPaths,
  force: boolean,
): { remove: string[]; kept: KeptFile[] } {
  const remove: string[] = [];
  const kept: KeptFile[] = [];
  for (const [file, record] of Object.entries(manifest.files)) {
    const current = tree.read(file);
    if (current === undefined) continue;
    // the manifest says which files the generator wrote, but never outside the connector's own
    if (file === paths.manifest || !isConnectorFile(paths, file)) {
      kept.push({ path: file, reason: 'not-generated' });
    }
    // a file recorded as deleted that exists again was written by the user
    else if (record.deleted !== true && sha256(current) === record.sha256) remove.push(file);
    else if (force) remove.push(file);
    else kept.push({ path: file, reason: 'edited' });
  }
  return { remove, kept };
}

/** Plans taking a connector out of the workspace at `cwd`. */
export function planRemoval(options: {
  readonly cwd: string;
  readonly id: string;
  /** Delete edited files too (never files the generator does not write). */
  readonly force?: boolean;
}): RemovalPlan {
  const argument = options.id;
  const { workspace, tree, registry, entries } = readWorkspaceSnapshot(options.cwd);
  const entry = resolveEntry(entries, argument);
  const id = entry?.id ?? names(argument).id;
  const paths =
    entry === undefined
      ? connectorPaths(workspace, names(argument))
      : connectorPathsById(workspace, id);
  const manifestText = id === '' ? undefined : tree.read(paths.manifest);
  const unwire = () => {
    if (entry !== undefined) tree.write(workspace.registry, removeFromRegistry(registry, entry.id));
  };

  if (manifestText === undefined) {
    if (entry !== undefined && !tree.exists(entryModule(workspace, entry))) {
      // the registry imports a folder that is gone: unwiring is the whole repair
      unwire();
      return {
        ...finishPlan(workspace, tree, { id, name: entry.value, dir: paths.dir }),
        kept: [],
      };
    }
    if (entry !== undefined) {
      refuse(
        argument,
        `"${id}" has no manifest (${paths.manifest}): it was not generated, so remove refuses to delete it`,
        'must name a connector made by create-connector new',
      );
    }
    const known = entries.map((each) => each.id);
    refuse(
      argument,
      `no generated connector "${argument}" in this workspace`,
      known.length === 0
        ? 'must name a registered connector (the registry is empty)'
        : `must name a registered connector: ${known.join(', ')}`,
    );
  }

  const manifest = parseManifest(manifestText, paths.manifest);
  const { remove, kept } = fileFates(tree, manifest, paths, options.force === true);
  for (const file of remove) tree.delete(file);
  tree.delete(paths.manifest);
  unwire();
  const connector = { id, name: String(manifest.answers.name), dir: paths.dir };
  return { ...finishPlan(workspace, tree, connector), kept };
}
