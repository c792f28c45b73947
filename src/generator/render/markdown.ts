/**
 * @module Text for the generated README: values as Markdown code spans, GFM tables laid out as
 * prettier lays them out (so a house-style workspace needs no prettier run), and values as
 * Mermaid message text. Each function either writes the value so it cannot change the
 * document's structure, or refuses it.
 */

import { TemplateValueError } from './template-value-error.js';

function refuseLineBreak(helper: string, text: string): string {
  if (/[\r\n\u2028\u2029]/.test(text)) {
    throw new TemplateValueError(
      `{{${helper}}} cannot write a line break: ${JSON.stringify(text)}`,
    );
  }
  return text;
}

/**
 * Any one-line text as an inline code span: fenced by one more backtick than its longest run of
 * them, padded with a space when it starts or ends with one (CommonMark §6.1).
 */
export function codeSpan(text: string): string {
  refuseLineBreak('code', text);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  if (text === '') return '` `';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A cell of a GFM table: a `|` would end the cell, even inside a code span, so it is escaped. */
export function tableCell(markdown: string): string {
  return refuseLineBreak('table', markdown).replace(/(?<!\\)\|/g, '\\|');
}

/** A table: a header row and rows of cells, each already Markdown (`codeSpan` or plain text). */
export interface MarkdownTable {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** Prettier's width of a cell: its characters, each East Asian wide one counted twice. */
function cellWidth(cell: string): number {
  let width = 0;
  for (const char of cell) {
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  }
  return width;
}

/** The table as prettier writes it: every column padded to its widest cell (at least 3). */
export function markdownTable(table: MarkdownTable): string {
  const columns = table.header.length;
  const rows = [table.header, ...table.rows].map((row) => {
    if (row.length !== columns) {
      throw new TemplateValueError(`{{table}} has a row of ${row.length} cells, not ${columns}`);
    }
    return row.map(tableCell);
  });
  const widths = table.header.map((_, column) =>
    Math.max(3, ...rows.map((row) => cellWidth(row[column]!))),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column]! - cellWidth(cell))).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header!), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join(
    '\n',
  );
}

/**
 * One-line text inside a Mermaid message or note: `#` and `;` (which Mermaid reads as an entity
 * start and a statement end) written as its entity codes.
 */
export function mermaidText(text: string): string {
  return refuseLineBreak('mermaid', text).replace(/[#;]/g, (char) => `#${char.charCodeAt(0)};`);
}

/** Markdown's inline punctuation, backslash-escaped so prose shows as written (CommonMark §2.4). */
export function markdownText(text: string): string {
  return refuseLineBreak('text', text).replace(/[\\`*_[\]<>|~#]/g, (char) => `\\${char}`);
}

/** A line of a fenced code block: one line that cannot close the fence. */
export function fencedLine(text: string): string {
  refuseLineBreak('line', text);
  if (/^\s*(?:`{3}|~{3})/.test(text)) {
    throw new TemplateValueError(
      `{{line}} cannot start with a code fence: ${JSON.stringify(text)}`,
    );
  }
  return text;
}
