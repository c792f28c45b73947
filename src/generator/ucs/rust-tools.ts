/**
 * @module The Rust toolchain as child processes: rustfmt, protoc and cargo, each optional —
 * a missing tool is reported as `undefined`, never as a failure of the thing checked.
 */

import { spawn } from 'node:child_process';

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ToolOptions {
  readonly input?: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs `command args`; undefined when the command is not installed. */
export function runTool(
  command: string,
  args: readonly string[],
  options: ToolOptions = {},
): Promise<ToolRun | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') resolve(undefined);
      else reject(error);
    });
    child.on('close', (code) => {
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

const present = new Map<string, Promise<boolean>>();

/** Whether `command --version` runs (asked once per process). */
export function hasTool(command: 'rustfmt' | 'protoc' | 'cargo'): Promise<boolean> {
  let known = present.get(command);
  if (known === undefined) {
    known = runTool(command, ['--version']).then((run) => run !== undefined && run.code === 0);
    present.set(command, known);
  }
  return known;
}

export type RustfmtResult =
  | { readonly ok: true; readonly formatted: string }
  | { readonly ok: false; readonly error: string };

/**
 * rustfmt's layout of one Rust source (edition 2021), read from stdin so `mod` declarations are
 * not followed; a parse error is `ok: false`; undefined when rustfmt is not installed.
 */
export async function rustfmtSource(source: string): Promise<RustfmtResult | undefined> {
  const run = await runTool('rustfmt', ['--edition', '2021', '--emit', 'stdout'], {
    input: source,
  });
  if (run === undefined) return undefined;
  if (run.code !== 0) return { ok: false, error: run.stderr.trim() };
  return { ok: true, formatted: run.stdout };
}
