/**
 * @module The answers of the Rust target: the TypeScript target's keys plus what the Rust side
 * needs (MultiAuthKey, the credential field names, a production URL), checked so that every
 * value can go verbatim into a Rust identifier, string literal, format string or TOML string.
 */

import { UsageError, type Issue } from './adapter.js';
import { ucsNames, type UcsNames } from './names.js';

export const UCS_AUTH_TYPES = ['HeaderKey', 'BodyKey', 'SignatureKey', 'MultiAuthKey'] as const;
export type UcsAuthType = (typeof UCS_AUTH_TYPES)[number];

/** The `ConnectorAuthType` variant's fields, in declaration order. */
export const AUTH_SLOTS: { readonly [A in UcsAuthType]: readonly string[] } = {
  HeaderKey: ['api_key'],
  BodyKey: ['api_key', 'key1'],
  SignatureKey: ['api_key', 'key1', 'api_secret'],
  MultiAuthKey: ['api_key', 'key1', 'api_secret', 'key2'],
};

export const UCS_AMOUNT_TYPES = [
  'MinorUnit',
  'StringMinorUnit',
  'StringMajorUnit',
  'FloatMajorUnit',
] as const;
export const UCS_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export const UCS_TOKEN_PLACEMENTS = ['body', 'header', 'query'] as const;
const CURRENCY_UNITS = ['Major', 'Minor'] as const;

const DEFAULT_TOKEN_NAMES = {
  body: 'sessionToken',
  header: 'X-Session-Token',
  query: 'sessionToken',
};

/** The raw answers, as flags or a file give them. */
export interface UcsAnswers {
  readonly name: string;
  readonly baseUrl: string;
  readonly baseUrlProduction?: string;
  readonly amountType?: string;
  readonly currencyUnit?: string;
  readonly contentType?: string;
  readonly authType?: string;
  /** Names of the credential fields, one per slot of the auth variant, in slot order. */
  readonly authFields?: readonly string[];
  readonly sessionTokenEndpoint: string;
  readonly authorizeEndpoint: string;
  readonly tokenPlacement?: string;
  readonly tokenName?: string;
}

export interface AuthField {
  /** The field of `<Name>AuthType` and of the request bodies. */
  readonly field: string;
  /** The `ConnectorAuthType` field it comes from. */
  readonly slot: string;
}

/** Checked answers, every default filled. */
export interface UcsInputs {
  readonly names: UcsNames;
  readonly baseUrls: {
    readonly development: string;
    readonly sandbox: string;
    readonly production: string;
  };
  readonly amountType: (typeof UCS_AMOUNT_TYPES)[number];
  readonly currencyUnit: (typeof CURRENCY_UNITS)[number];
  readonly contentType: (typeof UCS_CONTENT_TYPES)[number];
  readonly authType: UcsAuthType;
  readonly authFields: readonly AuthField[];
  readonly sessionTokenEndpoint: string;
  readonly authorizeEndpoint: string;
  readonly token: {
    readonly placement: (typeof UCS_TOKEN_PLACEMENTS)[number];
    readonly name: string;
  };
}

const RUST_KEYWORDS = new Set(
  (
    'as async await break const continue crate dyn else enum extern false fn for if impl in let loop ' +
    'match mod move mut pub ref return self static struct super trait true type unsafe use where while ' +
    'abstract become box do final macro override priv try typeof unsized virtual yield gen'
  ).split(' '),
);
/** Fields the request bodies already have. */
const RESERVED_FIELDS = new Set([
  'client_request_id',
  'amount',
  'currency',
  'reference',
  'payment_method',
  'session_token',
]);
const SNAKE_FIELD = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const ENDPOINT = /^[A-Za-z0-9][A-Za-z0-9._~\-/]*$/;
const TOKEN_NAMES = {
  body: /^[A-Za-z_][A-Za-z0-9_]*$/,
  header: /^[A-Za-z0-9][A-Za-z0-9-]*$/,
  query: /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
};

function oneOf<T extends string>(
  issues: Issue[],
  key: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined)
    issues.push({ key, value, rule: `must be one of ${allowed.join(', ')}` });
  return found ?? fallback;
}

