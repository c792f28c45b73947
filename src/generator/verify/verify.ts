/**
 * @module `verify`, the CI gate over the templates: (a) every golden sample re-renders byte for
 * byte; (b) the samples type-check as one strict program and pass their generated tests; (c) the
 * `nuvei` and `paytm` presets generate connectors whose fingerprints match the reference
 * connectors; (d) the workspace's registry, connector folders and manifests agree. Returns one
 * structured report; progress goes to an optional callback.
 */

import path from 'node:path';

import { PRESET_IDS } from '../answers/presets.js';
import { checkSamples, defaultSamplesDir, listSampleCases, type SampleCase } from './samples.js';
import {
  checkResult,
  displayPath,
  errorMessage,
  VERIFY_CHECKS,
  WORKSPACE_CHECKS,
  type VerifyCheck,
  type VerifyCheckName,
  type VerifyProblem,
} from './checks.js';
import { runWorkspaceChecks, verifyScope } from './workspace.js';
import { presetsCheck } from './presets.js';
import { registryCheck } from './registry.js';
import { compileCheck, loadSamples, testCheck } from './samples-run.js';

export {
  VERIFY_CHECKS,
  WORKSPACE_CHECKS,
  type VerifyCheck,
  type VerifyCheckName,
  type VerifyProblem,
} from './checks.js';

export interface VerifyTimings {
  readonly totalMs: number;
  /** Wall time of each check; the compile, test and presets checks overlap. */
  readonly checks: Readonly<Partial<Record<VerifyCheckName, number>>>;
  /** Render-and-compare time of each sample. */
  readonly samples: Readonly<Record<string, number>>;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** The package's own repository (samples, presets, registry) or a workspace (verify-workspace.ts). */
  readonly scope: 'package' | 'workspace';
  readonly checks: readonly VerifyCheck[];
  readonly timings: VerifyTimings;
}

export interface VerifyOptions {
  /** Where the workspace whose registry is checked is found (create-connector.json at or above). */
  readonly cwd: string;
  /** The samples to check; defaults to this package's `generated-samples/`. */
  readonly samplesDir?: string;
  /** The checks to run, default all. */
  readonly checks?: readonly VerifyCheckName[];
  /** Receives one line per step. */
  readonly onProgress?: (message: string) => void;
}

/** (a): every case re-rendered and compared; both presets must have a case. */
async function samplesRenderCheck(
  samplesDir: string,
  timings: Record<string, number>,
): Promise<VerifyCheck> {
  const checks = await checkSamples(samplesDir);
  const problems: VerifyProblem[] = [];
  for (const sample of checks) {
    timings[sample.case.name] = Math.round(sample.durationMs);
    for (const drift of sample.drifts) {
      problems.push({
        file: displayPath(path.join(sample.case.dir, ...drift.path.split('/'))),
        message: `${drift.message}${drift.kind === 'invalid' ? '' : ' (if intended: npm run samples)'}`,
        ...(drift.diff === undefined ? {} : { diff: drift.diff }),
      });
    }
  }
  for (const preset of PRESET_IDS) {
    if (!checks.some((sample) => sample.case.name === preset)) {
      problems.push({
        file: displayPath(path.join(samplesDir, preset)),
        message: `no sample of the ${preset} preset (npm run samples creates it)`,
      });
    }
  }
  return checkResult(
    'samples-render',
    `${checks.length} samples re-rendered and compared byte for byte`,
    problems,
  );
}

class CheckRun {
  readonly results = new Map<VerifyCheckName, VerifyCheck>();
  readonly timings: Partial<Record<VerifyCheckName, number>> = {};

  constructor(readonly selected: ReadonlySet<VerifyCheckName>) {}

  /** Selected and not yet decided. */
  pending(name: VerifyCheckName): boolean {
    return this.selected.has(name) && !this.results.has(name);
  }

  async run(name: VerifyCheckName, work: () => Promise<VerifyCheck>): Promise<void> {
    const started = performance.now();
    try {
      this.results.set(name, await work());
    } finally {
      this.timings[name] = Math.round(performance.now() - started);
    }
  }

  ordered(): VerifyCheck[] {
    return VERIFY_CHECKS.flatMap((name) => {
      const result = this.results.get(name);
      return result === undefined ? [] : [result];
    });
  }
}

/** (b) and (c): one sample workspace; tsc and vitest are child processes, so the three overlap. */
async function workspaceChecks(
  cases: readonly SampleCase[],
  run: CheckRun,
  progress: (message: string) => void,
): Promise<void> {
  const samples = await loadSamples(cases);
  try {
    const pending: Array<Promise<void>> = [];
    if (run.pending('samples-compile')) {
      progress(`type-checking ${cases.length} samples…`);
      pending.push(
        run.run('samples-compile', async () =>
          compileCheck(await samples.workspace.typeCheck(), samples),
        ),
      );
    }
    if (run.pending('samples-test')) {
      progress(`running the tests of ${cases.length} samples…`);
      pending.push(
        run.run('samples-test', async () => testCheck(await samples.workspace.runTests(), samples)),
      );
    }
    if (run.pending('presets')) {
      progress(`comparing the ${PRESET_IDS.join(' and ')} presets with the reference connectors…`);
      pending.push(run.run('presets', () => presetsCheck(samples)));
    }
    await Promise.all(pending);
  } finally {
    await samples.workspace.dispose();
  }
}

/** Runs the selected checks (default: all) and returns one report; a failed check never throws. */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  if (verifyScope(options) === 'workspace') {
    const selected = new Set<string>(options.checks ?? WORKSPACE_CHECKS);
    const progress = (message: string) => options.onProgress?.(message);
    const { checks, timings } = await runWorkspaceChecks(
      options.cwd,
      selected,
      progress,
      registryCheck,
    );
    return {
      ok: checks.every((result) => result.ok),
      scope: 'workspace',
      checks,
      timings: { totalMs: Math.round(performance.now() - started), checks: timings, samples: {} },
    };
  }
  const run = new CheckRun(new Set(options.checks ?? VERIFY_CHECKS));
  const progress = (message: string) => options.onProgress?.(message);
  const samplesDir = options.samplesDir ?? defaultSamplesDir();
  const sampleTimings: Record<string, number> = {};

  const sampleChecks = VERIFY_CHECKS.filter((name) => name !== 'registry' && run.pending(name));
  let cases: SampleCase[] = [];
  if (sampleChecks.length > 0) {
    try {
      cases = await listSampleCases(samplesDir);
    } catch (error) {
      const problem = {
        file: displayPath(samplesDir),
        message: `cannot read the samples: ${errorMessage(error)}`,
      };
      for (const name of sampleChecks)
        run.results.set(name, checkResult(name, 'samples', [problem]));
    }
  }

  if (run.pending('samples-render')) {
    progress(`rendering ${cases.length} samples…`);
    await run.run('samples-render', () => samplesRenderCheck(samplesDir, sampleTimings));
  }
  if (run.pending('samples-compile') || run.pending('samples-test') || run.pending('presets')) {
    await workspaceChecks(cases, run, progress);
  }
  if (run.pending('registry')) {
    progress('checking the registry, connector folders and manifests…');
    await run.run('registry', async () => registryCheck(options.cwd));
  }

  const checks = run.ordered();
  return {
    ok: checks.every((result) => result.ok),
    scope: 'package',
    checks,
    timings: {
      totalMs: Math.round(performance.now() - started),
      checks: run.timings,
      samples: sampleTimings,
    },
  };
}
