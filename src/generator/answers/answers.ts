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
  distinctEndpointsViolation,
  endpointViolation,
  declaredIdentifierViolation,
  existingIdViolation,
  nameRuleViolations,
  redactBaseUrl,
  TOKEN_PLACEMENTS,
  tokenNameViolation,
  type TokenPlacementAnswer,
} from './rules.js';
import { InternalError, type Issue } from '../errors.js';
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

function tokenPlacementOf(answers: Readonly<Record<string, unknown>>): TokenPlacementAnswer {
  const placement = answers['tokenPlacement'];
  return TOKEN_PLACEMENTS.find((candidate) => candidate === placement) ?? 'body';
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
    const { sessionTokenEndpoint, authorizeEndpoint } = answers;
    // zod runs this after field issues too; an invalid endpoint already has its own issue
    if (
      endpointViolation(sessionTokenEndpoint) === undefined &&
      endpointViolation(authorizeEndpoint) === undefined
    ) {
      const rule = distinctEndpointsViolation(sessionTokenEndpoint, authorizeEndpoint);
      if (rule !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['authorizeEndpoint'], message: rule });
      }
    }
    if (answers.tokenName === undefined) return;
    const rule = tokenNameViolation(answers.tokenName, answers.tokenPlacement);
    if (rule !== undefined) ctx.addIssue({ code: 'custom', path: ['tokenName'], message: rule });
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

export interface AnswerContext {
  /** Ids of the connectors the workspace already registers. */
  readonly existingIds?: readonly string[];
  /** Identifiers the workspace already declares, each with where; a name binding one is refused. */
  readonly declared?: ReadonlyMap<string, string>;
}

export type ParseAnswersResult =
  | { readonly ok: true; readonly answers: Answers; readonly issues?: never }
  | { readonly ok: false; readonly answers?: never; readonly issues: AnswerIssue[] };

// an unknown key named like a credential (apiKey, secret…) most likely holds one
const SECRET_LIKE_KEY = /key|secret|password|passphrase|credential|token|auth/i;

/** What an issue may echo of a value: never a credential. */
function issueValue(key: string, value: unknown): { value?: unknown } {
  if (value === undefined) return {};
  if (key === 'baseUrl' && typeof value === 'string') return { value: redactBaseUrl(value) };
  if (!isAnswerKey(key) && SECRET_LIKE_KEY.test(key)) return { value: '***' };
  return { value };
}

function issue(key: string, value: unknown, rule: string): AnswerIssue {
  return { key, ...issueValue(key, value), rule };
}

function toIssues(error: z.ZodError, input: Readonly<Record<string, unknown>>): AnswerIssue[] {
  return error.issues.flatMap((zodIssue): AnswerIssue[] => {
    if (zodIssue.code === 'unrecognized_keys') {
      return zodIssue.keys.map((key) =>
        issue(key, input[key], `is not an answer key (expected one of ${ANSWER_KEYS.join(', ')})`),
      );
    }
    const key = String(zodIssue.path[0] ?? 'answers');
    const value = input[key];
    switch (zodIssue.code) {
      case 'invalid_type':
        return [
          issue(key, value, value === undefined ? 'is required' : `must be a ${zodIssue.expected}`),
        ];
      case 'invalid_value':
        return [issue(key, value, `must be one of ${zodIssue.values.map(String).join(', ')}`)];
      default:
        return [issue(key, value, zodIssue.message)];
    }
  });
}

const keyOrder = (key: string): number => {
  const index = ANSWER_KEYS.indexOf(key as AnswerKey);
  return index === -1 ? ANSWER_KEYS.length : index;
};

function isPlainObject(input: unknown): input is Readonly<Record<string, unknown>> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/**
 * Validates a complete answer set (an answers file, a preset merged with flags…). Every issue
 * names the key, the value and the rule; all issues are reported at once.
 */
