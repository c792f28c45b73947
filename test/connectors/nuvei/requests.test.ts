/** What the Nuvei connector sends: bytes, key order, headers, URLs and input checks. */

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../../src/connectors/nuvei/index.js';
import {
  buildPaymentRequest,
  buildSessionTokenRequest,
} from '../../../src/connectors/nuvei/transformers.js';
import {
  Secret,
  StringMajorUnit,
  authorize,
  createRouterData,
  createSessionToken,
  resolveBaseUrl,
  toWireJson,
  type ConnectorEvent,
  type PaymentInput,
} from '../../../src/runtime/index.js';
import type { LoopbackGateway } from '../../../src/sandbox/loopback.js';
import {
  PAYMENT_PATH,
  SESSION_PATH,
  TOKEN,
  callOptions,
  card,
  cardPayment,
  failureOf,
  signatureKey,
  startScriptedGateway,
} from './helpers.js';

let gateway: LoopbackGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

/** Runs Authorize alone (token given) and returns the payment.do body as parsed JSON. */
async function paymentBody(overrides: Partial<PaymentInput> = {}) {
  await authorize(nuvei, cardPayment({ sessionToken: TOKEN, ...overrides }), callOptions(gateway));
  const request = gateway.lastRequest(PAYMENT_PATH);
  if (request === undefined) throw new Error('no payment.do request');
  return { raw: request.body, json: JSON.parse(request.body) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The input error of an Authorize that must fail before any HTTP. */
async function inputError(overrides: Partial<PaymentInput>) {
  const error = await failureOf(
    authorize(nuvei, cardPayment({ sessionToken: TOKEN, ...overrides }), callOptions(gateway)),
  );
  expect(gateway.requests).toHaveLength(0);
  return error;
}

const CREDS_A = {
  merchantId: '1234567890123456789',
  merchantSiteId: '123456',
  merchantSecret: 'SECRETkeyABC123xyz',
};
const AT_A = new Date(Date.UTC(2024, 0, 15, 10, 30, 45));

describe('the connector definition', () => {
  it('declares what the issue and the seed ask for', () => {
    expect(nuvei).toMatchObject({
      id: 'nuvei',
      name: 'Nuvei',
      currencyUnit: 'Minor',
      contentType: 'application/json',
      authTypes: ['SignatureKey'],
      sessionToken: { placement: 'body', name: 'sessionToken' },
      baseUrls: {
        sandbox: 'https://ppp-test.nuvei.com/ppp/api/v1',
        production: 'https://secure.safecharge.com/ppp/api/v1',
      },
    });
    expect(nuvei.amountConverter.type).toBe('StringMajorUnit');
    expect(nuvei.validation.shouldDoSessionToken()).toBe(true);
    expect(nuvei.validation.shouldDoOrderCreate()).toBe(false);
    expect(Object.keys(nuvei.flows).sort()).toEqual([
      'Authorize',
      'Capture',
      'CreateSessionToken',
      'PSync',
      'RSync',
      'Refund',
      'Void',
    ]);
  });

  it('uses the environment’s base URL unless one is configured, which is used verbatim', () => {
    expect(resolveBaseUrl(nuvei, {})).toBe('https://ppp-test.nuvei.com/ppp/api/v1');
    expect(resolveBaseUrl(nuvei, { environment: 'production' })).toBe(
      'https://secure.safecharge.com/ppp/api/v1',
    );
    expect(resolveBaseUrl(nuvei, { baseUrl: 'http://127.0.0.1:9/x/' })).toBe(
      'http://127.0.0.1:9/x/',
    );
  });
});

describe('exact bodies (fixed clock)', () => {
  it('getSessionToken: N1’s keys with a real A1 checksum', () => {
    const routerData = createRouterData('CreateSessionToken', {
      flowData: { referenceId: 'order_0001', status: 'Started' },
      request: { amount: 1000, currency: 'USD' },
      auth: signatureKey(CREDS_A),
    });
    const body = buildSessionTokenRequest(
      { routerData, connector: nuvei, baseUrl: '', convertAmount: StringMajorUnit.convert },
      AT_A,
    );
    expect(toWireJson(body)).toBe(
      '{"merchantId":"1234567890123456789","merchantSiteId":"123456","clientRequestId":"order_0001","timeStamp":"20240115103045","checksum":"114fa09a0ff3873711981101a9aea39c797ca95d32b85bb6d60f02921731e228"}',
    );
  });

  it('payment.do: N3 (N2’s shape, credentials A, vector A2)', () => {
    const routerData = createRouterData('Authorize', {
      flowData: {
        referenceId: 'order_0001',
        status: 'Pending',
        sessionToken: '3c3a1b4e-0000-0000-0000-000000000000',
        billing: { firstName: 'John', lastName: 'Doe', email: 'test@example.com', country: 'US' },
        returnUrl: 'https://example.com/return',
      },
      request: {
        amount: 1000,
        currency: 'USD',
        paymentMethod: card(),
        captureMethod: 'automatic',
        authType: 'no_three_ds',
        browserInfo: { ipAddress: '1.2.3.4' },
      },
      auth: signatureKey(CREDS_A),
    });
    const body = buildPaymentRequest(
      { routerData, connector: nuvei, baseUrl: '', convertAmount: StringMajorUnit.convert },
      AT_A,
    );
    expect(toWireJson(body)).toBe(
      '{"sessionToken":"3c3a1b4e-0000-0000-0000-000000000000","merchantId":"1234567890123456789","merchantSiteId":"123456","clientRequestId":"order_0001","amount":"10.00","currency":"USD","clientUniqueId":"order_0001","paymentOption":{"card":{"cardNumber":"4111111111111111","cardHolderName":"John Doe","expirationMonth":"03","expirationYear":"2030","CVV":"737"}},"transactionType":"Sale","deviceDetails":{"ipAddress":"1.2.3.4"},"billingAddress":{"email":"test@example.com","country":"US","firstName":"John","lastName":"Doe"},"urlDetails":{"successUrl":"https://example.com/return","failureUrl":"https://example.com/return","pendingUrl":"https://example.com/return"},"timeStamp":"20240115103045","checksum":"355ccc0ae128769ccc0ce9367a3109a1578a40707af5c2497a373c323a178e95"}',
    );
  });
});

describe('over HTTP', () => {
  it('sends exactly content-type then via, and no auth header', async () => {
    await authorize(nuvei, cardPayment(), callOptions(gateway));
    for (const request of gateway.requests) {
      const names = Object.keys(request.headers).filter((name) =>
        ['content-type', 'via', 'authorization'].includes(name),
      );
      expect(names).toEqual(['content-type', 'via']);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['via']).toBe('HyperSwitch');
    }
    expect(gateway.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('posts to base + "/getSessionToken.do" and base + "/payment.do"', async () => {
    await authorize(nuvei, cardPayment(), callOptions(gateway));
    expect(gateway.requests.map((request) => request.target)).toEqual([
      '/ppp/api/v1/getSessionToken.do',
      '/ppp/api/v1/payment.do',
    ]);
  });

  it('keeps a trailing slash of the base URL, giving "//getSessionToken.do" as UCS does', async () => {
    await authorize(nuvei, cardPayment(), {
      ...callOptions(gateway),
      baseUrl: `${gateway.baseUrl}/ppp/api/v1/`,
    });
    expect(gateway.requests.map((request) => request.target)).toEqual([
      '/ppp/api/v1//getSessionToken.do',
      '/ppp/api/v1//payment.do',
    ]);
  });

  it('runs the session step first and sends its token as the first body key', async () => {
    await authorize(nuvei, cardPayment(), callOptions(gateway));
    const payment = gateway.lastRequest(PAYMENT_PATH)!;
    expect(payment.body.startsWith(`{"sessionToken":"${TOKEN}",`)).toBe(true);
  });

  it('session clientRequestId is the session id when given, else the reference id, else ""', async () => {
    await createSessionToken(nuvei, cardPayment({ sessionId: 'sess_1' }), callOptions(gateway));
    await createSessionToken(nuvei, cardPayment(), callOptions(gateway));
    const { referenceId: _dropped, ...anonymous } = cardPayment();
    await createSessionToken(nuvei, anonymous, callOptions(gateway));
    const ids = gateway.requests.map(
      (request) => (JSON.parse(request.body) as { clientRequestId: string }).clientRequestId,
    );
    expect(ids).toEqual(['sess_1', 'nuvei_order_0001', '']);
    expect(Object.keys(JSON.parse(gateway.requests[2]!.body) as object)).toEqual([
      'merchantId',
      'merchantSiteId',
      'clientRequestId',
      'timeStamp',
      'checksum',
    ]);
  });

  it('a missing reference id is sent as "" in clientRequestId and clientUniqueId', async () => {
    const { referenceId: _dropped, ...anonymous } = cardPayment({ sessionToken: TOKEN });
    await authorize(nuvei, anonymous, callOptions(gateway));
    const body = JSON.parse(gateway.lastRequest(PAYMENT_PATH)!.body) as Record<string, string>;
    expect(body['clientRequestId']).toBe('');
    expect(body['clientUniqueId']).toBe('');
  });

  it.each([
    [1000, 'USD', '10.00'],
    [1, 'USD', '0.01'],
    [0, 'USD', '0.00'],
    [1050, 'EUR', '10.50'],
    [123456789, 'USD', '1234567.89'],
    [1000, 'JPY', '1000'],
    [1234, 'KWD', '1.234'],
    [100050, 'INR', '1000.50'],
  ] as const)('sends %i %s as the major-unit string "%s"', async (amount, currency, expected) => {
    const { json } = await paymentBody({ amount, currency });
    expect(json['amount']).toBe(expected);
    expect(json['currency']).toBe(currency);
  });

  it.each([
    ['automatic', 1000, 'Sale'],
    ['manual', 1000, 'Auth'],
    ['automatic', 0, 'Auth'],
    ['manual', 0, 'Auth'],
  ] as const)(
    'transactionType for %s capture of %i is %s',
    async (captureMethod, amount, expected) => {
      const { json } = await paymentBody({ captureMethod, amount });
      expect(json['transactionType']).toBe(expected);
    },
  );

  it('sends the full billing address in Nuvei’s key order, state and phone verbatim', async () => {
    const { json } = await paymentBody({
      billing: {
        state: 'California',
        zip: '94016',
        line3: 'Floor 3',
        line2: 'Suite 2',
        line1: '1 Main St',
        city: 'San Francisco',
        phone: '4155550100',
        phoneCountryCode: '+1',
        lastName: 'Doe',
        firstName: 'John',
        country: 'US',
        email: 'billing@example.com',
      },
      shipping: { firstName: 'Ship', country: 'DE' },
      customer: { id: 'cus_1', email: 'customer@example.com', name: 'Customer Name' },
      description: 'not sent',
    });
    expect(Object.keys(json)).toEqual([
      'sessionToken',
      'merchantId',
      'merchantSiteId',
      'clientRequestId',
      'amount',
      'currency',
      'clientUniqueId',
      'paymentOption',
      'transactionType',
      'deviceDetails',
      'billingAddress',
      'urlDetails',
      'timeStamp',
      'checksum',
    ]);
    expect(json['billingAddress']).toEqual({
      email: 'billing@example.com',
      country: 'US',
      firstName: 'John',
      lastName: 'Doe',
      phone: '4155550100',
      city: 'San Francisco',
      address: '1 Main St',
      addressLine2: 'Suite 2',
      addressLine3: 'Floor 3',
      zip: '94016',
      state: 'California',
    });
    expect(Object.keys(json['billingAddress'] as object)).toEqual([
      'email',
      'country',
      'firstName',
      'lastName',
      'phone',
      'city',
      'address',
      'addressLine2',
      'addressLine3',
      'zip',
      'state',
    ]);
    expect(json['paymentOption']).toEqual({
      card: {
        cardNumber: '4111111111111111',
        cardHolderName: 'John Doe',
        expirationMonth: '03',
        expirationYear: '2030',
        CVV: '737',
      },
    });
    expect(json['deviceDetails']).toEqual({ ipAddress: '1.2.3.4' });
  });

  it('sends urlDetails only with a return URL', async () => {
    const { returnUrl: _dropped, ...withoutReturn } = cardPayment({ sessionToken: TOKEN });
    await authorize(nuvei, withoutReturn, callOptions(gateway));
    const body = JSON.parse(gateway.lastRequest(PAYMENT_PATH)!.body) as Record<string, unknown>;
    expect(body).not.toHaveProperty('urlDetails');
    expect(Object.keys(body).slice(-3)).toEqual(['billingAddress', 'timeStamp', 'checksum']);
  });

  it.each([
    [{ firstName: 'John', lastName: 'Doe' }, undefined, 'John Doe'],
    [{ firstName: 'John' }, undefined, 'John'],
    [{ lastName: 'Doe' }, undefined, 'Doe'],
    [{}, 'Customer Name', 'Customer Name'],
    [{ firstName: 'John' }, 'Customer Name', 'John'],
  ])(
    'cardHolderName from billing %j, customer name %s: %s (never the card’s own)',
    async (names, customerName, expected) => {
      const { json } = await paymentBody({
        billing: { email: 'a@b.c', country: 'US', ...names },
        ...(customerName === undefined ? {} : { customer: { name: customerName } }),
      });
      expect(json['paymentOption']['card']['cardHolderName']).toBe(expected);
      expect(json['billingAddress']['firstName']).toBe((names as { firstName?: string }).firstName);
    },
  );

  it('email: billing wins over customer; customer fills in', async () => {
    const both = await paymentBody({
      billing: { firstName: 'J', email: 'billing@example.com', country: 'US' },
      customer: { email: 'customer@example.com' },
    });
    expect(both.json['billingAddress']['email']).toBe('billing@example.com');
    const customerOnly = await paymentBody({
      billing: { firstName: 'J', country: 'US' },
      customer: { email: 'customer@example.com' },
    });
    expect(customerOnly.json['billingAddress']['email']).toBe('customer@example.com');
  });

  it('formats timeStamp in UTC whatever the process time zone', async () => {
    const previous = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati'; // UTC+14: a local time would be a day ahead
    try {
      const before = Date.now();
      const { json } = await paymentBody();
      const stamp = json['timeStamp'] as string;
      const parts = [0, 4, 6, 8, 10, 12].map((at, i) => Number(stamp.slice(at, at + (i ? 2 : 4))));
      const sent = Date.UTC(parts[0]!, parts[1]! - 1, parts[2]!, parts[3]!, parts[4]!, parts[5]!);
      expect(Math.abs(sent - before)).toBeLessThanOrEqual(5_000);
    } finally {
      if (previous === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previous;
    }
  });

  it('masks card data, PII and credentials in events', async () => {
    const events: ConnectorEvent[] = [];
    await authorize(nuvei, cardPayment(), {
      ...callOptions(gateway),
      onEvent: (event) => events.push(event),
    });
    const printed = JSON.stringify(events);
    for (const value of ['4111111111111111', '"737"', 'test@example.com', 'John Doe', '1.2.3.4']) {
      expect(printed.includes(value), value).toBe(false);
    }
    expect(events.map((event) => event.flow)).toEqual(['CreateSessionToken', 'Authorize']);
  });
});

describe('input checks: before any HTTP, naming the field as UCS does', () => {
  afterEach(() => expect(gateway.requests).toHaveLength(0));

  it('session_token', async () => {
    const error = await failureOf(
      authorize(nuvei, cardPayment(), { ...callOptions(gateway), runSessionStep: false }),
    );
    expect(error).toMatchObject({
      code: 'MISSING_REQUIRED_FIELD',
      field: 'session_token',
      message: 'Missing required field: session_token',
    });
  });

  it('browser_info', async () => {
    const { browserInfo: _dropped, ...payment } = cardPayment({ sessionToken: TOKEN });
    const error = await failureOf(authorize(nuvei, payment, callOptions(gateway)));
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field: 'browser_info' });
  });

  it('browser_info.ip_address', async () => {
    const error = await inputError({ browserInfo: { userAgent: 'x' } });
    expect(error).toMatchObject({
      code: 'MISSING_REQUIRED_FIELD',
      field: 'browser_info.ip_address',
    });
  });

  it('billing_address.email (neither billing nor customer email)', async () => {
    const error = await inputError({
      billing: { firstName: 'John', country: 'US' },
      customer: { name: 'x' },
    });
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field: 'billing_address.email' });
  });

  it('billing_address.country', async () => {
    const error = await inputError({ billing: { firstName: 'John', email: 'a@b.c' } });
    expect(error).toMatchObject({
      code: 'MISSING_REQUIRED_FIELD',
      field: 'billing_address.country',
    });
  });

  it('the holder name (billing names or customer name)', async () => {
    const error = await inputError({
      billing: { email: 'a@b.c', country: 'US' },
      customer: { email: 'a@b.c' },
    });
    expect(error).toMatchObject({
      code: 'MISSING_REQUIRED_FIELD',
      field: 'billing_address.first_name and billing_address.last_name or customer_name',
    });
  });

  it.each([
    { type: 'upi_collect' as const, vpa: new Secret('user@upi') },
    { type: 'upi_intent' as const },
    { type: 'upi_qr' as const },
  ])('payment method $type is NOT_IMPLEMENTED', async (paymentMethod) => {
    const error = await inputError({ paymentMethod });
    expect(error).toMatchObject({ code: 'NOT_IMPLEMENTED', kind: 'integration' });
  });

  it('reports the first missing field in UCS’s order (name, email, country, browser info, token)', async () => {
    const error = await failureOf(
      authorize(
        nuvei,
        { amount: 1000, currency: 'USD', paymentMethod: card() },
        { ...callOptions(gateway), runSessionStep: false },
      ),
    );
    expect(error).toMatchObject({
      field: 'billing_address.first_name and billing_address.last_name or customer_name',
    });
    const noEmail = await inputError({ billing: { firstName: 'J' }, browserInfo: {} });
    expect(noEmail).toMatchObject({ field: 'billing_address.email' });
    const noCountry = await inputError({
      billing: { firstName: 'J', email: 'a@b.c' },
      browserInfo: {},
    });
    expect(noCountry).toMatchObject({ field: 'billing_address.country' });
  });

  it('credentials of another type are refused', async () => {
    const error = await failureOf(
      authorize(nuvei, cardPayment(), {
        ...callOptions(gateway),
        auth: { type: 'HeaderKey', apiKey: new Secret('k') },
      }),
    );
    expect(error).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE' });
  });

  it('an unknown currency fails amount conversion', async () => {
    const error = await inputError({ currency: 'XXX' as never });
    expect(error).toMatchObject({ code: 'AMOUNT_CONVERSION_FAILED' });
  });
});

it('sends the session token only on payment.do', async () => {
  await authorize(nuvei, cardPayment(), callOptions(gateway));
  expect(gateway.lastRequest(SESSION_PATH)!.body).not.toContain('sessionToken');
});
