/**
 * @module The value rules of the answers (DESIGN §3) as plain functions returning the broken
 * rule's message, so the zod schema, the prompts and the tests share one wording.
 */

import { names, type Names } from './names.js';
import { TEMPLATE_BINDINGS } from './template-bindings.js';

export const TOKEN_PLACEMENTS = ['body', 'header', 'query'] as const;
export type TokenPlacementAnswer = (typeof TOKEN_PLACEMENTS)[number];

/** The token name each placement gets when none is given. */
export const DEFAULT_TOKEN_NAMES: { readonly [P in TokenPlacementAnswer]: string } = {
  body: 'sessionToken',
  header: 'X-Session-Token',
  query: 'sessionToken',
};

/** Words no JavaScript binding may be: reserved words, and the globals strict code cannot bind. */
export const JS_RESERVED_WORDS: ReadonlySet<string> = new Set([
  // ECMAScript reserved words
  ...['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete'],
  ...['do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if'],
  ...['import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw'],
  ...['true', 'try', 'typeof', 'var', 'void', 'while', 'with'],
  // reserved in strict code (every ES module) and in async/generator bodies
  ...['implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static'],
  ...['yield', 'await'],
  // strict code cannot bind these; the globals would be shadowed
  ...['arguments', 'eval', 'undefined', 'NaN', 'Infinity'],
]);

/** Words no derived form may be: they break as an identifier, a binding or a type name. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...JS_RESERVED_WORDS,
  // TypeScript's predefined type names: cannot name a type and read as the primitive
  ...['any', 'bigint', 'boolean', 'never', 'number', 'object', 'string', 'symbol', 'unknown'],
]);

/** Every own member of Object.prototype: as an id or value they collide with inherited lookups. */
export const OBJECT_PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set([
  ...['constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'],
  ...['toLocaleString', 'toString', 'valueOf', '__proto__'],
  ...['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'],
]);

/** The derived forms that name a binding or type in generated code, and so may not clash. */
const BOUND_FORMS: ReadonlySet<string> = new Set<keyof Names>(['value', 'type']);

const NAME_CHARACTERS = /^[A-Za-z0-9]*$/;
const NAME_START = /^[A-Z]/;
const NAME_MIN = 2;
const NAME_MAX = 64;

/**
 * The rules `name` breaks on its own (format; derived forms that are reserved words or clash with
 * what the generated connector declares); empty when it is fine.
 */
export function nameRuleViolations(name: string): string[] {
  const rules: string[] = [];
  if (!NAME_START.test(name)) rules.push('must start with an upper-case ASCII letter (PascalCase)');
  if (!NAME_CHARACTERS.test(name)) rules.push('must contain only ASCII letters and digits');
  if (name.length < NAME_MIN || name.length > NAME_MAX) {
    rules.push(`must be ${NAME_MIN}–${NAME_MAX} characters long`);
  }
  if (rules.length > 0) return rules;
  for (const [form, derived] of Object.entries(names(name))) {
    if (RESERVED_WORDS.has(derived)) {
      return [`derives ${form} "${derived}", a JavaScript/TypeScript reserved word`];
    }
    if (OBJECT_PROTOTYPE_MEMBERS.has(derived)) {
      return [`derives ${form} "${derived}", an Object.prototype member`];
    }
    if (BOUND_FORMS.has(form) && TEMPLATE_BINDINGS.has(derived)) {
      return [`derives ${form} "${derived}", a name the generated connector already declares`];
    }
  }
  return [];
}

/** The existing-id rule: exact id equality, never a substring. Takes the name's derived forms. */
export function existingIdViolation(
  { id }: Pick<Names, 'id'>,
  existingIds: readonly string[] | undefined,
): string | undefined {
  return existingIds?.includes(id)
    ? `derives id "${id}", which an existing connector already uses`
    : undefined;
}

/**
 * The rule a name breaks when its value (the binding the registry imports) is an identifier the
 * registry already declares: `declared` maps each such identifier to where ("the registry …").
 */
export function declaredIdentifierViolation(
  { value }: Pick<Names, 'value'>,
  declared: ReadonlyMap<string, string> | undefined,
): string | undefined {
  if (declared === undefined) return undefined;
  const where = declared.get(value);
  return where === undefined
    ? undefined
    : `derives value "${value}", which ${where} already declares`;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a base URL and returns its canonical form: the URL's own serialisation of origin and
 * path, without trailing slashes, so `{baseUrl}/{endpoint}` has exactly one `/` at the join.
 */
export function checkBaseUrl(
  value: string,
): { ok: true; value: string } | { ok: false; rule: string } {
  if (/\s/.test(value) || !URL.canParse(value)) {
    return { ok: false, rule: 'must be an absolute URL' };
  }
  const url = new URL(value);
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  ) {
    return { ok: false, rule: 'must use https (http only for localhost, 127.0.0.1 or [::1])' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, rule: 'must not contain credentials' };
  }
  if (value.includes('?') || value.includes('#')) {
    return { ok: false, rule: 'must not have a query or a fragment' };
  }
  return { ok: true, value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** What an issue may echo of a refused base URL: never its credentials. */
export function redactBaseUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** The rule a relative endpoint path breaks, if any. */
export function endpointViolation(path: string): string | undefined {
  if (path === '') return 'must not be empty';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) return 'must not contain a scheme';
  if (path.startsWith('/')) return 'must be a relative path (no leading "/")';
  if (path.includes('?') || path.includes('#')) return 'must not have a query or a fragment';
  const segments = path.split('/');
  if (segments.includes('')) return 'must not contain empty segments ("//" or a trailing "/")';
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    return 'must not contain "." or ".." segments';
  }
  if (!segments.every((segment) => SEGMENT.test(segment))) {
    return 'segments may contain only A–Z, a–z, 0–9 and . _ ~ -';
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// RFC 7230 §3.2.6 token
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Fields the generated Authorize body already carries (DESIGN §4). */
const AUTHORIZE_BODY_FIELDS: ReadonlySet<string> = new Set([
  ...['merchantId', 'merchantKey', 'amount', 'currency', 'reference', 'captureMethod'],
  'paymentMethod',
]);

/** Headers the connector sends itself or the HTTP client manages (lower case). */
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  ...['authorization', 'content-type', 'content-length', 'host', 'connection', 'keep-alive'],
  ...['transfer-encoding', 'upgrade', 'expect', 'te', 'trailer'],
]);

/** The rule a token name breaks for its placement, if any. */
export function tokenNameViolation(
  tokenName: string,
  placement: TokenPlacementAnswer,
): string | undefined {
  if (tokenName === '') return 'must not be empty';
  if (placement === 'header') {
    if (!HTTP_TOKEN.test(tokenName)) return 'must be an HTTP header name (RFC 7230 token)';
    if (RESERVED_HEADERS.has(tokenName.toLowerCase())) {
      return `must not be "${tokenName}", a header the connector or HTTP client already sets`;
    }
    return undefined;
  }
  if (!IDENTIFIER.test(tokenName)) {
    return `must be an identifier ([A-Za-z_][A-Za-z0-9_]*) for ${placement} placement`;
  }
  if (placement === 'body') {
    if (AUTHORIZE_BODY_FIELDS.has(tokenName)) {
      return `must not be "${tokenName}", a field the Authorize body already carries`;
    }
    if (OBJECT_PROTOTYPE_MEMBERS.has(tokenName)) {
      return `must not be "${tokenName}", an Object.prototype member`;
    }
  }
  return undefined;
}
