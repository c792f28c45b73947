/**
 * @module `create-connector verify`: the CI gate over the templates. Progress on stderr, one
 * report at the end on stdout (text, or one JSON document with --json); exit 2 on any failure.
 */

import {
  verify,
  VERIFY_CHECKS,
  WORKSPACE_CHECKS,
  type VerifyCheck,
  type VerifyReport,
} from '../../generator/verify/index.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';

const SCOPES = {
  workspace: { where: 'a workspace', checks: WORKSPACE_CHECKS },
  package: { where: 'the create-connector repository', checks: VERIFY_CHECKS },
} as const;

/** Which checks ran here, and which verify runs in the other kind of place. */
function scopeLine(report: VerifyReport): string {
  const other = SCOPES[report.scope === 'workspace' ? 'package' : 'workspace'];
  const here = SCOPES[report.scope].where;
  const ran = report.checks.map((result) => result.name).join(', ');
  return `checks here (${here}): ${ran}; in ${other.where}: ${other.checks.join(', ')}`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)} s)`;
}

function indent(text: string, prefix: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function describeCheck(result: VerifyCheck, report: VerifyReport): string[] {
  const lines = [
    `${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: ${result.summary}${seconds(report.timings.checks[result.name])}`,
  ];
  for (const problem of result.problems) {
    lines.push(`     - ${problem.file === undefined ? '' : `${problem.file}: `}${problem.message}`);
    if (problem.diff !== undefined) lines.push(indent(problem.diff, '       '));
    if (problem.detail !== undefined) lines.push(indent(problem.detail, '       | '));
  }
  for (const note of result.notes ?? []) lines.push(`     note: ${note}`);
  return lines;
}

/** The report as text: one block per check, then the verdict. */
export function formatVerifyReport(report: VerifyReport): string {
  const failed = report.checks.filter((result) => !result.ok);
  const samples = Object.entries(report.timings.samples);
  const lines = [
    scopeLine(report),
    ...report.checks.flatMap((result) => describeCheck(result, report)),
  ];
  if (samples.length > 0) {
    lines.push(`samples rendered: ${samples.map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`);
  }
  lines.push(
    failed.length === 0
      ? `verify: all ${report.checks.length} checks passed${seconds(report.timings.totalMs)}`
      : `verify: ${failed.length} of ${report.checks.length} checks failed (${failed
          .map((result) => result.name)
          .join(', ')})${seconds(report.timings.totalMs)}`,
  );
  return lines.join('\n');
}

export async function verifyCommand(
  options: { json?: boolean; verbose?: boolean; cwd?: string },
  io: CliIo,
): Promise<ExitCode> {
  const report = await verify({
    cwd: io.cwd,
    onProgress: (message) => io.stderr(`verify: ${message}`),
  });
  io.stdout(options.json === true ? JSON.stringify(report) : formatVerifyReport(report));
  return report.ok ? 0 : 2;
}
