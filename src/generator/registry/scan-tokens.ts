/**
 * @module The registry scanner's token reader and type grammar: TypeScript's scanner set up as
 * its parser sets it up, the few token helpers the statement grammar (scan.ts) is written with,
 * and the types it accepts (names, keywords, string literals, keyof/typeof, type arguments,
 * arrays, indexed access, tuples, parentheses, unions and intersections).
 */

import type { ts as TsApi } from 'ts-morph';

import type { TypeScript } from './load-typescript.js';
import { LEXER_KINDS, RegistryLexer, type TokenScanner } from './lex.js';
import { OUTSIDE } from './outside.js';

export { OUTSIDE } from './outside.js';

/** Deeper types are left to the parser (and the pass's recursion stays shallow). */
const MAX_TYPE_DEPTH = 32;

export type Kinds = typeof TsApi.SyntaxKind;

/** Reads tokens; throws OUTSIDE as soon as the text leaves the grammar. */
export abstract class TokenReader {
  protected readonly scanner: TokenScanner;
  protected readonly kind: Kinds;
  protected readonly keywordTypes: ReadonlySet<TsApi.SyntaxKind>;
  protected token: TsApi.SyntaxKind;
  /** End of the token before the current one. */
  protected previousEnd = 0;
  protected flagged = false;

  /** Tokens from TypeScript's scanner, or from the hand lexer when `ts` is undefined. */
  protected constructor(ts: TypeScript | undefined, text: string) {
    this.kind = ts?.SyntaxKind ?? LEXER_KINDS;
    this.scanner = ts === undefined ? new RegistryLexer(text) : this.typeScriptScanner(ts, text);
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

  /** TypeScript's scanner, set up as its parser sets up its own; errors flag the pass. */
  private typeScriptScanner(ts: TypeScript, text: string): TsApi.Scanner {
    const scanner = ts.createScanner(
      ts.ScriptTarget.Latest,
      true,
      ts.LanguageVariant.Standard,
      text,
      () => {
        this.flagged = true;
      },
    );
    scanner.setScriptKind(ts.ScriptKind.TS);
    scanner.setJSDocParsingMode(ts.JSDocParsingMode.ParseNone);
    return scanner;
  }

  // ---- tokens ----

  protected next(): void {
    this.previousEnd = this.scanner.getTokenEnd();
    this.token = this.scanner.scan();
    if (this.flagged) throw OUTSIDE;
  }

  /** Whether the current token is `kind` (a call, so TypeScript does not narrow the token). */
  protected at(kind: TsApi.SyntaxKind): boolean {
    return this.token === kind;
  }

  protected expect(kind: TsApi.SyntaxKind): void {
    if (!this.at(kind)) throw OUTSIDE;
    this.next();
  }

  protected refuseLineBreak(): void {
    if (this.scanner.hasPrecedingLineBreak()) throw OUTSIDE;
  }

  /** A plain identifier (no keyword, no escapes); returns its text. */
  protected identifier(): string {
    if (!this.at(this.kind.Identifier) || this.scanner.hasUnicodeEscape()) throw OUTSIDE;
    const name = this.scanner.getTokenValue();
    this.next();
    return name;
  }

  /** A string literal without escapes; returns its value. */
  protected string(): string {
    if (!this.at(this.kind.StringLiteral)) throw OUTSIDE;
    if (this.scanner.getTokenText().includes('\\')) throw OUTSIDE;
    const value = this.scanner.getTokenValue();
    this.next();
    return value;
  }

  /** `;`, or automatic semicolon insertion before a line break or the end; returns the end. */
  protected terminate(): number {
    if (this.at(this.kind.SemicolonToken)) {
      this.next();
    } else if (!this.at(this.kind.EndOfFileToken) && !this.scanner.hasPrecedingLineBreak()) {
      throw OUTSIDE;
    }
    return this.previousEnd;
  }

  // ---- types ----

  protected type(depth: number): void {
    const k = this.kind;
    if (depth > MAX_TYPE_DEPTH) throw OUTSIDE;
    if (this.at(k.BarToken) || this.at(k.AmpersandToken)) this.next();
    this.operand(depth);
    while (this.at(k.BarToken) || this.at(k.AmpersandToken)) {
      this.next();
      this.operand(depth);
    }
  }

  protected operand(depth: number): void {
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

  protected primary(depth: number): void {
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
  protected typeList(depth: number, close: TsApi.SyntaxKind): void {
    this.type(depth);
    while (this.at(this.kind.CommaToken)) {
      this.next();
      this.type(depth);
    }
    this.expect(close);
  }

  protected entityName(): void {
    this.identifier();
    while (this.at(this.kind.DotToken)) {
      this.next();
      this.identifier();
    }
  }
}
