/**
 * @module What every lifecycle step plans into: a workspace read once (its registry's text and
 * entries, the identifiers it declares), and a plan of file changes with what each path held.
 */

import type { FileChange } from '../changes/file-change.js';
import { ChangeTree } from '../changes/tree.js';
import { UsageError } from '../errors.js';
import { parseRegistry, registryEntries, type RegistryEntry } from '../registry/source.js';
import { loadWorkspace, type Workspace } from '../workspace.js';

export interface ConnectorPlan {
  readonly workspace: Workspace;
  readonly connector: { readonly id: string; readonly name: string; readonly dir: string };
  /** Every effective change; writes that change nothing are not in it. */
  readonly changes: readonly FileChange[];
  /** What each changed path held before (undefined: it did not exist), for diffs. */
  readonly before: ReadonlyMap<string, string | undefined>;
}

/** A workspace and its registry, read once per command and shared by its steps. */
export interface WorkspaceSnapshot {
  readonly workspace: Workspace;
  /** The plan's tree: reads the disk once per path, records the changes. */
  readonly tree: ChangeTree;
  /** The registry's text. */
  readonly registry: string;
  readonly entries: readonly RegistryEntry[];
  /**
   * Identifiers the registry declares other than its connectors' own imports (`connectors`,
   * the runtime's types, …), each with where: a connector bound to one of them would not compile.
   */
  readonly declared: ReadonlyMap<string, string>;
}

function readRegistry(tree: ChangeTree, workspace: Workspace): string {
  const source = tree.read(workspace.registry);
  if (source === undefined) {
    throw new UsageError(`the registry ${workspace.registry} does not exist`, {
      issues: [
        {
          key: 'registry',
          value: workspace.registry,
          rule: 'must exist (create-connector init makes one)',
        },
      ],
    });
  }
  return source;
}

function declaredIdentifiers(workspace: Workspace, registry: string): Map<string, string> {
  const parsed = parseRegistry(registry);
  const own = new Set(parsed.entries.map((entry) => entry.value));
  const where = `the registry ${workspace.registry}`;
  const declared = new Map<string, string>([['connectors', where]]);
  for (const declaration of parsed.imports) {
    const clause = declaration.clause;
    const locals = [clause?.name, ...(clause?.named ?? []).map((element) => element.name)];
    for (const local of locals) {
      if (local !== undefined && !own.has(local)) declared.set(local, where);
    }
  }
  return declared;
}

/** Reads the workspace config and its registry (one parse), refusing a malformed registry. */
export function readWorkspaceSnapshot(cwd: string): WorkspaceSnapshot {
  const workspace = loadWorkspace(cwd);
  const tree = new ChangeTree(workspace.root);
  const registry = readRegistry(tree, workspace);
  const entries = registryEntries(parseRegistry(registry));
  return { workspace, tree, registry, entries, declared: declaredIdentifiers(workspace, registry) };
}

/** The ids a workspace already registers (what the answers' existing-id rule checks against). */
export function registeredIds(cwd: string): { workspace: Workspace; ids: string[] } {
  const snapshot = readWorkspaceSnapshot(cwd);
  return { workspace: snapshot.workspace, ids: snapshot.entries.map((entry) => entry.id) };
}

export function finishPlan(
  workspace: Workspace,
  tree: ChangeTree,
  connector: ConnectorPlan['connector'],
): ConnectorPlan {
  const changes = tree.listChanges();
  const before = new Map(changes.map((change) => [change.path, tree.original(change.path)]));
  return { workspace, connector, changes, before };
}
