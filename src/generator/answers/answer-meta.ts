/**
 * @module What the CLI derives from the answer schema for each key: its flag, whether it is
 * required, its choices and its default (static, or following other answers).
 */

import { z } from '../../runtime/zod.cjs';

import { InternalError } from '../errors.js';
import { splitWords } from './names.js';
import {
  ANSWER_FIELDS,
  ANSWER_KEYS,
  fieldMeta,
  type AnswerFieldMeta,
  type AnswerKey,
} from './schema.js';

/** What the CLI needs to offer one key as a flag, a prompt and a help line. */
export interface AnswerMeta extends AnswerFieldMeta {
  readonly key: AnswerKey;
  /** kebab-case flag name without dashes: `base-url`. */
  readonly flag: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
  /** The answer is a list of `choices` (a comma-separated flag, a JSON array, a checkbox). */
  readonly list?: true;
  /** Static default; see `answerDefault` for defaults that follow other answers. */
  readonly default?: string;
}

function describeField(key: AnswerKey): AnswerMeta {
  const schema: z.ZodType = ANSWER_FIELDS[key];
  const meta = fieldMeta.get(schema);
  if (meta === undefined) throw new InternalError(`answer key ${key} has no metadata`);
  const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  // a list's default reads as its flag would spell it: comma-separated
  const staticDefault =
    schema instanceof z.ZodDefault ? String(schema.def.defaultValue as unknown) : undefined;
  const element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
  const optional = inner instanceof z.ZodOptional || staticDefault !== undefined;
  return {
    key,
    flag: splitWords(key)
      .map((word) => word.toLowerCase())
      .join('-'),
    ...meta,
    required: !optional,
    ...(inner instanceof z.ZodEnum ? { choices: inner.options.map(String) } : {}),
    ...(element instanceof z.ZodEnum
      ? { choices: element.options.map(String), list: true as const }
      : {}),
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
