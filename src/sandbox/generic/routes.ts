/**
 * @module The generic emulator's routes: the session and Authorize endpoints, and the flows after
 * Authorize the answers choose (all five by default) at their endpoint answers or the defaults
 * of DESIGN §3. A `{placeholder}` is a
 * whole path segment and matches one percent-encoded segment.
 */

import { ENDPOINT_PLACEHOLDERS, type EndpointPlaceholder } from '../../runtime/url.js';

export type GenericRoute =
  'session' | 'authorize' | 'sync' | 'capture' | 'void' | 'refund' | 'refundSync';

export type EndpointKey =
  'syncEndpoint' | 'captureEndpoint' | 'voidEndpoint' | 'refundEndpoint' | 'refundSyncEndpoint';

/** The flows after Authorize (DESIGN §3's `flows`), in a payment's order. */
export const GENERIC_FLOWS = ['PSync', 'Capture', 'Void', 'Refund', 'RSync'] as const;
export type GenericFlow = (typeof GENERIC_FLOWS)[number];

/** The endpoint answers routes are built from (a part of the emulator's spec). */
export type EndpointAnswers = {
  readonly sessionTokenEndpoint: string;
  readonly authorizeEndpoint: string;
  /** The flows after Authorize it serves (default: all five); the others' paths are 404. */
  readonly flows?: readonly GenericFlow[];
} & { readonly [K in EndpointKey]?: string };

/** The defaults of DESIGN §3, relative to the Authorize endpoint. */
export const GENERIC_FLOW_ENDPOINT_DEFAULTS: Readonly<Record<EndpointKey, string>> = {
  syncEndpoint: '{authorizeEndpoint}/{connectorTransactionId}',
  captureEndpoint: '{authorizeEndpoint}/{connectorTransactionId}/capture',
  voidEndpoint: '{authorizeEndpoint}/{connectorTransactionId}/void',
  refundEndpoint: '{authorizeEndpoint}/{connectorTransactionId}/refunds',
  refundSyncEndpoint: '{authorizeEndpoint}/{connectorTransactionId}/refunds/{connectorRefundId}',
};

/** The answer holding each flow's endpoint (DESIGN §3). */
export const GENERIC_FLOW_ENDPOINT_KEYS = {
  PSync: 'syncEndpoint',
  Capture: 'captureEndpoint',
  Void: 'voidEndpoint',
  Refund: 'refundEndpoint',
  RSync: 'refundSyncEndpoint',
} as const satisfies { readonly [F in GenericFlow]: EndpointKey };

/** Each flow's method (DESIGN §4b): the syncs read, the others post a body. */
export const GENERIC_FLOW_METHODS = {
  PSync: 'GET',
  Capture: 'POST',
  Void: 'POST',
  Refund: 'POST',
  RSync: 'GET',
} as const satisfies { readonly [F in GenericFlow]: 'GET' | 'POST' };

const FLOW_ROUTES: ReadonlyArray<readonly [GenericFlow, GenericRoute]> = [
  ['PSync', 'sync'],
  ['Capture', 'capture'],
  ['Void', 'void'],
  ['Refund', 'refund'],
  ['RSync', 'refundSync'],
];

const PLACEHOLDERS = ENDPOINT_PLACEHOLDERS;
export type Placeholder = EndpointPlaceholder;

export interface RouteTemplate {
  readonly route: GenericRoute;
  readonly method: 'GET' | 'POST';
  readonly endpoint: string;
  /** A literal segment, or the placeholder it captures. */
  readonly segments: ReadonlyArray<string | { readonly placeholder: Placeholder }>;
}

/** The endpoint a flow answers at: the spec's answer, else the default. */
export function flowEndpoint(spec: EndpointAnswers, key: EndpointKey): string {
  const given = spec[key];
  if (given !== undefined) return given;
  return GENERIC_FLOW_ENDPOINT_DEFAULTS[key].replace('{authorizeEndpoint}', spec.authorizeEndpoint);
}

