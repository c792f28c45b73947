/**
 * @module Reading auth.json and payment.json: JSON with comments and trailing commas (JSONC, as
 * the README's example is written), refused with the file's key and rule, never its values.
 */

import { readFile } from 'node:fs/promises';

import { usageError } from '../../errors.js';

/** Copies text, handing every character outside strings to `other`; strings are copied as they are. */
function outsideStrings(
  text: string,
  other: (at: number) => { out: string; next: number },
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else {
      const step = other(i);
      out += step.out;
      i = step.next;
    }
  }
  return out;
}

/** JSONC → JSON: `//` and block comments become a space, then a comma before `}` or `]` goes. */
export function stripJsonComments(text: string): string {
  const withoutComments = outsideStrings(text, (at) => {
    if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      return { out: ' ', next: end === -1 ? text.length : end };
    }
    if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      return { out: ' ', next: end === -1 ? text.length : end + 2 };
    }
    return { out: text[at]!, next: at + 1 };
  });
  const closer = /\s*[}\]]/y;
  return outsideStrings(withoutComments, (at) => {
    const char = withoutComments[at]!;
    closer.lastIndex = at + 1;
    const trailing = char === ',' && closer.test(withoutComments);
    return { out: trailing ? '' : char, next: at + 1 };
  });
}

export async function readJsonFile(path: string, key: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw usageError(`cannot read ${key} file ${path}`, [
      { key, rule: 'must be a readable JSON file' },
    ]);
  }
  try {
    return JSON.parse(stripJsonComments(text)) as unknown;
  } catch {
    throw usageError(`${key} file ${path} is not valid JSON`, [
      { key, rule: 'must hold one JSON document (comments and trailing commas allowed)' },
    ]);
  }
}
