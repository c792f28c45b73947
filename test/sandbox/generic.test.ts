import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import {
  GENERIC_SANDBOX_CREDENTIALS,
  GENERIC_TEST_CARDS,
  genericSandboxAuth,
  startGenericEmulator,
  type GenericEmulator,
  type GenericEmulatorOptions,
  type GenericGatewaySpec,
} from '../../src/sandbox/generic.js';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const { apiKey: API_KEY, key1: KEY1, apiSecret: API_SECRET } = GENERIC_SANDBOX_CREDENTIALS;

const baseSpec: GenericGatewaySpec = {
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
  contentType: JSON_TYPE,
  authType: 'HeaderKey',
  tokenPlacement: 'body',
  tokenName: 'sessionToken',
  amountType: 'StringMinorUnit',
};

const emulators: GenericEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

async function start(
  changes: Partial<GenericGatewaySpec> = {},
  options: GenericEmulatorOptions = {},
): Promise<{ emulator: GenericEmulator; spec: GenericGatewaySpec }> {
  const spec = { ...baseSpec, ...changes };
  const emulator = await startGenericEmulator(spec, options);
  emulators.push(emulator);
  return { emulator, spec };
}

type Fields = Record<string, unknown>;

function encode(fields: Fields, contentType: string): string {
  if (contentType === JSON_TYPE) return JSON.stringify(fields);
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'object' && value !== null) {
      for (const [inner, item] of Object.entries(value))
        pairs.push([`${key}[${inner}]`, `${item}`]);
    } else pairs.push([key, String(value)]);
  }
  return new URLSearchParams(pairs).toString();
}

interface Sent {
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: string;
}

