/**
 * @module The generator's entry points: answers → a plan of file changes (render, format, wire
 * the registry, manifest; all in memory) → apply (atomic, rolled back on failure). A plan that
 * changes nothing is empty; `new` on an existing connector is refused unless forced.
 */

import type { Answers } from './answers.js';
import { codeStyleFor } from './code-style.js';
import { connectorFiles } from './connector-files.js';
import { ConflictError, UsageError } from './errors.js';
import { listRegistry, addToRegistry } from './wire-registry.js';
import { PhaseTimer } from './timings.js';
import {
  applyChanges,
  ChangeTree,
  refuseExisting,
  type ApplyOptions,
  type FileChange,
} from './tree.js';
import { loadWorkspace, relativeModuleSpecifier, type Workspace } from './workspace.js';

export interface ConnectorPlan {
  readonly workspace: Workspace;
  readonly connector: { readonly id: string; readonly name: string; readonly dir: string };
  /** Every effective change; writes that change nothing are not in it. */
  readonly changes: readonly FileChange[];
  /** What each changed path held before (undefined: it did not exist), for diffs. */
  readonly before: ReadonlyMap<string, string | undefined>;
}

export function readRegistry(tree: ChangeTree, workspace: Workspace): string {
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

/** The ids a workspace already registers (what the answers' existing-id rule checks against). */
export function registeredIds(cwd: string): { workspace: Workspace; ids: string[] } {
  const workspace = loadWorkspace(cwd);
  const source = readRegistry(new ChangeTree(workspace.root), workspace);
  return { workspace, ids: listRegistry(source).map((entry) => entry.id) };
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

/** Plans a new connector from validated answers. */
export async function planNewConnector(options: {
  readonly cwd: string;
  readonly answers: Answers;
  readonly force?: boolean;
  readonly timer?: PhaseTimer;
}): Promise<ConnectorPlan> {
  const timer = options.timer ?? new PhaseTimer();
  const workspace = loadWorkspace(options.cwd);
  const tree = new ChangeTree(workspace.root);
  const registry = readRegistry(tree, workspace);
  const generated = await connectorFiles(workspace, options.answers, timer);
  const { names, paths } = generated;

  const wired = await timer.measure('ts-morph', async () => {
    const entries = listRegistry(registry);
    if (entries.some((entry) => entry.id === names.id)) {
      if (options.force !== true) {
        throw new ConflictError(
          `connector "${names.id}" already exists: run "create-connector regenerate ${names.id}" to update it, or pass --force`,
          [paths.dir],
        );
      }
      // force rewrites generated connectors only: a hand-written one is never overwritten
      if (tree.read(paths.manifest) === undefined) {
        throw new ConflictError(
          `"${names.id}" is a hand-written connector (it has no manifest): choose another name`,
          [paths.dir],
        );
      }
      return registry;
    }
    const entry = {
      id: names.id,
      value: names.value,
      importPath: relativeModuleSpecifier(workspace.registry, paths.index),
    };
    return addToRegistry(registry, entry, await codeStyleFor(workspace.root, workspace.registry));
  });

  for (const file of generated.files) tree.write(file.path, file.content);
  tree.write(workspace.registry, wired);
  const plan = finishPlan(workspace, tree, { id: names.id, name: names.type, dir: paths.dir });
  refuseExisting(plan.changes, {
    force: options.force === true,
    allowUpdate: [workspace.registry],
  });
  return plan;
}

/** Writes a plan all-or-nothing; on failure every touched file is restored. */
export async function applyPlan(
  plan: ConnectorPlan,
  options: ApplyOptions & { readonly timer?: PhaseTimer } = {},
): Promise<void> {
  const { timer, ...apply } = options;
  const keepDirs = [plan.workspace.connectorsDir, plan.workspace.testsDir];
  const run = () => applyChanges(plan.workspace.root, plan.changes, { keepDirs, ...apply });
  await (timer === undefined ? run() : timer.measure('write', run));
}
