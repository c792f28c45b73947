/**
 * @module Planning `new`: validated answers → the connector's files (render, format, manifest)
 * and its registry entry, all in memory. The workspace and registry are read once (a snapshot
 * the CLI may pass in); the name is checked against them in lifecycle/existing.
 */

import { names as namesOf, type Answers } from '../answers/index.js';
import { refuseExisting } from '../changes/tree.js';
import { addToRegistry } from '../registry/wire.js';
import { codeStyleFor } from '../render/code-style.js';
import { PhaseTimer } from '../timings.js';
import { relativeModuleSpecifier } from '../workspace.js';
import { connectorFiles } from './connector-files.js';
import { nameRefusal } from './existing.js';
import {
  finishPlan,
  readWorkspaceSnapshot,
  type ConnectorPlan,
  type WorkspaceSnapshot,
} from './plan.js';

export type NewConnectorOptions = (
  | { readonly cwd: string; readonly snapshot?: never }
  /** A snapshot read for this plan alone (its tree records the plan's changes). */
  | { readonly snapshot: WorkspaceSnapshot; readonly cwd?: never }
) & {
  readonly answers: Answers;
  readonly force?: boolean;
  readonly timer?: PhaseTimer;
};

/** Plans a new connector from validated answers. */
export async function planNewConnector(options: NewConnectorOptions): Promise<ConnectorPlan> {
  const timer = options.timer ?? new PhaseTimer();
  const force = options.force === true;
  const snapshot =
    options.snapshot ?? (await timer.measure('registry', () => readWorkspaceSnapshot(options.cwd)));
  const { workspace, tree, registry } = snapshot;
  // the name's derived forms, computed once for the refusal check, the paths and the templates
  const derived = namesOf(options.answers.name);
  const refusal = nameRefusal(snapshot, derived, { force });
  if (refusal !== undefined) throw refusal;

  const generated = await connectorFiles(workspace, options.answers, { timer, names: derived });
  const { names, paths } = generated;
  const registered = snapshot.entries.some((entry) => entry.id === names.id);
  const wired = registered
    ? registry
    : await timer.measure('registry', async () => {
        const entry = {
          id: names.id,
          value: names.value,
          importPath: relativeModuleSpecifier(workspace.registry, paths.index),
        };
        const style = await codeStyleFor(workspace.root, workspace.registry);
        return addToRegistry(registry, entry, style);
      });

  for (const file of generated.files) tree.write(file.path, file.content);
  tree.write(workspace.registry, wired);
  const plan = finishPlan(workspace, tree, { id: names.id, name: names.type, dir: paths.dir });
  refuseExisting(plan.changes, { force, allowUpdate: [workspace.registry] });
  return plan;
}
