/**
 * @module The answers (DESIGN §3): one zod declaration of every key, with its type, default,
 * description and prompt text, from which the CLI derives flags, prompts and help, and through
 * which every answer (flag, file, preset, prompt) is validated.
 */

import { z } from 'zod';

import { AMOUNT_TYPES } from '../../runtime/amount.js';
import type { AuthTypeName } from '../../runtime/auth.js';
import { CONTENT_TYPES } from '../../runtime/connector.js';
import {
  checkBaseUrl,
  DEFAULT_TOKEN_NAMES,
  endpointViolation,
  nameRuleViolations,
  TOKEN_PLACEMENTS,
} from './rules.js';
import { InternalError, type Issue } from '../errors.js';
import { CROSS_FIELD_RULES, tokenPlacementOf } from './cross-field.js';
import { splitWords } from './names.js';

export type AnswerIssue = Issue;

export const CURRENCY_UNITS = ['Major', 'Minor'] as const;
export const ANSWER_AUTH_TYPES = [
  'HeaderKey',
  'BodyKey',
  'SignatureKey',
] as const satisfies readonly AuthTypeName[];
export { TOKEN_PLACEMENTS, DEFAULT_TOKEN_NAMES };

/** What each key carries besides its type and default. */
export interface AnswerFieldMeta {
  readonly description: string;
  /** The question a prompt asks. */
  readonly prompt: string;
  /** A valid value, for help text and the "command that would work" hint. */
  readonly example?: string;
  /** A default computed from the other answers (tokenName follows tokenPlacement). */
  readonly defaultFrom?: (answers: Readonly<Record<string, unknown>>) => string;
}

const fieldMeta = z.registry<AnswerFieldMeta>();

function withRules(check: (value: string) => readonly string[]) {
  return z.string().superRefine((value, ctx) => {
    for (const message of check(value)) ctx.addIssue({ code: 'custom', message });
  });
}

function endpoint() {
  return withRules((value) => {
    const rule = endpointViolation(value);
    return rule === undefined ? [] : [rule];
  });
}

/** The single declaration of every answer key, in prompt order. */
export const ANSWER_FIELDS = {
  name: withRules(nameRuleViolations).register(fieldMeta, {
    description: 'Connector name in PascalCase; derives its id, folder and exported value',
    prompt: 'Connector name (PascalCase, e.g. NewPayment)',
    example: 'NewPayment',
  }),
  baseUrl: z
    .string()
    .transform((value, ctx) => {
      const checked = checkBaseUrl(value);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: 'custom', message: checked.rule });
      return z.NEVER;
    })
    .register(fieldMeta, {
      description: 'Gateway base URL: https, or http for localhost, 127.0.0.1 and [::1]',
      prompt: 'Base URL of the gateway (sandbox)',
      example: 'https://api.example.com',
    }),
  amountType: z.enum(AMOUNT_TYPES).default('StringMinorUnit').register(fieldMeta, {
    description: 'How the amount is written on the wire',
    prompt: 'Amount type',
  }),
  currencyUnit: z.enum(CURRENCY_UNITS).default('Minor').register(fieldMeta, {
    description: 'Currency unit the connector declares (UCS get_currency_unit)',
    prompt: 'Currency unit',
  }),
  contentType: z.enum(CONTENT_TYPES).default('application/json').register(fieldMeta, {
    description: 'Content type of every request body',
    prompt: 'Content type',
  }),
  authType: z.enum(ANSWER_AUTH_TYPES).default('HeaderKey').register(fieldMeta, {
    description: 'Credential type the connector accepts',
    prompt: 'Auth type',
  }),
  sessionTokenEndpoint: endpoint().register(fieldMeta, {
    description: 'Session token endpoint, relative to the base URL',
    prompt: 'Session token endpoint (relative path)',
    example: 'v1/session-token',
  }),
  authorizeEndpoint: endpoint().register(fieldMeta, {
    description: 'Authorize endpoint, relative to the base URL',
    prompt: 'Authorize endpoint (relative path)',
    example: 'v1/payments',
  }),
  tokenPlacement: z.enum(TOKEN_PLACEMENTS).default('body').register(fieldMeta, {
    description: 'Where Authorize carries the session token',
    prompt: 'Where does Authorize carry the session token?',
  }),
  tokenName: z
    .string()
    .optional()
    .register(fieldMeta, {
      description:
        'Body field, header or query parameter carrying the token ' +
        '(default: body sessionToken, header X-Session-Token, query sessionToken)',
      prompt: 'Name of the field, header or parameter carrying the token',
      defaultFrom: (answers) => DEFAULT_TOKEN_NAMES[tokenPlacementOf(answers)],
    }),
};

