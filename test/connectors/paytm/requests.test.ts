/**
 * What the Paytm connector sends: ucs-observed-behaviour.md "Requests as built by the core"
 * (Paytm) and wire-formats §4.2–4.6, including the field-probe bodies Q1–Q4 of §4.11.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  PAYTM_PRODUCTION_BASE_URL,
  PAYTM_SANDBOX_BASE_URL,
  paytm,
} from '../../../src/connectors/paytm/index.js';
import {
  Secret,
  authorize,
  capture,
  refund,
  refundSync,
  voidPayment,
  createRouterData,
  createSessionToken,
  psync,
  StringMajorUnit,
  type ConnectorAuthType,
  type ConnectorEvent,
  type FlowName,
  type PaymentInput,
} from '../../../src/runtime/index.js';
import {
  MERCHANT,
  PaytmChecksum,
  TXN_TOKEN,
  collect,
  initiateOk,
  intent,
  lastRequest,
  multiAuthKey,
  processAnswer,
  qr,
  rejection,
  run,
  sentJson,
  signatureKey,
  startScriptedGateway,
  upiPayment,
  type ScriptedGateway,
} from './support.js';

const PROBE = {
  mid: 'probe_merchant',
  merchantKey: 'probe_key_16byte',
  website: 'probe_website',
  clientId: '',
};
const PROBE_SIGNATURE = 'cHJvYmVfa2V5OnByb2JlX3NlY3JldA==';

/** The field probe's normalization: volatile values replaced by fixed placeholders. */
function normalized(raw: string): string {
  return raw
    .replace(/"requestTimestamp":"\d{10}"/, '"requestTimestamp":"0000000000"')
    .replace(/"signature":"[A-Za-z0-9+/]{107}="/, `"signature":"${PROBE_SIGNATURE}"`);
}

const okProcess = processAnswer({ resultStatus: 'S', resultCode: '0000', resultMsg: 'Success' });

let gateway: ScriptedGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway();
});
afterAll(async () => {
  await gateway.close();
});
beforeEach(() => {
  gateway.reset();
  gateway.answer(initiateOk());
});

describe('definition', () => {
  it('declares what the issue and UCS declare', () => {
    expect(paytm).toMatchObject({
      id: 'paytm',
      name: 'Paytm',
      currencyUnit: 'Minor',
      contentType: 'application/json',
      authTypes: ['SignatureKey', 'MultiAuthKey'],
      sessionToken: { placement: 'body', name: 'head.txnToken' },
    });
    expect(paytm.amountConverter).toBe(StringMajorUnit);
    expect(paytm.validation.shouldDoSessionToken()).toBe(true);
    expect(paytm.validation.shouldDoOrderCreate()).toBe(false);
    expect(Object.keys(paytm.flows).sort()).toEqual(['Authorize', 'CreateSessionToken', 'PSync']);
  });
});

