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

import type { ts as TsApi } from 'ts-morph';

import type { TypeScript } from './load-typescript.js';
import type {
  EntryLayout,
  ImportClauseLayout,
  ImportElementLayout,
  ImportLayout,
  RegistryLayout,
} from './layout.js';

/** Unwinds the pass when the text leaves the grammar; never escapes this module. */
class OutsideGrammar extends Error {}
const OUTSIDE = new OutsideGrammar('outside the registry grammar');

/** Deeper types are left to the parser (and the pass's recursion stays shallow). */
const MAX_TYPE_DEPTH = 32;

type Kinds = typeof TsApi.SyntaxKind;

class RegistryScan {
  private readonly scanner: TsApi.Scanner;
  private readonly kind: Kinds;
  private readonly keywordTypes: ReadonlySet<TsApi.SyntaxKind>;
  private token: TsApi.SyntaxKind;
  /** End of the token before the current one. */
  private previousEnd = 0;
  private flagged = false;

  constructor(ts: TypeScript, text: string) {
    this.kind = ts.SyntaxKind;
    // set up as the parser sets up its own scanner
    this.scanner = ts.createScanner(
      ts.ScriptTarget.Latest,
      true,
      ts.LanguageVariant.Standard,
      text,
      () => {
        this.flagged = true;
      },
    );
    this.scanner.setScriptKind(ts.ScriptKind.TS);
    this.scanner.setJSDocParsingMode(ts.JSDocParsingMode.ParseNone);
    const k = this.kind;
    this.keywordTypes = new Set([
      k.AnyKeyword,
      k.UnknownKeyword,
      k.StringKeyword,
      k.NumberKeyword,
      k.BigIntKeyword,
      k.BooleanKeyword,
      k.SymbolKeyword,
      k.ObjectKeyword,
      k.NeverKeyword,
      k.UndefinedKeyword,
      k.VoidKeyword,
      k.NullKeyword,
      k.TrueKeyword,
      k.FalseKeyword,
    ]);
    this.token = this.scanner.scan();
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

  // ---- tokens ----

  private next(): void {
    this.previousEnd = this.scanner.getTokenEnd();
    this.token = this.scanner.scan();
    if (this.flagged) throw OUTSIDE;
  }

  /** Whether the current token is `kind` (a call, so TypeScript does not narrow the token). */
  private at(kind: TsApi.SyntaxKind): boolean {
    return this.token === kind;
  }

  private expect(kind: TsApi.SyntaxKind): void {
    if (!this.at(kind)) throw OUTSIDE;
    this.next();
  }

  private refuseLineBreak(): void {
    if (this.scanner.hasPrecedingLineBreak()) throw OUTSIDE;
  }

  /** A plain identifier (no keyword, no escapes); returns its text. */
  private identifier(): string {
    if (!this.at(this.kind.Identifier) || this.scanner.hasUnicodeEscape()) throw OUTSIDE;
    const name = this.scanner.getTokenValue();
    this.next();
    return name;
  }

  /** A string literal without escapes; returns its value. */
  private string(): string {
    if (!this.at(this.kind.StringLiteral)) throw OUTSIDE;
    if (this.scanner.getTokenText().includes('\\')) throw OUTSIDE;
    const value = this.scanner.getTokenValue();
    this.next();
    return value;
  }

  /** `;`, or automatic semicolon insertion before a line break or the end; returns the end. */
  private terminate(): number {
    if (this.at(this.kind.SemicolonToken)) {
      this.next();
    } else if (!this.at(this.kind.EndOfFileToken) && !this.scanner.hasPrecedingLineBreak()) {
      throw OUTSIDE;
    }
    return this.previousEnd;
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

  // ---- types ----

  private type(depth: number): void {
    const k = this.kind;
    if (depth > MAX_TYPE_DEPTH) throw OUTSIDE;
    if (this.at(k.BarToken) || this.at(k.AmpersandToken)) this.next();
    this.operand(depth);
    while (this.at(k.BarToken) || this.at(k.AmpersandToken)) {
      this.next();
      this.operand(depth);
    }
  }

  private operand(depth: number): void {
    const k = this.kind;
    while (this.at(k.KeyOfKeyword)) this.next();
    this.primary(depth);
    // `T[]` and `T[K]` only on the same line, as the parser reads them
    while (this.at(k.OpenBracketToken) && !this.scanner.hasPrecedingLineBreak()) {
      this.next();
      if (!this.at(k.CloseBracketToken)) this.type(depth + 1);
      this.expect(k.CloseBracketToken);
    }
  }

  private primary(depth: number): void {
    const k = this.kind;
    if (this.keywordTypes.has(this.token)) {
      this.next();
    } else if (this.at(k.Identifier)) {
      this.entityName();
      if (this.at(k.LessThanToken) && !this.scanner.hasPrecedingLineBreak()) {
        this.next();
        this.typeList(depth + 1, k.GreaterThanToken);
      }
    } else if (this.at(k.TypeOfKeyword)) {
      this.next();
      this.entityName();
    } else if (this.at(k.StringLiteral)) {
      this.string();
    } else if (this.at(k.OpenParenToken)) {
      this.next();
      this.type(depth + 1);
      this.expect(k.CloseParenToken);
    } else if (this.at(k.OpenBracketToken)) {
      this.next();
      if (this.at(k.CloseBracketToken)) this.next();
      else this.typeList(depth + 1, k.CloseBracketToken);
    } else {
      throw OUTSIDE;
    }
  }

  /** `T, U, …` then `close`; no trailing comma. */
  private typeList(depth: number, close: TsApi.SyntaxKind): void {
    this.type(depth);
    while (this.at(this.kind.CommaToken)) {
      this.next();
      this.type(depth);
    }
    this.expect(close);
  }

  private entityName(): void {
    this.identifier();
    while (this.at(this.kind.DotToken)) {
      this.next();
      this.identifier();
    }
  }
}

/**
 * The registry's layout, read in one pass of the scanner; undefined when the text is outside the
 * grammar this reads (the caller then parses it in full).
 */
export function scanRegistry(ts: TypeScript, text: string): RegistryLayout | undefined {
  try {
    return new RegistryScan(ts, text).read();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}