export type AnswerKey = keyof typeof ANSWER_FIELDS;
export const ANSWER_KEYS = Object.keys(ANSWER_FIELDS) as readonly AnswerKey[];

/**
 * The whole answer set: unknown keys refused, defaults filled, the two endpoints distinct,
 * tokenName checked for its placement.
 */
export const AnswersSchema = z
  .strictObject(ANSWER_FIELDS)
  .superRefine((answers, ctx) => {
    const values: Readonly<Record<string, unknown>> = answers;
    // zod runs this after field issues too; a refused answer already has its own issue
    const valid = (key: string) => ANSWER_FIELDS[key as AnswerKey].safeParse(values[key]).success;
    for (const rule of CROSS_FIELD_RULES) {
      const value = values[rule.key];
      if (typeof value !== 'string' || ![rule.key, ...rule.after].every(valid)) continue;
      const broken = rule.check(value, values);
      if (broken !== undefined) ctx.addIssue({ code: 'custom', path: [rule.key], message: broken });
    }
  })
  .transform((answers) => ({
    ...answers,
    tokenName: answers.tokenName ?? DEFAULT_TOKEN_NAMES[answers.tokenPlacement],
  }));

/** Fully resolved answers: every key present, defaults applied, baseUrl canonical. */
export type Answers = z.output<typeof AnswersSchema>;
/** What an answers file, a preset or a set of flags may hold. */
export type AnswersInput = z.input<typeof AnswersSchema>;

/** What the CLI needs to offer one key as a flag, a prompt and a help line. */
export interface AnswerMeta extends AnswerFieldMeta {
  readonly key: AnswerKey;
  /** kebab-case flag name without dashes: `base-url`. */
  readonly flag: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
  /** Static default; see `answerDefault` for defaults that follow other answers. */
  readonly default?: string;
}

function describeField(key: AnswerKey): AnswerMeta {
  const schema: z.ZodType = ANSWER_FIELDS[key];
  const meta = fieldMeta.get(schema);
  if (meta === undefined) throw new InternalError(`answer key ${key} has no metadata`);
  const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  const staticDefault =
    schema instanceof z.ZodDefault ? String(schema.def.defaultValue as unknown) : undefined;
  const optional = inner instanceof z.ZodOptional || staticDefault !== undefined;
  return {
    key,
    flag: splitWords(key)
      .map((word) => word.toLowerCase())
      .join('-'),
    ...meta,
    required: !optional,
    ...(inner instanceof z.ZodEnum ? { choices: inner.options.map(String) } : {}),
    ...(staticDefault === undefined ? {} : { default: staticDefault }),
  };
}

/** Per-key metadata, derived from ANSWER_FIELDS. */
export const ANSWER_META: { readonly [K in AnswerKey]: AnswerMeta } = Object.fromEntries(
  ANSWER_KEYS.map((key) => [key, describeField(key)]),
) as { readonly [K in AnswerKey]: AnswerMeta };

export const REQUIRED_ANSWER_KEYS: readonly AnswerKey[] = ANSWER_KEYS.filter(
  (key) => ANSWER_META[key].required,
);

export function isAnswerKey(key: string): key is AnswerKey {
  return Object.hasOwn(ANSWER_FIELDS, key);
}

/** The default a prompt pre-fills for `key`, given the answers collected so far. */
export function answerDefault(
  key: AnswerKey,
  answers: Readonly<Record<string, unknown>> = {},
): string | undefined {
  const meta = ANSWER_META[key];
  return meta.defaultFrom?.(answers) ?? meta.default;
}

/** Required keys the partial answer set does not give (undefined counts as not given). */
export function missingRequiredKeys(partial: Readonly<Record<string, unknown>>): AnswerKey[] {
  return REQUIRED_ANSWER_KEYS.filter((key) => partial[key] === undefined);
}
