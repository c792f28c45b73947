/** @module `create-connector list`: the registered connectors, their flows, auth and token placement. */

import { existsSync } from 'node:fs';

import { entryModule } from '../../generator/registry/entry-cache.js';
import { connectorPathsById, loadWorkspace, workspaceFile } from '../../generator/workspace.js';
import { FLOW_NAMES } from '../../runtime/flows.js';
import type { AmountType, Connector } from '../../runtime/index.js';
import { importEntry, loadRegistry, registryEntries } from '../connectors.js';
import { usageError, type ExitCode } from '../errors.js';
import { pristineSummary } from '../pristine-connector.js';
import type { CliIo } from '../io.js';

export interface ListedConnector {
  readonly id: string;
  readonly name: string;
  readonly flows: readonly string[];
  readonly authType: string;
  readonly authTypes: readonly string[];
  readonly tokenPlacement?: string;
  readonly tokenName?: string;
  /** Made by `create-connector new` (it has a manifest), so `regenerate` and `remove` apply. */
  readonly generated: boolean;
}

function describe(
  id: string,
  connector: Connector<AmountType>,
  generated: boolean,
): ListedConnector {
  return {
    id,
    name: connector.name,
    flows: FLOW_NAMES.filter((flow) => connector.flows[flow] !== undefined),
    authType: connector.authTypes[0] ?? '',
    authTypes: [...connector.authTypes],
    ...(connector.sessionToken === undefined
      ? {}
      : {
          tokenPlacement: connector.sessionToken.placement,
          tokenName: connector.sessionToken.name,
        }),
    generated,
  };
}

/** Every registered connector; only the ones edited since generation (or hand-written) are loaded. */
export async function listConnectors(cwd: string): Promise<ListedConnector[]> {
  const workspace = loadWorkspace(cwd);
  const entries = await registryEntries(workspace);
  if (entries === undefined) {
    const { connectors } = await loadRegistry(cwd);
    return Object.entries(connectors)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, connector]) => {
        const manifest = connectorPathsById(workspace, id).manifest;
        return describe(id, connector, existsSync(workspaceFile(workspace, manifest)));
      });
  }
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
  return Promise.all(
    sorted.map(async (entry) => {
      const paths = connectorPathsById(workspace, entry.id);
      const module = entryModule(workspace, entry);
      const pristine =
        module === paths.index ? pristineSummary(workspace, paths.manifest, module) : undefined;
      if (pristine !== undefined) {
        return {
          id: entry.id,
          name: pristine.name,
          flows: pristine.flows,
          authType: pristine.authType,
          authTypes: [pristine.authType],
          tokenPlacement: pristine.tokenPlacement,
          tokenName: pristine.tokenName,
          generated: true,
        };
      }
      const generated = existsSync(workspaceFile(workspace, paths.manifest));
      const connector =
        (await importEntry(workspace, entry)) ?? (await loadRegistry(cwd)).connectors[entry.id];
      if (connector === undefined) {
        throw usageError(`${entry.importPath} does not export "${entry.value}"`, [
          { key: 'registry', value: entry.id, rule: 'each entry must refer to a connector' },
        ]);
      }
      return describe(entry.id, connector, generated);
    }),
  );
}

export async function listCommand(options: { json?: boolean }, io: CliIo): Promise<ExitCode> {
  const listed = await listConnectors(io.cwd);
  if (options.json === true) {
    io.stdout(JSON.stringify(listed));
    return 0;
  }
  if (listed.length === 0) {
    io.stdout('No connectors are registered. Add one with: create-connector new');
    return 0;
  }
  const rows = listed.map((c) => [
    c.id,
    c.flows.join(', '),
    c.authTypes.join(' | '),
    c.tokenPlacement === undefined ? '-' : `${c.tokenPlacement}: ${c.tokenName}`,
    c.generated ? 'generated' : 'hand-written',
  ]);
  const header = ['id', 'flows', 'auth', 'session token', 'origin'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  io.stdout([line(header), ...rows.map(line)].join('\n'));
  return 0;
}
