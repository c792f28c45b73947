import { describe, expect, it } from 'vitest';

import {
  ANSWER_KEYS,
  ANSWER_META,
  answerDefault,
  AnswersSchema,
  missingRequiredKeys,
  parseAnswers,
  promptValidator,
  REQUIRED_ANSWER_KEYS,
  validateAnswer,
  type AnswerIssue,
} from '../../src/generator/answers/index.js';
import { OBJECT_PROTOTYPE_MEMBERS } from '../../src/generator/answers/rules.js';
import { names } from '../../src/generator/answers/names.js';
import { TEMPLATE_BINDINGS } from '../../src/generator/answers/template-bindings.js';

const minimal = {
  name: 'NewPayment',
  baseUrl: 'https://api.example.com',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
};

function issuesOf(input: unknown, existingIds?: readonly string[]): AnswerIssue[] {
  const result = parseAnswers(input, existingIds === undefined ? {} : { existingIds });
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.answers)}`);
  return result.issues;
}

function ruleFor(key: string, value: unknown, answers: Record<string, unknown> = {}): string[] {
  return issuesOf({ ...minimal, ...answers, [key]: value })
    .filter((issue) => issue.key === key)
    .map((issue) => issue.rule);
}

describe('the declaration', () => {
  it('declares every DESIGN §3 key once, in prompt order', () => {
    expect(ANSWER_KEYS).toEqual([
      'name',
      'baseUrl',
      'amountType',
      'currencyUnit',
      'contentType',
      'authType',
      'sessionTokenEndpoint',
      'authorizeEndpoint',
      'tokenPlacement',
      'tokenName',
      'flows',
      'syncEndpoint',
      'captureEndpoint',
      'voidEndpoint',
      'refundEndpoint',
      'refundSyncEndpoint',
    ]);
  });

  it('derives flags, choices, defaults and required keys from the schema', () => {
    expect(ANSWER_META.baseUrl).toMatchObject({ flag: 'base-url', required: true });
    expect(ANSWER_META.sessionTokenEndpoint.flag).toBe('session-token-endpoint');
    expect(ANSWER_META.amountType).toMatchObject({
      required: false,
      default: 'StringMinorUnit',
      choices: ['MinorUnit', 'StringMinorUnit', 'StringMajorUnit', 'FloatMajorUnit'],
    });
    expect(ANSWER_META.tokenPlacement.choices).toEqual(['body', 'header', 'query']);
    expect(ANSWER_META.authType.choices).toEqual(['HeaderKey', 'BodyKey', 'SignatureKey']);
    expect(ANSWER_META.tokenName).toMatchObject({ required: false });
    expect(ANSWER_META.tokenName.default).toBeUndefined();
    expect(REQUIRED_ANSWER_KEYS).toEqual([
      'name',
      'baseUrl',
      'sessionTokenEndpoint',
      'authorizeEndpoint',
    ]);
    for (const key of ANSWER_KEYS) {
      expect(ANSWER_META[key].description.length).toBeGreaterThan(10);
      expect(ANSWER_META[key].prompt.length).toBeGreaterThan(5);
    }
  });

  it('gives the DESIGN §3 defaults, tokenName following tokenPlacement', () => {
    expect(answerDefault('currencyUnit')).toBe('Minor');
    expect(answerDefault('contentType')).toBe('application/json');
    expect(answerDefault('authType')).toBe('HeaderKey');
    expect(answerDefault('tokenPlacement')).toBe('body');
    expect(answerDefault('tokenName')).toBe('sessionToken');
    expect(answerDefault('tokenName', { tokenPlacement: 'header' })).toBe('X-Session-Token');
    expect(answerDefault('tokenName', { tokenPlacement: 'query' })).toBe('sessionToken');
    expect(answerDefault('name')).toBeUndefined();
  });
});

describe('parseAnswers', () => {
  it('fills every default for the four required keys', () => {
    expect(parseAnswers(minimal)).toEqual({
      ok: true,
      answers: {
        ...minimal,
        amountType: 'StringMinorUnit',
        currencyUnit: 'Minor',
        contentType: 'application/json',
        authType: 'HeaderKey',
        tokenPlacement: 'body',
        tokenName: 'sessionToken',
        flows: ['PSync', 'Capture', 'Void', 'Refund', 'RSync'],
        syncEndpoint: 'v1/payments/{connectorTransactionId}',
        captureEndpoint: 'v1/payments/{connectorTransactionId}/capture',
        voidEndpoint: 'v1/payments/{connectorTransactionId}/void',
        refundEndpoint: 'v1/payments/{connectorTransactionId}/refunds',
        refundSyncEndpoint: 'v1/payments/{connectorTransactionId}/refunds/{connectorRefundId}',
      },
    });
  });

  it.each([
    ['header', 'X-Session-Token'],
    ['query', 'sessionToken'],
  ])('defaults tokenName for %s placement to %s', (tokenPlacement, tokenName) => {
    const result = parseAnswers({ ...minimal, tokenPlacement });
    expect(result.ok && result.answers.tokenName).toBe(tokenName);
  });

  it('lists every missing required key at once', () => {
    expect(issuesOf({})).toEqual([
      { key: 'name', rule: 'is required' },
      { key: 'baseUrl', rule: 'is required' },
      { key: 'sessionTokenEndpoint', rule: 'is required' },
      { key: 'authorizeEndpoint', rule: 'is required' },
    ]);
  });

  it('refuses a non-object naming it', () => {
    expect(issuesOf(['NewPayment'])).toEqual([
      { key: 'answers', value: ['NewPayment'], rule: 'must be an object of answers' },
    ]);
    expect(issuesOf(null)[0]?.rule).toBe('must be an object of answers');
  });

  it('refuses unknown keys naming each key and value', () => {
    expect(issuesOf({ ...minimal, colour: 'blue', base_url: 'x' })).toEqual([
      {
        key: 'colour',
        value: 'blue',
        rule: `is not an answer key (expected one of ${ANSWER_KEYS.join(', ')})`,
      },
      {
        key: 'base_url',
        value: 'x',
        rule: `is not an answer key (expected one of ${ANSWER_KEYS.join(', ')})`,
      },
    ]);
  });

  it('masks the value of an unknown key that looks like a credential', () => {
    const issues = issuesOf({
      ...minimal,
      apiKey: 'sk_live_123',
      api_secret: 's3cret',
      merchantToken: 't',
    });
    expect(issues.map((issue) => [issue.key, issue.value])).toEqual([
      ['apiKey', '***'],
      ['api_secret', '***'],
      ['merchantToken', '***'],
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/sk_live_123|s3cret/);
  });

  it('refuses wrong types naming the key, value and type', () => {
    expect(issuesOf({ ...minimal, name: 42, authorizeEndpoint: ['v1'] })).toEqual([
      { key: 'name', value: 42, rule: 'must be a string' },
      { key: 'authorizeEndpoint', value: ['v1'], rule: 'must be a string' },
    ]);
  });

  it.each([
    ['amountType', 'Cents', 'MinorUnit, StringMinorUnit, StringMajorUnit, FloatMajorUnit'],
    ['currencyUnit', 'minor', 'Major, Minor'],
    ['contentType', 'text/xml', 'application/json, application/x-www-form-urlencoded'],
    ['authType', 'MultiAuthKey', 'HeaderKey, BodyKey, SignatureKey'],
    ['tokenPlacement', 'cookie', 'body, header, query'],
  ])('refuses a bad %s enum value %s', (key, value, choices) => {
    expect(issuesOf({ ...minimal, [key]: value })).toEqual([
      { key, value, rule: `must be one of ${choices}` },
    ]);
  });

  it('reports issues from every key together, in key order', () => {
    const issues = issuesOf({
      tokenName: 'a b',
      authorizeEndpoint: '/v1',
      name: 'class',
      amountType: 1,
    });
    expect(issues.map((issue) => issue.key)).toEqual([
      'name',
      'baseUrl',
      'amountType',
      'sessionTokenEndpoint',
      'authorizeEndpoint',
      'tokenName',
    ]);
  });
});

describe('name', () => {
  it.each([
    'NewPayment',
    'BamboraAPAC',
    'WorldpayXML',
    'HyperPG',
    'Pay2Go',
    'Shift4',
    'JPMorgan',
    'Ab',
  ])('accepts %s', (name) => {
    expect(parseAnswers({ ...minimal, name }).ok).toBe(true);
  });

  it('accepts 64 characters and refuses 65 or 1', () => {
    expect(parseAnswers({ ...minimal, name: `A${'b'.repeat(63)}` }).ok).toBe(true);
    expect(ruleFor('name', `A${'b'.repeat(64)}`)).toEqual(['must be 2–64 characters long']);
    expect(ruleFor('name', 'A')).toEqual(['must be 2–64 characters long']);
  });

  it.each([
    ['newPayment', ['must start with an upper-case ASCII letter (PascalCase)']],
    ['2Checkout', ['must start with an upper-case ASCII letter (PascalCase)']],
    ['New_Payment', ['must contain only ASCII letters and digits']],
    ['New-Payment', ['must contain only ASCII letters and digits']],
    ['Café', ['must contain only ASCII letters and digits']],
    [
      '',
      ['must start with an upper-case ASCII letter (PascalCase)', 'must be 2–64 characters long'],
    ],
  ])('refuses %j', (name, rules) => {
    expect(ruleFor('name', name)).toEqual(rules);
  });

  it.each([
    ['Class', 'derives id "class", a JavaScript/TypeScript reserved word'],
    ['Delete', 'derives id "delete", a JavaScript/TypeScript reserved word'],
    ['New', 'derives id "new", a JavaScript/TypeScript reserved word'],
    ['Enum', 'derives id "enum", a JavaScript/TypeScript reserved word'],
    ['Await', 'derives id "await", a JavaScript/TypeScript reserved word'],
    ['Yield', 'derives id "yield", a JavaScript/TypeScript reserved word'],
    ['Let', 'derives id "let", a JavaScript/TypeScript reserved word'],
    ['Static', 'derives id "static", a JavaScript/TypeScript reserved word'],
    ['Implements', 'derives id "implements", a JavaScript/TypeScript reserved word'],
    ['Interface', 'derives id "interface", a JavaScript/TypeScript reserved word'],
    ['Package', 'derives id "package", a JavaScript/TypeScript reserved word'],
    ['Private', 'derives id "private", a JavaScript/TypeScript reserved word'],
    ['Protected', 'derives id "protected", a JavaScript/TypeScript reserved word'],
    ['Public', 'derives id "public", a JavaScript/TypeScript reserved word'],
    ['Arguments', 'derives id "arguments", a JavaScript/TypeScript reserved word'],
    ['Eval', 'derives id "eval", a JavaScript/TypeScript reserved word'],
    ['Undefined', 'derives id "undefined", a JavaScript/TypeScript reserved word'],
    ['NaN', 'derives type "NaN", a JavaScript/TypeScript reserved word'],
    ['Infinity', 'derives type "Infinity", a JavaScript/TypeScript reserved word'],
    ['String', 'derives id "string", a JavaScript/TypeScript reserved word'],
    ['Constructor', 'derives id "constructor", an Object.prototype member'],
    ['ToString', 'derives value "toString", an Object.prototype member'],
    ['ValueOf', 'derives value "valueOf", an Object.prototype member'],
    ['HasOwnProperty', 'derives value "hasOwnProperty", an Object.prototype member'],
  ])('refuses %s', (name, rule) => {
    expect(issuesOf({ ...minimal, name })).toEqual([{ key: 'name', value: name, rule }]);
  });

  it.each([
    ['DefineConnector', 'derives value "defineConnector"'],
    ['DefineFlow', 'derives value "defineFlow"'],
    ['JoinUrl', 'derives value "joinUrl"'],
    ['NarrowAuth', 'derives value "narrowAuth"'],
    ['BuildErrorResponse', 'derives value "buildErrorResponse"'],
    ['GetSessionToken', 'derives value "getSessionToken"'],
    ['MinorUnit', 'derives type "MinorUnit"'],
    ['StringMajorUnit', 'derives type "StringMajorUnit"'],
  ])('refuses %s, whose derived form the generated connector already declares', (name, form) => {
    expect(issuesOf({ ...minimal, name })).toEqual([
      {
        key: 'name',
        value: name,
        rule: `${form}, a name the generated connector already declares`,
      },
    ]);
    expect(validateAnswer('name', name).ok).toBe(false);
  });

  it('refuses every camelCase binding of the generated index as a name', () => {
    for (const binding of TEMPLATE_BINDINGS) {
      if (!/^[a-z]/.test(binding)) continue;
      const name = binding.charAt(0).toUpperCase() + binding.slice(1);
      expect(names(name).value).toBe(binding);
      expect(ruleFor('name', name), name).toEqual([
        `derives value "${binding}", a name the generated connector already declares`,
      ]);
    }
  });

  it('accepts names that only contain a binding', () => {
    expect(parseAnswers({ ...minimal, name: 'DefineFlowPay' }).ok).toBe(true);
    expect(parseAnswers({ ...minimal, name: 'MinorUnits' }).ok).toBe(true);
  });

  it('knows every Object.prototype member of this engine', () => {
    for (const member of Object.getOwnPropertyNames(Object.prototype)) {
      expect(OBJECT_PROTOTYPE_MEMBERS.has(member)).toBe(true);
    }
  });

  it('refuses an id an existing connector has (exact match only)', () => {
    expect(issuesOf({ ...minimal, name: 'Nuvei' }, ['nuvei', 'paytm'])).toEqual([
      {
        key: 'name',
        value: 'Nuvei',
        rule: 'derives id "nuvei", which an existing connector already uses',
      },
    ]);
    expect(issuesOf({ ...minimal, name: 'JpMorgan' }, ['jp_morgan'])[0]?.rule).toBe(
      'derives id "jp_morgan", which an existing connector already uses',
    );
    expect(parseAnswers({ ...minimal, name: 'NuveiPlus' }, { existingIds: ['nuvei'] }).ok).toBe(
      true,
    );
    expect(parseAnswers({ ...minimal, name: 'Nuve' }, { existingIds: ['nuvei'] }).ok).toBe(true);
  });
});

describe('baseUrl', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['https://api.example.com/', 'https://api.example.com'],
    ['https://ppp-test.nuvei.com/ppp/api/v1', 'https://ppp-test.nuvei.com/ppp/api/v1'],
    ['https://ppp-test.nuvei.com/ppp/api/v1/', 'https://ppp-test.nuvei.com/ppp/api/v1'],
    ['https://API.Example.com:443/Pay', 'https://api.example.com/Pay'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:4010/gw/', 'http://127.0.0.1:4010/gw'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %s as %s', (baseUrl, canonical) => {
    const result = parseAnswers({ ...minimal, baseUrl });
    expect(result.ok && result.answers.baseUrl).toBe(canonical);
    // canonical form is a fixed point
    const again = parseAnswers({ ...minimal, baseUrl: canonical });
    expect(again.ok && again.answers.baseUrl).toBe(canonical);
  });

  it.each([
    ['api.example.com', 'must be an absolute URL'],
    ['v1/payments', 'must be an absolute URL'],
    ['https://exa mple.com', 'must be an absolute URL'],
    ['', 'must be an absolute URL'],
    ['http://api.example.com', 'must use https (http only for localhost, 127.0.0.1 or [::1])'],
    ['http://10.0.0.1', 'must use https (http only for localhost, 127.0.0.1 or [::1])'],
    ['ftp://example.com', 'must use https (http only for localhost, 127.0.0.1 or [::1])'],
    ['https://example.com/?a=1', 'must not have a query or a fragment'],
    ['https://example.com?', 'must not have a query or a fragment'],
    ['https://example.com/#top', 'must not have a query or a fragment'],
  ])('refuses %j: %s', (baseUrl, rule) => {
    expect(issuesOf({ ...minimal, baseUrl })).toEqual([{ key: 'baseUrl', value: baseUrl, rule }]);
  });

  it('refuses credentials without echoing them', () => {
    const issues = issuesOf({ ...minimal, baseUrl: 'https://user:hunter2@example.com/api' });
    expect(issues).toEqual([
      {
        key: 'baseUrl',
        value: 'https://***@example.com/api',
        rule: 'must not contain credentials',
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain('hunter2');
    expect(validateAnswer('baseUrl', 'https://key@example.com').issues?.[0]?.value).toBe(
      'https://***@example.com',
    );
  });
});

describe.each(['sessionTokenEndpoint', 'authorizeEndpoint'])('%s', (key) => {
  it.each([
    'v1/session-token',
    'getSessionToken.do',
    'theia/api/v1/initiateTransaction',
    'a~b_c.d-e',
    'x',
  ])('accepts %s', (value) => {
    const other = key === 'authorizeEndpoint' ? 'sessionTokenEndpoint' : 'authorizeEndpoint';
    expect(parseAnswers({ ...minimal, [other]: 'other/endpoint', [key]: value }).ok).toBe(true);
  });

  it.each([
    ['', 'must not be empty'],
    ['/v1/payments', 'must be a relative path (no leading "/")'],
    ['https://evil.example.com/x', 'must not contain a scheme'],
    ['mailto:x', 'must not contain a scheme'],
    ['v1/payments?debug=1', 'must not have a query or a fragment'],
    ['v1/payments#x', 'must not have a query or a fragment'],
    ['v1//payments', 'must not contain empty segments ("//" or a trailing "/")'],
    ['v1/payments/', 'must not contain empty segments ("//" or a trailing "/")'],
    ['v1/../admin', 'must not contain "." or ".." segments'],
    ['./v1', 'must not contain "." or ".." segments'],
    ['..', 'must not contain "." or ".." segments'],
    ['v1/pay ments', 'segments may contain only A–Z, a–z, 0–9 and . _ ~ -'],
    ['v1/pay%20ments', 'segments may contain only A–Z, a–z, 0–9 and . _ ~ -'],
    ['v1\\payments', 'segments may contain only A–Z, a–z, 0–9 and . _ ~ -'],
  ])('refuses %j: %s', (value, rule) => {
    expect(ruleFor(key, value)).toEqual([rule]);
  });
});

describe('sessionTokenEndpoint and authorizeEndpoint together', () => {
  const rule = 'must differ from sessionTokenEndpoint (each request is told apart by its path)';

  it('refuses equal endpoints on authorizeEndpoint, naming the other key', () => {
    expect(issuesOf({ ...minimal, authorizeEndpoint: minimal.sessionTokenEndpoint })).toEqual([
      { key: 'authorizeEndpoint', value: minimal.sessionTokenEndpoint, rule },
    ]);
  });

  it('compares them exactly: a prefix, a suffix or another case is a different endpoint', () => {
    for (const [sessionTokenEndpoint, authorizeEndpoint] of [
      ['token', 'v1/token'],
      ['v1/token', 'v1/token/pay'],
      ['v1/Token', 'v1/token'],
    ]) {
      expect(parseAnswers({ ...minimal, sessionTokenEndpoint, authorizeEndpoint }).ok).toBe(true);
    }
  });

  it('is reported even when other keys fail', () => {
    expect(
      issuesOf({
        ...minimal,
        name: 'class',
        amountType: 'Cents',
        sessionTokenEndpoint: 'pay',
        authorizeEndpoint: 'pay',
      }),
    ).toEqual([
      expect.objectContaining({ key: 'name' }),
      expect.objectContaining({ key: 'amountType' }),
      { key: 'authorizeEndpoint', value: 'pay', rule },
    ]);
  });

  it('is not reported when one of them is already invalid on its own', () => {
    expect(
      issuesOf({ ...minimal, sessionTokenEndpoint: '/pay', authorizeEndpoint: '/pay' }),
    ).toEqual([
      {
        key: 'sessionTokenEndpoint',
        value: '/pay',
        rule: 'must be a relative path (no leading "/")',
      },
      { key: 'authorizeEndpoint', value: '/pay', rule: 'must be a relative path (no leading "/")' },
    ]);
  });

  it('the schema itself refuses them', () => {
    const result = AnswersSchema.safeParse({ ...minimal, authorizeEndpoint: 'v1/session-token' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['authorizeEndpoint'], message: rule });
  });

  it('validateAnswer checks authorizeEndpoint against the session endpoint collected so far', () => {
    const answers = { sessionTokenEndpoint: 'v1/token' };
    expect(validateAnswer('authorizeEndpoint', 'v1/token', { answers })).toEqual({
      ok: false,
      issues: [{ key: 'authorizeEndpoint', value: 'v1/token', rule }],
    });
    expect(validateAnswer('authorizeEndpoint', 'v1/pay', { answers })).toEqual({
      ok: true,
      value: 'v1/pay',
    });
    expect(promptValidator('authorizeEndpoint', { answers })('v1/token')).toBe(rule);
  });
});

describe('tokenName', () => {
  it.each([
    ['body', 'sessionToken'],
    ['body', 'txnToken'],
    ['body', '_token2'],
    ['query', 'session_token'],
    ['header', 'X-Session-Token'],
    ['header', "x-token!#$%&'*+.^_`|~"],
  ])('accepts %s %s', (tokenPlacement, tokenName) => {
    const result = parseAnswers({ ...minimal, tokenPlacement, tokenName });
    expect(result.ok && result.answers.tokenName).toBe(tokenName);
  });

  it.each([
    ['body', '', 'must not be empty'],
    ['body', 'session-token', 'must be an identifier ([A-Za-z_][A-Za-z0-9_]*) for body placement'],
    ['body', '2token', 'must be an identifier ([A-Za-z_][A-Za-z0-9_]*) for body placement'],
    [
      'query',
      'X-Session-Token',
      'must be an identifier ([A-Za-z_][A-Za-z0-9_]*) for query placement',
    ],
    ['header', 'X Session', 'must be an HTTP header name (RFC 7230 token)'],
    ['header', 'X-Token:', 'must be an HTTP header name (RFC 7230 token)'],
    [
      'header',
      'authorization',
      'must not be "authorization", a header the connector or HTTP client already sets',
    ],
    [
      'header',
      'Content-Type',
      'must not be "Content-Type", a header the connector or HTTP client already sets',
    ],
    ['body', 'amount', 'must not be "amount", a field the Authorize body already carries'],
    ['body', 'merchantId', 'must not be "merchantId", a field the Authorize body already carries'],
    ['body', '__proto__', 'must not be "__proto__", an Object.prototype member'],
  ])('refuses %s %j: %s', (tokenPlacement, tokenName, rule) => {
    expect(issuesOf({ ...minimal, tokenPlacement, tokenName })).toEqual([
      { key: 'tokenName', value: tokenName, rule },
    ]);
  });

  it('is checked against its placement even when other keys fail', () => {
    expect(
      issuesOf({ ...minimal, name: 'class', tokenPlacement: 'query', tokenName: 'a-b' }),
    ).toEqual([
      expect.objectContaining({ key: 'name' }),
      {
        key: 'tokenName',
        value: 'a-b',
        rule: 'must be an identifier ([A-Za-z_][A-Za-z0-9_]*) for query placement',
      },
    ]);
  });

  it('the schema itself refuses a header name for body placement', () => {
    const result = AnswersSchema.safeParse({ ...minimal, tokenName: 'X-Token' });
    expect(result.success).toBe(false);
  });
});

