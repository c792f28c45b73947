/** The one table `npm run bench` prints and RESULTS.md keeps. */

import type { Summary } from './stats.js';

export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly unit: 'ms' | 'µs' | 'ratio' | 'req/s' | 'payments/s';
  readonly summary: Summary;
  /** What this row is compared with, and the target if there is one. */
  readonly note?: string;
}

function format(value: number, unit: Row['unit']): string {
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'req/s' || unit === 'payments/s') return value.toFixed(0);
  return value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['section', 'measure', 'median', 'min', 'max', 'runs', 'note'];
  const lines = rows.map((row) => [
    row.section,
    row.measure,
    `${format(row.summary.median, row.unit)}${row.unit === 'ratio' ? '' : ` ${row.unit}`}`,
    format(row.summary.min, row.unit),
    format(row.summary.max, row.unit),
    String(row.summary.runs),
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
