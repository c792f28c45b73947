/**
 * @module `create-connector check <id>`: the seed's integration checklist over one registered
 * connector, generated or hand-written. One line per item (pass, warn, fail) with the places it
 * points at beneath; exit 0 when nothing fails, 2 otherwise. `--json`: the items as one list.
 */

import {
  checkConnector,
  hasFailure,
  type CheckItem,
  type CheckStatus,
} from '../../generator/check/index.js';
import type { ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';

export interface CheckCommandOptions {
  readonly json?: boolean;
  /** Also print the output of a failed test run. */
  readonly verbose?: boolean;
}

const ITEM_WIDTH = 15;

function itemLines(entry: CheckItem, verbose: boolean): string[] {
  const lines = [`${entry.status.padEnd(4)}  ${entry.item.padEnd(ITEM_WIDTH)}  ${entry.message}`];
  for (const at of entry.locations ?? []) {
    const text = at.text === undefined || at.text === '' ? '' : `  ${at.text}`;
    lines.push(`      ${''.padEnd(ITEM_WIDTH)}  ${at.file}:${at.line}${text}`);
  }
  if (verbose && entry.detail !== undefined) lines.push(entry.detail.trimEnd());
  return lines;
}

function summary(items: readonly CheckItem[]): string {
  const count = (status: CheckStatus) => items.filter((entry) => entry.status === status).length;
  return `${items.length} items: ${count('pass')} pass, ${count('warn')} warn, ${count('fail')} fail`;
}

export async function checkCommand(
  id: string,
  options: CheckCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const report = await checkConnector({ cwd: io.cwd, id });
  if (options.json === true) {
    io.stdout(JSON.stringify(report.items));
  } else {
    const lines = report.items.flatMap((entry) => itemLines(entry, options.verbose === true));
    io.stdout([`check ${report.id}`, ...lines, summary(report.items)].join('\n'));
  }
  return hasFailure(report) ? 2 : 0;
}
