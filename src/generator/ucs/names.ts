/**
 * @module The Rust forms of a connector name, split into words exactly as Rust's `heck` crate
 * does (connector-service derives its proto and Rust names with heck via prost), and the rules
 * a name must pass before any of them is used.
 */

import { UsageError } from './adapter.js';

/** The forms a UCS connector goes by; each is used verbatim as an identifier or key. */
export interface UcsNames {
  /** snake_case: module, file, `Connectors` field, TOML key, `id()` — `bambora_apac`. */
  readonly snake: string;
  /** UpperCamelCase: struct, `ConnectorEnum` variant, prost variant — `BamboraApac`. */
  readonly pascal: string;
  /** SHOUTY_SNAKE_CASE: the `enum Connector` value in payment.proto — `BAMBORA_APAC`. */
  readonly proto: string;
}

type Mode = 'boundary' | 'lower' | 'upper';

const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isAlphanumeric = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/**
 * heck's word split: non-alphanumerics separate words; inside a word a boundary falls after a
 * lowercase run meeting an uppercase letter, and before the last capital of an acronym followed
 * by a lowercase letter. Digits keep the case mode of what precedes them.
 */
export function heckWords(input: string): string[] {
  const words: string[] = [];
  for (const part of input.split(/[^\p{L}\p{N}]/u)) {
    const chars = [...part];
    let start = 0;
    let mode: Mode = 'boundary';
    for (let i = 0; i < chars.length; i += 1) {
      const c = chars[i] as string;
      const next = chars[i + 1];
      if (next === undefined) {
        words.push(chars.slice(start).join(''));
        break;
      }
      const nextMode: Mode = isLower(c) ? 'lower' : isUpper(c) ? 'upper' : mode;
      if (nextMode === 'lower' && isUpper(next)) {
        words.push(chars.slice(start, i + 1).join(''));
        start = i + 1;
        mode = 'boundary';
      } else if (mode === 'upper' && isUpper(c) && isLower(next)) {
        words.push(chars.slice(start, i).join(''));
        start = i;
        mode = 'boundary';
      } else {
        mode = nextMode;
      }
    }
  }
  return words.filter((word) => word !== '' && [...word].some(isAlphanumeric));
}

const capitalize = (word: string): string =>
  word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

export const toSnakeCase = (input: string): string =>
  heckWords(input)
    .map((word) => word.toLowerCase())
    .join('_');
export const toUpperCamelCase = (input: string): string =>
  heckWords(input).map(capitalize).join('');
export const toShoutySnakeCase = (input: string): string =>
  heckWords(input)
    .map((word) => word.toUpperCase())
    .join('_');

/**
 * The Rust variant prost-build generates for value `value` of proto enum `enumName`: heck's
 * UpperCamelCase with the enum's own name stripped when what follows it starts a new word.
 */
export function prostVariant(enumName: string, value: string): string {
  const prefix = toUpperCamelCase(enumName);
  let name = toUpperCamelCase(value);
  if (name === 'Self') name = 'Self_';
  const stripped = name.startsWith(prefix) ? name.slice(prefix.length) : name;
  return /^\p{Lu}/u.test(stripped) ? stripped : name;
}

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * Every form of `name`, or a UsageError naming the rule it broke: the snake form must be a plain
 * Rust identifier, must not start with `connector` (prost would strip it from the proto value
 * and the Rust variant would no longer match), and the proto value must map back to the same
 * Rust variant.
 */
export function ucsNames(name: string): UcsNames {
  const snake = toSnakeCase(name);
  const pascal = toUpperCamelCase(name);
  const proto = toShoutySnakeCase(name);
  const refuse = (rule: string): never => {
    throw new UsageError(`name ${JSON.stringify(name)}: ${rule}`, {
      issues: [{ key: 'name', value: name, rule }],
    });
  };
  if (!SNAKE.test(snake)) {
    refuse('must give a Rust identifier: letters and digits in words, starting with a letter');
  }
  if (snake.startsWith('connector')) {
    refuse('must not start with "connector" (prost strips that prefix from payment.proto values)');
  }
  if (prostVariant('Connector', proto) !== pascal) {
    refuse(`its proto value ${proto} would not map back to the Rust variant ${pascal}`);
  }
  return { snake, pascal, proto };
}
