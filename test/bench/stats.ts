/** Summary statistics and the A/B runner every benchmark section uses. */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/**
 * Measures several contenders in the same run, interleaved so drift in machine load hits all of
 * them alike: the order alternates each round (A B, B A, A B, …) so neither always runs right
 * after the other, and the young generation is collected before each measurement so one
 * contender's garbage is not swept on the other's clock. Each function returns its own measured
 * duration in ms.
 */
export async function interleave<K extends string>(
  contenders: Readonly<Record<K, () => Promise<number> | number>>,
  runs: number,
  warmup = 1,
): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let round = 0; round < warmup + runs; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      collectGarbage();
      const elapsed = await contenders[name]();
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  return samples;
}

let gc: ((options: { type: 'minor' | 'major' }) => void) | undefined;

/**
 * A young-generation collection; the collector is exposed on first use, without a command-line
 * flag. Not a full one: a forced full collection also flushes bytecode, so every sample after it
 * pays for compiling and optimising again (measured: +110 µs of CPU per payment in the runtime
 * section; gone with --no-flush-bytecode), more for the contender with more code.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as typeof gc;
  }
  gc!({ type: 'minor' });
}

/** Per-round ratios a[i] / b[i] of two interleaved sample lists, summarized. */
export function pairedRatio(a: readonly number[], b: readonly number[]): Summary {
  return summarize(a.map((value, index) => value / b[index]!));
}

/** Per-round differences a[i] − b[i] of two interleaved sample lists, summarized. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Summary {
  return summarize(a.map((value, index) => value - b[index]!));
}

export function time<T>(fn: () => T): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
