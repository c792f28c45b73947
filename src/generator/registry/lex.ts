/**
 * @module A hand lexer for the registry, so reading the generator's own format does not load
 * TypeScript (~230 ms from the code cache). It yields the tokens, positions and line-break flags
 * TypeScript's scanner yields, for a subset only: ASCII whitespace, comments, quoted strings
 * without escapes, identifiers and keywords, and the punctuation the registry grammar uses.
 * Anything else (non-ASCII text, numbers, escapes, templates, other operators, an unterminated
 * comment or string) throws OUTSIDE, and the caller reads the text with TypeScript's scanner.
 */

import type { ts as TsApi } from 'ts-morph';

import { OUTSIDE } from './outside.js';

/** The scanner methods the registry grammar uses. */
export type TokenScanner = Pick<
  TsApi.Scanner,
  | 'scan'
  | 'getTokenStart'
  | 'getTokenFullStart'
  | 'getTokenEnd'
  | 'hasPrecedingLineBreak'
  | 'hasUnicodeEscape'
  | 'getTokenValue'
  | 'getTokenText'
>;

/** The token kinds the grammar tests for, besides keywords (each keyword has a kind of its own). */
const NAMED_KINDS = [
  'EndOfFileToken',
  'Identifier',
  'StringLiteral',
  'OpenBraceToken',
  'CloseBraceToken',
  'OpenParenToken',
  'CloseParenToken',
  'OpenBracketToken',
  'CloseBracketToken',
  'SemicolonToken',
  'CommaToken',
  'ColonToken',
  'DotToken',
  'LessThanToken',
  'GreaterThanToken',
  'EqualsToken',
  'BarToken',
  'AmpersandToken',
  'AsteriskToken',
] as const;

const KEYWORDS = (
  'break case catch class const continue debugger default delete do else enum export extends ' +
  'false finally for function if import in instanceof new null return super switch this throw ' +
  'true try typeof var void while with implements interface let package private protected ' +
  'public static yield abstract accessor as asserts assert any async await boolean constructor ' +
  'declare get infer intrinsic is keyof module namespace never out readonly require number ' +
  'object satisfies set string symbol type undefined unique unknown using from global bigint ' +
  'override of defer'
).split(' ');

/** The words TypeScript's scanner reads as keywords (checked against it in the tests). */
export const LEXER_KEYWORDS: readonly string[] = KEYWORDS;

function keywordKindName(word: string): string {
  const name =
    word === 'typeof'
      ? 'TypeOf'
      : word === 'keyof'
        ? 'KeyOf'
        : word === 'bigint'
          ? 'BigInt'
          : word[0]?.toUpperCase() + word.slice(1);
  return `${name}Keyword`;
}

const kindTable: Record<string, number> = {};
NAMED_KINDS.forEach((name, index) => (kindTable[name] = index + 1));
KEYWORDS.forEach(
  (word, index) => (kindTable[keywordKindName(word)] = NAMED_KINDS.length + 1 + index),
);

/** The lexer's kinds under TypeScript's names (only the names the grammar uses are present). */
export const LEXER_KINDS = kindTable as unknown as typeof TsApi.SyntaxKind;

const KEYWORD_KINDS = new Map(KEYWORDS.map((word) => [word, kindTable[keywordKindName(word)]]));

const PUNCTUATION: Record<string, string> = {
  '{': 'OpenBraceToken',
  '}': 'CloseBraceToken',
  '(': 'OpenParenToken',
  ')': 'CloseParenToken',
  '[': 'OpenBracketToken',
  ']': 'CloseBracketToken',
  ';': 'SemicolonToken',
  ',': 'CommaToken',
  ':': 'ColonToken',
  '.': 'DotToken',
  '<': 'LessThanToken',
  '>': 'GreaterThanToken',
  '=': 'EqualsToken',
  '|': 'BarToken',
  '&': 'AmpersandToken',
  '*': 'AsteriskToken',
};

/** Characters after which TypeScript would scan a longer token (or a conflict marker). */
const LONGER = /^(?:\.[.0-9]|<[<=/]|=[=>]|\|[|=]|&[&=]|\*[*=/])/;
const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const WORD_CHAR = /[A-Za-z0-9_$\\]/;

/** Where a `#!` line at the very start ends (0 without one); TypeScript skips it as trivia. */
function shebangEnd(text: string): number {
  if (!text.startsWith('#!')) return 0;
  const end = text.slice(2).search(/[\n\r\u2028\u2029]/);
  return end < 0 ? text.length : end + 2;
}

export class RegistryLexer implements TokenScanner {
  private fullStart = 0;
  private start = 0;
  private end = 0;
  private lineBreak = false;
  private value = '';

  constructor(private readonly text: string) {}

