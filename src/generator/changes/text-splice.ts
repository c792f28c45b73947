/** @module Line-aware text splicing: positions by line, and many edits applied in one copy. */

export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function lineStart(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

/** Just past the newline that ends the line holding `position` (or the end of the text). */
export function nextLineStart(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  return newline === -1 ? text.length : newline + 1;
}

export function indentationAt(text: string, position: number): string {
  const start = lineStart(text, position);
  return /^[ \t]*/.exec(text.slice(start, position))?.[0] ?? '';
}

export function startsLine(text: string, position: number): boolean {
  return text.slice(lineStart(text, position), position).trim() === '';
}

/** Applies non-overlapping splices in one pass over the text. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const splice of ordered) {
    result += text.slice(cursor, splice.start) + splice.text;
    cursor = splice.end;
  }
  return result + text.slice(cursor);
}

/** Runs a LF-based edit on a file that may use CRLF throughout, keeping its line endings. */
export function keepingLineEndings(source: string, edit: (lf: string) => string): string {
  const crlf = source.includes('\r\n') && !/(^|[^\r])\n/.test(source);
  return crlf ? edit(source.replace(/\r\n/g, '\n')).replace(/\n/g, '\r\n') : edit(source);
}