/** Sends a request the way a connector of `spec` would, with any part overridden. */
async function send(
  emulator: GenericEmulator,
  spec: GenericGatewaySpec,
  endpoint: string,
  fields: Fields,
  overrides: Sent = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const query = new URLSearchParams(overrides.query ?? {}).toString();
  const url = `${emulator.baseUrl}${overrides.path ?? `/${endpoint}`}${query ? `?${query}` : ''}`;
  const response = await fetch(url, {
    method: overrides.method ?? 'POST',
    headers: {
      'content-type': spec.contentType,
      authorization: `Bearer ${API_KEY}`,
      ...overrides.headers,
    },
    body: overrides.body ?? encode(fields, spec.contentType),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function unixSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

function sessionFields(spec: GenericGatewaySpec, changes: Fields = {}): Fields {
  const fields: Fields = {
    merchantId: API_KEY,
    ...(spec.authType === 'BodyKey' ? { merchantKey: KEY1 } : {}),
    clientRequestId: 'session-1',
    timestamp: unixSeconds(),
    amount: { MinorUnit: 1050, StringMinorUnit: '1050', StringMajorUnit: '10.50' }[
      spec.amountType as 'MinorUnit'
    ],
    currency: 'USD',
    ...changes,
  };
  if (spec.amountType === 'FloatMajorUnit' && !('amount' in changes)) fields['amount'] = 10.5;
  if (spec.authType === 'SignatureKey' && !('checksum' in changes)) {
    const payload = `${String(fields['merchantId'])}${String(fields['clientRequestId'])}${String(fields['timestamp'])}${API_SECRET}`;
    fields['checksum'] = createHash('sha256').update(payload).digest('hex');
  }
  return fields;
}

async function openSession(
  emulator: GenericEmulator,
  spec: GenericGatewaySpec,
  changes: Fields = {},
) {
  const { body } = await send(
    emulator,
    spec,
    spec.sessionTokenEndpoint,
    sessionFields(spec, changes),
  );
  expect(body['status']).toBe('SUCCESS');
  return String(body['sessionToken']);
}

function authorizeFields(
  spec: GenericGatewaySpec,
  token: string | undefined,
  changes: Fields = {},
) {
  return {
    merchantId: API_KEY,
    ...(spec.authType === 'BodyKey' ? { merchantKey: KEY1 } : {}),
    amount: sessionFields(spec)['amount'],
    currency: 'USD',
    reference: 'order-1',
    captureMethod: 'automatic',
    paymentMethod: {
      type: 'card',
      number: GENERIC_TEST_CARDS.approve,
      expMonth: '12',
      expYear: '2030',
      cvc: '123',
    },
    ...(spec.tokenPlacement === 'body' && token !== undefined ? { [spec.tokenName]: token } : {}),
    ...changes,
  };
}

/** Authorize with the token where the spec says it goes. */
async function pay(
  emulator: GenericEmulator,
  spec: GenericGatewaySpec,
  token: string | undefined,
  changes: Fields = {},
) {
  const placed: Sent =
    token === undefined
      ? {}
      : spec.tokenPlacement === 'header'
        ? { headers: { [spec.tokenName]: token } }
        : spec.tokenPlacement === 'query'
          ? { query: { [spec.tokenName]: token } }
          : {};
  return send(
    emulator,
    spec,
    spec.authorizeEndpoint,
    authorizeFields(spec, token, changes),
    placed,
  );
}

describe('startGenericEmulator', () => {
  describe('a session and a payment done right', () => {
    const cases = (['MinorUnit', 'StringMinorUnit', 'StringMajorUnit', 'FloatMajorUnit'] as const)
      .flatMap((amountType) =>
        [JSON_TYPE, FORM_TYPE].map((contentType) => ({ amountType, contentType })),
      )
      .flatMap((c) =>
        (['HeaderKey', 'BodyKey', 'SignatureKey'] as const).map((authType) => ({ ...c, authType })),
      )
      .flatMap((c) =>
        (['body', 'header', 'query'] as const).map((tokenPlacement) => ({ ...c, tokenPlacement })),
      );

    it.each(cases)('are approved for %o', async (changes) => {
      const tokenName = changes.tokenPlacement === 'header' ? 'X-Session-Token' : 'sessionToken';
      const { emulator, spec } = await start({
        ...changes,
        contentType: changes.contentType as GenericGatewaySpec['contentType'],
        tokenName,
      });
      const token = await openSession(emulator, spec);
      expect(token).toMatch(/^st_[A-Za-z0-9_-]+$/);
      const { status, body } = await pay(emulator, spec, token);
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'SUCCESS',
        transactionId: 'txn_000001',
        transactionStatus: 'APPROVED',
      });
    });
  });

  describe('HTTP-level refusals', () => {
    it.each([
      ['an unknown path', { path: '/v1/unknown' }, 404, 'NOT_FOUND'],
      ['a doubled slash', { path: '//v1/session-token' }, 404, 'NOT_FOUND'],
      ['a PUT', { method: 'PUT' }, 405, 'METHOD_NOT_ALLOWED'],
      [
        'another content type',
        { headers: { 'content-type': FORM_TYPE } },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      ['no Authorization', { headers: { authorization: '' } }, 401, 'UNAUTHORIZED'],
      ['another api key', { headers: { authorization: 'Bearer other' } }, 401, 'UNAUTHORIZED'],
      ['a body that is not JSON', { body: 'merchantId=x' }, 400, 'INVALID_REQUEST'],
      ['a JSON array', { body: '[]' }, 400, 'INVALID_REQUEST'],
    ] as const)('answers %s with %i %s', async (_label, overrides, status, errorCode) => {
      const { emulator, spec } = await start();
      const reply = await send(
        emulator,
        spec,
        spec.sessionTokenEndpoint,
        sessionFields(spec),
        overrides,
      );
      expect(reply).toEqual({ status, body: { errorCode, errorMessage: expect.any(String) } });
    });

    it('accepts a charset parameter on the content type', async () => {
      const { emulator, spec } = await start();
      const reply = await send(emulator, spec, spec.sessionTokenEndpoint, sessionFields(spec), {
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(reply.body['status']).toBe('SUCCESS');
    });
  });

  describe('session fields', () => {
    it.each([
      ['no merchantId', { merchantId: undefined }, 'merchantId'],
      ['no clientRequestId', { clientRequestId: undefined }, 'clientRequestId'],
      ['a clientRequestId that is a number', { clientRequestId: 7 }, 'clientRequestId'],
      ['a timestamp in milliseconds', { timestamp: String(Date.now()) }, 'timestamp'],
      [
        'a timestamp an hour old',
        { timestamp: String(Math.floor(Date.now() / 1000) - 3600) },
        'timestamp',
      ],
      ['a timestamp that is a number', { timestamp: Math.floor(Date.now() / 1000) }, 'timestamp'],
      ['an unknown currency', { currency: 'XXX' }, 'currency'],
      ['a lower-case currency', { currency: 'usd' }, 'currency'],
    ])('refuses %s with 400 INVALID_FIELD', async (_label, changes, field) => {
      const { emulator, spec } = await start();
      const reply = await send(
        emulator,
        spec,
        spec.sessionTokenEndpoint,
        sessionFields(spec, changes),
      );
      expect(reply.status).toBe(400);
      expect(reply.body['errorCode']).toBe('INVALID_FIELD');
      expect(String(reply.body['errorMessage'])).toMatch(new RegExp(`^${field}: `));
    });

    it('checks the timestamp against its own clock', async () => {
      const clock = Date.parse('2030-01-01T00:00:00Z');
      const { emulator, spec } = await start({}, { now: () => clock });
      const inTime = sessionFields(spec, { timestamp: String(clock / 1000 - 60) });
      expect((await send(emulator, spec, spec.sessionTokenEndpoint, inTime)).body['status']).toBe(
        'SUCCESS',
      );
      const late = sessionFields(spec, { timestamp: String(clock / 1000 - 601) });
      expect((await send(emulator, spec, spec.sessionTokenEndpoint, late)).status).toBe(400);
    });
  });

  describe('amounts, per amount type, encoding and currency exponent', () => {
    // [amountType, contentType, currency, accepted wire values, refused wire values]
    const table: Array<[GenericGatewaySpec['amountType'], string, string, unknown[], unknown[]]> = [
      ['MinorUnit', JSON_TYPE, 'USD', [1050, 1], ['1050', 10.5, 0, -5, 1e21]],
      ['MinorUnit', FORM_TYPE, 'USD', ['1050'], ['10.50', '01050', '-5', '0']],
      ['StringMinorUnit', JSON_TYPE, 'USD', ['1050'], [1050, '10.50', '', '0']],
      ['StringMinorUnit', FORM_TYPE, 'JPY', ['1050'], ['1050.0']],
      [
        'StringMajorUnit',
        JSON_TYPE,
        'USD',
        ['10.50', '0.01'],
        ['10.5', '10.500', 10.5, '1050', '0.00'],
      ],
      ['StringMajorUnit', JSON_TYPE, 'JPY', ['1050'], ['1050.00', '10.50']],
      ['StringMajorUnit', FORM_TYPE, 'KWD', ['1.050'], ['1.05', '1.0500']],
      ['FloatMajorUnit', JSON_TYPE, 'USD', [10.5, 10, 0.01], ['10.5', 10.555, 0]],
      ['FloatMajorUnit', JSON_TYPE, 'KWD', [1.05, 1.055], [1.0555]],
      ['FloatMajorUnit', FORM_TYPE, 'USD', ['10.5', '10'], ['10.50', '10.0', '1e1', '10.555']],
    ];

    it.each(table)('%s in %s for %s', async (amountType, contentType, currency, good, bad) => {
      const { emulator, spec } = await start({
        amountType,
        contentType: contentType as GenericGatewaySpec['contentType'],
      });
      for (const amount of good) {
        const reply = await send(
          emulator,
          spec,
          spec.sessionTokenEndpoint,
          sessionFields(spec, { amount, currency }),
        );
        expect(reply.body['status'], `accepts ${JSON.stringify(amount)}`).toBe('SUCCESS');
      }
      for (const amount of bad) {
        const reply = await send(
          emulator,
          spec,
          spec.sessionTokenEndpoint,
          sessionFields(spec, { amount, currency }),
        );
        expect(reply.status, `refuses ${JSON.stringify(amount)}`).toBe(400);
        expect(String(reply.body['errorMessage'])).toMatch(/^amount: /);
      }
    });
  });

  describe('credentials in the body', () => {
    it('refuses another merchantId in-band with FAILED', async () => {
      const { emulator, spec } = await start();
      const reply = await send(
        emulator,
        spec,
        spec.sessionTokenEndpoint,
        sessionFields(spec, { merchantId: 'other' }),
      );
      expect(reply).toEqual({
        status: 200,
        body: { status: 'FAILED', errorCode: 'INVALID_MERCHANT', errorMessage: expect.any(String) },
      });
    });

    it('requires key1 as merchantKey for BodyKey, on both requests', async () => {
      const { emulator, spec } = await start({ authType: 'BodyKey' });
      const session = await send(
        emulator,
        spec,
        spec.sessionTokenEndpoint,
        sessionFields(spec, { merchantKey: 'other' }),
      );
      expect(session.body).toMatchObject({ status: 'FAILED', errorCode: 'INVALID_MERCHANT_KEY' });
      const token = await openSession(emulator, spec);
      const payment = await pay(emulator, spec, token, { merchantKey: undefined });
      expect(payment.body).toMatchObject({ status: 'ERROR', errorCode: 'INVALID_MERCHANT_KEY' });
    });

    it('checks the SignatureKey checksum over merchantId, clientRequestId, timestamp and secret', async () => {
      const { emulator, spec } = await start({ authType: 'SignatureKey' });
      const wrong = createHash('sha256')
        .update(`${API_KEY}session-1${unixSeconds()}other`)
        .digest('hex');
      const upperCase = String(sessionFields(spec)['checksum']).toUpperCase();
      for (const checksum of [wrong, upperCase, undefined]) {
        const reply = await send(
          emulator,
          spec,
          spec.sessionTokenEndpoint,
          sessionFields(spec, { checksum }),
        );
        expect(reply.body).toMatchObject({ status: 'ERROR', errorCode: 'INVALID_CHECKSUM' });
      }
      await openSession(emulator, spec);
    });
  });

  describe('session tokens', () => {
    it.each([
      ['body', 'sessionToken'],
      ['header', 'X-Session-Token'],
      ['query', 'sessionToken'],
    ] as const)('must be at the declared placement (%s %s)', async (tokenPlacement, tokenName) => {
      const { emulator, spec } = await start({ tokenPlacement, tokenName });
      const token = await openSession(emulator, spec);
      const elsewhere: Sent =
        tokenPlacement === 'query'
          ? { headers: { [tokenName]: token } }
          : { query: { [tokenName]: token } };
      const misplaced = await send(
        emulator,
        spec,
        spec.authorizeEndpoint,
        authorizeFields(spec, undefined),
        elsewhere,
      );
      expect(misplaced.body).toMatchObject({ status: 'ERROR', errorCode: 'SESSION_TOKEN_MISSING' });
      expect((await pay(emulator, spec, token)).body['transactionStatus']).toBe('APPROVED');
    });

    it('are refused when unknown, used, or issued for another amount or currency', async () => {
      const { emulator, spec } = await start();
      expect((await pay(emulator, spec, 'st_made_up')).body).toMatchObject({
        errorCode: 'INVALID_SESSION_TOKEN',
      });
      const token = await openSession(emulator, spec);
      expect((await pay(emulator, spec, token)).body['status']).toBe('SUCCESS');
      expect((await pay(emulator, spec, token)).body).toMatchObject({
        errorCode: 'INVALID_SESSION_TOKEN',
      });
      const forAmount = await openSession(emulator, spec);
      expect((await pay(emulator, spec, forAmount, { amount: '999' })).body).toMatchObject({
        status: 'ERROR',
        errorCode: 'SESSION_MISMATCH',
      });
      const forCurrency = await openSession(emulator, spec);
      expect((await pay(emulator, spec, forCurrency, { currency: 'EUR' })).body).toMatchObject({
        errorCode: 'SESSION_MISMATCH',
      });
    });

    it('expire after their lifetime', async () => {
      let clock = Date.now();
      const { emulator, spec } = await start({}, { now: () => clock, tokenLifetimeMs: 60_000 });
      const token = await openSession(emulator, spec, {
        timestamp: String(Math.floor(clock / 1000)),
      });
      clock += 60_000;
      expect((await pay(emulator, spec, token)).body).toMatchObject({
        status: 'ERROR',
        errorCode: 'SESSION_TOKEN_EXPIRED',
      });
    });
  });

  describe('payment outcomes', () => {
    it.each([
      ['approve', 'automatic', { transactionStatus: 'APPROVED' }],
      ['approve', 'manual', { transactionStatus: 'APPROVED' }],
      ['decline', 'automatic', { transactionStatus: 'DECLINED', errorCode: 'CARD_DECLINED' }],
      ['pending', 'automatic', { transactionStatus: 'PENDING' }],
      ['redirect', 'automatic', { transactionStatus: 'REDIRECT', redirectUrl: expect.any(String) }],
      ['error', 'automatic', { status: 'ERROR', errorCode: 'PROCESSING_ERROR' }],
    ] as const)('the %s card with %s capture gives %o', async (card, captureMethod, expected) => {
      const { emulator, spec } = await start();
      const token = await openSession(emulator, spec);
      const paymentMethod = {
        ...authorizeFields(spec, token).paymentMethod,
        number: GENERIC_TEST_CARDS[card],
      };
      const reply = await pay(emulator, spec, token, { paymentMethod, captureMethod });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        status: 'SUCCESS',
        transactionId: 'txn_000001',
        ...expected,
      });
    });

    it('serves the redirect page it points at', async () => {
      const { emulator, spec } = await start();
      const token = await openSession(emulator, spec);
      const paymentMethod = {
        ...authorizeFields(spec, token).paymentMethod,
        number: GENERIC_TEST_CARDS.redirect,
      };
      const { body } = await pay(emulator, spec, token, { paymentMethod });
      const page = await fetch(String(body['redirectUrl']));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('challenge');
    });

    it('refuses a card number that fails the Luhn check in-band', async () => {
      const { emulator, spec } = await start();
      const token = await openSession(emulator, spec);
      const paymentMethod = {
        ...authorizeFields(spec, token).paymentMethod,
        number: '4111111111111112',
      };
      expect((await pay(emulator, spec, token, { paymentMethod })).body).toMatchObject({
        status: 'ERROR',
        errorCode: 'INVALID_CARD_NUMBER',
      });
    });

    it.each([
      ['paymentMethod', 'card'],
      ['paymentMethod.type', { type: 'upi', number: GENERIC_TEST_CARDS.approve }],
      [
        'paymentMethod.expMonth',
        {
          type: 'card',
          number: GENERIC_TEST_CARDS.approve,
          expMonth: '13',
          expYear: '2030',
          cvc: '123',
        },
      ],
      [
        'paymentMethod.cvc',
        {
          type: 'card',
          number: GENERIC_TEST_CARDS.approve,
          expMonth: '12',
          expYear: '2030',
          cvc: '12',
        },
      ],
      ['captureMethod', undefined],
      ['reference', undefined],
    ])('refuses a bad %s with 400 INVALID_FIELD', async (field, value) => {
      const { emulator, spec } = await start();
      const token = await openSession(emulator, spec);
      const key = field.split('.')[0]!;
      const changes = field === 'captureMethod' ? { captureMethod: 'later' } : { [key]: value };
      const reply = await pay(emulator, spec, token, changes);
      expect(reply.status).toBe(400);
      expect(String(reply.body['errorMessage'])).toMatch(
        new RegExp(`^${field.replace('.', '\\.')}: `),
      );
    });
  });

  describe('configuration', () => {
    it('refuses a spec whose endpoints are the same', async () => {
      await expect(start({ authorizeEndpoint: 'v1/session-token' })).rejects.toThrow(/must differ/);
    });

    it('refuses credentials that lack what the auth type needs', async () => {
      await expect(
        start({ authType: 'SignatureKey', credentials: { apiKey: 'k', key1: 'm' } }),
      ).rejects.toThrow(/need apiSecret/);
    });

    it('accepts the credentials the spec names instead of the defaults', async () => {
      const credentials = { apiKey: 'my_key', key1: 'my_key1' };
      const { emulator, spec } = await start({ authType: 'BodyKey', credentials });
      const reply = await send(
        emulator,
        spec,
        spec.sessionTokenEndpoint,
        sessionFields(spec, { merchantId: 'my_key', merchantKey: 'my_key1' }),
        { headers: { authorization: 'Bearer my_key' } },
      );
      expect(reply.body['status']).toBe('SUCCESS');
    });
  });
});

describe('genericSandboxAuth', () => {
  it('builds the credentials of each auth type from the sandbox defaults, as secrets', () => {
    const header = genericSandboxAuth('HeaderKey');
    expect(header.type).toBe('HeaderKey');
    expect(header.apiKey.expose()).toBe(API_KEY);
    const signature = genericSandboxAuth('SignatureKey');
    expect(signature.type === 'SignatureKey' && signature.apiSecret.expose()).toBe(API_SECRET);
    expect(String(signature.apiKey)).not.toContain(API_KEY);
    const body = genericSandboxAuth('BodyKey');
    expect(body.type === 'BodyKey' && body.key1.expose()).toBe(KEY1);
  });
});
