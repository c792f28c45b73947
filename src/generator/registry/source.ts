/**
 * @module Reading the connector registry: its layout from the scanner's one-pass fast path when
 * the text is in the grammar the generator writes, from a full parse otherwise; then the imports
 * that bind the entries, refusing anything malformed. The last registry read is kept, so the
 * steps of one command that read the same text (list, then add) parse it once.
 */

import { RegistryError } from '../errors.js';
import { loadTypeScript, type TypeScript } from './load-typescript.js';
import type { EntryLayout, ImportLayout, RegistryLayout } from './layout.js';
import { firstLeadingCommentStart } from './lex.js';
import { parseRegistryLayout } from './parse.js';
import { scanRegistry } from './scan.js';

export interface RegistryEntry {
  /** snake_case id, the key in `connectors`. */
  readonly id: string;
  /** The imported connector value. */
  readonly value: string;
  /** Module specifier of the import that binds `value`. */
  readonly importPath: string;
}

/**
 * Which reader produced a layout: the one-pass grammar over the hand lexer or over TypeScript's
 * scanner, or the full parse.
 */
export type RegistryReader = 'lexer' | 'scanner' | 'parser';

export interface ImportBinding {
  readonly declaration: ImportLayout;
  readonly path: string;
}

export type ParsedEntry = EntryLayout;

export interface ParsedRegistry extends RegistryLayout {
  /** Where the first comment attached before the node at `pos` starts (getLeadingCommentRanges). */
  readonly leadingCommentStart: (pos: number) => number | undefined;
  readonly text: string;
  readonly readBy: RegistryReader;
  /** Value imports (not type-only) by local name; a later import of a name wins. */
  readonly bindings: ReadonlyMap<string, ImportBinding>;
}

const reads: Record<RegistryReader, number> = { lexer: 0, scanner: 0, parser: 0 };
let last: ParsedRegistry | undefined;

/** How many registries this process has read with each reader (reuses not counted). */
export function registryReads(): Readonly<Record<RegistryReader, number>> {
  return { ...reads };
}

function readBindings(imports: readonly ImportLayout[]): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const declaration of imports) {
    const { clause, specifier } = declaration;
    if (specifier === undefined || clause === undefined || clause.typeOnly) continue;
    const binding = { declaration, path: specifier };
    if (clause.name !== undefined) bindings.set(clause.name, binding);
    for (const element of clause.named ?? []) {
      if (!element.typeOnly) bindings.set(element.name, binding);
    }
  }
  return bindings;
}

function checked(
  ts: TypeScript | undefined,
  text: string,
  readBy: RegistryReader,
  layout: RegistryLayout,
): ParsedRegistry {
  const seen = new Set<string>();
  for (const entry of layout.entries) {
    if (seen.has(entry.id)) {
      throw new RegistryError('duplicate-id', `the registry lists "${entry.id}" more than once`, [
        { key: 'registry', value: entry.id, rule: 'each id must appear exactly once' },
      ]);
    }
    seen.add(entry.id);
  }
  const bindings = readBindings(layout.imports);
  for (const entry of layout.entries) {
    if (!bindings.has(entry.value)) {
      throw new RegistryError(
        'unknown-import',
        `registry entry "${entry.id}" refers to "${entry.value}", which no import declares`,
        [
          {
            key: 'registry',
            value: entry.id,
            rule: 'each entry must refer to an imported connector',
          },
        ],
      );
    }
  }
  const leadingCommentStart =
    ts === undefined
      ? (pos: number) => firstLeadingCommentStart(text, pos)
      : (pos: number) => ts.getLeadingCommentRanges(text, pos)?.[0]?.pos;
  return { ...layout, leadingCommentStart, text, readBy, bindings };
}

/**
 * Reads and checks a registry (the hand lexer's pass when it can, TypeScript's scanner's pass
 * when that can, the full parse otherwise); throws RegistryError when it is malformed. Reading
 * the same text as the last call reuses that read.
 */
export function parseRegistry(text: string): ParsedRegistry {
  if (last?.text === text) return last;
  const layout = scanRegistry(undefined, text);
  if (layout !== undefined) reads.lexer += 1;
  const parsed =
    layout === undefined
      ? parseRegistryWithScanner(text)
      : checked(undefined, text, 'lexer', layout);
  last = parsed;
  return parsed;
}

/** Reads and checks a registry without the hand lexer (what its pass falls back to). */
export function parseRegistryWithScanner(text: string): ParsedRegistry {
  const ts = loadTypeScript();
  const layout = scanRegistry(ts, text);
  if (layout === undefined) return parseRegistryInFull(text);
  reads.scanner += 1;
  return checked(ts, text, 'scanner', layout);
}

/** Reads and checks a registry with the full parse only (what the fast path falls back to). */
export function parseRegistryInFull(text: string): ParsedRegistry {
  const ts = loadTypeScript();
  reads.parser += 1;
  return checked(ts, text, 'parser', parseRegistryLayout(ts, text));
}

/** The connectors a parsed registry lists, in source order. */
export function registryEntries(parsed: ParsedRegistry): RegistryEntry[] {
  return parsed.entries.map(({ id, value }) => ({
    id,
    value,
    importPath: parsed.bindings.get(value)?.path ?? '',
  }));
}

/** The connectors the registry lists, in source order. */
export function listRegistry(source: string): RegistryEntry[] {
  return registryEntries(parseRegistry(source));
}