export function parseAnswers(input: unknown, context: AnswerContext = {}): ParseAnswersResult {
  if (!isPlainObject(input)) {
    return { ok: false, issues: [issue('answers', input, 'must be an object of answers')] };
  }
  const parsed = AnswersSchema.safeParse(input);
  const issues = parsed.success ? [] : toIssues(parsed.error, input);
  const failed = new Set(issues.map((found) => found.key));
  // the object-level rules run only when every field passed; report them for valid fields anyway
  if (!parsed.success && !failed.has('sessionTokenEndpoint') && !failed.has('authorizeEndpoint')) {
    const { sessionTokenEndpoint, authorizeEndpoint } = input;
    if (typeof sessionTokenEndpoint === 'string' && typeof authorizeEndpoint === 'string') {
      const rule = distinctEndpointsViolation(sessionTokenEndpoint, authorizeEndpoint);
      if (rule !== undefined) issues.push(issue('authorizeEndpoint', authorizeEndpoint, rule));
    }
  }
  if (!parsed.success && !failed.has('tokenName') && !failed.has('tokenPlacement')) {
    const { tokenName } = input;
    if (typeof tokenName === 'string') {
      const rule = tokenNameViolation(tokenName, tokenPlacementOf(input));
      if (rule !== undefined) issues.push(issue('tokenName', tokenName, rule));
    }
  }
  if (!failed.has('name') && typeof input['name'] === 'string') {
    const rule = nameInWorkspaceViolation(input['name'], context);
    if (rule !== undefined) issues.push(issue('name', input['name'], rule));
  }
  if (parsed.success && issues.length === 0) return { ok: true, answers: parsed.data };
  issues.sort((a, b) => keyOrder(a.key) - keyOrder(b.key));
  return { ok: false, issues };
}

/** The rules a well-formed name breaks in its workspace: an existing id, a declared identifier. */
function nameInWorkspaceViolation(name: string, context: AnswerContext): string | undefined {
  return (
    existingIdViolation(name, context.existingIds) ??
    declaredIdentifierViolation(name, context.declared)
  );
}

export type ValidateAnswerResult<K extends AnswerKey = AnswerKey> =
  | { readonly ok: true; readonly value: Answers[K]; readonly issues?: never }
  | { readonly ok: false; readonly value?: never; readonly issues: AnswerIssue[] };

/**
 * Validates one answer, as a prompt does after each question, with the same rules as
 * `parseAnswers`. `answers` holds what was collected so far (tokenName depends on
 * tokenPlacement, authorizeEndpoint on sessionTokenEndpoint).
 */
export function validateAnswer<K extends AnswerKey>(
  key: K,
  value: unknown,
  context: AnswerContext & { readonly answers?: Readonly<Record<string, unknown>> } = {},
): ValidateAnswerResult<K> {
  if (!isAnswerKey(key)) {
    return {
      ok: false,
      issues: [
        issue(key, value, `is not an answer key (expected one of ${ANSWER_KEYS.join(', ')})`),
      ],
    };
  }
  const parsed = ANSWER_FIELDS[key].safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: toIssues(prefixPath(parsed.error, key), { [key]: value }) };
  }
  const answers = context.answers ?? {};
  let rule: string | undefined;
  if (key === 'tokenName') {
    rule =
      parsed.data === undefined
        ? undefined
        : tokenNameViolation(String(parsed.data), tokenPlacementOf(answers));
  } else if (key === 'name') {
    rule = nameInWorkspaceViolation(String(parsed.data), context);
  } else if (key === 'authorizeEndpoint') {
    const sessionTokenEndpoint = answers['sessionTokenEndpoint'];
    rule =
      typeof sessionTokenEndpoint === 'string'
        ? distinctEndpointsViolation(sessionTokenEndpoint, String(parsed.data))
        : undefined;
  }
  if (rule !== undefined) return { ok: false, issues: [issue(key, value, rule)] };
  const resolved = parsed.data ?? answerDefault(key, answers);
  return { ok: true, value: resolved as Answers[K] };
}

function prefixPath(error: z.ZodError, key: string): z.ZodError {
  for (const zodIssue of error.issues) zodIssue.path.unshift(key);
  return error;
}

/** A prompt `validate` function: `true`, or the first broken rule as the message to show. */
export function promptValidator(
  key: AnswerKey,
  context: AnswerContext & { readonly answers?: Readonly<Record<string, unknown>> } = {},
): (value: unknown) => true | string {
  return (value) => {
    const result = validateAnswer(key, value, context);
    return result.ok ? true : (result.issues[0]?.rule ?? 'is invalid');
  };
}
