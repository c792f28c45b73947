import { describe, expect, it } from 'vitest';

import {
  hasTool,
  parseUcsAnswers,
  renderUcsConnector,
  rustfmtSource,
  ucsConnectorFiles,
  UsageError,
} from '../../../src/generator/ucs/index.js';
import { BASE, CASES } from './cases.js';

const rustfmt = await hasTool('rustfmt');
if (!rustfmt) console.warn('[ucs] rustfmt not found: skipping the rustfmt checks of rendered Rust');

function render(answers: (typeof CASES)[number][1]) {
  const [connector, transformers] = renderUcsConnector(parseUcsAnswers(answers));
  return { connector: connector!.content, transformers: transformers!.content };
}

describe('rendered UCS connector (seed conformance)', () => {
  it.each(CASES)('%s', (_id, answers) => {
    const { connector, transformers } = render(answers);
    const pascal = parseUcsAnswers(answers).names.pascal;
    expect(connector).toMatch(/fn should_do_session_token\(&self\) -> bool \{\n\s+true\n/);
    expect(connector).toContain(`connector_types::PaymentSessionToken for ${pascal}<T>`);
    expect(connector).toMatch(/api: \[\n\s+\(\n\s+flow: CreateSessionToken,/);
    expect(connector.match(/macros::macro_connector_implementation!/g)).toHaveLength(2);
    expect(connector).toMatch(/flow_name: CreateSessionToken,/);
    expect(transformers).toContain('response: Ok(SessionTokenResponseData { session_token }),');
    expect(connector + transformers).toContain('.get_session_token()?');
    expect(transformers).toContain(`use super::${pascal}RouterData;`);
    for (const forbidden of [
      `pub struct ${pascal}RouterData`,
      'chrono',
      'ConnectorEvent',
      'CurrencyUnit::Major',
    ]) {
      expect(connector + transformers).not.toContain(forbidden);
    }
    for (const field of [
      'code',
      'message',
      'reason',
      'status_code',
      'attempt_status',
      'connector_transaction_id',
      'network_decline_code',
      'network_advice_code',
      'network_error_message',
    ]) {
      expect(transformers).toMatch(new RegExp(`\\n\\s+${field}[,:]`));
    }
  });

  // prettier-ignore
  it.each([
    ['body',   'get_session_token()?', 'transformers'],
    ['header', 'headers.push(("X-Session-Token".to_string(), session_token.into_masked()));', 'connector'],
    ['query',  '?sessionToken={session_token}', 'connector'],
  ] as const)('puts the token in the %s', (placement, text, where) => {
    const files = render({ ...BASE, tokenPlacement: placement });
    expect(files[where]).toContain(text);
  });

  it('narrows the auth variant onto the given field names', () => {
    const { transformers } = render({
      ...BASE,
      authType: 'SignatureKey',
      authFields: ['merchant_id', 'site_id', 'secret'],
    });
    expect(transformers).toContain('merchant_id: api_key.to_owned(),');
    expect(transformers).toContain('site_id: key1.to_owned(),');
    expect(transformers).toContain('secret: api_secret.to_owned(),');
    // the secret signs; it is never sent
    expect(transformers).not.toContain('secret: auth.secret');
  });

  // prettier-ignore
  it.each([
    [{ authFields: ['a', 'b'] },                         /authFields must name 1 field/],
    [{ authType: 'BodyKey', authFields: ['type', 'x'] }, /must not be a Rust keyword/],
    [{ authType: 'BodyKey', authFields: ['x', 'x'] },    /is given twice/],
    [{ authFields: ['amount'] },                         /requests already have/],
    [{ baseUrl: 'https://a.test/"x' },                   /baseUrl must be an http/],
    [{ sessionTokenEndpoint: '../x' },                   /sessionTokenEndpoint must be a relative path/],
    [{ authorizeEndpoint: 'v1/session-token' },          /must differ/],
    [{ tokenPlacement: 'header', tokenName: 'X Token' }, /tokenName is not a valid header name/],
    [{ authType: 'NoKey' },                              /authType must be one of/],
    [{ name: 'connector_pay' },                          /must not start with "connector"/],
  ])('refuses %j', (override, rule) => {
    expect(() => parseUcsAnswers({ ...BASE, ...override })).toThrow(UsageError);
    expect(() => parseUcsAnswers({ ...BASE, ...override })).toThrow(rule);
  });

  it('defaults the production URL to the sandbox one', () => {
    expect(parseUcsAnswers(BASE).baseUrls).toEqual({
      development: BASE.baseUrl,
      sandbox: BASE.baseUrl,
      production: BASE.baseUrl,
    });
    expect(
      parseUcsAnswers({ ...BASE, baseUrlProduction: 'https://live.acme.test' }).baseUrls.production,
    ).toBe('https://live.acme.test');
  });
});

describe.skipIf(!rustfmt)('rendered UCS connector (rustfmt)', () => {
  it.each(CASES)('%s is rustfmt-clean as rendered', async (_id, answers) => {
    for (const file of renderUcsConnector(parseUcsAnswers(answers))) {
      const result = await rustfmtSource(file.content);
      expect(result).toEqual({ ok: true, formatted: file.content });
    }
  });

  // names whose length moves rustfmt's line breaks: the created files go through rustfmt
  it.each(['A', 'Paytm', 'VeryLongConnectorNameForPaymentsWorldwide'])(
    '%s comes out rustfmt-clean',
    async (name) => {
      const { files, formatted } = await ucsConnectorFiles(
        parseUcsAnswers({ ...BASE, name, authType: 'MultiAuthKey' }),
      );
      expect(formatted).toBe(true);
      for (const file of files)
        expect(await rustfmtSource(file.content)).toEqual({ ok: true, formatted: file.content });
    },
  );
});
