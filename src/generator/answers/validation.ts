/**
 * @module Validating answers against the schema and the workspace: a whole answer set
 * (`parseAnswers`, for files, flags and presets) or one answer as a prompt asks it
 * (`validateAnswer`, `promptValidator`). Issues name the key, the value (never a credential) and
 * the rule; the rules are worded once, in rules.ts.
 */

import type { z } from '../../runtime/zod.cjs';

import { CROSS_FIELD_RULES } from './cross-field.js';
import { names } from './names.js';
import { declaredIdentifierViolation, existingIdViolation, redactBaseUrl } from './rules.js';
import {
  ANSWER_FIELDS,
  ANSWER_KEYS,
  AnswersSchema,
  type AnswerIssue,
  type AnswerKey,
  type Answers,
} from './schema.js';
import { answerDefault, isAnswerKey } from './answer-meta.js';

export interface AnswerContext {
  /**
   * Answers not known yet (still to be asked, or refused): a cross-field rule that depends on
   * one of them is not judged, as `parseAnswers` does not judge one after a refused answer.
   */
  readonly unknown?: ReadonlySet<string>;
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

/** `array` → `an array`, `string` → `a string`. */
function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
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
          issue(
            key,
            value,
            value === undefined ? 'is required' : `must be ${article(zodIssue.expected)}`,
          ),
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
  // the cross-field rules of fields that passed, when others failed (the schema judged none)
  for (const rule of parsed.success ? [] : CROSS_FIELD_RULES) {
    const value = input[rule.key];
    if (typeof value !== 'string' || [rule.key, ...rule.after].some((key) => failed.has(key))) {
      continue;
    }
    const broken = rule.check(value, input);
    if (broken !== undefined) issues.push(issue(rule.key, value, broken));
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
  if (context.existingIds === undefined && context.declared === undefined) return undefined;
  const derived = names(name);
  return (
    existingIdViolation(derived, context.existingIds) ??
    declaredIdentifierViolation(derived, context.declared)
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
  const crossField = CROSS_FIELD_RULES.find(
    (candidate) =>
      candidate.key === key && !candidate.after.some((after) => context.unknown?.has(after)),
  );
  const rule =
    key === 'name'
      ? nameInWorkspaceViolation(String(parsed.data), context)
      : crossField !== undefined && parsed.data !== undefined
        ? crossField.check(String(parsed.data), answers)
        : undefined;
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
