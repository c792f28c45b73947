/** @module Per-phase wall time of one generator run, for `--timings` and the benchmarks. */

/**
 * `registry` is reading the workspace's registry and wiring the new entry (TypeScript's scanner);
 * `validate` is checking the answers, without the time a person spends at the prompts;
 * `cassettes` is recording the day-one cassettes (or reading them from the cache).
 */
export const PHASES = ['registry', 'validate', 'render', 'prettier', 'cassettes', 'write'] as const;
export type Phase = (typeof PHASES)[number];

export class PhaseTimer {
  readonly #phases = new Map<Phase, number>();

  async measure<T>(phase: Phase, work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#phases.set(phase, (this.#phases.get(phase) ?? 0) + performance.now() - started);
    }
  }

  /** Runs `work` inside a measured phase and leaves its time out of that phase (a person's prompts). */
  async excluding<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#phases.set(phase, (this.#phases.get(phase) ?? 0) - (performance.now() - started));
    }
  }

  /** Milliseconds per phase that ran, rounded to 0.1 ms, in pipeline order. */
  toJSON(): { phases: Partial<Record<Phase, number>> } {
    const phases: Partial<Record<Phase, number>> = {};
    for (const phase of PHASES) {
      const ms = this.#phases.get(phase);
      if (ms !== undefined) phases[phase] = Math.round(ms * 10) / 10;
    }
    return { phases };
  }
}
