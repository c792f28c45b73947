/**
 * @module Where the parts of a registry are, as positions in its text: what both readers (the
 * scanner's fast path and the full parse) produce and the splices are computed from.
 */

/**
 * A node's extent. `pos` is its full start, just past the token before it, so the comments that
 * lead it lie between `pos` and `start` (the start of its first token); `end` is past its last.
 */
export interface Extent {
  readonly pos: number;
  readonly start: number;
  readonly end: number;
}

export interface ImportElementLayout {
  /** The local name (the alias when there is one). */
  readonly name: string;
  readonly typeOnly: boolean;
  /** From its first token (`type` when present) to past its last. */
  readonly start: number;
  readonly end: number;
}

export interface ImportClauseLayout {
  readonly typeOnly: boolean;
  /** The default import's name. */
  readonly name: string | undefined;
  /** The `{ … }` elements; undefined without braces (none, or a namespace import). */
  readonly named: readonly ImportElementLayout[] | undefined;
}

export interface ImportLayout extends Extent {
  /** The module specifier; undefined when it is not a string literal. */
  readonly specifier: string | undefined;
  /** Undefined for a side-effect import (`import './x.js';`). */
  readonly clause: ImportClauseLayout | undefined;
}

export interface EntryLayout extends Extent {
  /** The key in `connectors`. */
  readonly id: string;
  /** The identifier it refers to. */
  readonly value: string;
}

export interface RegistryLayout {
  /** Every import declaration, in source order. */
  readonly imports: readonly ImportLayout[];
  /** Start of the first statement's first token. */
  readonly firstStatement: number;
  /** Position of the `connectors` object's `{`. */
  readonly open: number;
  /** Position of its `}`. */
  readonly close: number;
  /** Its properties, each an entry, in source order. */
  readonly entries: readonly EntryLayout[];
  /** Just past the comma after the last entry; undefined when there is none. */
  readonly trailingComma: number | undefined;
}
