/**
 * @module Presets: answer sets that describe the two reference connectors (seed "Real-World
 * Examples"). Flags override a preset's keys; the result is validated like any other answers.
 */

import type { FlowEndpointKey } from './flows.js';
import type { AnswersInput } from './schema.js';

export const PRESET_IDS = ['nuvei', 'paytm'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/**
 * A complete answer set; every key is spelled out so a preset never depends on a default. The
 * presets choose no optional flow: the references' other flows speak their gateways' own wire
 * formats (Nuvei syncs payments and refunds on one endpoint), not the generic one the templates
 * generate.
 */
export type PresetAnswers = Readonly<Required<Omit<AnswersInput, FlowEndpointKey>>>;

export const PRESETS: { readonly [P in PresetId]: PresetAnswers } = {
  nuvei: {
    name: 'Nuvei',
    baseUrl: 'https://ppp-test.nuvei.com/ppp/api/v1',
    amountType: 'StringMajorUnit',
    currencyUnit: 'Minor',
    contentType: 'application/json',
    authType: 'SignatureKey',
    sessionTokenEndpoint: 'getSessionToken.do',
    authorizeEndpoint: 'payment.do',
    tokenPlacement: 'body',
    tokenName: 'sessionToken',
    flows: [],
  },
  paytm: {
    name: 'Paytm',
    // no trailing slash: the answer is canonicalised without one and joined with exactly one '/'
    baseUrl: 'https://securestage.paytmpayments.com',
    amountType: 'StringMajorUnit',
    currencyUnit: 'Minor',
    contentType: 'application/json',
    authType: 'SignatureKey',
    sessionTokenEndpoint: 'theia/api/v1/initiateTransaction',
    authorizeEndpoint: 'theia/api/v1/processTransaction',
    tokenPlacement: 'body',
    tokenName: 'txnToken',
    flows: [],
  },
};

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** The preset's answers with `overrides` on top (undefined overrides are ignored). */
export function presetAnswers(
  id: PresetId,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...PRESETS[id], ...Object.fromEntries(defined) };
}
