/** Whole-process runs: spawn, wait for exit, wall time in ms. */

import { spawnSync } from 'node:child_process';

export interface ProcessRun {
  /** Spawn to exit, as a user waits for it. */
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProcessOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** `node <args>` to completion; a non-zero exit is an error (a failed run measures nothing). */
export function runNode(args: readonly string[], options: ProcessOptions = {}): ProcessRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = performance.now() - started;
  if (child.error !== undefined) throw child.error;
  if (child.status !== 0) {
    throw new Error(
      `node ${args.join(' ')} exited ${child.status ?? child.signal}:\n${child.stderr}${child.stdout}`,
    );
  }
  return { ms, stdout: child.stdout, stderr: child.stderr };
}
