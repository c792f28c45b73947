/** @module How a plan is shown: file list, unified diffs on a dry run, or one JSON document. */

import type { ConnectorPlan } from '../generator/lifecycle/index.js';
import { unifiedDiff, type FileChange } from '../generator/changes/index.js';
import type { CliIo } from './io.js';
import { cassetteDiff, isCassettePath } from './cassette-summary.js';
import { isManifestPath, manifestDiff } from './manifest-summary.js';

export interface PlanReport {
  readonly connector: { readonly id: string; readonly name: string; readonly dir: string };
  readonly changes: ReadonlyArray<{
    path: string;
    type: 'create' | 'update' | 'delete';
    diff?: string;
  }>;
  readonly dryRun: boolean;
}

/**
 * A manifest shows as its one-line summary, a created or deleted cassette as its exchanges;
 * every other file as its unified diff.
 */
async function diffOf(change: FileChange, before: string | undefined): Promise<string> {
  const summary = isManifestPath(change.path)
    ? await manifestDiff(change, before)
    : isCassettePath(change.path)
      ? await cassetteDiff(change, before)
      : undefined;
  return summary ?? unifiedDiff(change, before);
}

export async function planReport(plan: ConnectorPlan, dryRun: boolean): Promise<PlanReport> {
  const changes = await Promise.all(
    plan.changes.map(async (change) => ({
      path: change.path,
      type: change.type,
      ...(dryRun ? { diff: await diffOf(change, plan.before.get(change.path)) } : {}),
    })),
  );
  return { connector: plan.connector, changes, dryRun };
}

export function printPlan(report: PlanReport, io: CliIo, json: boolean): void {
  if (json) {
    io.stdout(JSON.stringify(report));
    return;
  }
  if (report.changes.length === 0) {
    io.stdout(
      `Nothing to do: ${report.connector.id} is already as these answers and templates make it.`,
    );
    return;
  }
  const lines: string[] = [];
  for (const change of report.changes) {
    lines.push(`${change.type.toUpperCase().padEnd(6)} ${change.path}`);
  }
  if (report.dryRun) {
    for (const change of report.changes)
      if (change.diff !== undefined) lines.push('', change.diff.trimEnd());
    lines.push('', 'Dry run: nothing was written.');
  }
  io.stdout(lines.join('\n'));
}
