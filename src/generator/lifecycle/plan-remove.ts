/**
 * @module Planning `remove`: unwire a generated connector from the registry and delete the files
 * its manifest lists.
 */

import { UsageError } from '../errors.js';
import { listRegistry, removeFromRegistry } from '../registry/wire.js';
import { connectorPathsById } from '../workspace.js';
import { parseManifest } from './manifest.js';
import { finishPlan, readWorkspaceSnapshot, type ConnectorPlan } from './plan.js';

/** Plans taking a generated connector out: unwire it and delete the files its manifest lists. */
export async function planRemoval(options: {
  readonly cwd: string;
  readonly id: string;
}): Promise<ConnectorPlan> {
  const { workspace, tree, registry } = readWorkspaceSnapshot(options.cwd);
  const paths = connectorPathsById(workspace, options.id);
  const manifestText = tree.read(paths.manifest);
  if (manifestText === undefined) {
    const registered = listRegistry(registry).some((entry) => entry.id === options.id);
    throw new UsageError(
      registered
        ? `"${options.id}" has no manifest (${paths.manifest}): it was not generated, so remove refuses to delete it`
        : `no generated connector "${options.id}" in this workspace`,
      {
        issues: [
          {
            key: 'id',
            value: options.id,
            rule: 'must name a connector made by create-connector new',
          },
        ],
      },
    );
  }
  const manifest = parseManifest(manifestText, paths.manifest);
  for (const file of Object.keys(manifest.files)) tree.delete(file);
  tree.delete(paths.manifest);
  if (listRegistry(registry).some((entry) => entry.id === options.id)) {
    tree.write(workspace.registry, removeFromRegistry(registry, options.id));
  }
  return finishPlan(workspace, tree, {
    id: options.id,
    name: String(manifest.answers.name),
    dir: paths.dir,
  });
}
