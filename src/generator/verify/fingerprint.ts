/**
 * @module Fingerprints of runtime connectors: what a preset promises about a connector (id,
 * flows, validation flags, each flow's method and endpoint, content type, amount type, currency
 * unit, auth type, token placement), read from the Connector object itself, so a preset's
 * generated connector can be compared with the hand-written reference it describes.
 */

import {
  createRouterData,
  secret,
  type AmountType,
  type AuthTypeName,
  type Connector,
  type ConnectorAuthType,
  type FlowContext,
  type FlowName,
  type FlowRequest,
  type PaymentFlowData,
} from '../../runtime/index.js';

/** The flows the templates generate: the session-token pattern's two steps. */
export const FINGERPRINT_FLOWS = ['CreateSessionToken', 'Authorize'] as const;
export type FingerprintFlow = (typeof FINGERPRINT_FLOWS)[number];

export interface FlowFingerprint {
  readonly method: string;
  /** The flow's URL relative to the sandbox base URL, without a leading '/' and the query. */
  readonly endpoint: string;
}

export interface ConnectorFingerprint {
  readonly id: string;
  /** Which of FINGERPRINT_FLOWS the connector defines. */
  readonly flows: readonly FingerprintFlow[];
  /** Flows it defines beyond those (not compared: the presets choose none of them). */
  readonly otherFlows: readonly FlowName[];
  readonly shouldDoSessionToken: boolean;
  readonly shouldDoOrderCreate: boolean;
  readonly endpoints: { readonly [F in FingerprintFlow]?: FlowFingerprint };
  readonly contentType: string;
  readonly amountType: AmountType;
  readonly currencyUnit: string;
  readonly authType: string | undefined;
  readonly tokenPlacement: string | undefined;
}

/** One field in which two fingerprints disagree. */
export interface FingerprintMismatch {
  readonly field: string;
  readonly reference: unknown;
  readonly generated: unknown;
}

/** Placeholder credentials of the given type (the URL of some flows depends on them). */
function placeholderAuth(type: AuthTypeName): ConnectorAuthType {
  const apiKey = secret('fingerprint-api-key');
  const key1 = secret('fingerprint-key1');
  const apiSecret = secret('fingerprint-api-secret');
  switch (type) {
    case 'HeaderKey':
      return { type, apiKey };
    case 'BodyKey':
      return { type, apiKey, key1 };
    case 'SignatureKey':
      return { type, apiKey, key1, apiSecret };
    case 'MultiAuthKey':
      return { type, apiKey, key1, apiSecret, key2: secret('fingerprint-key2') };
  }
}

const FLOW_DATA: PaymentFlowData = {
  referenceId: 'fingerprint_reference',
  status: 'Started',
  sessionToken: 'fingerprint-session-token',
};

const REQUESTS: { readonly [F in FingerprintFlow]: FlowRequest<F> } = {
  CreateSessionToken: { amount: 1000, currency: 'USD' },
  Authorize: {
    amount: 1000,
    currency: 'USD',
    paymentMethod: { type: 'upi_intent' },
    captureMethod: 'automatic',
    authType: 'no_three_ds',
  },
};

/** `url` relative to `baseUrl`, without one leading '/' and without the query. */
export function relativeEndpoint(url: string, baseUrl: string): string {
  const rest = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
  const path = rest.startsWith('/') ? rest.slice(1) : rest;
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

function flowFingerprint<F extends FingerprintFlow>(
  connector: Connector<AmountType>,
  flow: F,
): FlowFingerprint | undefined {
  const spec = connector.flows[flow];
  if (spec === undefined) return undefined;
  const baseUrl = connector.baseUrls.sandbox;
  const routerData = createRouterData(flow, {
    flowData: FLOW_DATA,
    request: REQUESTS[flow],
    auth: placeholderAuth(connector.authTypes[0] ?? 'SignatureKey'),
  });
  const ctx: FlowContext<F, AmountType> = {
    routerData,
    connector,
    baseUrl,
    convertAmount: (minor, currency) => connector.amountConverter.convert(minor, currency),
  };
  let endpoint: string;
  try {
    endpoint = relativeEndpoint(spec.url(ctx), baseUrl);
  } catch (error) {
    endpoint = `<url() threw: ${error instanceof Error ? error.message : String(error)}>`;
  }
  return { method: spec.method, endpoint };
}

/** Reads a connector's fingerprint from its runtime object (no I/O). */
export function fingerprintConnector(connector: Connector<AmountType>): ConnectorFingerprint {
  const defined = (Object.keys(connector.flows) as FlowName[]).filter(
    (flow) => connector.flows[flow] !== undefined,
  );
  const endpoints: { [F in FingerprintFlow]?: FlowFingerprint } = {};
  for (const flow of FINGERPRINT_FLOWS) {
    const found = flowFingerprint(connector, flow);
    if (found !== undefined) endpoints[flow] = found;
  }
  return {
    id: connector.id,
    flows: FINGERPRINT_FLOWS.filter((flow) => defined.includes(flow)),
    otherFlows: defined.filter((flow) => !(FINGERPRINT_FLOWS as readonly string[]).includes(flow)),
    shouldDoSessionToken: connector.validation.shouldDoSessionToken(),
    shouldDoOrderCreate: connector.validation.shouldDoOrderCreate(),
    endpoints,
    contentType: connector.contentType,
    amountType: connector.amountConverter.type,
    currencyUnit: connector.currencyUnit,
    authType: connector.authTypes[0],
    tokenPlacement: connector.sessionToken?.placement,
  };
}

/** The compared fields of a fingerprint, flattened to `field → value` (otherFlows left out). */
function comparedFields(fingerprint: ConnectorFingerprint): Map<string, unknown> {
  const fields = new Map<string, unknown>([
    ['id', fingerprint.id],
    ['flows', fingerprint.flows.join(', ')],
    ['shouldDoSessionToken', fingerprint.shouldDoSessionToken],
    ['shouldDoOrderCreate', fingerprint.shouldDoOrderCreate],
  ]);
  for (const flow of FINGERPRINT_FLOWS) {
    fields.set(`${flow}.method`, fingerprint.endpoints[flow]?.method);
    fields.set(`${flow}.endpoint`, fingerprint.endpoints[flow]?.endpoint);
  }
  fields.set('contentType', fingerprint.contentType);
  fields.set('amountType', fingerprint.amountType);
  fields.set('currencyUnit', fingerprint.currencyUnit);
  fields.set('authType', fingerprint.authType);
  fields.set('tokenPlacement', fingerprint.tokenPlacement);
  return fields;
}

/** Every compared field in which the generated connector differs from the reference. */
export function compareFingerprints(
  reference: ConnectorFingerprint,
  generated: ConnectorFingerprint,
): FingerprintMismatch[] {
  const theirs = comparedFields(generated);
  return [...comparedFields(reference)]
    .filter(([field, value]) => theirs.get(field) !== value)
    .map(([field, value]) => ({ field, reference: value, generated: theirs.get(field) }));
}
