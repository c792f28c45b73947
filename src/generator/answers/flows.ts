/**
 * @module The flows a connector may add after CreateSessionToken and Authorize (DESIGN §3), each
 * with the answer that holds its endpoint, the placeholders that endpoint may name and its default.
 */

import { ENDPOINT_PLACEHOLDERS } from '../../runtime/url.js';
// the generic wire contract's own module (light: no emulator), so answers and emulator agree
import {
  GENERIC_FLOW_ENDPOINT_DEFAULTS,
  GENERIC_FLOW_ENDPOINT_KEYS,
  GENERIC_FLOWS,
  type EndpointKey,
  type GenericFlow,
} from '../../sandbox/generic/routes.js';
import { endpointViolation } from './rules.js';

/** The optional flows, in a payment's order (the canonical order of the `flows` answer). */
export const OPTIONAL_FLOWS = GENERIC_FLOWS;
export type OptionalFlow = GenericFlow;

/** The answer holding each optional flow's endpoint. */
export const FLOW_ENDPOINT_KEYS = GENERIC_FLOW_ENDPOINT_KEYS;
export type FlowEndpointKey = EndpointKey;

/** Every endpoint answer of a connector, in prompt order: distinct from one another. */
export const ENDPOINT_KEYS = [
  'sessionTokenEndpoint',
  'authorizeEndpoint',
  ...OPTIONAL_FLOWS.map((flow) => FLOW_ENDPOINT_KEYS[flow]),
] as const;

const [TRANSACTION_ID, REFUND_ID] = ENDPOINT_PLACEHOLDERS;

/** The placeholders (`{name}`, a whole segment) each flow's endpoint may name. */
const ENDPOINT_PLACEHOLDERS_OF: { readonly [F in OptionalFlow]: readonly string[] } = {
  PSync: [TRANSACTION_ID],
  Capture: [TRANSACTION_ID],
  Void: [TRANSACTION_ID],
  Refund: [TRANSACTION_ID],
  RSync: [TRANSACTION_ID, REFUND_ID],
};

/** The endpoint a flow gets when none is given: below the Authorize endpoint. */
export function defaultFlowEndpoint(flow: OptionalFlow, authorizeEndpoint: string): string {
  return GENERIC_FLOW_ENDPOINT_DEFAULTS[FLOW_ENDPOINT_KEYS[flow]].replace(
    '{authorizeEndpoint}',
    authorizeEndpoint,
  );
}

/** The flow whose endpoint `key` holds. */
export function flowOfEndpointKey(key: FlowEndpointKey): OptionalFlow {
  return OPTIONAL_FLOWS.find((flow) => FLOW_ENDPOINT_KEYS[flow] === key) as OptionalFlow;
}

const PLACEHOLDER_SEGMENT = /^\{([^{}]*)\}$/;

/**
 * The rule a flow's endpoint breaks, if any: the path rules of every endpoint, where a segment
 * may instead be one of the flow's placeholders, each named at most once.
 */
export function flowEndpointViolation(flow: OptionalFlow, path: string): string | undefined {
  const allowed = ENDPOINT_PLACEHOLDERS_OF[flow];
  const seen = new Set<string>();
  const segments = path.split('/').map((segment) => {
    const placeholder = PLACEHOLDER_SEGMENT.exec(segment)?.[1];
    if (placeholder === undefined) return segment;
    seen.add(placeholder);
    return 'placeholder';
  });
  const named = path.split('/').filter((segment) => PLACEHOLDER_SEGMENT.test(segment));
  const listed = allowed.map((name) => `{${name}}`).join(' or ');
  for (const segment of named) {
    if (!allowed.includes(segment.slice(1, -1))) {
      return `may name only the placeholder${allowed.length > 1 ? 's' : ''} ${listed}, not ${segment}`;
    }
  }
  if (seen.size < named.length) return `must name each placeholder at most once`;
  if (/[{}]/.test(segments.join('/'))) {
    return `a placeholder (${listed}) must be a whole path segment`;
  }
  return endpointViolation(segments.join('/'));
}

type AnswerValues = Readonly<Record<string, unknown>>;

/** The flows the answers choose: all five while `flows` is not given (its default). */
export function flowsOf(answers: AnswerValues): readonly OptionalFlow[] {
  const flows = answers['flows'];
  return Array.isArray(flows)
    ? OPTIONAL_FLOWS.filter((flow) => flows.includes(flow))
    : OPTIONAL_FLOWS;
}

function isFlowEndpointKey(key: string): key is FlowEndpointKey {
  return OPTIONAL_FLOWS.some((flow) => FLOW_ENDPOINT_KEYS[flow] === key);
}

/** The endpoint `key` ends up with: the one given, else its flow's default when it has the flow. */
export function effectiveEndpoint(key: string, answers: AnswerValues): string | undefined {
  const given = answers[key];
  if (typeof given === 'string') return given;
  const authorizeEndpoint = answers['authorizeEndpoint'];
  if (!isFlowEndpointKey(key) || typeof authorizeEndpoint !== 'string') return undefined;
  const flow = flowOfEndpointKey(key);
  return flowsOf(answers).includes(flow) ? defaultFlowEndpoint(flow, authorizeEndpoint) : undefined;
}

/**
 * The rule an endpoint breaks when an endpoint before it (in prompt order) ends up equal: the
 * connector, its emulator and its tests tell the requests apart by path.
 */
export function endpointClashViolation(
  key: (typeof ENDPOINT_KEYS)[number],
  value: string,
  answers: AnswerValues,
): string | undefined {
  const earlier = ENDPOINT_KEYS.slice(0, ENDPOINT_KEYS.indexOf(key));
  const clash = earlier.find((other) => effectiveEndpoint(other, answers) === value);
  return clash === undefined
    ? undefined
    : `must differ from ${clash} (each request is told apart by its path)`;
}

/** The rule an endpoint given for a flow the answers do not choose breaks, naming both keys. */
export function absentFlowViolation(
  key: FlowEndpointKey,
  answers: AnswerValues,
): string | undefined {
  const flow = flowOfEndpointKey(key);
  return flowsOf(answers).includes(flow)
    ? undefined
    : `is given but flows does not include ${flow} (add ${flow} to flows or drop ${key})`;
}
