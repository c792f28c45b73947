/**
 * @module `verify` in a workspace (not this package's own repository, whose samples it checks):
 * what a workspace has — registry ↔ folders ↔ manifests agree (verify-registry.ts), each
 * generated file's drift from its manifest, every registered connector loads, and the generated
 * tests pass under the workspace's own vitest.
 */

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { importWorkspaceModule } from '../load-module.js';
import { parseManifest, sha256, type Manifest } from '../lifecycle/manifest.js';
import { packageRoot } from '../package-info.js';
import {
  checkResult,
  errorMessage,
  WORKSPACE_CHECKS,
  type VerifyCheck,
  type VerifyCheckName,
  type VerifyProblem,
} from './checks.js';
import { WorkspaceSourceError } from '../workspace-source-error.js';
import {
  connectorPaths,
  findWorkspaceRoot,
  loadWorkspace,
  workspaceFile,
  type Workspace,
} from '../workspace.js';

/**
 * What `verify` checks from `cwd`: this package's samples when the workspace is the package's own
 * repository (or samples are asked for), else the workspace's own checks.
 */
export function verifyScope(options: {
  readonly cwd: string;
  readonly samplesDir?: string;
  readonly checks?: readonly VerifyCheckName[];
}): 'package' | 'workspace' {
  if (options.samplesDir !== undefined) return 'package';
  const workspaceOnly = new Set<string>(WORKSPACE_CHECKS);
  if (options.checks?.some((name) => !workspaceOnly.has(name)) === true) return 'package';
  const root = findWorkspaceRoot(options.cwd);
  if (root === undefined) return 'package';
  return realpathSync(root) === realpathSync(packageRoot()) ? 'package' : 'workspace';
}

const CONFLICT = /^(?:<{7}|>{7})(?: |$)/m;

interface GeneratedConnector {
  readonly manifestPath: string;
  readonly manifest: Manifest;
}

/** Every connector folder with a manifest that parses (verify-registry reports the others). */
function generatedConnectors(workspace: Workspace): GeneratedConnector[] {
  const dir = workspaceFile(workspace, workspace.connectorsDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((folder) => {
      const manifestPath = connectorPaths(workspace, { folder }).manifest;
      const absolute = workspaceFile(workspace, manifestPath);
      if (!existsSync(absolute)) return [];
      try {
        return [{ manifestPath, manifest: parseManifest(readFileSync(absolute, 'utf8')) }];
      } catch {
        return [];
      }
    });
}

function countChangedLines(before: string, after: string): string {
  const lines = (text: string) => new Set(text.split('\n'));
  const [old, current] = [lines(before), lines(after)];
  const added = [...current].filter((line) => !old.has(line)).length;
  const removed = [...old].filter((line) => !current.has(line)).length;
  return `+${added} −${removed} lines`;
}

/** Each generated file against its manifest: edits are reported, an unfinished merge fails. */
export function driftCheck(workspace: Workspace): VerifyCheck {
  const problems: VerifyProblem[] = [];
  const notes: string[] = [];
  let files = 0;
  for (const { manifestPath, manifest } of generatedConnectors(workspace)) {
    for (const [file, record] of Object.entries(manifest.files)) {
      files += 1;
      if (record.deleted === true) {
        notes.push(`${file}: deleted by you (the manifest records it)`);
        continue;
      }
      let text: string;
      try {
        text = readFileSync(workspaceFile(workspace, file), 'utf8');
      } catch {
        continue; // the registry check names a listed file that is missing
      }
      if (CONFLICT.test(text)) {
        problems.push({ file, message: `resolve the conflict markers in ${file}` });
      } else if (record.pending !== undefined) {
        problems.push({
          file: manifestPath,
          message: `${file} has a merge to finish: run create-connector regenerate again`,
        });
      } else if (sha256(text) !== record.sha256) {
        notes.push(
          `${file}: edited since generation (${countChangedLines(record.pristine, text)})`,
        );
      }
    }
  }
  return checkResult(
    'drift',
    `${files} generated files compared with their manifests`,
    problems,
    notes,
  );
}

/** The registry and every connector it imports load. */
export async function loadCheck(workspace: Workspace): Promise<VerifyCheck> {
  const registry = workspaceFile(workspace, workspace.registry);
  try {
    const module = await importWorkspaceModule(registry, workspace.root);
    const connectors = module['connectors'];
    if (typeof connectors !== 'object' || connectors === null) {
      return checkResult('load', 'the registry', [
        { file: workspace.registry, message: 'does not export "connectors"' },
      ]);
    }
    const ids = Object.keys(connectors);
    return checkResult('load', `the registry and its ${ids.length} connectors load`, []);
  } catch (error) {
    const problem =
      error instanceof WorkspaceSourceError
        ? { file: error.file, message: `line ${error.line}: ${error.reason}` }
        : { file: workspace.registry, message: errorMessage(error).split('\n')[0]! };
    return checkResult('load', 'the registry and its connectors', [problem]);
  }
}

/** vitest's entry in the workspace's own node_modules, if it is installed. */
export function workspaceVitest(workspace: Workspace): string | undefined {
  try {
    const require = createRequire(path.join(workspace.root, 'package.json'));
    const manifest = require.resolve('vitest/package.json');
    return path.join(path.dirname(manifest), 'vitest.mjs');
  } catch {
    return undefined;
  }
}

/** The generated test files pass under the workspace's vitest (a child process). */
export async function testsCheck(workspace: Workspace): Promise<VerifyCheck> {
  const tests = generatedConnectors(workspace)
    .flatMap(({ manifest }) => Object.keys(manifest.files))
    .filter((file) => file.endsWith('.test.ts') && existsSync(workspaceFile(workspace, file)));
  if (tests.length === 0) return checkResult('tests', 'no generated tests', []);
  const vitest = workspaceVitest(workspace);
  if (vitest === undefined) {
    return checkResult(`tests`, `${tests.length} generated test files`, [
      { message: 'vitest is not installed in this workspace: run npm install' },
    ]);
  }
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', ...tests], {
      cwd: workspace.root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.on('close', resolve);
    child.on('error', () => resolve(null));
  });
  const summary = `${tests.length} generated test files run under the workspace's vitest`;
  return checkResult(
    'tests',
    summary,
    code === 0
      ? []
      : [{ message: 'the generated tests failed', detail: output.join('').slice(-4000) }],
  );
}

/** The workspace's checks (all, or the ones named), in order. */
export async function runWorkspaceChecks(
  cwd: string,
  selected: ReadonlySet<string>,
  progress: (message: string) => void,
  registryCheck: (cwd: string) => Promise<VerifyCheck> | VerifyCheck,
): Promise<{ checks: VerifyCheck[]; timings: Record<string, number> }> {
  const workspace = loadWorkspace(cwd);
  const runs: Record<(typeof WORKSPACE_CHECKS)[number], () => Promise<VerifyCheck> | VerifyCheck> =
    {
      registry: () => registryCheck(cwd),
      drift: () => driftCheck(workspace),
      load: () => loadCheck(workspace),
      tests: () => testsCheck(workspace),
    };
  const checks: VerifyCheck[] = [];
  const timings: Record<string, number> = {};
  for (const name of WORKSPACE_CHECKS) {
    if (!selected.has(name)) continue;
    progress(`workspace check ${name}…`);
    const started = performance.now();
    checks.push(await runs[name]());
    timings[name] = Math.round(performance.now() - started);
  }
  return { checks, timings };
}
