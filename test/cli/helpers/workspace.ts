/**
 * @module Temporary workspaces for CLI tests, never this repository: the sample workspace of
 * src/generator/verify/sample-workspace.ts (symlinked runtime, testing, sandbox and node_modules) plus a
 * create-connector.json, the house prettier config and a registry — empty, or listing the
 * reference connectors (nuvei, paytm) symlinked from this repository.
 */

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { onTestFinished } from 'vitest';

import {
  createSampleWorkspace,
  type SampleWorkspace,
} from '../../../src/generator/verify/sample-workspace.js';
import { DEFAULT_WORKSPACE_CONFIG } from '../../../src/generator/workspace.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export const EMPTY_REGISTRY = `import type { AmountType, Connector } from '../runtime/index.js';

export const connectors = {} as const satisfies Readonly<Record<string, Connector<AmountType>>>;

export type ConnectorId = keyof typeof connectors;
`;

const REFERENCE_REGISTRY = `import type { AmountType, Connector } from '../runtime/index.js';
import { nuvei } from './nuvei/index.js';
import { paytm } from './paytm/index.js';

export const connectors = {
  nuvei,
  paytm,
} as const satisfies Readonly<Record<string, Connector<AmountType>>>;

export type ConnectorId = keyof typeof connectors;
`;

export interface TempWorkspaceOptions {
  /** Register the hand-written nuvei and paytm connectors of this repository. */
  readonly references?: boolean;
  /** The registry's text (default: empty, or the references). */
  readonly registry?: string;
}

export type TempWorkspace = SampleWorkspace;

export async function createTempWorkspace(
  options: TempWorkspaceOptions = {},
): Promise<TempWorkspace> {
  const workspace = await createSampleWorkspace({ repoRoot: REPO_ROOT, prefix: 'cc-cli-' });
  const { root } = workspace;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(path.join(root, 'create-connector.json'), json(DEFAULT_WORKSPACE_CONFIG));
  await writeFile(
    path.join(root, '.prettierrc.json'),
    json({ singleQuote: true, printWidth: 100 }),
  );
  await mkdir(path.join(root, 'src/connectors'), { recursive: true });
  if (options.references === true) {
    for (const id of ['nuvei', 'paytm']) {
      await symlink(
        path.join(REPO_ROOT, 'src/connectors', id),
        path.join(root, 'src/connectors', id),
        'dir',
      );
    }
  }
  await writeFile(
    path.join(root, 'src/connectors/registry.ts'),
    options.registry ?? (options.references === true ? REFERENCE_REGISTRY : EMPTY_REGISTRY),
  );
  return workspace;
}

/** A temp workspace removed when the current test finishes. */
export async function workspaceForTest(options: TempWorkspaceOptions = {}): Promise<string> {
  const workspace = await createTempWorkspace(options);
  onTestFinished(() => workspace.dispose());
  return workspace.root;
}

/**
 * Every entry under `root`, without following symlinks: files by the SHA-256 of their bytes and
 * mode, directories and links by kind (and target). Equal snapshots mean a byte-identical tree.
 */
export function treeSnapshot(
  root: string,
  skip: readonly string[] = ['node_modules'],
): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const absolute = path.join(dir, name);
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      if (skip.includes(relative)) continue;
      const info = lstatSync(absolute);
      if (info.isSymbolicLink()) {
        result[relative] = `link ${readlinkSync(absolute)}`;
      } else if (info.isDirectory()) {
        result[`${relative}/`] = 'dir';
        walk(absolute);
      } else {
        const hash = createHash('sha256').update(readFileSync(absolute)).digest('hex');
        result[relative] = `${(info.mode & 0o7777).toString(8)} ${hash}`;
      }
    }
  };
  walk(root);
  return result;
}

/** The workspace-relative files of a snapshot (no directories or links). */
export function filesOf(snapshot: Readonly<Record<string, string>>): string[] {
  return Object.entries(snapshot)
    .filter(([file, kind]) => !file.endsWith('/') && !kind.startsWith('link '))
    .map(([file]) => file);
}
