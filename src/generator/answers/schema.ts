/**
 * @module The answers (DESIGN §3): one zod declaration of every key, with its type, default,
 * description and prompt text, from which the CLI derives flags, prompts and help, and through
 * which every answer (flag, file, preset, prompt) is validated.
 */

import { z } from '../../runtime/zod.cjs';

import { AMOUNT_TYPES } from '../../runtime/amount.js';
import type { AuthTypeName } from '../../runtime/auth.js';
import { CONTENT_TYPES } from '../../runtime/connector.js';
import {
  checkBaseUrl,
  DEFAULT_TOKEN_NAMES,
  endpointViolation,
  nameRuleViolations,
  TOKEN_PLACEMENTS,
} from './rules.js';
import type { Issue } from '../errors.js';
import { CROSS_FIELD_RULES, tokenPlacementOf } from './cross-field.js';
import {
  defaultFlowEndpoint,
  effectiveEndpoint,
  endpointClashViolation,
  FLOW_ENDPOINT_KEYS,
  flowEndpointViolation,
  flowsOf,
  OPTIONAL_FLOWS,
  type FlowEndpointKey,
  type OptionalFlow,
} from './flows.js';

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
  readonly defaultFrom?: (answers: Readonly<Record<string, unknown>>) => string | undefined;
  /** The flow whose endpoint the key holds: asked only when the answers choose that flow. */
  readonly flow?: OptionalFlow;
}

/** Each field's metadata, read by `answer-meta.ts`. */
export const fieldMeta = z.registry<AnswerFieldMeta>();

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

function flowEndpoint(flow: OptionalFlow, example: string) {
  const key = FLOW_ENDPOINT_KEYS[flow];
  return withRules((value) => {
    const rule = flowEndpointViolation(flow, value);
    return rule === undefined ? [] : [rule];
  })
    .optional()
    .register(fieldMeta, {
      description: `${flow} endpoint, relative to the base URL (only with ${flow} in flows)`,
      prompt: `${flow} endpoint (relative path)`,
      example,
      flow,
      defaultFrom: (answers) => effectiveEndpoint(key, { ...answers, [key]: undefined }),
    });
}

const flowList = z
  .array(z.enum(OPTIONAL_FLOWS))
  .superRefine((flows, ctx) => {
    const repeated = flows.find((flow, index) => flows.indexOf(flow) !== index);
    if (repeated !== undefined)
      ctx.addIssue({ code: 'custom', message: `lists ${repeated} twice` });
  })
  .default([...OPTIONAL_FLOWS]);

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
  flows: flowList.register(fieldMeta, {
    description:
      'Flows generated besides CreateSessionToken and Authorize (comma-separated, or none; default: all)',
    prompt: 'Which flows does the connector have besides session token and authorize?',
    example: 'PSync,Capture,Refund',
  }),
  syncEndpoint: flowEndpoint('PSync', 'v1/payments/{connectorTransactionId}'),
  captureEndpoint: flowEndpoint('Capture', 'v1/payments/{connectorTransactionId}/capture'),
  voidEndpoint: flowEndpoint('Void', 'v1/payments/{connectorTransactionId}/void'),
  refundEndpoint: flowEndpoint('Refund', 'v1/payments/{connectorTransactionId}/refunds'),
  refundSyncEndpoint: flowEndpoint(
    'RSync',
    'v1/payments/{connectorTransactionId}/refunds/{connectorRefundId}',
  ),
};

export type AnswerKey = keyof typeof ANSWER_FIELDS;
export const ANSWER_KEYS = Object.keys(ANSWER_FIELDS) as readonly AnswerKey[];

/** The endpoint of each chosen flow (the one given, or its default); none for the others. */
function flowEndpoints(
  flows: readonly OptionalFlow[],
  given: Readonly<Record<FlowEndpointKey, string | undefined>>,
  authorizeEndpoint: string,
): Partial<Record<FlowEndpointKey, string>> {
  return Object.fromEntries(
    flows.map((flow) => {
      const key = FLOW_ENDPOINT_KEYS[flow];
      return [key, given[key] ?? defaultFlowEndpoint(flow, authorizeEndpoint)];
    }),
  );
}

/**
 * The whole answer set: unknown keys refused, defaults filled, every endpoint distinct and given
 * only for a chosen flow, tokenName checked for its placement.
 */
export const AnswersSchema = z
  .strictObject(ANSWER_FIELDS)
  .superRefine((answers, ctx) => {
    const values: Readonly<Record<string, unknown>> = answers;
    // zod runs this after field issues too; a refused answer already has its own issue
    const valid = (key: string) => ANSWER_FIELDS[key as AnswerKey].safeParse(values[key]).success;
    for (const rule of CROSS_FIELD_RULES) {
      const value = values[rule.key];
      if (typeof value !== 'string' || ![rule.key, ...rule.after].every(valid)) continue;
      const broken = rule.check(value, values);
      if (broken !== undefined) ctx.addIssue({ code: 'custom', path: [rule.key], message: broken });
    }
    // a default endpoint may clash too; given ones were judged above
    for (const flow of flowsOf(values)) {
      const key = FLOW_ENDPOINT_KEYS[flow];
      const endpoint = effectiveEndpoint(key, values);
      if (values[key] !== undefined || endpoint === undefined || !valid('authorizeEndpoint'))
        continue;
      const broken = endpointClashViolation(key, endpoint, values);
      if (broken !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `(default "${endpoint}") ${broken}` });
      }
    }
  })
  .transform(
    ({
      syncEndpoint,
      captureEndpoint,
      voidEndpoint,
      refundEndpoint,
      refundSyncEndpoint,
      ...answers
    }) => {
      const flows = OPTIONAL_FLOWS.filter((flow) => answers.flows.includes(flow));
      const given = {
        syncEndpoint,
        captureEndpoint,
        voidEndpoint,
        refundEndpoint,
        refundSyncEndpoint,
      };
      return {
        ...answers,
        tokenName: answers.tokenName ?? DEFAULT_TOKEN_NAMES[answers.tokenPlacement],
        flows,
        ...flowEndpoints(flows, given, answers.authorizeEndpoint),
      };
    },
  );

/** Fully resolved answers: every key present, defaults applied, baseUrl canonical. */
export type Answers = z.output<typeof AnswersSchema>;
/** What an answers file, a preset or a set of flags may hold. */
export type AnswersInput = z.input<typeof AnswersSchema>;