function url(issues: Issue[], key: string, value: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (
    parsed === undefined ||
    !['http:', 'https:'].includes(parsed.protocol) ||
    /[\s"'\\{}]/.test(value) ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    issues.push({
      key,
      value,
      rule: 'must be an http(s) URL without credentials, quotes, backslashes, braces or spaces',
    });
  }
  return value;
}

function endpoint(issues: Issue[], key: string, value: string): string {
  if (!ENDPOINT.test(value) || value.split('/').some((part) => part === '..' || part === '.')) {
    issues.push({ key, value, rule: 'must be a relative path of letters, digits and . _ ~ - /' });
  }
  return value;
}

function authFields(
  issues: Issue[],
  authType: UcsAuthType,
  given: readonly string[] | undefined,
): AuthField[] {
  const slots = AUTH_SLOTS[authType];
  const fields = given ?? slots;
  if (fields.length !== slots.length) {
    issues.push({
      key: 'authFields',
      value: fields.join(','),
      rule: `must name ${slots.length} field(s) for ${authType} (${slots.join(', ')})`,
    });
    return slots.map((slot) => ({ field: slot, slot }));
  }
  const seen = new Set<string>();
  for (const field of fields) {
    const rule = !SNAKE_FIELD.test(field)
      ? 'must be a snake_case Rust identifier'
      : RUST_KEYWORDS.has(field)
        ? 'must not be a Rust keyword'
        : RESERVED_FIELDS.has(field)
          ? 'is a field the requests already have'
          : seen.has(field)
            ? 'is given twice'
            : undefined;
    if (rule !== undefined) issues.push({ key: 'authFields', value: field, rule });
    seen.add(field);
  }
  return fields.map((field, index) => ({ field, slot: slots[index] as string }));
}

/** Checks every answer at once; a UsageError lists each refused key with its rule. */
export function parseUcsAnswers(answers: UcsAnswers): UcsInputs {
  const issues: Issue[] = [];
  let names: UcsNames | undefined;
  try {
    names = ucsNames(answers.name);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    issues.push(...error.issues);
  }
  const sandbox = url(issues, 'baseUrl', answers.baseUrl);
  const production =
    answers.baseUrlProduction === undefined
      ? sandbox
      : url(issues, 'baseUrlProduction', answers.baseUrlProduction);
  const authType = oneOf(issues, 'authType', answers.authType, UCS_AUTH_TYPES, 'HeaderKey');
  const placement = oneOf(
    issues,
    'tokenPlacement',
    answers.tokenPlacement,
    UCS_TOKEN_PLACEMENTS,
    'body',
  );
  const tokenName = answers.tokenName ?? DEFAULT_TOKEN_NAMES[placement];
  if (!TOKEN_NAMES[placement].test(tokenName)) {
    issues.push({ key: 'tokenName', value: tokenName, rule: `is not a valid ${placement} name` });
  }
  const inputs = {
    baseUrls: { development: sandbox, sandbox, production },
    amountType: oneOf(
      issues,
      'amountType',
      answers.amountType,
      UCS_AMOUNT_TYPES,
      'StringMinorUnit',
    ),
    currencyUnit: oneOf(issues, 'currencyUnit', answers.currencyUnit, CURRENCY_UNITS, 'Minor'),
    contentType: oneOf(
      issues,
      'contentType',
      answers.contentType,
      UCS_CONTENT_TYPES,
      'application/json',
    ),
    authType,
    authFields: authFields(issues, authType, answers.authFields),
    sessionTokenEndpoint: endpoint(issues, 'sessionTokenEndpoint', answers.sessionTokenEndpoint),
    authorizeEndpoint: endpoint(issues, 'authorizeEndpoint', answers.authorizeEndpoint),
    token: { placement, name: tokenName },
  };
  if (answers.sessionTokenEndpoint === answers.authorizeEndpoint) {
    issues.push({
      key: 'authorizeEndpoint',
      value: answers.authorizeEndpoint,
      rule: 'must differ from sessionTokenEndpoint',
    });
  }
  if (issues.length > 0 || names === undefined) {
    const list = issues.map((found) => `${found.key} ${found.rule}`).join('; ');
    throw new UsageError(`invalid answers for the ucs target: ${list}`, { issues });
  }
  return { names, ...inputs };
}