  scan(): TsApi.SyntaxKind {
    this.fullStart = this.end;
    this.lineBreak = false;
    this.skipTrivia();
    this.start = this.end;
    const { text } = this;
    const at = this.end;
    if (at >= text.length) return this.kind('EndOfFileToken', at);
    const char = text[at] ?? '';
    if (char === "'" || char === '"') {
      let close = at + 1;
      while (close < text.length && text[close] !== char) {
        const inner = text[close];
        // escapes, line breaks and non-ASCII text are left to TypeScript's scanner
        if (inner === '\\' || inner === '\n' || inner === '\r' || text.charCodeAt(close) > 127) {
          throw OUTSIDE;
        }
        close += 1;
      }
      if (close >= text.length) throw OUTSIDE;
      this.value = text.slice(at + 1, close);
      return this.kind('StringLiteral', close + 1);
    }
    IDENTIFIER.lastIndex = at;
    const word = IDENTIFIER.exec(text)?.[0];
    if (word !== undefined) {
      if (WORD_CHAR.test(text[at + word.length] ?? '') || text.charCodeAt(at + word.length) > 127) {
        throw OUTSIDE;
      }
      this.value = word;
      this.end = at + word.length;
      return (KEYWORD_KINDS.get(word) ?? kindTable.Identifier) as TsApi.SyntaxKind;
    }
    const name = PUNCTUATION[char];
    if (name === undefined || LONGER.test(text.slice(at, at + 2))) throw OUTSIDE;
    // `>` is always one token (the parser rescans), unless it may start a conflict marker
    if (char === '>' && text[at + 1] === '>' && (at === 0 || /[\n\r]/.test(text[at - 1] ?? ''))) {
      throw OUTSIDE;
    }
    this.value = char;
    return this.kind(name, at + 1);
  }

  private kind(name: string, end: number): TsApi.SyntaxKind {
    this.end = end;
    return kindTable[name] as TsApi.SyntaxKind;
  }

  /** Whitespace and comments, noting line breaks; throws on what TypeScript treats otherwise. */
  private skipTrivia(): void {
    const { text } = this;
    let at = this.end;
    if (at === 0) at = shebangEnd(text);
    for (;;) {
      const char = text[at];
      if (char === '\n' || char === '\r') {
        this.lineBreak = true;
        at += 1;
      } else if (char === ' ' || char === '\t' || char === '\v' || char === '\f') {
        at += 1;
      } else if (char === '/' && text[at + 1] === '/') {
        at += 2;
        while (at < text.length && text[at] !== '\n' && text[at] !== '\r') {
          // TypeScript ends a line comment at LS and PS too
          if (text[at] === '\u2028' || text[at] === '\u2029') throw OUTSIDE;
          at += 1;
        }
      } else if (char === '/' && text[at + 1] === '*') {
        const close = text.indexOf('*/', at + 2);
        if (close < 0) throw OUTSIDE;
        if (/[\n\r\u2028\u2029]/.test(text.slice(at, close))) this.lineBreak = true;
        at = close + 2;
      } else {
        break;
      }
    }
    // all text is ASCII on this path, so TypeScript's other trivia (BOM, NBSP, LS/PS) never occurs
    if (text.charCodeAt(at) > 127) throw OUTSIDE;
    this.end = at;
  }

  getTokenStart(): number {
    return this.start;
  }
  getTokenFullStart(): number {
    return this.fullStart;
  }
  getTokenEnd(): number {
    return this.end;
  }
  hasPrecedingLineBreak(): boolean {
    return this.lineBreak;
  }
  hasUnicodeEscape(): boolean {
    return false;
  }
  getTokenValue(): string {
    return this.value;
  }
  getTokenText(): string {
    return this.text.slice(this.start, this.end);
  }
}

/**
 * Where the first leading comment of the node at `pos` starts, as TypeScript's
 * getLeadingCommentRanges finds it (comments after the first line break, or from the start of
 * the file); for text the lexer read whole, whose trivia is ASCII whitespace and comments.
 */
export function firstLeadingCommentStart(text: string, pos: number): number | undefined {
  let collecting = pos === 0;
  let at = pos === 0 ? shebangEnd(text) : pos;
  while (at < text.length) {
    const char = text[at];
    if (char === '\n' || char === '\r') {
      collecting = true;
      at += 1;
    } else if (char === ' ' || char === '\t' || char === '\v' || char === '\f') {
      at += 1;
    } else if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
      if (collecting) return at;
      if (text[at + 1] === '/') {
        while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at += 1;
      } else {
        const close = text.indexOf('*/', at + 2);
        at = close < 0 ? text.length : close + 2;
      }
    } else {
      return undefined;
    }
  }
  return undefined;
}
