/**
 * @module `verify` (b): the stored samples written into one sample workspace, type-checked as one
 * strict program and run by one vitest; tsc's and vitest's output read back into problems that
 * name the stored sample file at fault.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  createSampleWorkspace,
  type CheckResult,
  type SampleWorkspace,
} from './sample-workspace.js';
import { readSampleFiles, type SampleCase } from './samples.js';
import { checkResult, displayPath, type VerifyCheck, type VerifyProblem } from './checks.js';

/** Most problems one tool run reports; the rest are counted. */
const MAX_TOOL_PROBLEMS = 40;
const MAX_DETAIL = 8_000;

export interface LoadedSamples {
  readonly workspace: SampleWorkspace;
  /** Sample-workspace path → the stored sample it came from (as reports show it). */
  readonly origins: ReadonlyMap<string, string>;
  readonly cases: readonly SampleCase[];
}

/**
 * Writes the stored samples' sources and cassettes (not their answers or manifests) into a
 * sample workspace.
 */
export async function loadSamples(cases: readonly SampleCase[]): Promise<LoadedSamples> {
  const workspace = await createSampleWorkspace({ prefix: 'cc-verify-' });
  const origins = new Map<string, string>();
  try {
    for (const sampleCase of cases) {
      for (const file of await readSampleFiles(sampleCase.dir)) {
        if (!file.path.endsWith('.ts') && !file.path.includes('/cassettes/')) continue;
        const target = path.join(workspace.root, ...file.path.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.content);
        origins.set(file.path, displayPath(path.join(sampleCase.dir, ...file.path.split('/'))));
      }
    }
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
  return { workspace, origins, cases };
}

function tail(output: string): string {
  const trimmed = output.trim();
  return trimmed.length <= MAX_DETAIL ? trimmed : `…${trimmed.slice(-MAX_DETAIL)}`;
}

const TSC_ERROR = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** One problem per type error (up to a limit), on the stored sample file it is in. */
export function compileCheck(result: CheckResult, samples: LoadedSamples): VerifyCheck {
  const summary = `${samples.cases.length} samples type-checked as one strict program`;
  if (result.ok) return checkResult('samples-compile', summary, []);
  const problems: VerifyProblem[] = [];
  let more = 0;
  for (const line of result.output.split('\n')) {
    const match = TSC_ERROR.exec(line.trim());
    if (match === null) continue;
    if (problems.length >= MAX_TOOL_PROBLEMS) {
      more += 1;
      continue;
    }
    const [, file = '', lineNo, column, code, message] = match;
    problems.push({
      file: samples.origins.get(file) ?? file,
      message: `${lineNo}:${column} ${code}: ${message}`,
    });
  }
  if (more > 0) problems.push({ message: `and ${more} more type errors` });
  if (problems.length === 0) {
    problems.push({
      message: `tsc exited with ${String(result.exitCode)}`,
      detail: tail(result.output),
    });
  }
  return checkResult('samples-compile', summary, problems);
}

const VITEST_FAIL = /FAIL\s+(\S+\.test\.ts)(?:\s+>\s+(.+))?/;

/** One problem per failed test (file and name); the run's output rides on the first. */
export function testCheck(result: CheckResult, samples: LoadedSamples): VerifyCheck {
  const testFiles = [...samples.origins.keys()].filter((file) => file.endsWith('.test.ts'));
  const summary = `${testFiles.length} generated test files run against the generic emulator`;
  const problems: VerifyProblem[] = [];
  const seen = new Set<string>();
  for (const line of result.output.split('\n')) {
    const match = VITEST_FAIL.exec(line);
    if (match === null) continue;
    const [, file = '', test] = match;
    const key = `${file}>${test ?? ''}`;
    if (seen.has(key) || problems.length >= MAX_TOOL_PROBLEMS) continue;
    seen.add(key);
    problems.push({
      file: samples.origins.get(file) ?? file,
      message: test === undefined ? 'the test file failed' : `failed: ${test.trim()}`,
    });
  }
  // a run that passes without running every file (one skipped, one not found) is no pass
  const passed = new RegExp(`Test Files\\s+${testFiles.length} passed \\(${testFiles.length}\\)`);
  if (result.ok && !passed.test(result.output)) {
    problems.push({
      message: `expected ${testFiles.length} test files to pass`,
      detail: tail(result.output),
    });
  }
  if (!result.ok) {
    if (problems.length === 0) {
      problems.push({ message: `vitest exited with ${String(result.exitCode)}` });
    }
    problems[0] = { ...problems[0]!, detail: tail(result.output) };
  }
  return checkResult('samples-test', summary, problems);
}
