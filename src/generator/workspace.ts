/**
 * @module The workspace: `create-connector.json` at its root says where connectors, the registry,
 * the tests and the toolkit's own modules live; everything else is derived from it.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { IoError, UsageError } from './errors.js';
import { folderOfId, type Names } from './answers/names.js';
import {
  IMPORT_TARGETS,
  WORKSPACE_CONFIG_FILE,
  parseWorkspaceConfig,
  type ImportTarget,
  type WorkspaceConfig,
} from './workspace-config.js';

export {
  DEFAULT_WORKSPACE_CONFIG,
  IMPORT_TARGETS,
  WORKSPACE_CONFIG_FILE,
  parseWorkspaceConfig,
  workspacePathViolation,
  type ImportTarget,
  type WorkspaceConfig,
} from './workspace-config.js';

/** How a generated file reaches one of the toolkit's modules. */
export type ImportRef =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'package'; readonly specifier: string };

export interface Workspace {
  /** Absolute path of the directory holding create-connector.json. */
  readonly root: string;
  /** Absolute path of create-connector.json. */
  readonly configFile: string;
  readonly config: WorkspaceConfig;
  /** Workspace-relative, normalised posix paths. */
  readonly connectorsDir: string;
  readonly registry: string;
  readonly testsDir: string;
  readonly imports: { readonly [T in ImportTarget]: ImportRef };
}

function normalize(value: string): string {
  return path.posix.normalize(value).replace(/\/+$/, '');
}

/** Builds the workspace view of a validated config whose file sits in `root`. */
export function resolveWorkspace(root: string, config: WorkspaceConfig): Workspace {
  const imports = Object.fromEntries(
    IMPORT_TARGETS.map((target): [ImportTarget, ImportRef] => {
      const value = config.imports[target];
      return [
        target,
        value.endsWith('.ts')
          ? { kind: 'path', path: normalize(value) }
          : { kind: 'package', specifier: value },
      ];
    }),
  ) as { [T in ImportTarget]: ImportRef };
  return {
    root,
    configFile: path.join(root, WORKSPACE_CONFIG_FILE),
    config,
    connectorsDir: normalize(config.connectorsDir),
    registry: normalize(config.registry),
    testsDir: normalize(config.testsDir),
    imports,
  };
}

/** The nearest directory at or above `cwd` that holds create-connector.json, if any. */
export function findWorkspaceRoot(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, WORKSPACE_CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Finds, reads and validates the workspace config from `cwd` upwards. */
export function loadWorkspace(cwd: string): Workspace {
  const root = findWorkspaceRoot(cwd);
  if (root === undefined) {
    throw new UsageError(
      `no ${WORKSPACE_CONFIG_FILE} found in ${path.resolve(cwd)} or above; run "create-connector init" to make a workspace`,
      {
        issues: [
          {
            key: 'cwd',
            value: path.resolve(cwd),
            rule: `has no ${WORKSPACE_CONFIG_FILE} above it`,
          },
        ],
      },
    );
  }
  const file = path.join(root, WORKSPACE_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new IoError(`cannot read ${file}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`${file} is not valid JSON: ${(cause as Error).message}`, {
      cause,
      issues: [{ key: WORKSPACE_CONFIG_FILE, rule: 'must be valid JSON' }],
    });
  }
  return resolveWorkspace(root, parseWorkspaceConfig(json, file));
}

/** Absolute path of a workspace-relative one. */
export function workspaceFile(workspace: Workspace, relative: string): string {
  return path.join(workspace.root, ...relative.split('/'));
}

/** Workspace-relative paths of one connector's generated files. */
export interface ConnectorPaths {
  readonly dir: string;
  readonly index: string;
  readonly transformers: string;
  /** PSync, Capture and Void: written only when the answers choose one of them. */
  readonly payments: string;
  /** Refund and RSync: written only when the answers choose one of them. */
  readonly refunds: string;
  readonly manifest: string;
  readonly readme: string;
  readonly test: string;
  /** The connector's own folder under the tests. */
  readonly testDir: string;
  /** The folder of its cassettes there: `{testsDir}/{folder}/cassettes`. */
  readonly cassettes: string;
}

/** The connector's own files, by what they hold, in its folder. */
export const CONNECTOR_SOURCE_FILES = {
  index: 'index.ts',
  transformers: 'transformers.ts',
  payments: 'transformers-payments.ts',
  refunds: 'transformers-refunds.ts',
} as const;

export function connectorPaths(
  workspace: Workspace,
  connector: Pick<Names, 'folder'>,
): ConnectorPaths {
  const dir = path.posix.join(workspace.connectorsDir, connector.folder);
  return {
    dir,
    index: `${dir}/${CONNECTOR_SOURCE_FILES.index}`,
    transformers: `${dir}/${CONNECTOR_SOURCE_FILES.transformers}`,
    payments: `${dir}/${CONNECTOR_SOURCE_FILES.payments}`,
    refunds: `${dir}/${CONNECTOR_SOURCE_FILES.refunds}`,
    manifest: `${dir}/manifest.json`,
    readme: `${dir}/README.md`,
    test: path.posix.join(workspace.testsDir, `${connector.folder}.test.ts`),
    testDir: path.posix.join(workspace.testsDir, connector.folder),
    cassettes: path.posix.join(workspace.testsDir, connector.folder, 'cassettes'),
  };
}

/**
 * Whether a workspace file is the connector's own: in its folder, its test file, or in its folder
 * under the tests (cassettes). Only such files may a manifest make regenerate or remove delete.
 */
export function isConnectorFile(paths: ConnectorPaths, file: string): boolean {
  return (
    file.startsWith(`${paths.dir}/`) || file === paths.test || file.startsWith(`${paths.testDir}/`)
  );
}

/** The paths of a connector known only by its id (registry entry, CLI argument). */
export function connectorPathsById(workspace: Workspace, id: string): ConnectorPaths {
  return connectorPaths(workspace, { folder: folderOfId(id) });
}

/** The relative ESM specifier (`./x.js`, `../y/index.js`) from one workspace `.ts` file to another. */
export function relativeModuleSpecifier(fromFile: string, toFile: string): string {
  const relative = path.posix
    .relative(path.posix.dirname(fromFile), toFile)
    .replace(/\.ts$/, '.js');
  return /^\.\.?\//.test(relative) ? relative : `./${relative}`;
}

/** How `fromFile` (workspace-relative) imports the toolkit's `target` module. */
export function importSpecifier(
  workspace: Workspace,
  fromFile: string,
  target: ImportTarget,
): string {
  const ref = workspace.imports[target];
  return ref.kind === 'package' ? ref.specifier : relativeModuleSpecifier(fromFile, ref.path);
}
