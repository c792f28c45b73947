/**
 * @module The workspace: `create-connector.json` at its root says where connectors, the registry,
 * the tests and the toolkit's own modules live; everything else is derived from it.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { IoError, UsageError, type Issue } from './errors.js';
import { folderOfId, type Names } from './answers/names.js';

export const WORKSPACE_CONFIG_FILE = 'create-connector.json';

export const IMPORT_TARGETS = ['runtime', 'testing', 'sandbox'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

const POSIX_SEGMENT = /^[^/\\\0]+$/;

/** The rule a workspace-relative path breaks, if any. */
export function workspacePathViolation(value: string): string | undefined {
  if (value === '') return 'must not be empty';
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value))
    return 'must be relative to the workspace root';
  if (value.includes('\\')) return 'must use "/" as the separator';
  const segments = value.split('/');
  if (segments.some((segment) => segment === '..'))
    return 'must stay inside the workspace (no "..")';
  if (!segments.every((segment) => segment === '' || POSIX_SEGMENT.test(segment))) {
    return 'must be a plain path';
  }
  return undefined;
}

function workspacePath() {
  return z.string().superRefine((value, ctx) => {
    const rule = workspacePathViolation(value);
    if (rule !== undefined) ctx.addIssue({ code: 'custom', message: rule });
  });
}

const importValue = z.string().superRefine((value, ctx) => {
  if (value === '') {
    ctx.addIssue({ code: 'custom', message: 'must not be empty' });
  } else if (value.endsWith('.ts')) {
    const rule = workspacePathViolation(value);
    if (rule !== undefined) ctx.addIssue({ code: 'custom', message: rule });
  } else if (value.startsWith('.') || value.startsWith('/')) {
    ctx.addIssue({
      code: 'custom',
      message: 'a workspace path must end in ".ts"; anything else is a package specifier',
    });
  }
});

/** The file's schema: relative paths, and each import either a workspace `.ts` path or a package specifier. */
export const WorkspaceConfigSchema = z.strictObject({
  connectorsDir: workspacePath(),
  registry: workspacePath(),
  testsDir: workspacePath(),
  imports: z.strictObject({ runtime: importValue, testing: importValue, sandbox: importValue }),
});
export type WorkspaceConfig = z.output<typeof WorkspaceConfigSchema>;

/** This repository's own layout; `init` writes the same with package specifiers for imports. */
export const DEFAULT_WORKSPACE_CONFIG: WorkspaceConfig = {
  connectorsDir: 'src/connectors',
  registry: 'src/connectors/registry.ts',
  testsDir: 'test/connectors',
  imports: {
    runtime: 'src/runtime/index.ts',
    testing: 'src/testing/index.ts',
    sandbox: 'src/sandbox/index.ts',
  },
};

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

function toIssues(error: z.ZodError, input: unknown): Issue[] {
  return error.issues.flatMap((zodIssue): Issue[] => {
    if (zodIssue.code === 'unrecognized_keys') {
      const prefix = zodIssue.path.map(String).join('.');
      return zodIssue.keys.map((key) => ({
        key: prefix === '' ? key : `${prefix}.${key}`,
        rule: 'is not a known key',
      }));
    }
    const key = zodIssue.path.map(String).join('.') || '(root)';
    let value: unknown = input;
    for (const segment of zodIssue.path) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<PropertyKey, unknown>)[segment]
          : undefined;
    }
    const rule =
      zodIssue.code === 'invalid_type'
        ? value === undefined
          ? 'is required'
          : `must be ${zodIssue.expected === 'object' ? 'an' : 'a'} ${zodIssue.expected}`
        : zodIssue.message;
    return [{ key, ...(value === undefined ? {} : { value }), rule }];
  });
}

/** Validates a parsed create-connector.json; `source` names the file in the error message. */
export function parseWorkspaceConfig(
  input: unknown,
  source = WORKSPACE_CONFIG_FILE,
): WorkspaceConfig {
  const parsed = WorkspaceConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error, input);
  const lines = issues.map((found) => `  ${found.key}: ${found.rule}`).join('\n');
  throw new UsageError(`${source} is invalid:\n${lines}`, { issues });
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
  readonly manifest: string;
  readonly test: string;
  /** The folder of its cassettes, beside the test: `{testsDir}/{folder}/cassettes`. */
  readonly cassettes: string;
}

export function connectorPaths(
  workspace: Workspace,
  connector: Pick<Names, 'folder'>,
): ConnectorPaths {
  const dir = path.posix.join(workspace.connectorsDir, connector.folder);
  return {
    dir,
    index: `${dir}/index.ts`,
    transformers: `${dir}/transformers.ts`,
    manifest: `${dir}/manifest.json`,
    test: path.posix.join(workspace.testsDir, `${connector.folder}.test.ts`),
    cassettes: path.posix.join(workspace.testsDir, connector.folder, 'cassettes'),
  };
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