describe('initiateTransaction (CreateSessionToken)', () => {
  it('sends the field probe body Q1 byte for byte (SignatureKey: clientId null, orderId "")', async () => {
    await run.session(gateway, { amount: 1000, currency: 'USD' }, signatureKey(PROBE));
    const request = lastRequest(gateway);
    expect(request.target).toBe('/theia/api/v1/initiateTransaction?mid=probe_merchant&orderId=');
    expect(normalized(request.body)).toBe(
      '{"head":{"clientId":null,"version":"v1","requestTimestamp":"0000000000","signature":"cHJvYmVfa2V5OnByb2JlX3NlY3JldA=="},"body":{"requestType":"Payment","mid":"probe_merchant","orderId":"","websiteName":"probe_website","txnAmount":{"value":"10.00","currency":"USD"},"userInfo":{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null},"enablePaymentMode":[{"mode":"UPI","channels":["UPIPUSH","UPI"]}],"callbackUrl":"https://default-callback.com","shippingInfo":[{"trackingNo":"","chargeAmount":{"value":"10.00","currency":"USD"}}]}}',
    );
  });

  it('signs the exact bytes of the body member with the merchant key, timestamped in Unix seconds', async () => {
    const before = Math.floor(Date.now() / 1000);
    await run.session(gateway);
    const after = Math.ceil(Date.now() / 1000);
    const raw = lastRequest(gateway).body;
    const { head, body } = sentJson(gateway);
    const bodyText = JSON.stringify(body);
    expect(raw.endsWith(`"body":${bodyText}}`)).toBe(true);
    expect(head['signature']).toHaveLength(108);
    expect(
      PaytmChecksum.verifySignature(bodyText, MERCHANT.merchantKey, head['signature'] as string),
    ).toBe(true);
    expect(head['requestTimestamp']).toMatch(/^\d{10}$/);
    expect(Number(head['requestTimestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(head['requestTimestamp'])).toBeLessThanOrEqual(after);
    expect(head['clientId']).toBe(MERCHANT.clientId); // MultiAuthKey key2
  });

  it.each([
    ['Android 14', 'WAP'],
    ['iOS', 'WAP'],
    ['windows', 'WEB'],
    ['Linux', 'WEB'],
  ])(
    'sets head.channelId from OS type %s → %s, after requestTimestamp',
    async (osType, channel) => {
      await run.session(gateway, upiPayment({ browserInfo: { osType } }));
      const { head } = sentJson(gateway);
      expect(Object.keys(head)).toEqual([
        'clientId',
        'version',
        'requestTimestamp',
        'channelId',
        'signature',
      ]);
      expect(head['channelId']).toBe(channel);
    },
  );

  it('omits channelId without an OS type', async () => {
    await run.session(gateway, upiPayment({ browserInfo: { ipAddress: '1.2.3.4' } }));
    expect(Object.keys(sentJson(gateway).head)).toEqual([
      'clientId',
      'version',
      'requestTimestamp',
      'signature',
    ]);
  });

  it('fills userInfo from the billing address only, and custId from the customer id', async () => {
    await run.session(
      gateway,
      upiPayment({
        billing: {
          firstName: 'Asha',
          lastName: 'Rao',
          email: 'asha@example.com',
          phone: '9876543210',
          phoneCountryCode: '+91',
        },
        customer: {
          id: 'cust_42',
          email: 'other@example.com',
          phone: '1111111111',
          name: 'Someone Else',
        },
      }),
    );
    expect(JSON.stringify(sentJson(gateway).body['userInfo'])).toBe(
      '{"custId":"cust_42","mobile":"9876543210","email":"asha@example.com","firstName":"Asha","lastName":"Rao"}',
    );
  });

  it('sends explicit nulls without billing, even when the customer has email, phone and name', async () => {
    await run.session(
      gateway,
      upiPayment({ customer: { email: 'c@example.com', phone: '999', name: 'C' } }),
    );
    expect(JSON.stringify(sentJson(gateway).body['userInfo'])).toBe(
      '{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null}',
    );
  });

  it('fills shippingInfo[0] from the shipping address, in UCS key order, mobileNo as given (no country code, as the core sends it)', async () => {
    await run.session(
      gateway,
      upiPayment({
        shipping: {
          firstName: 'Ravi',
          lastName: 'Kumar',
          email: 'ravi@example.com',
          phone: '9123456780',
          phoneCountryCode: '+91',
          line1: '12 MG Road',
          line2: 'Floor 3',
          line3: 'not sent',
          city: 'Bengaluru',
          state: 'Karnataka',
          zip: '560001',
          country: 'IN',
        },
      }),
    );
    expect(JSON.stringify(sentJson(gateway).body['shippingInfo'])).toBe(
      '[{"trackingNo":"paytm_order_0001","chargeAmount":{"value":"10.00","currency":"INR"},"countryName":"IN","stateName":"Karnataka","cityName":"Bengaluru","address1":"12 MG Road","address2":"Floor 3","firstName":"Ravi","lastName":"Kumar","mobileNo":"9123456780","zipCode":"560001","email":"ravi@example.com"}]',
    );
  });

  it('sends mobileNo without a country code too, and leaves it out without a phone', async () => {
    await run.session(gateway, upiPayment({ shipping: { phone: '9123456780', city: 'Pune' } }));
    expect(sentJson(gateway).body['shippingInfo']).toEqual([
      {
        trackingNo: 'paytm_order_0001',
        chargeAmount: { value: '10.00', currency: 'INR' },
        cityName: 'Pune',
        mobileNo: '9123456780',
      },
    ]);
    gateway.reset();
    await run.session(gateway, upiPayment({ shipping: { phoneCountryCode: '+91', city: 'Pune' } }));
    expect(sentJson(gateway).body['shippingInfo']).toEqual([
      {
        trackingNo: 'paytm_order_0001',
        chargeAmount: { value: '10.00', currency: 'INR' },
        cityName: 'Pune',
      },
    ]);
  });

  it('a UPI collect without a vpa is MISSING_REQUIRED_FIELD vpa, before any HTTP', async () => {
    const error = await rejection(
      authorize(paytm, upiPayment({ paymentMethod: { type: 'upi_collect' } }), gateway.options()),
    );
    expect(error).toMatchObject({
      kind: 'integration',
      code: 'MISSING_REQUIRED_FIELD',
      field: 'vpa',
      message: 'Missing required field: vpa',
    });
    expect(gateway.requests).toHaveLength(0);
  });

  it('always sends the default callbackUrl (the session step never sees a return URL in UCS)', async () => {
    await run.session(gateway, upiPayment({ returnUrl: 'https://example.com/return' }));
    expect(sentJson(gateway).body['callbackUrl']).toBe('https://default-callback.com');
  });

  it.each([
    [100050, 'INR', '1000.50'],
    [1, 'INR', '0.01'],
    [0, 'INR', '0.00'],
    [1000, 'JPY', '1000'],
    [1234, 'KWD', '1.234'],
  ] as const)(
    'sends %i minor %s as the major-unit string "%s"',
    async (amount, currency, value) => {
      await run.session(gateway, upiPayment({ amount, currency }));
      const body = sentJson(gateway).body;
      expect(body['txnAmount']).toEqual({ value, currency });
      expect((body['shippingInfo'] as Array<Record<string, unknown>>)[0]?.['chargeAmount']).toEqual(
        { value, currency },
      );
    },
  );

  it('uses the session id as orderId when one is given', async () => {
    await run.session(gateway, upiPayment({ sessionId: 'sess_1' }));
    expect(lastRequest(gateway).query).toEqual({ mid: MERCHANT.mid, orderId: 'sess_1' });
    expect(sentJson(gateway).body['orderId']).toBe('sess_1');
  });
});

describe('processTransaction (Authorize): the three UPI shapes', () => {
  beforeEach(() => gateway.answer(okProcess));

  it('UPI collect: the field probe body Q3, token in head and body, channelId WEB by default', async () => {
    await run.authorize(
      gateway,
      upiPayment({ referenceId: 'probe_txn_001', paymentMethod: collect('test@upi') }),
      signatureKey(PROBE),
    );
    expect(lastRequest(gateway).target).toBe(
      '/theia/api/v1/processTransaction?mid=probe_merchant&orderId=probe_txn_001',
    );
    expect(lastRequest(gateway).body).toBe(
      `{"head":{"txnToken":"${TXN_TOKEN}"},"body":{"requestType":"NATIVE","mid":"probe_merchant","orderId":"probe_txn_001","paymentMode":"UPI","payerAccount":"test@upi","channelCode":"","channelId":"WEB","txnToken":"${TXN_TOKEN}","authMode":null}}`,
    );
  });

  it('UPI collect: channelId WAP for a mobile OS', async () => {
    await run.authorize(gateway, upiPayment({ browserInfo: { osType: 'android' } }));
    expect(sentJson(gateway).body['channelId']).toBe('WAP');
  });

  it.each([
    ['intent', intent],
    ['QR', qr],
  ])(
    'UPI %s: the field probe body Q2 (UPI_INTENT, channelId null, no txnNote)',
    async (_label, method) => {
      await run.authorize(
        gateway,
        upiPayment({ referenceId: 'probe_txn_001', paymentMethod: method }),
        signatureKey(PROBE),
      );
      expect(normalized(lastRequest(gateway).body)).toBe(
        `{"head":{"version":"v1","requestTimestamp":"0000000000","channelId":null,"txnToken":"${TXN_TOKEN}"},"body":{"mid":"probe_merchant","orderId":"probe_txn_001","requestType":"NATIVE","paymentMode":"UPI_INTENT","paymentFlow":"NONE"}}`,
      );
    },
  );

  it('UPI intent: txnNote from the description, channelId from the OS type', async () => {
    await run.authorize(
      gateway,
      upiPayment({
        paymentMethod: intent,
        description: 'Order #42',
        browserInfo: { osType: 'Windows' },
      }),
    );
    const { head, body } = sentJson(gateway);
    expect(head['channelId']).toBe('WEB');
    expect(body['txnNote']).toBe('Order #42');
    expect(Object.keys(body).at(-1)).toBe('txnNote');
  });

  it('carries no signature on processTransaction', async () => {
    await run.authorize(gateway, upiPayment({ paymentMethod: intent }));
    expect(sentJson(gateway).head).not.toHaveProperty('signature');
  });

  it.each([['no-at-sign'], ['@ab'], ['a@'], ['']])(
    'refuses the VPA %j before any HTTP (REQUEST_ENCODING_FAILED)',
    async (vpa) => {
      const error = await rejection(
        run.authorize(gateway, upiPayment({ paymentMethod: collect(vpa) })),
      );
      expect(error).toMatchObject({ kind: 'integration', code: 'REQUEST_ENCODING_FAILED' });
      expect(gateway.requests).toHaveLength(0);
    },
  );

  it('accepts a 4-byte VPA with an "@"', async () => {
    await run.authorize(gateway, upiPayment({ paymentMethod: collect('a@bc') }));
    expect(sentJson(gateway).body['payerAccount']).toBe('a@bc');
  });

  it('refuses cards with NOT_IMPLEMENTED before any HTTP', async () => {
    const card = {
      type: 'card' as const,
      number: new Secret('4111111111111111'),
      expMonth: new Secret('03'),
      expYear: new Secret('2030'),
      cvc: new Secret('737'),
    };
    const error = await rejection(run.authorize(gateway, upiPayment({ paymentMethod: card })));
    expect(error).toMatchObject({ kind: 'integration', code: 'NOT_IMPLEMENTED' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('fails with MISSING_REQUIRED_FIELD session_token before any HTTP, checked before the payment method', async () => {
    for (const method of [
      collect(),
      intent,
      {
        type: 'card' as const,
        number: new Secret('4111111111111111'),
        expMonth: new Secret('03'),
        expYear: new Secret('2030'),
        cvc: new Secret('737'),
      },
    ]) {
      const error = await rejection(
        authorize(paytm, upiPayment({ paymentMethod: method }), {
          ...gateway.options(),
          runSessionStep: false,
        }),
      );
      expect(error).toMatchObject({
        code: 'MISSING_REQUIRED_FIELD',
        field: 'session_token',
        message: 'Missing required field: session_token',
      });
    }
    expect(gateway.requests).toHaveLength(0);
  });

  it('sends orderId "" when the payment has no reference (UCS does not refuse it)', async () => {
    await run.authorize(gateway, { amount: 1000, currency: 'INR', paymentMethod: intent });
    expect(lastRequest(gateway).target).toBe(
      `/theia/api/v1/processTransaction?mid=${MERCHANT.mid}&orderId=`,
    );
    expect(sentJson(gateway).body['orderId']).toBe('');
  });

  it('runs the session step first and carries its token in head.txnToken', async () => {
    gateway.answer(initiateOk('token-from-session'));
    gateway.enqueue('/processTransaction', okProcess);
    const outcome = await authorize(
      paytm,
      upiPayment({ paymentMethod: intent }),
      gateway.options(),
    );
    expect(outcome.stage).toBe('Authorize');
    expect(sentJson(gateway).head['txnToken']).toBe('token-from-session');
  });
});

describe('v3/order/status (PSync)', () => {
  it('sends the field probe body Q4 to /v3/order/status with one slash (the core doubles it)', async () => {
    gateway.answer(
      processAnswer({ resultStatus: 'PENDING', resultCode: '402', resultMsg: 'wait' }),
    );
    await run.psync(
      gateway,
      upiPayment({ referenceId: 'probe_merchant_txn_001', browserInfo: { osType: 'android' } }),
      signatureKey(PROBE),
    );
    const request = lastRequest(gateway);
    expect(request.target).toBe('/v3/order/status');
    expect(normalized(request.body)).toBe(
      '{"head":{"clientId":null,"version":"v1","requestTimestamp":"0000000000","signature":"cHJvYmVfa2V5OnByb2JlX3NlY3JldA=="},"body":{"mid":"probe_merchant","orderId":"probe_merchant_txn_001"}}',
    );
    const { head, body } = sentJson(gateway);
    expect(
      PaytmChecksum.verifySignature(
        JSON.stringify(body),
        PROBE.merchantKey,
        head['signature'] as string,
      ),
    ).toBe(true);
  });
});

describe('headers, credentials and secrets', () => {
  it.each(['/initiateTransaction', '/processTransaction'])(
    'sends exactly via then content-type (%s)',
    async (path) => {
      gateway.enqueue('/processTransaction', okProcess);
      await authorize(paytm, upiPayment(), gateway.options());
      const request = gateway.lastRequest(path)!;
      const core = Object.entries(request.headers).filter(
        ([name]) => !['host', 'connection', 'content-length'].includes(name),
      );
      expect(core).toEqual([
        ['via', 'HyperSwitch'],
        ['content-type', 'application/json'],
      ]);
    },
  );

  it('refuses credentials other than SignatureKey or MultiAuthKey', async () => {
    const auth: ConnectorAuthType = { type: 'HeaderKey', apiKey: new Secret('MID1TEST') };
    const error = await rejection(run.session(gateway, upiPayment(), auth));
    expect(error).toMatchObject({ kind: 'integration', code: 'FAILED_TO_OBTAIN_AUTH_TYPE' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('masks the MID, website, client id and VPA in events', async () => {
    const events: ConnectorEvent[] = [];
    gateway.enqueue('/processTransaction', okProcess);
    await authorize(paytm, upiPayment({ paymentMethod: collect('secret.payer@upi') }), {
      ...gateway.options(),
      onEvent: (event) => events.push(event),
    });
    expect(events).toHaveLength(2);
    const printed = JSON.stringify(events);
    for (const value of [
      MERCHANT.mid,
      MERCHANT.website,
      MERCHANT.merchantKey,
      'secret.payer@upi',
    ]) {
      expect(printed.includes(value)).toBe(false);
    }
    expect(events[1]?.requestBody).toContain('"payerAccount":"*** masked ***"');
  });
});

describe('base URL', () => {
  const urlOf = (flow: FlowName, baseUrl: string, payment: PaymentInput = upiPayment()) => {
    const spec = paytm.flows[flow]!;
    const routerData = createRouterData(flow, {
      flowData: { referenceId: payment.referenceId ?? '', status: 'Started' },
      request: {
        amount: payment.amount,
        currency: payment.currency,
        paymentMethod: intent,
        captureMethod: 'automatic',
        authType: 'no_three_ds',
        connectorTransactionId: 'x',
      },
      auth: multiAuthKey(),
    });
    return spec.url({
      routerData,
      connector: paytm,
      baseUrl,
      convertAmount: StringMajorUnit.convert,
    } as never);
  };

  it('defaults to the sandbox and production hosts, each ending with "/"', () => {
    expect(paytm.baseUrls).toEqual({
      sandbox: 'https://securestage.paytmpayments.com/',
      production: 'https://secure.paytmpayments.com/',
    });
    expect(urlOf('CreateSessionToken', PAYTM_SANDBOX_BASE_URL)).toBe(
      'https://securestage.paytmpayments.com/theia/api/v1/initiateTransaction?mid=MID1TEST&orderId=paytm_order_0001',
    );
    expect(urlOf('Authorize', PAYTM_PRODUCTION_BASE_URL)).toBe(
      'https://secure.paytmpayments.com/theia/api/v1/processTransaction?mid=MID1TEST&orderId=paytm_order_0001',
    );
    expect(urlOf('PSync', PAYTM_SANDBOX_BASE_URL)).toBe(
      'https://securestage.paytmpayments.com/v3/order/status',
    );
  });

  it.each([
    ['a trailing slash', '/', '/v3/order/status'],
    ['no trailing slash', '', '/v3/order/status'],
    ['a path and a trailing slash', '/paytm/', '/paytm/v3/order/status'],
    ['a path, no trailing slash', '/paytm', '/paytm/v3/order/status'],
  ])('PSync takes a base URL with %s and sends one slash', async (_label, suffix, path) => {
    gateway.answer(
      processAnswer({ resultStatus: 'PENDING', resultCode: '402', resultMsg: 'wait' }),
    );
    await psync(paytm, upiPayment(), {
      ...gateway.options(),
      baseUrl: `${gateway.baseUrl}${suffix}`,
    });
    expect(lastRequest(gateway).target).toBe(path);
  });

  it('appends endpoints verbatim to a base URL with a path and a trailing slash', async () => {
    expect(urlOf('CreateSessionToken', 'https://gw.example/paytm/')).toBe(
      'https://gw.example/paytm/theia/api/v1/initiateTransaction?mid=MID1TEST&orderId=paytm_order_0001',
    );
    await createSessionToken(paytm, upiPayment(), {
      ...gateway.options(),
      baseUrl: `${gateway.baseUrl}/paytm/`,
    });
    expect(lastRequest(gateway).path).toBe('/paytm/theia/api/v1/initiateTransaction');
  });

  it.each([
    ['a path', '/paytm'],
    ['a bare origin', ''],
  ])(
    'session and authorize refuse a base URL without trailing slash (%s) before any HTTP, naming the rule',
    async (_label, suffix) => {
      const options = { ...gateway.options(), baseUrl: `${gateway.baseUrl}${suffix}` };
      for (const call of [
        createSessionToken(paytm, upiPayment(), options),
        authorize(paytm, upiPayment({ sessionToken: TXN_TOKEN }), options),
      ]) {
        const error = await rejection(call);
        expect(error).toMatchObject({ kind: 'integration', code: 'INVALID_CONNECTOR_CONFIG' });
        expect(String(error['message'])).toContain('must end with "/"');
        expect(String(error['message'])).toContain(options.baseUrl);
      }
      expect(gateway.requests).toHaveLength(0);
    },
  );
});

describe('flows Paytm does not have', () => {
  it.each([
    [
      'capture',
      () =>
        capture(
          paytm,
          { amountToCapture: 1000, currency: 'INR', connectorTransactionId: 'T1' },
          gateway.options(),
        ),
    ],
    [
      'void',
      () =>
        voidPayment(
          paytm,
          { amount: 1000, currency: 'INR', connectorTransactionId: 'T1' },
          gateway.options(),
        ),
    ],
    [
      'refund',
      () =>
        refund(
          paytm,
          { refundAmount: 1000, currency: 'INR', connectorTransactionId: 'T1' },
          gateway.options(),
        ),
    ],
    ['refund_sync', () => refundSync(paytm, { connectorTransactionId: 'T1' }, gateway.options())],
  ])('%s is NOT_IMPLEMENTED in the core’s words, before any HTTP', async (flow, call) => {
    const error = await rejection(call());
    expect(error).toMatchObject({
      kind: 'integration',
      code: 'NOT_IMPLEMENTED',
      message: `This feature is not implemented: ${flow} flow for paytm`,
    });
    expect(gateway.requests).toHaveLength(0);
  });
});
