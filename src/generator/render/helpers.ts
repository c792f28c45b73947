/**
 * @module The only Handlebars helpers templates may use. Output helpers turn a value into code
 * that cannot break out of its place (a quoted string literal, a checked identifier); predicate
 * helpers feed `#if`/`#unless`; `fits` picks a line layout the way prettier would.
 */

import type { HelperDelegate, HelperOptions } from 'handlebars';

import { AMOUNT_TYPES } from '../../runtime/amount.js';
import { CONTENT_TYPES } from '../../runtime/connector.js';
import { OPTIONAL_FLOWS } from '../answers/flows.js';
import {
  ANSWER_AUTH_TYPES,
  CURRENCY_UNITS,
  JS_RESERVED_WORDS,
  TOKEN_PLACEMENTS,
  type AnswerKey,
  type Answers,
} from '../answers/index.js';
import {
  codeSpan,
  fencedLine,
  markdownTable,
  mermaidText,
  type MarkdownTable,
} from './markdown.js';
import { TemplateValueError } from './template-value-error.js';

export { TemplateValueError };

/** The house style's line width (`.prettierrc.json`), which `fits` measures against. */
export const PRINT_WIDTH = 100;

/** What a template's declaration may not be named: the one list of JS reserved words, and globalThis. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([...JS_RESERVED_WORDS, 'globalThis']);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function requireString(helper: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new TemplateValueError(`{{${helper}}} needs a string, got ${shown(value)}`);
  }
  return value;
}

/** The quote prettier would pick: single unless the text holds more single than double quotes. */
function preferredQuote(text: string): "'" | '"' {
  const singles = text.split("'").length - 1;
  const doubles = text.split('"').length - 1;
  return singles > doubles ? '"' : "'";
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

function escapeCodeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Any string as a TypeScript string literal, quoted as prettier (singleQuote) would quote it.
 * Backslashes, the quote, line breaks, control characters and lone surrogates are escaped, so
 * no value can end the literal early or change what the file parses as.
 */
export function quoteString(value: string): string {
  const quote = preferredQuote(value);
  let body = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    const code = char.charCodeAt(0);
    if (char === quote) body += `\\${quote}`;
    else if (NAMED_ESCAPES[char] !== undefined) body += NAMED_ESCAPES[char];
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      body += escapeCodeUnit(char);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        body += char + value[i + 1]!;
        i += 1;
      } else body += escapeCodeUnit(char);
    } else if (code >= 0xdc00 && code <= 0xdfff) body += escapeCodeUnit(char);
    else body += char;
  }
  return quote + body + quote;
}

/** A name usable as a declaration: ASCII identifier syntax, not a reserved word. */
export function checkIdentifier(value: unknown): string {
  const text = requireString('ident', value);
  if (!IDENTIFIER.test(text) || RESERVED_WORDS.has(text)) {
    throw new TemplateValueError(`${shown(text)} is not a usable identifier`);
  }
  return text;
}

/** An object-literal key: bare when it is an identifier, else quoted; `__proto__` is refused. */
export function propertyKey(value: unknown): string {
  const text = requireString('key', value);
  // `{ __proto__: x }` sets the prototype instead of creating a property
  if (text === '__proto__') throw new TemplateValueError('"__proto__" cannot be a property key');
  return IDENTIFIER.test(text) ? text : quoteString(text);
}

/** The enum answers and their values (the lists the answers schema uses): what templates branch on. */
export const ANSWER_ENUMS = {
  amountType: AMOUNT_TYPES,
  currencyUnit: CURRENCY_UNITS,
  contentType: CONTENT_TYPES,
  authType: ANSWER_AUTH_TYPES,
  tokenPlacement: TOKEN_PLACEMENTS,
} as const satisfies { readonly [K in AnswerKey]?: readonly Answers[K][] };

/**
 * Every literal a template may compare a value with. A literal outside this set is a typo in a
 * template (the branch could never be taken), so `eq` refuses it.
 */
const COMPARABLE_LITERALS: ReadonlySet<string> = new Set(Object.values(ANSWER_ENUMS).flat());

function equals(value: unknown, literal: unknown): boolean {
  const text = requireString('eq', value);
  if (typeof literal !== 'string' || !COMPARABLE_LITERALS.has(literal)) {
    throw new TemplateValueError(`{{eq}} compares with an unknown literal ${shown(literal)}`);
  }
  return text === literal;
}

/**
 * Whether the `flows` answer holds any of `literals`. A literal that is no optional flow is a
 * typo in a template, so it is refused like `eq`'s.
 */
