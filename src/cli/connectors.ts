/** @module The workspace's registered connectors, loaded from its registry at run time. */

import { importWorkspaceModule } from '../generator/load-module.js';
import { loadWorkspace, workspaceFile, type Workspace } from '../generator/workspace.js';
import type { AmountType, Connector } from '../runtime/index.js';
import { CliError, usageError } from './errors.js';

export type Registry = Readonly<Record<string, Connector<AmountType>>>;

export async function loadRegistry(
  cwd: string,
): Promise<{ workspace: Workspace; connectors: Registry }> {
  const workspace = loadWorkspace(cwd);
  const module = await importWorkspaceModule(workspaceFile(workspace, workspace.registry)).catch(
    (error: unknown) => {
      // the workspace's own code failed to load: its error, not a bug of create-connector
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new CliError(
        `cannot load the registry ${workspace.registry}: ${reason}`,
        'usage',
        1,
        [{ key: 'registry', value: workspace.registry, rule: 'must import without errors' }],
        { cause: error, hint: 'Run with --verbose for the stack trace.' },
      );
    },
  );
  const connectors = module['connectors'];
  if (typeof connectors !== 'object' || connectors === null) {
    throw usageError(`${workspace.registry} does not export "connectors"`, [
      { key: 'registry', value: workspace.registry, rule: 'must export const connectors = { … }' },
    ]);
  }
  return { workspace, connectors: connectors as Registry };
}

export async function loadConnector(cwd: string, id: string): Promise<Connector<AmountType>> {
  const { connectors } = await loadRegistry(cwd);
  const connector = Object.hasOwn(connectors, id) ? connectors[id] : undefined;
  if (connector === undefined) {
    const known = Object.keys(connectors);
    throw usageError(`no connector "${id}" is registered`, [
      {
        key: 'id',
        value: id,
        rule: known.length === 0 ? 'the registry is empty' : `must be one of ${known.join(', ')}`,
      },
    ]);
  }
  return connector;
}
