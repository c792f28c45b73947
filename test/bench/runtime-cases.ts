/**
 * The two reference payments the runtime section measures: Nuvei by card and Paytm by UPI
 * collect. Credentials and the session/authorize answers are the recorded fixtures' own
 * (test/fixtures/reference); the PSync answers are the connectors' successful status replies,
 * and Nuvei's capture, void, refund and refund sync answers its APPROVED replies.
 */

import { readFileSync } from 'node:fs';

import type {
  AmountType,
  Connector,
  ConnectorAuthType,
  FlowName,
  PaymentFlowData,
  PaymentInput,
  RouterData,
} from '../../src/runtime/index.js';
import { nuveiRawPayment, paytmRawPayment, type RawPayment } from './raw-clients.js';
import type { Shipped } from './shipped.js';

/** A canned 200 answer, chosen by the suffix of the request's path. */
export interface CannedAnswer {
  readonly pathSuffix: string;
  readonly body: string;
}

export interface FlowCase {
  readonly flow: FlowName;
  /** What the runtime hands the flow, as `authorize`/`psync` would build it. */
  readonly routerData: RouterData<FlowName>;
  /** The gateway's answer the flow maps. */
  readonly answer: string;
}

export interface RuntimeCase {
  readonly label: string;
  readonly connector: Connector<AmountType>;
  readonly auth: ConnectorAuthType;
  readonly payment: PaymentInput;
  /** The base URL to hand the connector, given the loopback server's origin. */
  readonly baseUrl: (origin: string) => string;
  /** The answers to CreateSessionToken and Authorize, for the loopback server. */
  readonly answers: readonly CannedAnswer[];
  readonly flows: readonly FlowCase[];
  /** The same payment by a hand-written client (raw-clients.ts). */
  readonly raw: RawPayment;
  /**
   * A request body with its volatile members (timestamps, checksums, signatures) checked for
   * validity and then blanked, so two clients' requests compare byte for byte.
   */
  readonly stableBody: (path: string, body: string) => string;
}

interface Fixture {
  readonly steps: ReadonlyArray<{
    readonly name: 'session' | 'authorize';
    readonly gatewayResponse: { readonly body: string } | null;
  }>;
}

function recordedAnswers(fixture: string): { session: string; authorize: string } {
  const url = new URL(`../fixtures/reference/${fixture}.json`, import.meta.url);
  const { steps } = JSON.parse(readFileSync(url, 'utf8')) as Fixture;
  const body = (name: 'session' | 'authorize') => {
    const answer = steps.find((step) => step.name === name)?.gatewayResponse?.body;
    if (answer === undefined) throw new Error(`${fixture} has no ${name} answer`);
    return answer;
  };
  return { session: body('session'), authorize: body('authorize') };
}

/** Router data for each flow as the payment sequence builds it, the token already in hand. */
function flowCases(
  { runtime: { createRouterData } }: Shipped,
  payment: PaymentInput,
  auth: ConnectorAuthType,
  sessionToken: string,
  answers: { session: string; authorize: string; psync: string },
  followUps: readonly FlowCase[] = [],
): FlowCase[] {
  const paymentMethod = payment.paymentMethod;
  if (paymentMethod === undefined) throw new Error('a benchmark payment needs a payment method');
  const flowData: PaymentFlowData = {
    referenceId: payment.referenceId ?? '',
    status: 'Started',
    ...(payment.billing === undefined ? {} : { billing: payment.billing }),
    ...(payment.returnUrl === undefined ? {} : { returnUrl: payment.returnUrl }),
  };
  const browserInfo = payment.browserInfo === undefined ? {} : { browserInfo: payment.browserInfo };
  const money = { amount: payment.amount, currency: payment.currency };
  return [
    {
      flow: 'CreateSessionToken',
      routerData: createRouterData('CreateSessionToken', {
        flowData,
        request: { ...money, ...browserInfo },
        auth,
      }),
      answer: answers.session,
    },
    {
      flow: 'Authorize',
      routerData: createRouterData('Authorize', {
        flowData: { ...flowData, sessionToken },
        request: {
          ...money,
          paymentMethod,
          captureMethod: payment.captureMethod ?? 'automatic',
          authType: 'no_three_ds',
          ...browserInfo,
        },
        auth,
      }),
      answer: answers.authorize,
    },
    {
      flow: 'PSync',
      routerData: createRouterData('PSync', {
        flowData,
        request: { ...money, connectorTransactionId: payment.connectorTransactionId ?? '' },
        auth,
      }),
      answer: answers.psync,
    },
    ...followUps,
  ];
}

/** A settle, void or refund answer of Nuvei (APPROVED), with its new transactionId. */
export function nuveiTransactionAnswer(transactionId: string, clientUniqueId: string): string {
  return JSON.stringify({
    transactionId,
    externalTransactionId: '',
    status: 'SUCCESS',
    transactionStatus: 'APPROVED',
    authCode: '111361',
    errCode: 0,
    reason: '',
    gwErrorCode: 0,
    gwErrorReason: '',
    clientRequestId: clientUniqueId,
    clientUniqueId,
    internalRequestId: 880000201,
    merchantId: 'M1',
    merchantSiteId: 'S1',
    version: '1.0',
  });
}

