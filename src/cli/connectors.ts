/**
 * @module The workspace's registered connectors, loaded at run time: only what a command needs
 * (`run` imports one connector module, not the registry and every connector), compiled through
 * the per-user code cache. A file that does not compile is named with its line and the reason.
 */

import { existsSync } from 'node:fs';

import { entryModule, registryIndex } from '../generator/registry/entry-cache.js';
import type { RegistryEntry } from '../generator/registry/index.js';
import { WorkspaceSourceError } from '../generator/workspace-source-error.js';
import {
  connectorPathsById,
  loadWorkspace,
  workspaceFile,
  type Workspace,
} from '../generator/workspace.js';
import type { AmountType, Connector } from '../runtime/index.js';
import { CliError, usageError } from './errors.js';
import { resolveTarget, type ReferenceId } from './reference-target.js';

export type Registry = Readonly<Record<string, Connector<AmountType>>>;

/**
 * The reference connectors this package ships: `builtin:<id>`, or a bare id in a workspace that
 * has no connector of its own by that id (reference-target.ts decides which).
 */
const BUILT_IN: Readonly<Record<ReferenceId, () => Promise<Connector<AmountType>>>> = {
  nuvei: async () => (await import('../connectors/nuvei/index.js')).nuvei,
  paytm: async () => (await import('../connectors/paytm/index.js')).paytm,
};

/** The workspace's own code failed to load: its error, not a bug of create-connector. */
function loadFailure(workspace: Workspace, error: unknown): CliError {
  if (error instanceof WorkspaceSourceError) {
    return new CliError(
      `cannot load the registry ${workspace.registry}: ${error.message}`,
      'usage',
      1,
      [{ key: 'file', value: error.file, rule: error.reason }],
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new CliError(
    `cannot load the registry ${workspace.registry}: ${reason}`,
    'usage',
    1,
    [{ key: 'registry', value: workspace.registry, rule: 'must import without errors' }],
    { cause: error, hint: 'Run with --verbose for the stack trace.' },
  );
}

async function importModule(workspace: Workspace, file: string): Promise<Record<string, unknown>> {
  // loaded here, not at start: `list` of connectors as generated imports none
  const { importWorkspaceModule } = await import('../generator/load-module.js');
  return importWorkspaceModule(workspaceFile(workspace, file), workspace.root).catch(
    (error: unknown) => {
      throw loadFailure(workspace, error);
    },
  );
}

function isConnector(value: unknown): value is Connector<AmountType> {
  return typeof value === 'object' && value !== null && 'flows' in value && 'name' in value;
}

/** The whole registry, evaluated (every connector it imports). */
export async function loadRegistry(
  cwd: string,
): Promise<{ workspace: Workspace; connectors: Registry }> {
  const workspace = loadWorkspace(cwd);
  const module = await importModule(workspace, workspace.registry);
  const connectors = module['connectors'];
  if (typeof connectors !== 'object' || connectors === null) {
    throw usageError(`${workspace.registry} does not export "connectors"`, [
      { key: 'registry', value: workspace.registry, rule: 'must export const connectors = { … }' },
    ]);
  }
  return { workspace, connectors: connectors as Registry };
}

/** The registry's entries, read without evaluating it; undefined when it cannot be read so. */
export async function registryEntries(workspace: Workspace): Promise<RegistryEntry[] | undefined> {
  try {
    return await registryIndex(workspace);
  } catch (error) {
    if (error instanceof WorkspaceSourceError) throw loadFailure(workspace, error);
    // a registry the reader does not follow: evaluating it is the fallback
    return undefined;
  }
}

/** One entry's connector, from its own module; undefined when that module does not export it. */
export async function importEntry(
  workspace: Workspace,
  entry: RegistryEntry,
): Promise<Connector<AmountType> | undefined> {
  const module = await importModule(workspace, entryModule(workspace, entry));
  const value = module[entry.value];
  return isConnector(value) ? value : undefined;
}

interface WorkspaceLookup {
  readonly connector: Connector<AmountType> | undefined;
  /** The ids the workspace registers, for the error that names them. */
  readonly known: readonly string[];
}

/** The workspace's own connector `id`, from its module, else from the evaluated registry. */
async function findInWorkspace(cwd: string, id: string): Promise<WorkspaceLookup> {
  const workspace = loadWorkspace(cwd);
  const entries = await registryEntries(workspace);
  const entry = entries?.find((each) => each.id === id);
  const connector = entry === undefined ? undefined : await importEntry(workspace, entry);
  if (connector !== undefined || (entries !== undefined && entry === undefined)) {
    return { connector, known: entries?.map((each) => each.id) ?? [] };
  }
  const { connectors } = await loadRegistry(cwd);
  return {
    connector: Object.hasOwn(connectors, id) ? connectors[id] : undefined,
    known: Object.keys(connectors),
  };
}

/** The workspace's connector `id` was generated: it has a manifest. */
function isGenerated(cwd: string, id: string): boolean {
  const workspace = loadWorkspace(cwd);
  return existsSync(workspaceFile(workspace, connectorPathsById(workspace, id).manifest));
}

/**
 * The connector `target` names: `builtin:<id>` a reference of this package; a bare id the
 * workspace's own, else (nuvei, paytm) the reference. `onNotice` gets the one line to print on
 * stderr when the workspace's connector shadows a built-in reference.
 */
export async function loadConnector(
  cwd: string,
  target: string,
  onNotice?: (line: string) => void,
): Promise<Connector<AmountType>> {
  let lookup: Promise<WorkspaceLookup> | undefined;
  const find = (id: string) => (lookup ??= findInWorkspace(cwd, id));
  const resolved = await resolveTarget(target, 'id', async (id) => {
    if ((await find(id)).connector === undefined) return undefined;
    return isGenerated(cwd, id) ? 'generated' : 'hand-written';
  });
  if (resolved.source === 'builtin') return BUILT_IN[resolved.id]();
  const { connector, known } = await find(resolved.id);
  if (connector === undefined) {
    throw usageError(`no connector "${target}" is registered`, [
      {
        key: 'id',
        value: target,
        rule: known.length === 0 ? 'the registry is empty' : `must be one of ${known.join(', ')}`,
      },
    ]);
  }
  if (resolved.notice !== undefined) onNotice?.(resolved.notice);
  return connector;
}
