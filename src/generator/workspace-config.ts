/**
 * @module create-connector.json's schema, checked by hand: every command reads it first (`list`
 * and `run` included), and zod alone costs more to load than those commands may take. Each
 * issue names the field and the rule, in the file's key order, unknown keys after the known.
 */

import { UsageError, type Issue } from './errors.js';

export const WORKSPACE_CONFIG_FILE = 'create-connector.json';

export const IMPORT_TARGETS = ['runtime', 'testing', 'sandbox'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export interface WorkspaceConfig {
  readonly connectorsDir: string;
  readonly registry: string;
  readonly testsDir: string;
  /** Each a workspace `.ts` path or a package specifier. */
  readonly imports: { readonly [T in ImportTarget]: string };
}

const PATH_KEYS = ['connectorsDir', 'registry', 'testsDir'] as const;
const TOP_KEYS: readonly string[] = [...PATH_KEYS, 'imports'];

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

/** The rule an import value breaks: a workspace `.ts` path, or anything else a package specifier. */
function importViolation(value: string): string | undefined {
  if (value === '') return 'must not be empty';
  if (value.endsWith('.ts')) return workspacePathViolation(value);
  if (value.startsWith('.') || value.startsWith('/')) {
    return 'a workspace path must end in ".ts"; anything else is a package specifier';
  }
  return undefined;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `value` at `key`: a present string that `rule` accepts. */
function checkString(
  key: string,
  value: unknown,
  rule: (text: string) => string | undefined,
  issues: Issue[],
): void {
  if (value === undefined) {
    issues.push({ key, rule: 'is required' });
  } else if (typeof value !== 'string') {
    issues.push({ key, value, rule: 'must be a string' });
  } else {
    const broken = rule(value);
    if (broken !== undefined) issues.push({ key, value, rule: broken });
  }
}

function checkUnknownKeys(
  object: JsonObject,
  known: readonly string[],
  prefix: string,
  issues: Issue[],
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) issues.push({ key: `${prefix}${key}`, rule: 'is not a known key' });
  }
}

function configIssues(input: unknown): Issue[] {
  if (!isRecord(input)) {
    return [
      input === undefined
        ? { key: '(root)', rule: 'is required' }
        : { key: '(root)', value: input, rule: 'must be an object' },
    ];
  }
  const issues: Issue[] = [];
  for (const key of PATH_KEYS) checkString(key, input[key], workspacePathViolation, issues);
  const imports = input['imports'];
  if (imports === undefined) {
    issues.push({ key: 'imports', rule: 'is required' });
  } else if (!isRecord(imports)) {
    issues.push({ key: 'imports', value: imports, rule: 'must be an object' });
  } else {
    for (const target of IMPORT_TARGETS) {
      checkString(`imports.${target}`, imports[target], importViolation, issues);
    }
    checkUnknownKeys(imports, IMPORT_TARGETS, 'imports.', issues);
  }
  checkUnknownKeys(input, TOP_KEYS, '', issues);
  return issues;
}

/** Validates a parsed create-connector.json; `source` names the file in the error message. */
export function parseWorkspaceConfig(
  input: unknown,
  source = WORKSPACE_CONFIG_FILE,
): WorkspaceConfig {
  const issues = configIssues(input);
  if (issues.length > 0) {
    const lines = issues.map((found) => `  ${found.key}: ${found.rule}`).join('\n');
    throw new UsageError(`${source} is invalid:\n${lines}`, { issues });
  }
  const config = input as WorkspaceConfig;
  return {
    connectorsDir: config.connectorsDir,
    registry: config.registry,
    testsDir: config.testsDir,
    imports: {
      runtime: config.imports.runtime,
      testing: config.imports.testing,
      sandbox: config.imports.sandbox,
    },
  };
}