/** Capture, Void, Refund and RSync of the Nuvei payment, as the flow calls build them. */
function nuveiFollowUps(
  { runtime: { createRouterData } }: Shipped,
  auth: ConnectorAuthType,
  paymentId: string,
): FlowCase[] {
  const flowData: PaymentFlowData = { referenceId: '', status: 'Started' };
  const money = { currency: 'USD' as const };
  return [
    {
      flow: 'Capture',
      routerData: createRouterData('Capture', {
        flowData,
        request: {
          ...money,
          amountToCapture: 1000,
          connectorTransactionId: paymentId,
          merchantCaptureId: 'cap_1',
        },
        auth,
      }),
      answer: nuveiTransactionAnswer('711000000012399001', 'cap_1'),
    },
    {
      flow: 'Void',
      routerData: createRouterData('Void', {
        flowData,
        request: {
          ...money,
          amount: 1000,
          connectorTransactionId: paymentId,
          merchantVoidId: 'void_1',
        },
        auth,
      }),
      answer: nuveiTransactionAnswer('711000000012399002', 'void_1'),
    },
    {
      flow: 'Refund',
      routerData: createRouterData('Refund', {
        flowData,
        request: {
          ...money,
          refundAmount: 1000,
          connectorTransactionId: paymentId,
          merchantRefundId: 'ref_1',
        },
        auth,
      }),
      answer: nuveiTransactionAnswer('711000000012399003', 'ref_1'),
    },
    {
      flow: 'RSync',
      routerData: createRouterData('RSync', {
        flowData,
        request: {
          connectorTransactionId: paymentId,
          connectorRefundId: '711000000012399003',
          merchantRefundId: 'ref_1',
        },
        auth,
      }),
      answer: JSON.stringify({
        transactionDetails: {
          transactionId: '711000000012399003',
          transactionStatus: 'APPROVED',
          transactionType: 'Credit',
          clientUniqueId: 'ref_1',
        },
        status: 'SUCCESS',
        errCode: 0,
        reason: '',
      }),
    },
  ];
}

function nuveiCase(shipped: Shipped): RuntimeCase {
  const { Secret } = shipped.runtime;
  const { endpointChecksum } = shipped.nuveiChecksum;
  const recorded = recordedAnswers('nuvei_01_session_ok__card_auto_approved');
  const auth: ConnectorAuthType = {
    type: 'SignatureKey',
    apiKey: new Secret('M1'),
    key1: new Secret('S1'),
    apiSecret: new Secret('sekret-nuvei-0123456789'),
  };
  const payment: PaymentInput = {
    referenceId: 'nuvei_order_0001',
    amount: 1000,
    currency: 'USD',
    captureMethod: 'automatic',
    paymentMethod: {
      type: 'card',
      number: new Secret('4111111111111111'),
      expMonth: new Secret('03'),
      expYear: new Secret('2030'),
      cvc: new Secret('737'),
      holderName: 'John Doe',
    },
    billing: { firstName: 'John', lastName: 'Doe', email: 'test@example.com', country: 'US' },
    browserInfo: { ipAddress: '1.2.3.4', userAgent: 'Mozilla/5.0 (bench)' },
    returnUrl: 'https://example.com/return',
    connectorTransactionId: '711000000012345678',
  };
  const psync = JSON.stringify({
    transactionDetails: {
      transactionId: '711000000012345678',
      transactionStatus: 'APPROVED',
      transactionType: 'Sale',
      authCode: '111361',
      clientUniqueId: 'nuvei_order_0001',
      date: '2024-01-15 10:30:46',
    },
    internalRequestId: 880000010,
    status: 'SUCCESS',
    errCode: 0,
    reason: '',
    merchantId: 'M1',
    merchantSiteId: 'S1',
    version: '1.0',
  });
  return {
    label: 'Nuvei card',
    connector: shipped.nuvei,
    auth,
    payment,
    baseUrl: (origin) => `${origin}/ppp/api/v1`,
    answers: [
      { pathSuffix: '/getSessionToken.do', body: recorded.session },
      { pathSuffix: '/payment.do', body: recorded.authorize },
    ],
    flows: flowCases(
      shipped,
      payment,
      auth,
      'e1b6a4f2-7c3d-4b8a-9f0e-2d5c6b7a8e90',
      { ...recorded, psync },
      nuveiFollowUps(shipped, auth, '711000000012345678'),
    ),
    raw: nuveiRawPayment({
      merchantId: 'M1',
      merchantSiteId: 'S1',
      merchantSecret: 'sekret-nuvei-0123456789',
      clientRequestId: 'nuvei_order_0001',
      amount: '10.00',
      currency: 'USD',
      card: {
        cardNumber: '4111111111111111',
        cardHolderName: 'John Doe',
        expirationMonth: '03',
        expirationYear: '2030',
        CVV: '737',
      },
      ipAddress: '1.2.3.4',
      billingAddress: {
        email: 'test@example.com',
        country: 'US',
        firstName: 'John',
        lastName: 'Doe',
      },
      returnUrl: 'https://example.com/return',
    }),
    stableBody: (path, body) => {
      const json = JSON.parse(body) as Record<string, string>;
      const values = (fields: readonly string[]) =>
        Object.fromEntries(fields.map((field) => [field, json[field] ?? ''])) as never;
      const expected = path.endsWith('/getSessionToken.do')
        ? endpointChecksum(
            'getSessionToken',
            values(['merchantId', 'merchantSiteId', 'clientRequestId', 'timeStamp']),
            'sekret-nuvei-0123456789',
          )
        : endpointChecksum(
            'payment',
            values([
              'merchantId',
              'merchantSiteId',
              'clientRequestId',
              'amount',
              'currency',
              'timeStamp',
            ]),
            'sekret-nuvei-0123456789',
          );
      if (json['checksum'] !== expected) throw new Error(`nuvei ${path}: wrong checksum`);
      if (!/^\d{14}$/.test(json['timeStamp'] ?? ''))
        throw new Error(`nuvei ${path}: bad timeStamp`);
      return JSON.stringify({ ...json, timeStamp: '<volatile>', checksum: '<volatile>' });
    },
  };
}

