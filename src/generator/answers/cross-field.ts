/**
 * @module The answers' cross-field rules, declared once: each is reported on one key and depends
 * on others. The schema, the answer-set parser (files, flags, presets) and the one-answer
 * validator (prompts, answer resolution) all read this table.
 */

import {
  absentFlowViolation,
  endpointClashViolation,
  ENDPOINT_KEYS,
  FLOW_ENDPOINT_KEYS,
  OPTIONAL_FLOWS,
  type FlowEndpointKey,
} from './flows.js';
import { TOKEN_PLACEMENTS, tokenNameViolation, type TokenPlacementAnswer } from './rules.js';

type AnswerValues = Readonly<Record<string, unknown>>;

export interface CrossFieldRule {
  /** The answer the rule is reported on. */
  readonly key: 'tokenName' | 'authorizeEndpoint' | FlowEndpointKey;
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

const endpointsBefore = (key: (typeof ENDPOINT_KEYS)[number]): readonly string[] =>
  ENDPOINT_KEYS.slice(0, ENDPOINT_KEYS.indexOf(key));

/** A flow's endpoint: its flow chosen, then distinct from every endpoint before it. */
function flowEndpointRule(key: FlowEndpointKey): CrossFieldRule {
  return {
    key,
    after: ['flows', ...endpointsBefore(key)],
    check: (value, answers) =>
      absentFlowViolation(key, answers) ?? endpointClashViolation(key, value, answers),
  };
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    key: 'tokenName',
    after: ['tokenPlacement'],
    check: (value, answers) => tokenNameViolation(value, tokenPlacementOf(answers)),
  },
  {
    key: 'authorizeEndpoint',
    after: endpointsBefore('authorizeEndpoint'),
    check: (value, answers) => endpointClashViolation('authorizeEndpoint', value, answers),
  },
  ...OPTIONAL_FLOWS.map((flow) => flowEndpointRule(FLOW_ENDPOINT_KEYS[flow])),
];
