/**
 * @module The fast path for reading the registry: one linear pass over TypeScript's scanner
 * tokens, for the grammar the generator writes. It accepts comments, import declarations,
 * `export const connectors = { id: value, … }` followed by `as const` / `as` / `satisfies`
 * clauses, and `export type X = …` aliases, with types built only from names, keywords, string
 * literals, `keyof`, `typeof`, type arguments, arrays, indexed access, tuples, parentheses, unions
 * and intersections. Everything it accepts parses without errors; anything else (other
 * statements or syntax, or any text the scanner flags) makes it return undefined, and the caller
 * parses the file in full, which refuses what is invalid as it always has.
 */

import type { TypeScript } from './load-typescript.js';
import { OUTSIDE, TokenReader } from './scan-tokens.js';
import type {
  EntryLayout,
  ImportClauseLayout,
  ImportElementLayout,
  ImportLayout,
  RegistryLayout,
} from './layout.js';

class RegistryScan extends TokenReader {
  constructor(ts: TypeScript | undefined, text: string) {
    super(ts, text);
  }

  read(): RegistryLayout {
    const k = this.kind;
    const imports: ImportLayout[] = [];
    const firstStatement = this.scanner.getTokenStart();
    let object: Omit<RegistryLayout, 'imports' | 'firstStatement'> | undefined;
    while (!this.at(k.EndOfFileToken)) {
      if (this.at(k.ImportKeyword)) {
        imports.push(this.importDeclaration());
        continue;
      }
      this.expect(k.ExportKeyword);
      this.refuseLineBreak();
      if (this.at(k.ConstKeyword) && object === undefined) {
        object = this.connectorsDeclaration();
      } else if (this.at(k.TypeKeyword)) {
        this.typeAlias();
      } else {
        throw OUTSIDE;
      }
    }
    if (object === undefined || this.flagged) throw OUTSIDE;
    return { imports, firstStatement, ...object };
  }

  // ---- statements ----

  private importDeclaration(): ImportLayout {
    const k = this.kind;
    const pos = this.scanner.getTokenFullStart();
    const start = this.scanner.getTokenStart();
    this.next();
    let clause: ImportClauseLayout | undefined;
    if (!this.at(k.StringLiteral)) {
      let typeOnly = false;
      if (this.at(k.TypeKeyword)) {
        typeOnly = true;
        this.next();
      }
      let name: string | undefined;
      let named: readonly ImportElementLayout[] | undefined;
      if (this.at(k.Identifier)) {
        name = this.identifier();
        if (this.at(k.CommaToken) && !typeOnly) {
          this.next();
          named = this.importBindings();
        }
      } else {
        named = this.importBindings();
      }
      this.expect(k.FromKeyword);
      clause = { typeOnly, name, named };
    }
    const specifier = this.string();
    const end = this.terminate();
    return { pos, start, end, specifier, clause };
  }

  /** `{ a, type b, c as d }` (returned) or `* as ns` (undefined). */
  private importBindings(): ImportElementLayout[] | undefined {
    const k = this.kind;
    if (this.at(k.AsteriskToken)) {
      this.next();
      this.expect(k.AsKeyword);
      this.identifier();
      return undefined;
    }
    this.expect(k.OpenBraceToken);
    const elements: ImportElementLayout[] = [];
    while (!this.at(k.CloseBraceToken)) {
      const start = this.scanner.getTokenStart();
      const typeOnly = this.at(k.TypeKeyword);
      if (typeOnly) this.next();
      let name = this.identifier();
      if (this.at(k.AsKeyword)) {
        this.next();
        name = this.identifier();
      }
      elements.push({ name, typeOnly, start, end: this.previousEnd });
      if (this.at(k.CommaToken)) this.next();
      else if (!this.at(k.CloseBraceToken)) throw OUTSIDE;
    }
    this.next();
    return elements;
  }

  /** From `const`: `connectors = { … }`, its `as` / `satisfies` clauses and the end. */
  private connectorsDeclaration(): Omit<RegistryLayout, 'imports' | 'firstStatement'> {
    const k = this.kind;
    this.next();
    if (this.identifier() !== 'connectors') throw OUTSIDE;
    this.expect(k.EqualsToken);
    if (!this.at(k.OpenBraceToken)) throw OUTSIDE;
    const open = this.scanner.getTokenStart();
    this.next();
    const entries: EntryLayout[] = [];
    let trailingComma: number | undefined;
    while (!this.at(k.CloseBraceToken)) {
      const pos = this.scanner.getTokenFullStart();
      const start = this.scanner.getTokenStart();
      let id: string;
      let value: string;
      if (this.at(k.StringLiteral)) {
        id = this.string();
        this.expect(k.ColonToken);
        value = this.identifier();
      } else {
        id = this.identifier();
        if (this.at(k.ColonToken)) {
          this.next();
          value = this.identifier();
        } else {
          value = id;
        }
      }
      entries.push({ id, value, pos, start, end: this.previousEnd });
      if (this.at(k.CommaToken)) {
        this.next();
        if (this.at(k.CloseBraceToken)) trailingComma = this.previousEnd;
      } else if (!this.at(k.CloseBraceToken)) {
        throw OUTSIDE;
      }
    }
    const close = this.scanner.getTokenStart();
    this.next();
    // `as` and `satisfies` continue the expression only on the same line
    for (;;) {
      if (this.scanner.hasPrecedingLineBreak()) break;
      if (this.at(k.AsKeyword)) {
        this.next();
        if (this.at(k.ConstKeyword)) this.next();
        else this.type(0);
      } else if (this.at(k.SatisfiesKeyword)) {
        this.next();
        this.type(0);
      } else {
        break;
      }
    }
    this.terminate();
    return { open, close, entries, trailingComma };
  }

  /** From `type`: `X = <type>` and the end. */
  private typeAlias(): void {
    this.next();
    this.refuseLineBreak();
    this.identifier();
    this.expect(this.kind.EqualsToken);
    this.type(0);
    this.terminate();
  }
}

/**
 * The registry's layout, read in one pass of TypeScript's scanner, or of the hand lexer when `ts`
 * is undefined; undefined when the text is outside the grammar this reads (the caller then tries
 * TypeScript's scanner, then parses it in full).
 */
export function scanRegistry(ts: TypeScript | undefined, text: string): RegistryLayout | undefined {
  try {
    return new RegistryScan(ts, text).read();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}
