/**
 * @module One vitest run in a child process, read back through its JSON report: which tests
 * passed and failed, per file and per suite. Bounded: a run that hangs is killed.
 */

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { childEnvironment } from '../verify/sample-workspace.js';

export interface VitestAssertion {
  readonly ancestorTitles: readonly string[];
  readonly fullName: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
}

export interface VitestFileResult {
  readonly name: string;
  readonly status: string;
  readonly message: string;
  readonly assertionResults: readonly VitestAssertion[];
}

export interface VitestReport {
  readonly numTotalTests: number;
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: readonly VitestFileResult[];
}

export interface VitestRun {
  /** null when the run was killed or could not start. */
  readonly exitCode: number | null;
  /** Absent when vitest wrote none (it did not start, or crashed). */
  readonly report: VitestReport | undefined;
  /** The end of what it printed, for the report's detail. */
  readonly output: string;
}

const OUTPUT_KEPT = 4000;

function isReport(value: unknown): value is VitestReport {
  const report = value as Partial<VitestReport> | null;
  return typeof report?.numTotalTests === 'number' && Array.isArray(report.testResults);
}

/** Runs `vitest run` from `root` over `files` (all its tests when empty). */
export async function runVitest(options: {
  readonly vitest: string;
  readonly root: string;
  readonly files: readonly string[];
  readonly timeoutMs: number;
}): Promise<VitestRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cc-check-report-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const output: string[] = [];
    const args = [
      options.vitest,
      'run',
      '--root',
      options.root,
      '--reporter=json',
      `--outputFile=${reportFile}`,
      ...options.files,
    ];
    const exitCode = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, args, {
        cwd: options.root,
        env: childEnvironment(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      child.on('error', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    let report: VitestReport | undefined;
    try {
      const parsed: unknown = JSON.parse(await readFile(reportFile, 'utf8'));
      if (isReport(parsed)) report = parsed;
    } catch {
      // no report: the output says why
    }
    return { exitCode, report, output: output.join('').slice(-OUTPUT_KEPT) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The failures of a run, one line each: the test's full name and its first message line. */
export function failureLines(report: VitestReport): string[] {
  return report.testResults.flatMap((file) => {
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (failed.length === 0 && file.status === 'failed') {
      return [`${path.basename(file.name)}: ${file.message.split('\n')[0] ?? 'failed to run'}`];
    }
    return failed.map(
      (test) => `${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0] ?? ''}`,
    );
  });
}
