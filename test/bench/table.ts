/** The one table `npm run bench` prints and RESULTS.md keeps. */

import type { Summary } from './stats.js';

export type Unit = 'ms' | 'µs' | 'ratio' | 'req/s' | 'payments/s' | 's';

/** A bound the median must keep, in the row's unit. */
export interface Target {
  readonly op: '≤' | '≥';
  readonly value: number;
}

export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly unit: Unit;
  readonly summary: Summary;
  readonly target?: Target;
  /** What this row is compared with, or what it includes. */
  readonly note?: string;
}

function format(value: number, unit: Unit): string {
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'req/s' || unit === 'payments/s') return value.toFixed(0);
  return value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

const withUnit = (value: number, unit: Unit): string =>
  unit === 'ratio' ? format(value, unit) : `${format(value, unit)} ${unit}`;

export function met(row: Row): boolean | undefined {
  const { target, summary } = row;
  if (target === undefined) return undefined;
  return target.op === '≤' ? summary.median <= target.value : summary.median >= target.value;
}

/** `≤ 1.10: met`, or `≤ 1.10: MISSED by 0.15 (14%)`. */
export function assessment(row: Row): string {
  const { target, summary } = row;
  if (target === undefined) return '';
  const bound = `${target.op} ${withUnit(target.value, row.unit)}`;
  if (met(row) === true) return `${bound}: met`;
  const gap = Math.abs(summary.median - target.value);
  const percent = ((gap / target.value) * 100).toFixed(0);
  return `${bound}: MISSED by ${withUnit(gap, row.unit)} (${percent}%)`;
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['section', 'measure', 'median', 'min', 'max', 'runs', 'target', 'note'];
  const lines = rows.map((row) => [
    row.section,
    row.measure,
    withUnit(row.summary.median, row.unit),
    format(row.summary.min, row.unit),
    format(row.summary.max, row.unit),
    String(row.summary.runs),
    assessment(row),
    row.note ?? '',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const render = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    render(header),
    render(widths.map((width) => '-'.repeat(width))),
    ...lines.map(render),
  ].join('\n');
}
