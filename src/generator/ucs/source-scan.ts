/**
 * @module Just enough lexing of Rust and proto sources to find blocks by structure: the brace
 * that closes a given `{`, skipping strings, char literals and comments (lifetimes are not
 * char literals), and the one place a declaration header occurs.
 */

import { UsageError } from './adapter.js';

const CHAR_LITERAL = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u;
const RAW_STRING = /^b?r(#*)"/;

/** Index just past the string, char or comment starting at `i`, or `i` when none starts there. */
function skipToken(text: string, i: number): number {
  const rest = text.slice(i, i + 8);
  if (rest.startsWith('//')) {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (rest.startsWith('/*')) {
    let depth = 1;
    let j = i + 2;
    while (j < text.length && depth > 0) {
      const step = text.startsWith('/*', j) ? 1 : text.startsWith('*/', j) ? -1 : 0;
      depth += step;
      j += step === 0 ? 1 : 2;
    }
    return j;
  }
  const raw = RAW_STRING.exec(rest);
  if (raw !== null && (i === 0 || !/[\w]/.test(text[i - 1] ?? ''))) {
    const close = `"${raw[1]}`;
    const end = text.indexOf(close, i + raw[0].length);
    return end === -1 ? text.length : end + close.length;
  }
  if (text[i] === '"' || (text[i] === 'b' && text[i + 1] === '"')) {
    let j = text.indexOf('"', i) + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (text[i] === "'") {
    const char = CHAR_LITERAL.exec(text.slice(i, i + 16));
    if (char !== null) return i + char[0].length;
  }
  return i;
}

/** The index of the `}` closing the `{` at `open`, or undefined when it is never closed. */
export function closingBrace(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length;) {
    const skipped = skipToken(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return undefined;
}

/** Refuses an edit target that is not shaped as expected; nothing has been written yet. */
export function shapeError(file: string, rule: string): UsageError {
  return new UsageError(`cannot wire the connector: ${file} ${rule}`, {
    issues: [{ key: file, rule }],
  });
}

/** A `{ … }` block of `text`: the `{` and `}` indices. */
export interface Block {
  readonly open: number;
  readonly close: number;
}

/**
 * The block opened by the single match of `header` (which must end at or before its `{`), or a
 * UsageError naming the file and what is missing or repeated.
 */
export function uniqueBlock(
  text: string,
  header: RegExp,
  file: string,
  what: string,
  from = 0,
  to = text.length,
): Block {
  const flags = header.flags.includes('g') ? header.flags : `${header.flags}g`;
  const matches = [...text.slice(from, to).matchAll(new RegExp(header.source, flags))];
  if (matches.length === 0) throw shapeError(file, `has no ${what}`);
  if (matches.length > 1) throw shapeError(file, `has ${matches.length} ${what}s (expected one)`);
  const match = matches[0] as RegExpExecArray;
  const open = text.indexOf('{', from + match.index);
  const close = open === -1 ? undefined : closingBrace(text, open);
  if (close === undefined || close > to) throw shapeError(file, `has an unclosed ${what}`);
  return { open, close };
}

/** The start index of the line holding `index`. */
export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** The leading whitespace of the line holding `index`. */
export function indentAt(text: string, index: number): string {
  const start = lineStart(text, index);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}
