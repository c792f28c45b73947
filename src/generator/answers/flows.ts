/**
 * @module The flows a connector may add after CreateSessionToken and Authorize (DESIGN §3), each
 * with the answer that holds its endpoint, the placeholders that endpoint may name and its default.
 */

import { endpointViolation } from './rules.js';

/** The optional flows, in a payment's order (the canonical order of the `flows` answer). */
export const OPTIONAL_FLOWS = ['PSync', 'Capture', 'Void', 'Refund', 'RSync'] as const;
export type OptionalFlow = (typeof OPTIONAL_FLOWS)[number];

/** The answer holding each optional flow's endpoint. */
export const FLOW_ENDPOINT_KEYS = {
  PSync: 'syncEndpoint',
  Capture: 'captureEndpoint',
  Void: 'voidEndpoint',
  Refund: 'refundEndpoint',
  RSync: 'refundSyncEndpoint',
} as const satisfies { readonly [F in OptionalFlow]: string };
export type FlowEndpointKey = (typeof FLOW_ENDPOINT_KEYS)[OptionalFlow];

/** Every endpoint answer of a connector, in prompt order: distinct from one another. */
export const ENDPOINT_KEYS = [
  'sessionTokenEndpoint',
  'authorizeEndpoint',
  ...OPTIONAL_FLOWS.map((flow) => FLOW_ENDPOINT_KEYS[flow]),
] as const;

export const TRANSACTION_ID_PLACEHOLDER = 'connectorTransactionId';
export const REFUND_ID_PLACEHOLDER = 'connectorRefundId';

/** The placeholders (`{name}`, a whole segment) each flow's endpoint may name. */
export const ENDPOINT_PLACEHOLDERS: { readonly [F in OptionalFlow]: readonly string[] } = {
  PSync: [TRANSACTION_ID_PLACEHOLDER],
  Capture: [TRANSACTION_ID_PLACEHOLDER],
  Void: [TRANSACTION_ID_PLACEHOLDER],
  Refund: [TRANSACTION_ID_PLACEHOLDER],
  RSync: [TRANSACTION_ID_PLACEHOLDER, REFUND_ID_PLACEHOLDER],
};

const DEFAULT_SUFFIXES: { readonly [F in OptionalFlow]: string } = {
  PSync: `{${TRANSACTION_ID_PLACEHOLDER}}`,
  Capture: `{${TRANSACTION_ID_PLACEHOLDER}}/capture`,
  Void: `{${TRANSACTION_ID_PLACEHOLDER}}/void`,
  Refund: `{${TRANSACTION_ID_PLACEHOLDER}}/refunds`,
  RSync: `{${TRANSACTION_ID_PLACEHOLDER}}/refunds/{${REFUND_ID_PLACEHOLDER}}`,
};

/** The endpoint a flow gets when none is given: below the Authorize endpoint. */
export function defaultFlowEndpoint(flow: OptionalFlow, authorizeEndpoint: string): string {
  return `${authorizeEndpoint}/${DEFAULT_SUFFIXES[flow]}`;
}

export function isOptionalFlow(value: unknown): value is OptionalFlow {
  return (OPTIONAL_FLOWS as readonly unknown[]).includes(value);
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
  const allowed = ENDPOINT_PLACEHOLDERS[flow];
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
