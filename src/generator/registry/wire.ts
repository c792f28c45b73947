/**
 * @module Wiring of the connector registry (`export const connectors = { id: value, … }` plus one
 * import per connector). Reading the registry (source.ts: one scanner pass for the
 * generator's own format, a full parse otherwise) finds positions; the text is spliced once, so an
 * edit costs one read and one copy whatever the registry's size, and everything else in the
 * file (comments, order, formatting) stays byte for byte.
 */

import { InternalError, RegistryError } from '../errors.js';
import type { Extent } from './layout.js';
import {
  listRegistry,
  parseRegistry,
  registryEntries,
  type ParsedEntry,
  type ParsedRegistry,
  type RegistryEntry,
} from './source.js';
import {
  applySplices,
  indentationAt,
  keepingLineEndings,
  lineStart,
  nextLineStart,
  startsLine,
  type Splice,
} from '../changes/text-splice.js';

export { listRegistry, type RegistryEntry };

export interface RegistryStyle {
  readonly quote: 'single' | 'double';
  /** One level of indentation, e.g. two spaces. */
  readonly indent: string;
}

const ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Where a line inserted before `node` goes: above the comment lines attached to it, or right
 * above the node itself when `belowComments` (the file's header comment leads its first statement).
 */
function lineStartAbove(parsed: ParsedRegistry, node: Extent, belowComments: boolean): number {
  const comment = belowComments ? undefined : parsed.leadingCommentStart(node.pos);
  const first = comment ?? node.start;
  return lineStart(parsed.text, first);
}

function quoted(value: string, quote: RegistryStyle['quote']): string {
  const mark = quote === 'single' ? "'" : '"';
  return mark + value.replace(/\\/g, '\\\\').replace(new RegExp(mark, 'g'), `\\${mark}`) + mark;
}

/**
 * Whether to edit whole lines around `neighbour`: the object spans lines, its closing brace and
 * the neighbouring entry each start their line. Only the neighbour is checked, so the cost does
 * not grow with the registry.
 */
function editsLines(parsed: ParsedRegistry, neighbour: Extent): boolean {
  const { text, open, close } = parsed;
  const newline = text.indexOf('\n', open);
  return (
    newline !== -1 &&
    newline < close &&
    startsLine(text, close) &&
    startsLine(text, neighbour.start)
  );
}

// ---- add ----

function importSplice(parsed: ParsedRegistry, entry: RegistryEntry, style: RegistryStyle): Splice {
  const { text } = parsed;
  const line = `import { ${entry.value} } from ${quoted(entry.importPath, style.quote)};\n`;
  const connectorImports = [
    ...new Set(parsed.entries.map((existing) => parsed.bindings.get(existing.value)?.declaration)),
  ].filter((declaration) => declaration !== undefined);
  connectorImports.sort((a, b) => a.pos - b.pos);
  const after = connectorImports.find(
    (declaration) => (declaration.specifier ?? '') > entry.importPath,
  );
  if (after !== undefined) {
    const isFirstStatement = after.start === parsed.firstStatement;
    const at = lineStartAbove(parsed, after, isFirstStatement);
    return { start: at, end: at, text: line };
  }
  const anchor = connectorImports.at(-1) ?? parsed.imports.at(-1);
  if (anchor !== undefined) {
    const at = nextLineStart(text, anchor.end);
    return {
      start: at,
      end: at,
      text: at === text.length && !text.endsWith('\n') ? `\n${line}` : line,
    };
  }
  const at = lineStart(text, parsed.firstStatement);
  return { start: at, end: at, text: `${line}\n` };
}

function entrySplice(parsed: ParsedRegistry, entry: RegistryEntry, style: RegistryStyle): Splice {
  const { text, open, close } = parsed;
  const property = entry.id === entry.value ? entry.value : `${entry.id}: ${entry.value}`;
  const baseIndent = indentationAt(text, open);
  const properties = parsed.entries;
  if (properties.length === 0) {
    if (text.slice(open + 1, close).trim() === '') {
      return {
        start: open,
        end: close + 1,
        text: `{\n${baseIndent}${style.indent}${property},\n${baseIndent}}`,
      };
    }
    // only comments inside: add the entry above the closing brace
    if (startsLine(text, close)) {
      const at = lineStart(text, close);
      return { start: at, end: at, text: `${baseIndent}${style.indent}${property},\n` };
    }
    return { start: close, end: close, text: ` ${property} ` };
  }
  const next = properties.find((existing) => existing.id > entry.id);
  const last = properties[properties.length - 1] as ParsedEntry;
  const onePerLine = editsLines(parsed, next ?? last);
  if (next !== undefined) {
    if (!onePerLine) {
      return { start: next.start, end: next.start, text: `${property}, ` };
    }
    const at = lineStartAbove(parsed, next, false);
    const indent = indentationAt(text, next.start);
    return { start: at, end: at, text: `${indent}${property},\n` };
  }
  const lastEnd = last.end;
  const comma = parsed.trailingComma === undefined ? ',' : '';
  if (!onePerLine) return { start: lastEnd, end: lastEnd, text: `${comma} ${property}` };
  const indent = indentationAt(text, last.start);
  const at = nextLineStart(text, lastEnd);
  // a missing trailing comma goes right after the last entry; the new line follows its line
  return {
    start: lastEnd,
    end: at,
    text: `${comma}${text.slice(lastEnd, at)}${indent}${property},\n`,
  };
}

function checkEntry(entry: RegistryEntry): void {
  if (!ID.test(entry.id) || !IDENTIFIER.test(entry.value) || entry.importPath === '') {
    throw new InternalError(`not a registry entry: ${JSON.stringify(entry)}`);
  }
}

/**
 * Adds one import and one `connectors` entry, each in sorted position (imports among the other
 * connector imports by path, entries by id). Throws RegistryError if the registry is malformed
 * or already has the id or the value.
 */
export function addToRegistry(source: string, entry: RegistryEntry, style: RegistryStyle): string {
  return add(parseRegistry, source, entry, style);
}

type Read = (text: string) => ParsedRegistry;

function add(read: Read, source: string, entry: RegistryEntry, style: RegistryStyle): string {
  checkEntry(entry);
  return keepingLineEndings(source, (text) => addParsed(read(text), entry, style));
}

function addParsed(parsed: ParsedRegistry, entry: RegistryEntry, style: RegistryStyle): string {
  if (parsed.entries.some((existing) => existing.id === entry.id)) {
    throw new RegistryError('already-registered', `the registry already lists "${entry.id}"`, [
      { key: 'registry', value: entry.id, rule: 'the id is already registered' },
    ]);
  }
  const bound = parsed.bindings.get(entry.value);
  if (bound !== undefined) {
    throw new RegistryError(
      'already-registered',
      `the registry already imports "${entry.value}" (from ${bound.path})`,
      [{ key: 'registry', value: entry.value, rule: 'the value is already imported' }],
    );
  }
  return applySplices(parsed.text, [
    importSplice(parsed, entry, style),
    entrySplice(parsed, entry, style),
  ]);
}

// ---- remove ----

/** Just past the comma that follows entry `index`, or undefined when none does. */
function commaAfter(parsed: ParsedRegistry, index: number): number | undefined {
  return parsed.entries[index + 1]?.pos ?? parsed.trailingComma;
}

function removeEntrySplice(parsed: ParsedRegistry, target: ParsedEntry): Splice {
  const { text, open, close, entries } = parsed;
  const index = entries.indexOf(target);
  const { start } = target;
  const comma = commaAfter(parsed, index);
  let splice: Splice;
  if (editsLines(parsed, target)) {
    splice = {
      start: lineStart(text, start),
      end: nextLineStart(text, comma ?? target.end),
      text: '',
    };
  } else if (comma !== undefined) {
    const end = comma + (/^[ \t]*/.exec(text.slice(comma))?.[0].length ?? 0);
    splice = { start, end, text: '' };
  } else {
    // the last entry without a trailing comma takes the comma before it
    const previous = entries[index - 1];
    splice = { start: previous === undefined ? start : previous.end, end: target.end, text: '' };
  }
  const inner = text.slice(open + 1, splice.start) + text.slice(splice.end, close);
  return inner.trim() === '' ? { start: open, end: close + 1, text: '{}' } : splice;
}

function removeImportSplice(parsed: ParsedRegistry, value: string): Splice | undefined {
  const { text } = parsed;
  const binding = parsed.bindings.get(value);
  if (binding === undefined) return undefined;
  const { declaration } = binding;
  const clause = declaration.clause;
  const named = clause?.named;
  const others = (named?.length ?? 0) + (clause?.name === undefined ? 0 : 1) - 1;
  if (others === 0) {
    return {
      start: lineStart(text, declaration.start),
      end: nextLineStart(text, declaration.end),
      text: '',
    };
  }
  const element = named?.find((candidate) => candidate.name === value);
  if (element === undefined || named === undefined) {
    throw new RegistryError(
      'unsupported-entry',
      `cannot unwire the default import "${value}" shared with other bindings`,
    );
  }
  const index = named.indexOf(element);
  const nextElement = named[index + 1];
  if (nextElement !== undefined) {
    return { start: element.start, end: nextElement.start, text: '' };
  }
  const previous = named[index - 1];
  return {
    start: previous === undefined ? element.start : previous.end,
    end: element.end,
    text: '',
  };
}

/** Removes the entry for `id` and the import of its value (the inverse of addToRegistry). */
export function removeFromRegistry(source: string, id: string): string {
  return remove(parseRegistry, source, id);
}

function remove(read: Read, source: string, id: string): string {
  return keepingLineEndings(source, (text) => removeParsed(read(text), id));
}

function removeParsed(parsed: ParsedRegistry, id: string): string {
  const target = parsed.entries.find((entry) => entry.id === id);
  if (target === undefined) {
    throw new RegistryError('not-registered', `the registry does not list "${id}"`, [
      { key: 'registry', value: id, rule: 'the id is not registered' },
    ]);
  }
  const stillUsed = parsed.entries.some(
    (entry) => entry !== target && entry.value === target.value,
  );
  const importEdit = stillUsed ? undefined : removeImportSplice(parsed, target.value);
  return applySplices(parsed.text, [
    removeEntrySplice(parsed, target),
    ...(importEdit === undefined ? [] : [importEdit]),
  ]);
}

// ---- over a chosen reader ----

/** The three registry operations, bound to one reader. */
export interface RegistryEdits {
  list(source: string): RegistryEntry[];
  add(source: string, entry: RegistryEntry, style: RegistryStyle): string;
  remove(source: string, id: string): string;
}

/**
 * listRegistry, addToRegistry and removeFromRegistry over the given reader instead of
 * parseRegistry (the tests run them over the full parse alone, to compare it with the fast path).
 */
export function registryEditsWith(read: (text: string) => ParsedRegistry): RegistryEdits {
  return {
    list: (source) => registryEntries(read(source)),
    add: (source, entry, style) => add(read, source, entry, style),
    remove: (source, id) => remove(read, source, id),
  };
}
