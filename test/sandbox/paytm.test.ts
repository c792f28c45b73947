/**
 * The Paytm gateway emulator: its own checksum against paytmchecksum, txnTokens bound to their
 * order, the documented outcome tables, and the whole payment run by the Paytm connector.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { paytm } from '../../src/connectors/paytm/index.js';
import {
  Secret,
  authorize,
  createSessionToken,
  psync,
  type AttemptStatus,
  type ConnectorAuthType,
  type PaymentInput,
  type PaymentMethodData,
} from '../../src/runtime/index.js';
import {
  PAYTM_SANDBOX_CREDENTIALS,
  PAYTM_TEST_AMOUNTS,
  PAYTM_TEST_VPAS,
  rawMemberText,
  startPaytmEmulator,
  verifyPaytmSignature,
  type PaytmEmulator,
  type PaytmMerchant,
} from '../../src/sandbox/paytm/index.js';
import { PaytmChecksum, quietly } from '../connectors/paytm/support.js';

const MERCHANT: PaytmMerchant = PAYTM_SANDBOX_CREDENTIALS;
const OTHER: PaytmMerchant = {
  mid: 'OTHERMID000000000002',
  merchantKey: '0123456789abcdef01234567', // 24 bytes: AES-192
  website: 'WEBOTHER',
};

function credentials(merchant: PaytmMerchant, withClientId = true): ConnectorAuthType {
  const base = {
    apiKey: new Secret(merchant.mid),
    key1: new Secret(merchant.merchantKey),
    apiSecret: new Secret(merchant.website),
  };
  return withClientId && merchant.clientId !== undefined
    ? { type: 'MultiAuthKey', ...base, key2: new Secret(merchant.clientId) }
    : { type: 'SignatureKey', ...base };
}

let emulator: PaytmEmulator;
let orderNumber = 0;
const nextOrder = () => `order_${(orderNumber += 1)}`;

const options = (auth = credentials(MERCHANT)) => ({
  auth,
  baseUrl: emulator.connectorBaseUrl,
  timeoutMs: 5_000,
});

const collect = (vpa: string): PaymentMethodData => ({ type: 'upi_collect', vpa: new Secret(vpa) });

function payment(overrides: Partial<PaymentInput> = {}): PaymentInput {
  return {
    referenceId: nextOrder(),
    amount: 1000,
    currency: 'INR',
    paymentMethod: collect(PAYTM_TEST_VPAS.success),
    ...overrides,
  };
}

/** Raw HTTP, for requests the connector would never send. */
async function post(target: string, body: string) {
  const response = await fetch(`${emulator.baseUrl}${target}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An initiateTransaction request signed by paytmchecksum, as text with its exact body bytes. */
function initiateRequest(orderId: string, value = '10.00', merchant = MERCHANT) {
  const bodyText = JSON.stringify({
    requestType: 'Payment',
    mid: merchant.mid,
    orderId,
    websiteName: merchant.website,
    txnAmount: { value, currency: 'INR' },
    userInfo: { custId: 'cus_default' },
  });
  const signature = PaytmChecksum.calculateChecksum(bodyText, merchant.merchantKey, 'AAAA');
  return {
    target: `/theia/api/v1/initiateTransaction?mid=${merchant.mid}&orderId=${orderId}`,
    bodyText,
    text: (body = bodyText) =>
      `{"head":{"clientId":null,"version":"v1","requestTimestamp":"1705314645","signature":"${signature}"},"body":${body}}`,
  };
}

beforeAll(async () => {
  emulator = await startPaytmEmulator({ merchants: [MERCHANT, OTHER] });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe('the emulator checksum', () => {
  it('accepts what paytmchecksum signs and rejects what it rejects', async () => {
    const body = '{"mid":"TESTMID0000000000001","orderId":"ORDER_0001"}';
    const key = 'kR9#vQ2!mZ7@xL4$';
    const signature = await PaytmChecksum.generateSignature(body, key);
    expect(verifyPaytmSignature(body, key, signature)).toBe(true);
    // wire-formats §4.9 vector P2.
    const p2 =
      'Lna+qz9C2o0C33zfP2rkgDysZsadZmO+TexeAa2xRmK6f/iJZRsV7qvjVSWYjRL3n7Z+wNOQrPr2rgsSqbGymMw8VSXkmOxDHz10cC7kID4=';
    expect(verifyPaytmSignature(body, key, p2)).toBe(true);
    for (const [payload, candidateKey, candidate] of [
      [body.replace('0001"}', '0002"}'), key, signature],
      [body, 'TestMerchantKey1', signature],
      [body, key, 'garbage'],
    ] as const) {
      expect(verifyPaytmSignature(payload, candidateKey, candidate)).toBe(false);
      expect(quietly(() => PaytmChecksum.verifySignature(payload, candidateKey, candidate))).toBe(
        false,
      );
    }
  });

  it('signs with AES-192 for 24-byte keys (§4.9 key-length vector)', () => {
    const body = '{"mid":"TESTMID0000000000001","orderId":"ORDER_0001"}';
    expect(
      verifyPaytmSignature(
        body,
        '0123456789abcdef01234567',
        'gUvAV5oAO3tajwiB4vpFb62ccfxZ39bU3WV4lvTtHzOXPX4r3qCDCeK393dyfUaMPHVp24n+xiWNH1Gi0q/qpKFdg9WMRaf9ZwmBnfIHA/s=',
      ),
    ).toBe(true);
  });

  it('reads the exact bytes of a member, whitespace, escapes and look-alike keys included', () => {
    const raw =
      '{ "head" : {"body":"x"}, "note":"a,\\"body\\":}" ,"body" :  {"a": [1, {"b":"}"}]} }';
    expect(rawMemberText(raw, 'body')).toBe('{"a": [1, {"b":"}"}]}');
    expect(rawMemberText(raw, 'head')).toBe('{"body":"x"}');
    expect(rawMemberText('{"body":1,"body":{"z":2}}', 'body')).toBe('{"z":2}');
    expect(rawMemberText('{"head":{}}', 'body')).toBeUndefined();
  });
});

describe('initiateTransaction', () => {
  it('issues a txnToken for a valid signature, with a head signed over its own body', async () => {
    const request = initiateRequest(nextOrder());
    const answer = await post(request.target, request.text());
    expect(answer.status).toBe(200);
    expect(answer.json['body'].resultInfo).toEqual({
      resultStatus: 'S',
      resultCode: '0000',
      resultMsg: 'Success',
    });
    expect(answer.json['body'].txnToken).toMatch(/^[0-9a-f]{32}\d{13}$/);
    expect(answer.json['head']).toMatchObject({
      version: 'v1',
      responseTimestamp: expect.any(String),
    });
    const bodyText = rawMemberText(answer.text, 'body')!;
    expect(
      PaytmChecksum.verifySignature(bodyText, MERCHANT.merchantKey, answer.json['head'].signature),
    ).toBe(true);
  });

  it.each([
    ['a changed amount', (body: string) => body.replace('"10.00"', '"11.00"')],
    ['a changed letter', (body: string) => body.replace('cus_default', 'cus_defaulT')],
    ['an added space', (body: string) => body.replace('"requestType":', '"requestType": ')],
  ])(
    'rejects a one-byte change to the signed body (%s): HTTP 200, F/2005',
    async (_label, change) => {
      // Fixture paytm_04: F / 2005 "Checksum provided is invalid", HTTP 200.
      const request = initiateRequest(nextOrder());
      const changed = change(request.bodyText);
      expect(changed).not.toBe(request.bodyText);
      const answer = await post(request.target, request.text(changed));
      expect(answer.status).toBe(200);
      expect(answer.json['body']).toEqual({
        resultInfo: {
          resultStatus: 'F',
          resultCode: '2005',
          resultMsg: 'Checksum provided is invalid',
        },
        extraParamsMap: null,
      });
    },
  );

  it('rejects a signature made with another merchant key, an unknown MID and a foreign clientId', async () => {
    const signedByOther = initiateRequest(nextOrder(), '10.00', {
      ...MERCHANT,
      merchantKey: 'TestMerchantKey1',
    });
    expect(
      (await post(signedByOther.target, signedByOther.text())).json['body'].resultInfo.resultCode,
    ).toBe('2005');

    const unknown = initiateRequest(nextOrder(), '10.00', { ...MERCHANT, mid: 'NOSUCHMID' });
    expect((await post(unknown.target, unknown.text())).json['body'].resultInfo.resultCode).toBe(
      '2005',
    );

    const foreignClient = await createSessionToken(
      paytm,
      payment(),
      options({
        ...(credentials(MERCHANT) as Extract<ConnectorAuthType, { type: 'MultiAuthKey' }>),
        key2: new Secret('C99'),
      }),
    );
    expect(foreignClient.response?.error).toMatchObject({ code: '2005', attemptStatus: 'Failure' });
  });

  it('accepts SignatureKey credentials (clientId null) and a merchant with a 24-byte key', async () => {
    expect(
      (await createSessionToken(paytm, payment(), options(credentials(MERCHANT, false)))).response
        ?.ok,
    ).toBe(true);
    expect(
      (await createSessionToken(paytm, payment(), options(credentials(OTHER)))).response?.ok,
    ).toBe(true);
  });

  it.each([
    ['not JSON', 'nope', '/theia/api/v1/initiateTransaction?mid=X&orderId=o'],
    ['no head', '{"body":{}}', '/theia/api/v1/initiateTransaction?mid=X&orderId=o'],
  ])('answers %s with HTTP 400 F/1001', async (_label, body, target) => {
    const answer = await post(target, body);
    expect(answer.status).toBe(400);
    expect(answer.json['body'].resultInfo).toEqual({
      resultStatus: 'F',
      resultCode: '1001',
      resultMsg: 'Request parameters are not valid',
    });
  });

  it('refuses an orderId that differs from the query with HTTP 400 F/1001', async () => {
    const request = initiateRequest('order_a');
    const mismatch = await post(request.target.replace('order_a', 'order_b'), request.text());
    expect(mismatch.status).toBe(400);
    expect(mismatch.json['body'].resultInfo.resultCode).toBe('1001');
  });

  it("refuses a website that is not the merchant's: the connector gets a 400 / 1001 error", async () => {
    const wrong = options(credentials({ ...MERCHANT, website: 'WEBPROD' }));
    const error = await createSessionToken(paytm, payment(), wrong).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 400,
      errorResponse: { code: '1001', attemptStatus: 'Failure' },
    });
  });

  it('answers txnAmount 5.01 with F/501 System Error', async () => {
    const session = await createSessionToken(paytm, payment({ amount: 501 }), options());
    expect(session.response?.error).toMatchObject({
      code: '501',
      message: 'System Error',
      attemptStatus: 'Failure',
    });
    expect(PAYTM_TEST_AMOUNTS.sessionSystemError).toBe('5.01');
  });

  it('answers a repeated orderId with S/0002 and the same token while that token is unused', async () => {
    const first = payment();
    const session = await createSessionToken(paytm, first, options());
    const token = session.flowData.sessionToken;
    expect(token).toEqual(expect.any(String));

    const again = await post(
      `/theia/api/v1/initiateTransaction?mid=${MERCHANT.mid}&orderId=${first.referenceId}`,
      emulator.lastRequest('/initiateTransaction')!.body,
    );
    expect(again.json['body']).toMatchObject({
      resultInfo: { resultStatus: 'S', resultCode: '0002', resultMsg: 'Success Idempotent' },
      txnToken: token,
    });
    // The connector reads it as UCS does: an error without token.
    const duplicate = await createSessionToken(paytm, first, options());
    expect(duplicate.response?.error).toEqual({
      statusCode: 200,
      code: '0002',
      message: 'Success Idempotent',
      reason: 'Success Idempotent',
    });

    // Once the token is used, the order may start a new attempt with a new token.
    await authorize(paytm, { ...first, sessionToken: token! }, options());
    const retry = await createSessionToken(paytm, first, options());
    expect(retry.flowData.sessionToken).toEqual(expect.any(String));
    expect(retry.flowData.sessionToken).not.toBe(token);
  });

  it('forgets orders on reset()', async () => {
    const first = payment();
    await createSessionToken(paytm, first, options());
    emulator.reset();
    expect((await createSessionToken(paytm, first, options())).response?.ok).toBe(true);
  });
});

describe('processTransaction', () => {
  it('rejects an unknown token as an expired session (F/1006 → AuthenticationFailed)', async () => {
    const outcome = await authorize(paytm, payment({ sessionToken: 'f'.repeat(45) }), options());
    expect(outcome.status).toBe('AuthenticationFailed');
    expect(outcome.stage === 'Authorize' && outcome.authorize.response?.error).toMatchObject({
      code: '1006',
      message: 'Your Session has expired.',
    });
  });

  it('rejects a token used for another orderId (F/309 → Failure)', async () => {
    const session = await createSessionToken(paytm, payment(), options());
    const outcome = await authorize(
      paytm,
      payment({ sessionToken: session.flowData.sessionToken! }),
      options(),
    );
    expect(outcome.status).toBe('Failure');
    expect(outcome.stage === 'Authorize' && outcome.authorize.response?.error).toMatchObject({
      code: '309',
    });
  });

  it('rejects a token another merchant asks with (F/309), and a body token that differs from the head (F/1006)', async () => {
    const first = payment();
    const token = (await createSessionToken(paytm, first, options())).flowData.sessionToken!;
    const foreign = await authorize(
      paytm,
      { ...first, sessionToken: token },
      options(credentials(OTHER)),
    );
    expect(foreign.status).toBe('Failure');

    const target = `/theia/api/v1/processTransaction?mid=${MERCHANT.mid}&orderId=${first.referenceId}`;
    const body = (bodyToken: string) =>
      JSON.stringify({
        head: { txnToken: token },
        body: {
          requestType: 'NATIVE',
          mid: MERCHANT.mid,
          orderId: first.referenceId,
          paymentMode: 'UPI',
          payerAccount: 'a@b',
          txnToken: bodyToken,
        },
      });
    expect((await post(target, body('other'))).json['body'].resultInfo.resultCode).toBe('1006');
    expect((await post(target, body(token))).json['body'].resultInfo.resultCode).toBe('0000');
  });

  // prettier-ignore
  const VPA_OUTCOMES: Array<[string, AttemptStatus, string]> = [
    [PAYTM_TEST_VPAS.success, 'Authorized', '0000'],
    ['anyone@okbank', 'Authorized', '0000'],
    [PAYTM_TEST_VPAS.failure, 'Failure', '0001'],
    [PAYTM_TEST_VPAS.authenticationFailed, 'AuthenticationFailed', '931'],
    [PAYTM_TEST_VPAS.authorizationFailed, 'AuthorizationFailed', 'RC-00018'],
    [PAYTM_TEST_VPAS.pending, 'Pending', '402'],
  ];
  it.each(VPA_OUTCOMES)('UPI collect from %s → %s (resultCode %s)', async (vpa, status, code) => {
    const answers: string[] = [];
    const outcome = await authorize(paytm, payment({ paymentMethod: collect(vpa) }), {
      ...options(),
      onEvent: (event) => answers.push(event.responseBody ?? ''),
    });
    expect(outcome.status).toBe(status);
    const processAnswer = JSON.parse(answers.at(-1)!) as { body: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(processAnswer.body['resultInfo'].resultCode).toBe(code);
    expect(Object.keys(processAnswer.body)).toEqual(
      code === '0000' ? ['resultInfo', 'bankForm'] : ['resultInfo'],
    );
  });

  // prettier-ignore
  const AMOUNT_OUTCOMES: Array<[string, number, AttemptStatus]> = [
    [PAYTM_TEST_AMOUNTS.failure, 201, 'Failure'],
    [PAYTM_TEST_AMOUNTS.authenticationFailed, 202, 'AuthenticationFailed'],
    [PAYTM_TEST_AMOUNTS.authorizationFailed, 203, 'AuthorizationFailed'],
    [PAYTM_TEST_AMOUNTS.pending, 204, 'Pending'],
    ['10.00', 1000, 'Authorized'],
  ];
  it.each(AMOUNT_OUTCOMES)(
    'UPI intent and QR for amount %s (%i minor) → %s',
    async (_value, amount, status) => {
      for (const method of [{ type: 'upi_intent' }, { type: 'upi_qr' }] as const) {
        const outcome = await authorize(
          paytm,
          payment({ amount, paymentMethod: method }),
          options(),
        );
        expect(outcome.status).toBe(status);
      }
    },
  );

  it('answers intent with a upi:// deep link carrying the order, amount and note', async () => {
    const outcome = await authorize(
      paytm,
      payment({ paymentMethod: { type: 'upi_intent' }, description: 'Order #42' }),
      options(),
    );
    expect(outcome.status).toBe('Authorized');
    if (outcome.stage !== 'Authorize') throw new Error('expected Authorize');
    const value = outcome.authorize.response?.value;
    expect(value?.redirection).toEqual({
      type: 'uri',
      uri: expect.stringMatching(/^upi:\/\/pay\?pa=paytmqr@paytm&/),
    });
    const uri = value?.redirection?.type === 'uri' ? value.redirection.uri : '';
    const transId = value?.resourceId.type === 'ConnectorTransactionId' ? value.resourceId.id : '';
    expect(transId).toMatch(/^\d{32}$/);
    expect(uri).toContain(`tr=${transId}`);
    expect(uri).toContain('am=10.00');
    expect(uri).toContain('tn=Order%20%2342');
  });
});

describe('the whole payment with the Paytm connector', () => {
  it.each([
    ['UPI collect', collect(PAYTM_TEST_VPAS.success)],
    ['UPI intent', { type: 'upi_intent' } as const],
    ['UPI QR', { type: 'upi_qr' } as const],
  ])('%s: initiate → process → status is Charged', async (_label, paymentMethod) => {
    const order = payment({ paymentMethod });
    const outcome = await authorize(paytm, order, options());
    expect(outcome.stage).toBe('Authorize');
    expect(outcome.status).toBe('Authorized');
    expect(emulator.requests.map((request) => request.path)).toEqual([
      '/theia/api/v1/initiateTransaction',
      '/theia/api/v1/processTransaction',
    ]);

    const synced = await psync(
      paytm,
      { ...order, connectorTransactionId: 'from-authorize' },
      options(),
    );
    expect(synced.flowData.status).toBe('Charged');
    expect(synced.response?.value).toMatchObject({
      resourceId: { type: 'ConnectorTransactionId', id: expect.stringMatching(/^\d{32}$/) },
      connectorResponseReferenceId: order.referenceId,
    });
    // one slash, from a base URL with or without it (the core's doubled slash is wrong against Paytm)
    expect(emulator.lastRequest()?.target).toBe('/v3/order/status');
  });

  it.each([
    [PAYTM_TEST_VPAS.failure, 'Failure', '227'],
    [PAYTM_TEST_VPAS.pending, 'Pending', undefined],
  ] as const)('status after a %s payment: %s', async (vpa, status, code) => {
    const order = payment({ paymentMethod: collect(vpa) });
    await authorize(paytm, order, options());
    const synced = await psync(paytm, { ...order, connectorTransactionId: 'x' }, options());
    expect(synced.flowData.status).toBe(status);
    if (code !== undefined)
      expect(synced.response?.error).toMatchObject({ code, reason: 'TXN_FAILURE' });
  });

  it('status of an unknown order is Failure 334, of an unprocessed one Pending', async () => {
    const unknown = await psync(paytm, payment({ connectorTransactionId: 'x' }), options());
    expect(unknown.response?.error).toMatchObject({ code: '334', message: 'Invalid Order Id.' });

    const order = payment();
    await createSessionToken(paytm, order, options());
    const pending = await psync(paytm, { ...order, connectorTransactionId: 'x' }, options());
    expect(pending.flowData.status).toBe('Pending');
    expect(pending.response?.value?.resourceId).toEqual({ type: 'NoResponseId' });
  });

  it('status signed with the wrong key is refused with F/2005', async () => {
    const order = payment();
    const synced = await psync(
      paytm,
      { ...order, connectorTransactionId: 'x' },
      options(credentials({ ...MERCHANT, merchantKey: 'wrongKeyWrongKey' })),
    );
    expect(synced.flowData.status).toBe('Pending'); // UCS maps 2005 on status to Pending
    expect(synced.response?.value?.resourceId).toEqual({ type: 'NoResponseId' });
  });

  it('serves nothing else', async () => {
    const response = await fetch(`${emulator.baseUrl}/theia/api/v1/initiateTransaction`);
    expect(response.status).toBe(404);
    expect((await fetch(`${emulator.baseUrl}/nope`, { method: 'POST' })).status).toBe(404);
  });

  it('defaults to the sandbox merchant, whose 16-byte key paytmchecksum accepts', async () => {
    const sandbox = await startPaytmEmulator();
    try {
      expect(sandbox.merchants).toEqual([PAYTM_SANDBOX_CREDENTIALS]);
      expect(Buffer.byteLength(PAYTM_SANDBOX_CREDENTIALS.merchantKey)).toBe(16);
      expect(sandbox.connectorBaseUrl).toBe(`${sandbox.baseUrl}/`);
      const outcome = await authorize(paytm, payment(), {
        ...options(),
        baseUrl: sandbox.connectorBaseUrl,
      });
      expect(outcome.status).toBe('Authorized');
      const sent = JSON.parse(sandbox.requests[0]!.body) as {
        head: { signature: string };
        body: unknown;
      };
      expect(
        PaytmChecksum.verifySignature(
          JSON.stringify(sent.body),
          PAYTM_SANDBOX_CREDENTIALS.merchantKey,
          sent.head.signature,
        ),
      ).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});