function parseTemplate(
  route: GenericRoute,
  method: 'GET' | 'POST',
  endpoint: string,
  key: string,
): RouteTemplate {
  const segments = endpoint.split('/').map((segment) => {
    const named = /^\{(.*)\}$/.exec(segment);
    if (named === null) {
      if (segment === '' || /[{}]/.test(segment)) {
        throw new TypeError(`${key} ${JSON.stringify(endpoint)}: a placeholder is a whole segment`);
      }
      return segment;
    }
    const placeholder = PLACEHOLDERS.find((name) => name === named[1]);
    if (placeholder === undefined) {
      throw new TypeError(
        `${key} ${JSON.stringify(endpoint)}: unknown placeholder {${named[1]}} (known: ${PLACEHOLDERS.join(', ')})`,
      );
    }
    if (placeholder === 'connectorRefundId' && route !== 'refundSync') {
      throw new TypeError(
        `${key} ${JSON.stringify(endpoint)}: only refundSyncEndpoint may name {connectorRefundId}`,
      );
    }
    return { placeholder };
  });
  return { route, method, endpoint, segments };
}

/**
 * Every route of a spec (the session, Authorize and the chosen flows), checked: placeholders
 * known and whole, no two endpoints alike.
 */
export function routeTemplates(spec: EndpointAnswers): readonly RouteTemplate[] {
  const flows = spec.flows ?? GENERIC_FLOWS;
  for (const flow of flows) {
    if (!GENERIC_FLOWS.includes(flow)) {
      throw new TypeError(
        `flows: unknown flow ${JSON.stringify(flow)} (known: ${GENERIC_FLOWS.join(', ')})`,
      );
    }
  }
  const templates = [
    parseTemplate('session', 'POST', spec.sessionTokenEndpoint, 'sessionTokenEndpoint'),
    parseTemplate('authorize', 'POST', spec.authorizeEndpoint, 'authorizeEndpoint'),
    ...FLOW_ROUTES.filter(([flow]) => flows.includes(flow)).map(([flow, route]) => {
      const key = GENERIC_FLOW_ENDPOINT_KEYS[flow];
      return parseTemplate(route, GENERIC_FLOW_METHODS[flow], flowEndpoint(spec, key), key);
    }),
  ];
  const shapes = new Map<string, string>();
  for (const template of templates) {
    // two endpoints that differ only in placeholder names still match the same paths
    const shape = template.segments.map((s) => (typeof s === 'string' ? s : '{}')).join('/');
    const other = shapes.get(shape);
    if (other !== undefined) {
      throw new TypeError(
        `the ${other} and ${template.route} endpoints must differ (both ${template.endpoint})`,
      );
    }
    shapes.set(shape, template.route);
  }
  return templates;
}

export interface MatchedRoute {
  readonly template: RouteTemplate;
  readonly params: Readonly<Partial<Record<Placeholder, string>>>;
}

/**
 * The route `path` names, literal routes first (so `v1/payments` is Authorize, not a sync of a
 * payment called `payments`); undefined for a path no route serves.
 */
export function matchRoute(
  templates: readonly RouteTemplate[],
  path: string,
): MatchedRoute | undefined {
  const segments = path.replace(/^\//, '').split('/');
  const ordered = [...templates].sort((a, b) => placeholderCount(a) - placeholderCount(b));
  for (const template of ordered) {
    if (template.segments.length !== segments.length) continue;
    const params: Partial<Record<Placeholder, string>> = {};
    const matches = template.segments.every((expected, index) => {
      const actual = segments[index]!;
      if (typeof expected === 'string') return actual === expected;
      if (actual === '') return false;
      try {
        params[expected.placeholder] = decodeURIComponent(actual);
      } catch {
        return false;
      }
      return true;
    });
    if (matches) return { template, params };
  }
  return undefined;
}

function placeholderCount(template: RouteTemplate): number {
  return template.segments.filter((segment) => typeof segment !== 'string').length;
}
