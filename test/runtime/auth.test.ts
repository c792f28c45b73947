import { describe, expect, it } from 'vitest';

import {
  IntegrationError,
  Secret,
  authSecrets,
  expectAuth,
  parseAuth,
  type ConnectorAuthType,
} from '../../src/runtime/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof IntegrationError ? error.code : 'not-an-integration-error';
  }
}

describe('parseAuth', () => {
  it('reads each type into Secrets', () => {
    const auth = parseAuth({ type: 'SignatureKey', apiKey: 'mid', key1: 'site', apiSecret: 'shh' });
    expect(auth.type).toBe('SignatureKey');
    expect(auth.apiKey).toBeInstanceOf(Secret);
    expect(authSecrets(auth)).toEqual(['mid', 'site', 'shh']);
    expect(
      authSecrets(
        parseAuth({ type: 'MultiAuthKey', apiKey: 'a', key1: 'b', apiSecret: 'c', key2: 'd' }),
      ),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  // prettier-ignore
  it.each([
    [null, /JSON object/],
    [[], /JSON object/],
    [{ apiKey: 'x' }, /"type" must be one of HeaderKey, BodyKey, SignatureKey, MultiAuthKey/],
    [{ type: 'Oauth' }, /got "Oauth"/],
    [{ type: 'HeaderKey' }, /HeaderKey credentials need "apiKey"/],
    [{ type: 'BodyKey', apiKey: 'k', key1: '' }, /need "key1" as a non-empty string/],
    [{ type: 'HeaderKey', apiKey: 'k', apiSecret: 'oops' }, /have no member apiSecret/],
  ])('refuses %j with FAILED_TO_OBTAIN_AUTH_TYPE', (input, message) => {
    expect(() => parseAuth(input)).toThrow(message);
    expect(codeOf(() => parseAuth(input))).toBe('FAILED_TO_OBTAIN_AUTH_TYPE');
  });

  it('never puts a credential value in its errors', () => {
    try {
      parseAuth({ type: 'HeaderKey', apiKey: 'visible-secret-value', extra: 'another-secret' });
    } catch (error) {
      expect(String(error)).not.toContain('visible-secret-value');
      expect(String(error)).not.toContain('another-secret');
    }
  });
});

describe('expectAuth', () => {
  const header: ConnectorAuthType = { type: 'HeaderKey', apiKey: new Secret('k') };

  it('narrows to the accepted types', () => {
    const narrowed = expectAuth(header, ['HeaderKey', 'BodyKey']);
    expect(narrowed.apiKey.expose()).toBe('k');
  });

  it('names what was expected and what came', () => {
    expect(() => expectAuth(header, ['SignatureKey', 'MultiAuthKey'], 'paytm')).toThrow(
      'paytm needs SignatureKey or MultiAuthKey credentials, got HeaderKey',
    );
    expect(codeOf(() => expectAuth(header, ['SignatureKey']))).toBe('FAILED_TO_OBTAIN_AUTH_TYPE');
  });
});
