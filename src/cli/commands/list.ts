/** @module `create-connector list`: the registered connectors, their flows, auth and token placement. */

import { existsSync } from 'node:fs';

import { connectorPathsById, workspaceFile } from '../../generator/workspace.js';
import { FLOW_NAMES } from '../../runtime/index.js';
import { loadRegistry } from '../connectors.js';
import type { ExitCode } from '../errors.js';
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

export async function listConnectors(cwd: string): Promise<ListedConnector[]> {
  const { workspace, connectors } = await loadRegistry(cwd);
  return Object.entries(connectors)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, connector]) => {
      const manifest = connectorPathsById(workspace, id).manifest;
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
        generated: existsSync(workspaceFile(workspace, manifest)),
      };
    });
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
