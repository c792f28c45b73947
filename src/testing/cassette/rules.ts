/**
 * @module The rules a cassette declares volatile members by: `{ "$match": "<rule>", … }` in place
 * of a value. Each rule may also say `prefix` and `suffix` (literal text around the part it
 * matches, e.g. `"prefix": "Bearer "`). `$match` is reserved: a member object holding it is a rule.
 *
 * | rule              | matches                                                                     |
 * |-------------------|-----------------------------------------------------------------------------|
 * | `any`             | any value that is present                                                   |
 * | `any-string`      | any string, the empty one included                                          |
 * | `non-empty-string`| any string but `""`                                                         |
 * | `unix-seconds`    | Unix seconds (decimal string or integer) within `toleranceSeconds` of now   |
 * | `unix-millis`     | Unix milliseconds, likewise                                                 |
 * | `iso-datetime`    | an ISO 8601 date-time (`2026-12-06T02:50:00Z`), likewise                    |
 * | `compact-datetime`| `YYYYMMDDHHmmss`, likewise (read as UTC; the default tolerance covers zones)|
 * | `sha256-hex`      | 64 hex digits                                                               |
 * | `hex`             | `length` hex digits                                                         |
 * | `base64`          | base64 or base64url text of at least `minLength` (default 16) characters    |
 * | `uuid`            | an RFC 4122 UUID                                                            |
 * | `pattern`         | a string matching the regular expression `regex`                            |
 * | `secret`          | the secret `name` (e.g. `auth.apiKey`, `payment.paymentMethod.number`) when |
 * |                   | the replay knows it, else any non-empty string; never printed              |
 * | `from-answer`     | the value at `path` (dot path) of answer `answer`'s JSON body, or of its     |
 * |                   | `header`: a token one answer gave and a later request carries               |
 *
 * `toleranceSeconds` defaults to one day: wide enough for clocks and time zones, narrow enough to
 * catch seconds sent as milliseconds, a fixed date or garbage.
 */

import { z } from '../../runtime/zod.cjs';

const affixes = {
  prefix: z.string().optional(),
  suffix: z.string().optional(),
};
const tolerance = { toleranceSeconds: z.number().positive().optional(), ...affixes };

export const cassetteRuleSchema = z.discriminatedUnion('$match', [
  z.object({ $match: z.literal('any'), ...affixes }).strict(),
  z.object({ $match: z.literal('any-string'), ...affixes }).strict(),
  z.object({ $match: z.literal('non-empty-string'), ...affixes }).strict(),
  z.object({ $match: z.literal('unix-seconds'), ...tolerance }).strict(),
  z.object({ $match: z.literal('unix-millis'), ...tolerance }).strict(),
  z.object({ $match: z.literal('iso-datetime'), ...tolerance }).strict(),
  z.object({ $match: z.literal('compact-datetime'), ...tolerance }).strict(),
  z.object({ $match: z.literal('sha256-hex'), ...affixes }).strict(),
  z.object({ $match: z.literal('hex'), length: z.number().int().positive(), ...affixes }).strict(),
  z
    .object({
      $match: z.literal('base64'),
      minLength: z.number().int().positive().optional(),
      ...affixes,
    })
    .strict(),
  z.object({ $match: z.literal('uuid'), ...affixes }).strict(),
  z
    .object({
      $match: z.literal('pattern'),
      regex: z.string().refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'must be a valid regular expression'),
      ...affixes,
    })
    .strict(),
  z.object({ $match: z.literal('secret'), name: z.string().min(1), ...affixes }).strict(),
  z
    .object({
      $match: z.literal('from-answer'),
      answer: z.number().int().nonnegative(),
      path: z.string().min(1).optional(),
      header: z.string().min(1).optional(),
      ...affixes,
    })
    .strict()
    .refine((rule) => (rule.path === undefined) !== (rule.header === undefined), {
      message: 'give exactly one of path and header',
    }),
]);

export type CassetteRule = z.infer<typeof cassetteRuleSchema>;
export type RuleName = CassetteRule['$match'];

export const RULE_NAMES: readonly RuleName[] = [
  'any',
  'any-string',
  'non-empty-string',
  'unix-seconds',
  'unix-millis',
  'iso-datetime',
  'compact-datetime',
  'sha256-hex',
  'hex',
  'base64',
  'uuid',
  'pattern',
  'secret',
  'from-answer',
];

export function isRuleObject(
  value: unknown,
): value is Record<string, unknown> & { $match: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$match' in value;
}

/** What a rule compares with: the clock, the secrets it may name, the answers served so far. */
export interface RuleContext {
  readonly nowMs: number;
  readonly secrets: ReadonlyMap<string, string>;
  /** The value a `from-answer` rule names, or undefined when that answer has none. */
  readonly fromAnswer: (rule: Extract<CassetteRule, { $match: 'from-answer' }>) => unknown;
}

