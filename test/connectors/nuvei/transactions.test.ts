/**
 * Nuvei capture, void, refund and refund sync against a scripted loopback gateway: the input
 * checks before any HTTP, amounts and empty strings on the wire, and every row of the status and
 * error tables of ucs-flows-observed.md §2–§4.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../../src/connectors/nuvei/index.js';
import {
  capture,
  refund,
  refundSync,
  voidPayment,
  type Currency,
} from '../../../src/runtime/index.js';
import {
  jsonReply,
  type GatewayReply,
  type LoopbackGateway,
} from '../../../src/sandbox/loopback.js';
import { TRANSACTION_ID, callOptions, failureOf, startScriptedGateway } from './helpers.js';

const NEW_ID = '711000000012399001';

let gateway: LoopbackGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

function answer(overrides: Record<string, unknown> = {}): GatewayReply {
  return jsonReply(200, {
    transactionId: NEW_ID,
    externalTransactionId: '',
    status: 'SUCCESS',
    transactionStatus: 'APPROVED',
    errCode: 0,
    reason: '',
    gwErrorCode: 0,
    gwErrorReason: '',
    merchantId: 'M1',
    merchantSiteId: 'S1',
    version: '1.0',
    ...overrides,
  });
}

const without = (key: string) => ({ [key]: undefined });

const flows = {
  capture: {
    path: '/settleTransaction.do',
    run: (input: Record<string, unknown> = {}) =>
      capture(
        nuvei,
        {
          connectorTransactionId: TRANSACTION_ID,
          amountToCapture: 1000,
          currency: 'USD',
          merchantCaptureId: 'cap_1',
          ...input,
        },
        callOptions(gateway),
      ),
  },
  void: {
    path: '/voidTransaction.do',
    run: (input: Record<string, unknown> = {}) =>
      voidPayment(
        nuvei,
        {
          connectorTransactionId: TRANSACTION_ID,
          amount: 1000,
          currency: 'USD',
          merchantVoidId: 'void_1',
          cancellationReason: 'requested_by_customer',
          ...input,
        },
        callOptions(gateway),
      ),
  },
  refund: {
    path: '/refundTransaction.do',
    run: (input: Record<string, unknown> = {}) =>
      refund(
        nuvei,
        {
          connectorTransactionId: TRANSACTION_ID,
          refundAmount: 1000,
          currency: 'USD',
          merchantRefundId: 'ref_1',
          paymentAmount: 1000,
          reason: 'customer request',
          ...input,
        },
        callOptions(gateway),
      ),
  },
} as const;

async function outcome(flow: keyof typeof flows, reply: GatewayReply) {
  gateway.enqueue(flows[flow].path, reply);
  const result = await flows[flow].run();
  const response = result.response!;
  return {
    status:
      response.ok && 'refundStatus' in response.value
        ? response.value.refundStatus
        : flow === 'refund'
          ? undefined
          : result.flowData.status,
    error: response.ok ? undefined : response.error,
  };
}

describe('the request body', () => {
  it.each(Object.keys(flows) as Array<keyof typeof flows>)(
    '%s: key order, merchant id in both reference fields, never the extra inputs',
    async (flow) => {
      gateway.enqueue(flows[flow].path, answer());
      await flows[flow].run();
      const request = gateway.lastRequest(flows[flow].path)!;
      const body = JSON.parse(request.body) as Record<string, string>;
      expect(Object.keys(body)).toEqual([
        'merchantId',
        'merchantSiteId',
        'clientRequestId',
        'clientUniqueId',
        'amount',
        'currency',
        'relatedTransactionId',
        'timeStamp',
        'checksum',
      ]);
      expect(body['clientRequestId']).toBe(body['clientUniqueId']);
      expect(body['relatedTransactionId']).toBe(TRANSACTION_ID);
      expect(request.body).not.toMatch(/requested_by_customer|customer request/);
      expect(
        Object.keys(request.headers)
          .filter((name) => name === 'via' || name === 'content-type')
          .sort(),
      ).toEqual(['content-type', 'via']);
    },
  );

  it.each([
    ['USD', 1, '0.01'],
    ['USD', 500, '5.00'],
    ['EUR', 1050, '10.50'],
    ['JPY', 1000, '1000'],
    ['KWD', 1234, '1.234'],
  ] as const)('%s %i is sent as %j', async (currency: Currency, amount, wire) => {
    gateway.enqueue(flows.capture.path, answer());
    await flows.capture.run({ amountToCapture: amount, currency });
    expect(JSON.parse(gateway.lastRequest(flows.capture.path)!.body)['amount']).toBe(wire);
  });

  it.each(['capture', 'void', 'refund'] as const)(
    '%s: a missing merchant id and payment id are sent as ""',
    async (flow) => {
      gateway.enqueue(flows[flow].path, answer());
      const idKey = {
        capture: 'merchantCaptureId',
        void: 'merchantVoidId',
        refund: 'merchantRefundId',
      }[flow];
      await flows[flow].run({ ...without(idKey), ...without('connectorTransactionId') });
      const body = JSON.parse(gateway.lastRequest(flows[flow].path)!.body) as Record<
        string,
        string
      >;
      expect([
        body['clientRequestId'],
        body['clientUniqueId'],
        body['relatedTransactionId'],
      ]).toEqual(['', '', '']);
    },
  );
});

describe('input checks before any HTTP', () => {
  it.each([
    [
      'capture',
      { amountToCapture: undefined },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: amount_to_capture',
    ],
    [
      'capture',
      { currency: undefined },
      'INVALID_DATA_FORMAT',
      'Invalid data format: currency. Currency Unspecified is not supported',
    ],
    ['void', { amount: undefined }, 'MISSING_REQUIRED_FIELD', 'Missing required field: amount'],
    ['void', { currency: undefined }, 'MISSING_REQUIRED_FIELD', 'Missing required field: currency'],
    [
      'refund',
      { refundAmount: undefined },
      'MISSING_REQUIRED_FIELD',
      'Missing required field: refund_amount',
    ],
    [
      'refund',
      { currency: undefined },
      'INVALID_DATA_FORMAT',
      'Invalid data format: currency. Currency Unspecified is not supported',
    ],
  ] as const)('%s with %j → %s', async (flow, input, code, message) => {
    const error = await failureOf(flows[flow].run(input));
    expect(error).toMatchObject({ kind: 'integration', code, message, connector: 'nuvei' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('refund sync without the payment id → MISSING_CONNECTOR_TRANSACTION_ID', async () => {
    const error = await failureOf(
      refundSync(nuvei, { connectorRefundId: NEW_ID }, callOptions(gateway)),
    );
    expect(error).toMatchObject({
      code: 'MISSING_CONNECTOR_TRANSACTION_ID',
      message: 'Missing connector transaction ID',
    });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('status table', () => {
  const ERROR = {
    status: 'ERROR',
    errCode: 1140,
    reason: 'Transaction not found',
    transactionId: undefined,
    transactionStatus: undefined,
  };
  it.each([
    ['APPROVED', { transactionStatus: 'APPROVED' }, 'Charged', 'Voided', 'Success'],
    ['Approved', { transactionStatus: 'Approved' }, 'Charged', 'Voided', 'Success'],
    [
      'DECLINED',
      { transactionStatus: 'DECLINED', gwErrorCode: -1, gwErrorReason: 'Decline' },
      'Failure',
      'VoidFailed',
      'Failure',
    ],
    ['ERROR', { transactionStatus: 'ERROR' }, 'Failure', 'VoidFailed', 'Failure'],
    ['Filter Error', { transactionStatus: 'Filter Error' }, 'Failure', 'VoidFailed', 'Failure'],
    ['PENDING', { transactionStatus: 'PENDING' }, 'Pending', 'Pending', 'Pending'],
    ['REDIRECT', { transactionStatus: 'REDIRECT' }, 'Charged', 'Voided', 'Success'],
    [
      'SUCCESS without transactionStatus',
      { transactionStatus: undefined },
      'Charged',
      'Voided',
      'Success',
    ],
    [
      'FAILED without transactionStatus',
      { transactionStatus: undefined, status: 'FAILED' },
      'Failure',
      'VoidFailed',
      'Failure',
    ],
  ])(
    '%s → capture %s, void %s, refund %s; no error object',
    async (_label, overrides, captured, voided, refunded) => {
      expect(await outcome('capture', answer(overrides))).toEqual({
        status: captured,
        error: undefined,
      });
      expect(await outcome('void', answer(overrides))).toEqual({
        status: voided,
        error: undefined,
      });
      expect(await outcome('refund', answer(overrides))).toEqual({
        status: refunded,
        error: undefined,
      });
    },
  );

  it('a request-level ERROR: capture Failure, void VoidFailed, refund no status; each with the error', async () => {
    const error = {
      statusCode: 200,
      code: '1140',
      message: 'Transaction not found',
      reason: 'Transaction not found',
    };
    expect(await outcome('capture', answer(ERROR))).toEqual({
      status: 'Failure',
      error: { ...error, attemptStatus: 'Failure' },
    });
    expect(await outcome('void', answer(ERROR))).toEqual({
      status: 'VoidFailed',
      error: { ...error, attemptStatus: 'VoidFailed' },
    });
    expect(await outcome('refund', answer(ERROR))).toEqual({ status: undefined, error });
  });

  it('results: capture and void carry the answer’s id; refund its refund id', async () => {
    gateway.enqueue(flows.capture.path, answer());
    expect((await flows.capture.run()).response?.value).toEqual({
      resourceId: { type: 'ConnectorTransactionId', id: NEW_ID },
    });
    gateway.enqueue(flows.refund.path, answer());
    expect((await flows.refund.run()).response?.value).toEqual({
      connectorRefundId: NEW_ID,
      refundStatus: 'Success',
    });
  });
});

describe('unusable answers', () => {
  const deserialization = expect.stringMatching(
    /^Failed to deserialize connector response\. macros: /,
  );
  it.each([
    [
      'no transactionId',
      answer({ transactionId: undefined }),
      'RESPONSE_HANDLING_FAILED',
      expect.stringMatching(/^Failed to handle connector response\. macros: /),
    ],
    [
      'an unknown status',
      answer({ status: 'PROCESSING' }),
      'RESPONSE_DESERIALIZATION_FAILED',
      deserialization,
    ],
    ['an empty object', jsonReply(200, {}), 'RESPONSE_DESERIALIZATION_FAILED', deserialization],
    [
      'an unknown transactionStatus',
      answer({ transactionStatus: 'SETTLED' }),
      'RESPONSE_DESERIALIZATION_FAILED',
      deserialization,
    ],
    [
      'a string errCode in a 2xx',
      answer({ status: 'ERROR', errCode: '1140' }),
      'RESPONSE_DESERIALIZATION_FAILED',
      deserialization,
    ],
  ])('%s → %s (HTTP 200)', async (_label, reply, code, message) => {
    for (const flow of Object.keys(flows) as Array<keyof typeof flows>) {
      gateway.enqueue(flows[flow].path, reply);
      expect(await failureOf(flows[flow].run())).toMatchObject({
        kind: 'connector',
        code,
        message,
        httpStatus: 200,
      });
    }
  });

  it('non-2xx: string errCode → CONNECTOR_ERROR_RESPONSE with its details; numeric → RESPONSE_HANDLING_FAILED', async () => {
    gateway.enqueue(
      flows.capture.path,
      jsonReply(400, { errCode: '1140', reason: 'Transaction not found' }),
    );
    expect(await failureOf(flows.capture.run())).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 400,
      errorResponse: {
        code: '1140',
        message: 'Transaction not found',
        reason: 'Transaction not found',
      },
    });
    gateway.enqueue(
      flows.capture.path,
      jsonReply(400, { errCode: 1140, reason: 'Transaction not found' }),
    );
    expect(await failureOf(flows.capture.run())).toMatchObject({
      code: 'RESPONSE_HANDLING_FAILED',
      httpStatus: 400,
      message: 'Failed to handle connector response',
      errorResponse: undefined,
    });
  });

  it.each([
    [500, 'internal_server_error'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
  ])(
    'HTTP %i with a body that is not JSON → code "%i", message %s, the raw body as reason',
    async (status, message) => {
      gateway.enqueue(flows.refund.path, { status, body: '<html>down</html>' });
      expect(await failureOf(flows.refund.run())).toMatchObject({
        code: 'CONNECTOR_ERROR_RESPONSE',
        httpStatus: status,
        errorResponse: { code: String(status), message, reason: '<html>down</html>' },
      });
    },
  );
});

describe('refund sync', () => {
  const rsync = (input: Record<string, unknown> = {}) =>
    refundSync(
      nuvei,
      {
        connectorTransactionId: TRANSACTION_ID,
        connectorRefundId: NEW_ID,
        merchantRefundId: 'ref_1',
        ...input,
      },
      callOptions(gateway),
    );
  const nested = (details: Record<string, unknown>, top: Record<string, unknown> = {}) =>
    jsonReply(200, {
      transactionDetails: { transactionId: NEW_ID, transactionType: 'Credit', ...details },
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
      ...top,
    });

  it('asks about the refund (connectorRefundId) with the merchant refund id, checksum in Nuvei’s order', async () => {
    gateway.enqueue('/getTransactionDetails.do', nested({ transactionStatus: 'APPROVED' }));
    await rsync();
    const body = JSON.parse(gateway.lastRequest('/getTransactionDetails.do')!.body) as Record<
      string,
      string
    >;
    expect(Object.keys(body)).toEqual([
      'merchantId',
      'merchantSiteId',
      'clientUniqueId',
      'transactionId',
      'timeStamp',
      'checksum',
    ]);
    expect([body['clientUniqueId'], body['transactionId']]).toEqual(['ref_1', NEW_ID]);
  });

  it('without a refund id, asks about the payment id, as the core does; no merchant refund id is ""', async () => {
    gateway.enqueue('/getTransactionDetails.do', answer());
    await rsync({ connectorRefundId: undefined, merchantRefundId: undefined });
    const body = JSON.parse(gateway.lastRequest('/getTransactionDetails.do')!.body) as Record<
      string,
      string
    >;
    expect([body['clientUniqueId'], body['transactionId']]).toEqual(['', TRANSACTION_ID]);
  });

  it.each([
    ['APPROVED', 'Success'],
    ['DECLINED', 'Failure'],
    ['ERROR', 'Failure'],
    ['PENDING', 'Pending'],
  ])(
    'nested %s → %s (Nuvei’s documented answer, which the core cannot read)',
    async (transactionStatus, refundStatus) => {
      gateway.enqueue('/getTransactionDetails.do', nested({ transactionStatus }));
      expect((await rsync()).response).toEqual({
        ok: true,
        value: { connectorRefundId: NEW_ID, refundStatus },
      });
    },
  );

  it.each([
    ['APPROVED', 'Success'],
    ['DECLINED', 'Failure'],
    ['PENDING', 'Pending'],
  ])('flat %s → %s, as the core reads it', async (transactionStatus, refundStatus) => {
    gateway.enqueue('/getTransactionDetails.do', answer({ transactionStatus }));
    expect((await rsync()).response).toEqual({
      ok: true,
      value: { connectorRefundId: NEW_ID, refundStatus },
    });
  });

  it('a request-level error: no status, the error; neither shape with an id → RESPONSE_HANDLING_FAILED', async () => {
    gateway.enqueue(
      '/getTransactionDetails.do',
      jsonReply(200, { status: 'ERROR', errCode: 1140, reason: 'Transaction not found' }),
    );
    expect((await rsync()).response).toEqual({
      ok: false,
      error: {
        statusCode: 200,
        code: '1140',
        message: 'Transaction not found',
        reason: 'Transaction not found',
      },
    });
    gateway.enqueue(
      '/getTransactionDetails.do',
      nested({ transactionId: undefined, transactionStatus: 'APPROVED' }),
    );
    expect(await failureOf(rsync())).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED' });
    gateway.enqueue('/getTransactionDetails.do', jsonReply(200, { status: 'SUCCESS' }));
    expect(await failureOf(rsync())).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED' });
  });
});
