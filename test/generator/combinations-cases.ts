/**
 * Every combination of the enum answers (4 × 2 × 2 × 3 × 3 = 144), each with all five flows after
 * Authorize, and a few subsets of those flows, as render contexts.
 */

import {
  ANSWER_AUTH_TYPES,
  CURRENCY_UNITS,
  TOKEN_PLACEMENTS,
  type Answers,
} from '../../src/generator/answers/index.js';
import {
  defaultFlowEndpoint,
  FLOW_ENDPOINT_KEYS,
  OPTIONAL_FLOWS,
  type FlowEndpointKey,
  type OptionalFlow,
} from '../../src/generator/answers/flows.js';
import { names } from '../../src/generator/answers/names.js';
import type { TemplateContext } from '../../src/generator/render/render.js';
import { sampleImports } from '../../src/generator/verify/sample-workspace.js';
import { AMOUNT_TYPES } from '../../src/runtime/amount.js';
import { CONTENT_TYPES } from '../../src/runtime/connector.js';

// every other combination uses non-default endpoints and token names
const DEFAULT_NAMES = { body: 'sessionToken', header: 'X-Session-Token', query: 'sessionToken' };
const OTHER_NAMES = { body: 'txnToken', header: 'X-Txn-Token', query: 'token_id' };
const OTHER_FLOW_ENDPOINTS: Readonly<Record<FlowEndpointKey, string>> = {
  syncEndpoint: 'api/status.do/{connectorTransactionId}',
  captureEndpoint: 'api/capture.do/{connectorTransactionId}',
  voidEndpoint: 'api/void.do/{connectorTransactionId}',
  refundEndpoint: 'api/refund.do/{connectorTransactionId}',
  refundSyncEndpoint: 'api/refund.do/{connectorTransactionId}/{connectorRefundId}',
};

type AnswersWithoutFlows = Omit<Answers, 'name' | 'flows' | FlowEndpointKey>;

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A name that says which combination it is, e.g. `StringMajorUnitMinorFormBodyKeyQuery`. */
function combinationName(answers: AnswersWithoutFlows): string {
  const content = answers.contentType === 'application/json' ? 'Json' : 'Form';
  const placement = capitalized(answers.tokenPlacement);
  return `${answers.amountType}${answers.currencyUnit}${content}${answers.authType}${placement}`;
}

/** `flows` and the endpoint of each: the ones given, else the defaults (as the schema fills them). */
function withFlows(
  answers: AnswersWithoutFlows,
  flows: readonly OptionalFlow[],
  endpoints: Partial<Record<FlowEndpointKey, string>> = {},
): Omit<Answers, 'name'> {
  const chosen = OPTIONAL_FLOWS.filter((flow) => flows.includes(flow));
  const filled = Object.fromEntries(
    chosen.map((flow) => {
      const key = FLOW_ENDPOINT_KEYS[flow];
      return [key, endpoints[key] ?? defaultFlowEndpoint(flow, answers.authorizeEndpoint)];
    }),
  );
  return { ...answers, flows: chosen, ...filled };
}

function context(name: string, answers: Omit<Answers, 'name'>): TemplateContext {
  const derived = names(name);
  return { answers: { name, ...answers }, names: derived, imports: sampleImports(derived.folder) };
}

export function answerCombinations(): TemplateContext[] {
  const contexts: TemplateContext[] = [];
  for (const amountType of AMOUNT_TYPES) {
    for (const currencyUnit of CURRENCY_UNITS) {
      for (const contentType of CONTENT_TYPES) {
        for (const authType of ANSWER_AUTH_TYPES) {
          for (const tokenPlacement of TOKEN_PLACEMENTS) {
            const other = contexts.length % 2 === 1;
            const rest = {
              baseUrl: other ? 'https://sandbox.example.com/gateway' : 'https://api.example.com',
              amountType,
              currencyUnit,
              contentType,
              authType,
              sessionTokenEndpoint: other ? 'api/getSessionToken.do' : 'v1/session-token',
              authorizeEndpoint: other ? 'api/payment.do' : 'v1/payments',
              tokenPlacement,
              tokenName: (other ? OTHER_NAMES : DEFAULT_NAMES)[tokenPlacement],
            };
            const answers = withFlows(rest, OPTIONAL_FLOWS, other ? OTHER_FLOW_ENDPOINTS : {});
            contexts.push(context(combinationName(rest), answers));
          }
        }
      }
    }
  }
  return contexts;
}

const SUBSET_BASE: AnswersWithoutFlows = {
  baseUrl: 'https://api.example.com',
  amountType: 'StringMinorUnit',
  currencyUnit: 'Minor',
  contentType: 'application/json',
  authType: 'HeaderKey',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
  tokenPlacement: 'body',
  tokenName: 'sessionToken',
};

/** Subsets of the flows: none, one of each kind, the sample's, and endpoints without an id. */
export function flowSubsets(): TemplateContext[] {
  return [
    context('FlowsNone', withFlows(SUBSET_BASE, [])),
    context('FlowsSyncOnly', withFlows({ ...SUBSET_BASE, authType: 'BodyKey' }, ['PSync'])),
    context(
      'FlowsCaptureRefunds',
      withFlows(
        {
          ...SUBSET_BASE,
          amountType: 'FloatMajorUnit',
          contentType: 'application/x-www-form-urlencoded',
          authType: 'SignatureKey',
          tokenPlacement: 'header',
          tokenName: 'X-Subset-Token',
        },
        ['Capture', 'Refund', 'RSync'],
        {
          captureEndpoint: 'v3/payments/{connectorTransactionId}/settle',
          refundEndpoint: 'v3/payments/{connectorTransactionId}/refund',
          refundSyncEndpoint: 'v3/refunds/{connectorRefundId}',
        },
      ),
    ),
    context(
      'FlowsVoidRefundSync',
      withFlows(
        { ...SUBSET_BASE, authType: 'SignatureKey', amountType: 'MinorUnit' },
        ['Void', 'RSync'],
        {
          voidEndpoint: 'v2/void',
          refundSyncEndpoint: 'v2/refunds/{connectorRefundId}',
        },
      ),
    ),
    context(
      'FlowsRefundOnly',
      withFlows({ ...SUBSET_BASE, authType: 'BodyKey', tokenPlacement: 'query' }, ['Refund']),
    ),
  ];
}
