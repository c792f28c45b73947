/**
 * @module The CLI as a child process (over the sources through tsx, or a built bin), with every
 * wait bounded: collect its output, read its first stdout line, stop it with a signal.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { REPO_ROOT } from './workspace.js';

export const TSX_LOADER = pathToFileURL(
  path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'),
).href;
export const CLI_ENTRY = path.join(import.meta.dirname, 'cli-entry.ts');

/** `node <these> <cli args>` runs the CLI from the sources. */
export const SOURCE_CLI: readonly string[] = ['--import', TSX_LOADER, CLI_ENTRY];

/** The environment of a child: without a running vitest's variables or NODE_OPTIONS. */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('VITEST') && name !== 'NODE_OPTIONS' && name !== 'TEST') env[name] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ChildOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) and reported as failed after this long; default 30 s. */
  readonly timeoutMs?: number;
  readonly input?: string;
}

/** Runs `command args` to completion and collects its output. */
export function runChild(
  command: string,
  args: readonly string[],
  options: ChildOptions,
): Promise<ChildResult> {
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? childEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.input ?? '');
  return collect(child, options.timeoutMs ?? 30_000, `${command} ${args.join(' ')}`);
}

/** `node --import tsx cli-entry.ts ...args`. */
export function runSourceCli(args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  return runChild(process.execPath, [...SOURCE_CLI, ...args], options);
}

function collect(child: ChildProcess, timeoutMs: number, what: string): Promise<ChildResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `timed out after ${timeoutMs} ms: ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface ServingChild {
  readonly child: ChildProcess;
  /** The first line on stdout (rejects if the child exits or the time runs out first). */
  readonly firstLine: Promise<string>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<ChildResult>;
  /** Kills it if still running (for cleanup). */
  kill(): void;
}

/** Starts a long-running CLI command (`sandbox`). */
export function startChild(
  command: string,
  args: readonly string[],
  options: ChildOptions,
): ServingChild {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = collect(child, timeoutMs, `${command} ${args.join(' ')}`);
  done.catch(() => undefined);
  let seen = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no stdout line within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: string | Buffer) => {
      seen += String(chunk);
      const end = seen.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(seen.slice(0, end));
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${String(code)}) before printing a line`));
    });
  });
  firstLine.catch(() => undefined);
  return {
    child,
    firstLine,
    stop: async (signal = 'SIGINT') => {
      child.kill(signal);
      return done;
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