function holdsAny(list: unknown, literals: readonly unknown[]): boolean {
  if (!Array.isArray(list)) {
    throw new TemplateValueError(`{{has}} needs a list, got ${shown(list)}`);
  }
  if (literals.length === 0) throw new TemplateValueError('{{has}} needs at least one flow');
  for (const literal of literals) {
    if (!(OPTIONAL_FLOWS as readonly unknown[]).includes(literal)) {
      throw new TemplateValueError(`{{has}} asks for an unknown flow ${shown(literal)}`);
    }
  }
  return literals.some((literal) => list.includes(literal));
}

function requireBoolean(helper: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new TemplateValueError(`{{${helper}}} needs a condition, got ${shown(value)}`);
  }
  return value;
}

/** Handlebars passes its options object last; helpers take only the arguments before it. */
function argumentsOf(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

/**
 * Whether every line of a rendered block fits the print width. Counts UTF-16 units, which is
 * prettier's width for the ASCII the answers allow (a URL's host and path are ASCII once parsed).
 */
export function fitsWidth(text: string, width = PRINT_WIDTH): boolean {
  return text.split('\n').every((line) => line.length <= width);
}

function requireTable(value: unknown): MarkdownTable {
  const strings = (row: unknown): row is readonly string[] =>
    Array.isArray(row) && row.every((cell) => typeof cell === 'string');
  const table = value as Partial<MarkdownTable> | null;
  if (
    typeof table !== 'object' ||
    table === null ||
    !strings(table.header) ||
    !Array.isArray(table.rows) ||
    !table.rows.every(strings)
  ) {
    throw new TemplateValueError(
      `{{table}} needs { header, rows } of strings, got ${shown(value)}`,
    );
  }
  return table as MarkdownTable;
}

function requireList(helper: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new TemplateValueError(`{{${helper}}} needs a list, got ${shown(value)}`);
  }
  return value;
}

/** Helpers that write into the output; a `{{...}}` must call one of these. */
export const OUTPUT_HELPERS = {
  str: (value: unknown) => quoteString(requireString('str', value)),
  ident: (value: unknown) => checkIdentifier(value),
  key: (value: unknown) => propertyKey(value),
  /** Markdown (the README): a value as an inline code span. */
  code: (value: unknown) => codeSpan(requireString('code', value)),
  /** Markdown: a table laid out as prettier would; its cells are Markdown already. */
  table: (value: unknown) => markdownTable(requireTable(value)),
  /** Markdown: a line of a fenced code block (a command). */
  line: (value: unknown) => fencedLine(requireString('line', value)),
  /** A value inside a Mermaid message. */
  mermaid: (value: unknown) => mermaidText(requireString('mermaid', value)),
} satisfies Record<string, HelperDelegate>;

/** Helpers that answer true or false, for `#if`/`#unless` and each other. */
export const PREDICATE_HELPERS = {
  eq: (value: unknown, literal: unknown) => equals(value, literal),
  /** `(has answers.flows 'Capture' 'Void')`: the answers choose Capture or Void. */
  has: (list: unknown, ...args: unknown[]) => holdsAny(list, argumentsOf(args)),
  or: (...args: unknown[]) =>
    argumentsOf(args)
      .map((arg) => requireBoolean('or', arg))
      .some((value) => value),
  not: (value: unknown) => !requireBoolean('not', value),
} satisfies Record<string, HelperDelegate>;

/** Block helpers; `#if`/`#unless` replace Handlebars' own, which accept anything (even missing values). */
export const BLOCK_HELPERS = {
  if(this: unknown, condition: unknown, options: HelperOptions) {
    return requireBoolean('#if', condition) ? options.fn(this) : options.inverse(this);
  },
  unless(this: unknown, condition: unknown, options: HelperOptions) {
    return requireBoolean('#unless', condition) ? options.inverse(this) : options.fn(this);
  },
  /** `{{#each list}}…{{/each}}`: the block once per item of a list (nothing else), the item as `this`. */
  each(this: unknown, list: unknown, options: HelperOptions) {
    return requireList('#each', list)
      .map((item) => options.fn(item))
      .join('');
  },
  /** `{{#fits}}one line{{else}}broken{{/fits}}`: the first layout if all its lines fit. */
  fits(this: unknown, options: HelperOptions) {
    const single: string = options.fn(this);
    return fitsWidth(single) ? single : options.inverse(this);
  },
} satisfies Record<string, HelperDelegate>;
