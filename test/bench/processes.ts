/** Whole-process runs: spawn, wait for exit, wall time in ms. */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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

/** Records the process's own CPU time (user + system, all threads) when it exits. */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.BENCH_CPU_FILE, String((user + system) / 1000));
});`,
)}`;

/**
 * `node <args>` to completion, returning the CPU time the process used (ms) rather than the wall
 * time: on a busy machine, where the wall time waits for other jobs, it moves least.
 */
export function runNodeCpu(
  args: readonly string[],
  scratch: string,
  options: ProcessOptions = {},
): number {
  const file = path.join(scratch, `cpu-${process.pid}.txt`);
  runNode(['--import', CPU_PROBE, ...args], {
    ...options,
    env: { ...options.env, BENCH_CPU_FILE: file },
  });
  return Number(readFileSync(file, 'utf8'));
}
