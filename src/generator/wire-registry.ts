/**
 * @module Wiring of the connector registry (`export const connectors = { id: value, … }` plus one
 * import per connector). The TypeScript parser finds positions; the text is spliced once, so an
 * edit costs one parse and one copy whatever the registry's size, and everything else in the
 * file (comments, order, formatting) stays byte for byte.
 */

import type { ts as TsApi } from 'ts-morph';

import { InternalError, RegistryError } from './errors.js';
import type { TypeScript } from './load-typescript.js';
import {
  listRegistry,
  parseRegistry,
  type ParsedEntry,
  type ParsedRegistry,
  type RegistryEntry,
} from './registry-source.js';
import {
  applySplices,
  indentationAt,
  keepingLineEndings,
  lineStart,
  nextLineStart,
  startsLine,
  type Splice,
} from './text-splice.js';

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
function lineStartAbove(parsed: ParsedRegistry, node: TsApi.Node, belowComments: boolean): number {
  const comments = belowComments
    ? undefined
    : parsed.ts.getLeadingCommentRanges(parsed.text, node.pos);
  const first = comments?.[0]?.pos ?? node.getStart(parsed.file);
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
function editsLines(parsed: ParsedRegistry, neighbour: TsApi.Node): boolean {
  const { text, object, file } = parsed;
  const close = object.getEnd() - 1;
  return (
    text.slice(object.getStart(file), close).includes('\n') &&
    startsLine(text, close) &&
    startsLine(text, neighbour.getStart(file))
  );
}

// ---- add ----

function importSplice(parsed: ParsedRegistry, entry: RegistryEntry, style: RegistryStyle): Splice {
  const { text, file, ts } = parsed;
  const line = `import { ${entry.value} } from ${quoted(entry.importPath, style.quote)};\n`;
  const connectorImports = [
    ...new Set(parsed.entries.map((existing) => parsed.bindings.get(existing.value)?.declaration)),
  ].filter((declaration) => declaration !== undefined);
  connectorImports.sort((a, b) => a.pos - b.pos);
  const after = connectorImports.find(
    (declaration) => specifierOf(ts, declaration) > entry.importPath,
  );
  if (after !== undefined) {
    const isFirstStatement = file.statements[0] === after;
    const at = lineStartAbove(parsed, after, isFirstStatement);
    return { start: at, end: at, text: line };
  }
  const anchor = connectorImports.at(-1) ?? file.statements.filter(ts.isImportDeclaration).at(-1);
  if (anchor !== undefined) {
    const at = nextLineStart(text, anchor.getEnd());
    return {
      start: at,
      end: at,
      text: at === text.length && !text.endsWith('\n') ? `\n${line}` : line,
    };
  }
  const firstStatement = file.statements[0];
  const at =
    firstStatement === undefined ? text.length : lineStart(text, firstStatement.getStart(file));
  return { start: at, end: at, text: `${line}\n` };
}

function specifierOf(ts: TypeScript, declaration: TsApi.ImportDeclaration): string {
  return ts.isStringLiteral(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : '';
}

function entrySplice(parsed: ParsedRegistry, entry: RegistryEntry, style: RegistryStyle): Splice {
  const { text, object, file } = parsed;
  const property = entry.id === entry.value ? entry.value : `${entry.id}: ${entry.value}`;
  const open = object.getStart(file);
  const close = object.getEnd() - 1;
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
  const onePerLine = editsLines(parsed, (next ?? last).node);
  if (next !== undefined) {
    if (!onePerLine) {
      const at = next.node.getStart(file);
      return { start: at, end: at, text: `${property}, ` };
    }
    const at = lineStartAbove(parsed, next.node, false);
    const indent = indentationAt(text, next.node.getStart(file));
    return { start: at, end: at, text: `${indent}${property},\n` };
  }
  const lastEnd = last.node.getEnd();
  const comma = object.properties.hasTrailingComma ? '' : ',';
  if (!onePerLine) return { start: lastEnd, end: lastEnd, text: `${comma} ${property}` };
  const indent = indentationAt(text, last.node.getStart(file));
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
  checkEntry(entry);
  return keepingLineEndings(source, (text) => addParsed(text, entry, style));
}

function addParsed(source: string, entry: RegistryEntry, style: RegistryStyle): string {
  const parsed = parseRegistry(source);
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
  return applySplices(source, [
    importSplice(parsed, entry, style),
    entrySplice(parsed, entry, style),
  ]);
}

// ---- remove ----

/** Just past the comma that follows property `index`, or undefined when none does. */
function commaAfter(
  nodes: TsApi.NodeArray<TsApi.ObjectLiteralElementLike>,
  index: number,
): number | undefined {
  const next = nodes[index + 1];
  if (next !== undefined) return next.pos;
  return nodes.hasTrailingComma ? nodes.end : undefined;
}

function removeEntrySplice(parsed: ParsedRegistry, target: ParsedEntry): Splice {
  const { text, object, file } = parsed;
  const open = object.getStart(file);
  const close = object.getEnd() - 1;
  const nodes = object.properties;
  const index = nodes.indexOf(target.node);
  const start = target.node.getStart(file);
  const comma = commaAfter(nodes, index);
  let splice: Splice;
  if (editsLines(parsed, target.node)) {
    splice = {
      start: lineStart(text, start),
      end: nextLineStart(text, comma ?? target.node.getEnd()),
      text: '',
    };
  } else if (comma !== undefined) {
    const end = comma + (/^[ \t]*/.exec(text.slice(comma))?.[0].length ?? 0);
    splice = { start, end, text: '' };
  } else {
    // the last entry without a trailing comma takes the comma before it
    const previous = nodes[index - 1];
    splice = {
      start: previous === undefined ? start : previous.getEnd(),
      end: target.node.getEnd(),
      text: '',
    };
  }
  const inner = text.slice(open + 1, splice.start) + text.slice(splice.end, close);
  return inner.trim() === '' ? { start: open, end: close + 1, text: '{}' } : splice;
}

function removeImportSplice(parsed: ParsedRegistry, value: string): Splice | undefined {
  const { ts, text, file } = parsed;
  const binding = parsed.bindings.get(value);
  if (binding === undefined) return undefined;
  const { declaration } = binding;
  const clause = declaration.importClause;
  const named =
    clause?.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings)
      ? clause.namedBindings
      : undefined;
  const others = (named?.elements.length ?? 0) + (clause?.name === undefined ? 0 : 1) - 1;
  if (others === 0) {
    return {
      start: lineStart(text, declaration.getStart(file)),
      end: nextLineStart(text, declaration.getEnd()),
      text: '',
    };
  }
  const element = named?.elements.find((candidate) => candidate.name.text === value);
  if (element === undefined || named === undefined) {
    throw new RegistryError(
      'unsupported-entry',
      `cannot unwire the default import "${value}" shared with other bindings`,
    );
  }
  const elements = named.elements;
  const index = elements.indexOf(element);
  const nextElement = elements[index + 1];
  if (nextElement !== undefined) {
    return { start: element.getStart(file), end: nextElement.getStart(file), text: '' };
  }
  const previous = elements[index - 1];
  return {
    start: previous === undefined ? element.getStart(file) : previous.getEnd(),
    end: element.getEnd(),
    text: '',
  };
}

/** Removes the entry for `id` and the import of its value (the inverse of addToRegistry). */
export function removeFromRegistry(source: string, id: string): string {
  return keepingLineEndings(source, (text) => removeParsed(text, id));
}

function removeParsed(source: string, id: string): string {
  const parsed = parseRegistry(source);
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
  return applySplices(source, [
    removeEntrySplice(parsed, target),
    ...(importEdit === undefined ? [] : [importEdit]),
  ]);
}