describe('validateAnswer (one prompt at a time)', () => {
  it('returns the parsed value or the issues for one key', () => {
    expect(validateAnswer('name', 'NewPayment')).toEqual({ ok: true, value: 'NewPayment' });
    expect(validateAnswer('baseUrl', 'https://x.example/')).toEqual({
      ok: true,
      value: 'https://x.example',
    });
    expect(validateAnswer('amountType', 'Cents')).toEqual({
      ok: false,
      issues: [
        {
          key: 'amountType',
          value: 'Cents',
          rule: 'must be one of MinorUnit, StringMinorUnit, StringMajorUnit, FloatMajorUnit',
        },
      ],
    });
    expect(validateAnswer('name', 'Delete').issues?.[0]?.rule).toBe(
      'derives id "delete", a JavaScript/TypeScript reserved word',
    );
  });

  it('uses the context: existing ids and the placement chosen so far', () => {
    expect(validateAnswer('name', 'Paytm', { existingIds: ['paytm'] }).ok).toBe(false);
    expect(
      validateAnswer('tokenName', 'X-Token', { answers: { tokenPlacement: 'header' } }).ok,
    ).toBe(true);
    expect(validateAnswer('tokenName', 'X-Token', { answers: { tokenPlacement: 'body' } }).ok).toBe(
      false,
    );
  });

  it('fills defaults for an empty optional answer and refuses a missing required one', () => {
    expect(validateAnswer('currencyUnit', undefined)).toEqual({ ok: true, value: 'Minor' });
    expect(
      validateAnswer('tokenName', undefined, { answers: { tokenPlacement: 'header' } }),
    ).toEqual({
      ok: true,
      value: 'X-Session-Token',
    });
    expect(validateAnswer('authorizeEndpoint', undefined)).toEqual({
      ok: false,
      issues: [{ key: 'authorizeEndpoint', rule: 'is required' }],
    });
  });

  it('refuses an unknown key', () => {
    expect(validateAnswer('colour' as 'name', 'x').issues?.[0]).toMatchObject({
      key: 'colour',
      value: 'x',
    });
  });

  it('promptValidator gives true or the first rule', () => {
    const validate = promptValidator('authorizeEndpoint');
    expect(validate('v1/pay')).toBe(true);
    expect(validate('/v1/pay')).toBe('must be a relative path (no leading "/")');
  });
});

describe('missingRequiredKeys', () => {
  it('lists the required keys a partial set lacks, in key order', () => {
    expect(missingRequiredKeys({})).toEqual([
      'name',
      'baseUrl',
      'sessionTokenEndpoint',
      'authorizeEndpoint',
    ]);
    expect(
      missingRequiredKeys({ name: 'X', authorizeEndpoint: 'a', amountType: undefined }),
    ).toEqual(['baseUrl', 'sessionTokenEndpoint']);
    expect(missingRequiredKeys({ ...minimal, baseUrl: undefined })).toEqual(['baseUrl']);
    expect(missingRequiredKeys(minimal)).toEqual([]);
  });
});