const DAY_S = 86_400;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The instant a time rule reads from `text`, in ms, or undefined when it is not one. */
function instant(rule: CassetteRule['$match'], text: string): number | undefined {
  switch (rule) {
    case 'unix-seconds':
      return /^\d{1,12}$/.test(text) ? Number(text) * 1000 : undefined;
    case 'unix-millis':
      return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
    case 'iso-datetime': {
      const ms = ISO.test(text) ? Date.parse(text) : Number.NaN;
      return Number.isNaN(ms) ? undefined : ms;
    }
    case 'compact-datetime': {
      const parts = COMPACT.exec(text);
      if (parts === null) return undefined;
      const [, y, mo, d, h, mi, s] = parts.map(Number) as number[];
      const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
      const back = new Date(ms);
      return back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d! ? ms : undefined;
    }
    default:
      return undefined;
  }
}

/** Why `value` breaks `rule`, in words that never show a secret; undefined when it matches. */
export function ruleProblem(
  rule: CassetteRule,
  value: unknown,
  context: RuleContext,
): string | undefined {
  if (rule.$match === 'any') return value === undefined ? 'missing' : undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (
    typeof value === 'number' &&
    (rule.$match === 'unix-seconds' || rule.$match === 'unix-millis')
  ) {
    text = String(value);
  } else
    return `expected ${describeRule(rule)}, got ${value === undefined ? 'nothing' : typeof value}`;
  const { prefix = '', suffix = '' } = rule;
  if (
    !text.startsWith(prefix) ||
    !text.endsWith(suffix) ||
    text.length < prefix.length + suffix.length
  ) {
    return `expected ${describeRule(rule)}`;
  }
  const core = text.slice(prefix.length, text.length - suffix.length);
  return coreProblem(rule, core, context);
}

function coreProblem(rule: CassetteRule, core: string, context: RuleContext): string | undefined {
  const expected = `expected ${describeRule(rule)}`;
  switch (rule.$match) {
    case 'any':
    case 'any-string':
      return undefined;
    case 'non-empty-string':
      return core === '' ? expected : undefined;
    case 'unix-seconds':
    case 'unix-millis':
    case 'iso-datetime':
    case 'compact-datetime': {
      const ms = instant(rule.$match, core);
      if (ms === undefined) return expected;
      const off = Math.abs(ms - context.nowMs) / 1000;
      const limit = rule.toleranceSeconds ?? DAY_S;
      return off > limit ? `${expected}, but it is ${Math.round(off)} s from now` : undefined;
    }
    case 'sha256-hex':
      return /^[0-9a-f]{64}$/i.test(core) ? undefined : expected;
    case 'hex':
      return new RegExp(`^[0-9a-f]{${rule.length}}$`, 'i').test(core) ? undefined : expected;
    case 'base64':
      return core.length >= (rule.minLength ?? 16) && /^[A-Za-z0-9+/_-]+={0,2}$/.test(core)
        ? undefined
        : expected;
    case 'uuid':
      return UUID.test(core) ? undefined : expected;
    case 'pattern':
      return new RegExp(rule.regex).test(core) ? undefined : expected;
    case 'secret': {
      const known = context.secrets.get(rule.name);
      if (known === undefined) return core === '' ? expected : undefined;
      return core === known ? undefined : `expected the secret ${rule.name}, got another value`;
    }
    case 'from-answer': {
      const wanted = context.fromAnswer(rule);
      if (wanted === undefined) return `${expected}, but that answer has no such value`;
      return core === String(wanted) ? undefined : expected;
    }
  }
}

/** The rule in words, for reports. */
export function describeRule(rule: CassetteRule): string {
  const affix = `${rule.prefix === undefined ? '' : ` after ${JSON.stringify(rule.prefix)}`}${
    rule.suffix === undefined ? '' : ` before ${JSON.stringify(rule.suffix)}`
  }`;
  const within =
    'toleranceSeconds' in rule && rule.toleranceSeconds !== undefined
      ? ` within ${rule.toleranceSeconds} s of now`
      : '';
  const words: Record<RuleName, () => string> = {
    any: () => 'any value',
    'any-string': () => 'a string',
    'non-empty-string': () => 'a non-empty string',
    'unix-seconds': () => `Unix seconds${within}`,
    'unix-millis': () => `Unix milliseconds${within}`,
    'iso-datetime': () => `an ISO 8601 date-time${within}`,
    'compact-datetime': () => `a YYYYMMDDHHmmss date-time${within}`,
    'sha256-hex': () => '64 hex digits (SHA-256)',
    hex: () => `${(rule as { length: number }).length} hex digits`,
    base64: () => 'base64 text',
    uuid: () => 'a UUID',
    pattern: () => `a string matching /${(rule as { regex: string }).regex}/`,
    secret: () => `the secret ${(rule as { name: string }).name}`,
    'from-answer': () => {
      const r = rule as Extract<CassetteRule, { $match: 'from-answer' }>;
      return `the ${r.header === undefined ? `body member ${r.path}` : `header ${r.header}`} of exchanges[${r.answer}].answer`;
    },
  };
  return words[rule.$match]() + affix;
}
