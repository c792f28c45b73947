import { describe, expect, it } from 'vitest';

import { ANSWER_KEYS, parseAnswers } from '../../src/generator/answers/index.js';
import { FLOW_ENDPOINT_KEYS } from '../../src/generator/answers/flows.js';
import { names } from '../../src/generator/answers/names.js';
import {
  isPresetId,
  PRESET_IDS,
  presetAnswers,
  PRESETS,
} from '../../src/generator/answers/presets.js';

describe('presets', () => {
  it.each(PRESET_IDS)('%s spells out every answer key and parses unchanged', (id) => {
    // no optional flow, so no flow endpoint to spell out
    const endpoints: readonly string[] = Object.values(FLOW_ENDPOINT_KEYS);
    expect(Object.keys(PRESETS[id])).toEqual(ANSWER_KEYS.filter((key) => !endpoints.includes(key)));
    const result = parseAnswers(PRESETS[id]);
    expect(result).toEqual({ ok: true, answers: PRESETS[id] });
    expect(result.ok && names(result.answers.name).id).toBe(id);
  });

  it('describes Nuvei as the seed does', () => {
    expect(PRESETS.nuvei).toEqual({
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
    });
  });

  it('describes Paytm as the seed does, with a base URL joined by exactly one "/"', () => {
    expect(PRESETS.paytm).toMatchObject({
      name: 'Paytm',
      amountType: 'StringMajorUnit',
      currencyUnit: 'Minor',
      authType: 'SignatureKey',
      sessionTokenEndpoint: 'theia/api/v1/initiateTransaction',
      authorizeEndpoint: 'theia/api/v1/processTransaction',
      tokenPlacement: 'body',
      tokenName: 'txnToken',
    });
    const withSlash = parseAnswers({
      ...PRESETS.paytm,
      baseUrl: 'https://securestage.paytmpayments.com/',
    });
    expect(withSlash.ok && withSlash.answers.baseUrl).toBe(PRESETS.paytm.baseUrl);
    expect(`${PRESETS.paytm.baseUrl}/${PRESETS.paytm.sessionTokenEndpoint}`).toBe(
      'https://securestage.paytmpayments.com/theia/api/v1/initiateTransaction',
    );
  });

  it('lets flags override a preset, ignoring undefined ones', () => {
    const answers = presetAnswers('nuvei', {
      name: 'NuveiEu',
      baseUrl: undefined,
      tokenPlacement: 'header',
      tokenName: 'X-Nuvei-Token',
    });
    expect(answers).toMatchObject({
      name: 'NuveiEu',
      baseUrl: PRESETS.nuvei.baseUrl,
      tokenName: 'X-Nuvei-Token',
    });
    expect(parseAnswers(answers, { existingIds: ['nuvei'] }).ok).toBe(true);
  });

  it('is refused by the existing-id rule in a workspace that registers it', () => {
    const result = parseAnswers(PRESETS.paytm, { existingIds: ['nuvei', 'paytm'] });
    expect(result.ok).toBe(false);
    expect(result.issues?.[0]).toMatchObject({ key: 'name', value: 'Paytm' });
  });

  it('knows its ids', () => {
    expect(isPresetId('nuvei')).toBe(true);
    expect(isPresetId('stripe')).toBe(false);
  });
});