function paytmCase(shipped: Shipped): RuntimeCase {
  const { Secret } = shipped.runtime;
  const { verifySignature } = shipped.paytmSignature;
  const recorded = recordedAnswers('paytm_01_session_ok__upi_collect_ok');
  const auth: ConnectorAuthType = {
    type: 'MultiAuthKey',
    apiKey: new Secret('MID1TEST'),
    key1: new Secret('sekretPaytmKey16'),
    apiSecret: new Secret('WEBSTAGING'),
    key2: new Secret('C11'),
  };
  const payment: PaymentInput = {
    referenceId: 'paytm_order_0001',
    amount: 1000,
    currency: 'INR',
    paymentMethod: { type: 'upi_collect', vpa: new Secret('test@upi') },
    connectorTransactionId: '20240115111212800110168000000000001',
  };
  const psync = JSON.stringify({
    head: { responseTimestamp: '1705314700000', version: 'v1', signature: '<sig>' },
    body: {
      resultInfo: { resultStatus: 'TXN_SUCCESS', resultCode: '01', resultMsg: 'Txn Success' },
      txnId: '20240115111212800110168000000000001',
      bankTxnId: '777001087423130',
      orderId: 'paytm_order_0001',
      txnAmount: '10.00',
      txnType: 'SALE',
      gatewayName: 'PPBLC',
      bankName: 'Paytm Payments Bank',
      mid: 'MID1TEST',
      paymentMode: 'UPI',
      refundAmt: '0.00',
      txnDate: '2024-01-15 10:31:02.0',
    },
  });
  return {
    label: 'Paytm UPI collect',
    connector: shipped.paytm,
    auth,
    payment,
    // Paytm's base URL ends with "/" (see its connector module).
    baseUrl: (origin) => `${origin}/`,
    answers: [
      { pathSuffix: '/theia/api/v1/initiateTransaction', body: recorded.session },
      { pathSuffix: '/theia/api/v1/processTransaction', body: recorded.authorize },
    ],
    flows: flowCases(shipped, payment, auth, 'f0bed899539742309eebd8a1b2c3d4e51795628424000', {
      ...recorded,
      psync,
    }),
    raw: paytmRawPayment({
      mid: 'MID1TEST',
      merchantKey: 'sekretPaytmKey16',
      website: 'WEBSTAGING',
      clientId: 'C11',
      orderId: 'paytm_order_0001',
      amount: '10.00',
      currency: 'INR',
      vpa: 'test@upi',
    }),
    stableBody: (path, body) => {
      const json = JSON.parse(body) as { head: Record<string, unknown>; body: unknown };
      if (!path.endsWith('/initiateTransaction')) return body;
      // the signature covers the exact text of `body`, which both clients send compact
      const signed = JSON.stringify(json.body);
      if (!body.endsWith(`"body":${signed}}`)) throw new Error('paytm: body is not compact JSON');
      if (!verifySignature(signed, 'sekretPaytmKey16', String(json.head['signature']))) {
        throw new Error('paytm initiateTransaction: the signature does not verify');
      }
      const head = { ...json.head, requestTimestamp: '<volatile>', signature: '<volatile>' };
      return JSON.stringify({ head, body: json.body });
    },
  };
}

/** The cases, built on the shipped runtime and connectors (dist/). */
export function runtimeCases(shipped: Shipped): RuntimeCase[] {
  return [nuveiCase(shipped), paytmCase(shipped)];
}
