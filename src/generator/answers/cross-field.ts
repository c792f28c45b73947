/**
 * @module The answers' cross-field rules, declared once: each is reported on one key and depends
 * on others. The schema, the answer-set parser (files, flags, presets) and the one-answer
 * validator (prompts, answer resolution) all read this table.
 */

import {
  distinctEndpointsViolation,
  TOKEN_PLACEMENTS,
  tokenNameViolation,
  type TokenPlacementAnswer,
} from './rules.js';

type AnswerValues = Readonly<Record<string, unknown>>;

export interface CrossFieldRule {
  /** The answer the rule is reported on. */
  readonly key: 'tokenName' | 'authorizeEndpoint';
  /** The answers it depends on: when one of them is refused, the rule is not judged. */
  readonly after: readonly string[];
  /** The broken rule's message for `value` given the other `answers`, or undefined. */
  readonly check: (value: string, answers: AnswerValues) => string | undefined;
}

/** The placement the answers give, or the default one (body) while it is unknown. */
export function tokenPlacementOf(answers: AnswerValues): TokenPlacementAnswer {
  const placement = answers['tokenPlacement'];
  return TOKEN_PLACEMENTS.find((candidate) => candidate === placement) ?? 'body';
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    key: 'tokenName',
    after: ['tokenPlacement'],
    check: (value, answers) => tokenNameViolation(value, tokenPlacementOf(answers)),
  },
  {
    key: 'authorizeEndpoint',
    after: ['sessionTokenEndpoint'],
    check: (value, answers) => {
      const sessionTokenEndpoint = answers['sessionTokenEndpoint'];
      return typeof sessionTokenEndpoint === 'string'
        ? distinctEndpointsViolation(sessionTokenEndpoint, value)
        : undefined;
    },
  },
];
