/**
 * @module A throwaway workspace that mirrors this repository's layout, for type-checking and
 * testing rendered connectors: `src/connectors/<folder>/`, `test/connectors/<folder>.test.ts`,
 * and symlinks to the repository's runtime, testing and sandbox sources and its node_modules.
 * One tsc program and one vitest run cover every connector written into it.
 */

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { packageRoot } from '../package-info.js';
import type { RenderedFile, RenderedOutput, TemplateImports } from '../render/render.js';
import { CONNECTOR_SOURCE_FILES } from '../workspace.js';

export interface SampleWorkspaceOptions {
  /** The checkout whose sources and node_modules the samples use; defaults to this package's. */
  readonly repoRoot?: string;
  /** Prefix of the temporary directory's name. */
  readonly prefix?: string;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly exitCode: number | null;
  /** stdout and stderr of the run. */
  readonly output: string;
  readonly durationMs: number;
}

export interface TestRunOptions {
  /** Worker pool; `threads` without isolation is the fastest for many small files (default). */
  readonly pool?: 'threads' | 'forks';
  readonly isolate?: boolean;
  /** Default: one less than the CPUs, at least one. */
  readonly maxWorkers?: number;
}

export interface SampleWorkspace {
  readonly root: string;
  /** Writes a connector's files (rendered now, or stored samples) where the layout puts them. */
  write(
    folder: string,
    files: ReadonlyArray<Pick<RenderedFile, 'output' | 'content'>>,
  ): Promise<void>;
  /** Writes a connector's cassettes (by file name) into its cassettes folder. */
  writeCassettes(
    folder: string,
    cassettes: ReadonlyArray<{ readonly name: string; readonly content: string }>,
  ): Promise<void>;
  /** One tsc program over every connector and test, with the repository's strict settings. */
  typeCheck(): Promise<CheckResult>;
  /** One vitest run over every test file. */
  runTests(options?: TestRunOptions): Promise<CheckResult>;
  /** Removes the workspace. */
  dispose(): Promise<void>;
}

/** Sources the samples import, linked from the repository. */
const LINKED_SOURCES = ['src/runtime', 'src/testing', 'src/sandbox'] as const;

/** Where each rendered file goes, relative to the workspace root. */
export function samplePath(folder: string, output: RenderedOutput): string {
  return output === 'test'
    ? `test/connectors/${folder}.test.ts`
    : `src/connectors/${folder}/${CONNECTOR_SOURCE_FILES[output]}`;
}

/** The specifiers rendered files use in this layout (the repository's own). */
export function sampleImports(folder: string): TemplateImports {
  return {
    runtime: '../../runtime/index.js',
    runtimeFromTest: '../../src/runtime/index.js',
    testing: '../../src/testing/index.js',
    sandbox: '../../src/sandbox/generic.js',
    connector: `../../src/connectors/${folder}/index.js`,
    cassettes: `./${folder}/cassettes/`,
  };
}

/** The environment of a child run: without the variables of a vitest that may be running us. */
export function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('VITEST') && name !== 'NODE_OPTIONS' && name !== 'TEST') env[name] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1' };
}

function runNode(args: readonly string[], cwd: string): Promise<CheckResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: childEnvironment(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({
          ok: error === null,
          exitCode,
          output: `${stdout}${stderr}`,
          durationMs: performance.now() - started,
        });
      },
    );
  });
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The files Vite must transform as TypeScript, as a regex literal for a config file: the
 * runtime's src/runtime/zod.cts is TypeScript too (Vite's default transform leaves .cts out).
 */
export const TYPESCRIPT_FILES = String.raw`/\.([cm]?ts|[jt]sx)$/`;

/** The workspace's vitest config: how `runTests` runs, and any other vitest run in it. */
function vitestConfig(root: string, runOptions: TestRunOptions = {}): string {
  const config = JSON.stringify({
    cacheDir: join(root, '.vite'),
    test: {
      include: ['test/**/*.test.ts'],
      pool: runOptions.pool ?? 'threads',
      isolate: runOptions.isolate ?? false,
      // the main thread transforms files while workers run them: leave it a core
      maxWorkers: runOptions.maxWorkers ?? Math.max(1, availableParallelism() - 1),
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  });
  return `export default { oxc: { include: ${TYPESCRIPT_FILES} }, ...${config} };\n`;
}

/** Creates an empty sample workspace in the system's temporary directory. */
export async function createSampleWorkspace(
  options: SampleWorkspaceOptions = {},
): Promise<SampleWorkspace> {
  const repoRoot = options.repoRoot ?? packageRoot();
  const root = await mkdtemp(join(tmpdir(), options.prefix ?? 'cc-samples-'));
  await mkdir(join(root, 'src/connectors'), { recursive: true });
  await mkdir(join(root, 'test/connectors'), { recursive: true });
  for (const source of LINKED_SOURCES) {
    await symlink(join(repoRoot, source), join(root, source), 'dir');
  }
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  // NodeNext reads the module kind of the samples from here
  await writeJson(join(root, 'package.json'), { private: true, type: 'module' });
  await writeJson(join(root, 'tsconfig.json'), {
    extends: join(repoRoot, 'tsconfig.json'),
    compilerOptions: { noEmit: true },
    include: ['src/connectors', 'test'],
  });
  await writeFile(join(root, 'vitest.config.mjs'), vitestConfig(root));

  const tool = (path: string) => join(repoRoot, 'node_modules', path);
  return {
    root,
    async write(folder, files) {
      for (const file of files) {
        const path = join(root, samplePath(folder, file.output));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
      }
    },
    async writeCassettes(folder, cassettes) {
      const dir = join(root, 'test/connectors', folder, 'cassettes');
      await mkdir(dir, { recursive: true });
      for (const cassette of cassettes) await writeFile(join(dir, cassette.name), cassette.content);
    },
    typeCheck: () =>
      runNode([tool('typescript/lib/tsc.js'), '-p', join(root, 'tsconfig.json'), '--noEmit'], root),
    async runTests(runOptions = {}) {
      await writeFile(join(root, 'vitest.config.mjs'), vitestConfig(root, runOptions));
      return runNode([tool('vitest/vitest.mjs'), 'run', '--root', root, '--reporter', 'dot'], root);
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
