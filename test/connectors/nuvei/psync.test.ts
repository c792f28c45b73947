/** PSync: getTransactionDetails.do (wire-formats §3.7, checksum vector S1). */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../../src/connectors/nuvei/index.js';
import { buildSyncRequest } from '../../../src/connectors/nuvei/transformers.js';
import {
  StringMajorUnit,
  createRouterData,
  psync,
  toWireJson,
  type PaymentInput,
} from '../../../src/runtime/index.js';
import {
  jsonReply,
  type GatewayReply,
  type LoopbackGateway,
} from '../../../src/sandbox/loopback.js';
import {
  SYNC_PATH,
  TRANSACTION_ID,
  callOptions,
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

const lookup: PaymentInput = {
  referenceId: 'order_0001',
  amount: 1000,
  currency: 'USD',
  connectorTransactionId: TRANSACTION_ID,
};

function details(
  overrides: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
): GatewayReply {
  return jsonReply(200, {
    transactionDetails: {
      transactionId: TRANSACTION_ID,
      transactionStatus: 'APPROVED',
      transactionType: 'Sale',
      authCode: '111361',
      clientUniqueId: 'order_0001',
      date: '2024-01-15 10:30:46',
      ...overrides,
    },
    internalRequestId: 880000010,
    status: 'SUCCESS',
    errCode: 0,
    reason: '',
    merchantId: 'M1',
    merchantSiteId: 'S1',
    version: '1.0',
    ...top,
  });
}

async function syncWith(answer: GatewayReply) {
  gateway.enqueue(SYNC_PATH, answer);
  return psync(nuvei, lookup, callOptions(gateway));
}

it('builds the body in Nuvei’s order with the S1 checksum (fixed clock)', () => {
  const routerData = createRouterData('PSync', {
    flowData: { referenceId: 'order_0001', status: 'Started' },
    request: { connectorTransactionId: '711000000012345678' },
    auth: signatureKey({
      merchantId: '1234567890123456789',
      merchantSiteId: '123456',
      merchantSecret: 'SECRETkeyABC123xyz',
    }),
  });
  const body = buildSyncRequest(
    { routerData, connector: nuvei, baseUrl: '', convertAmount: StringMajorUnit.convert },
    new Date(Date.UTC(2024, 0, 15, 10, 30, 45)),
  );
  expect(toWireJson(body)).toBe(
    '{"merchantId":"1234567890123456789","merchantSiteId":"123456","clientUniqueId":"order_0001","transactionId":"711000000012345678","timeStamp":"20240115103045","checksum":"f10009cfb5209f934a47a77a41b0c9f38d3804cfb33553d953b85bcbb1233bad"}',
  );
});

it('posts to base + "/getTransactionDetails.do" with the same two headers', async () => {
  await syncWith(details());
  const request = gateway.lastRequest(SYNC_PATH)!;
  expect(request.target).toBe('/ppp/api/v1/getTransactionDetails.do');
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers['via']).toBe('HyperSwitch');
});

describe('status mapping', () => {
  it.each([
    [{ transactionStatus: 'APPROVED', transactionType: 'Auth' }, 'Authorized'],
    [{ transactionStatus: 'APPROVED', transactionType: 'Sale' }, 'Charged'],
    [{ transactionStatus: 'APPROVED', transactionType: 'Settle' }, 'Charged'],
    [{ transactionStatus: 'Approved', transactionType: 'Credit' }, 'Charged'],
    [{ transactionStatus: 'DECLINED' }, 'Failure'],
    [{ transactionStatus: 'ERROR' }, 'Failure'],
    [{ transactionStatus: 'REDIRECT' }, 'AuthenticationPending'],
    [{ transactionStatus: 'PENDING' }, 'Pending'],
    [{ transactionStatus: undefined }, 'Pending'],
  ])('%j → %s', async (overrides, expected) => {
    const result = await syncWith(details(overrides));
    expect(result.flowData.status).toBe(expected);
    expect(result.response).toEqual({
      ok: true,
      value: {
        resourceId: { type: 'ConnectorTransactionId', id: TRANSACTION_ID },
        connectorResponseReferenceId: 'order_0001',
      },
    });
  });

  it('no transactionStatus and status FAILED is Failure', async () => {
    const result = await syncWith(details({ transactionStatus: undefined }, { status: 'FAILED' }));
    expect(result.flowData.status).toBe('Failure');
  });

  it.each(['PROCESSING', undefined])(
    'a status of %j is RESPONSE_DESERIALIZATION_FAILED with the core’s message',
    async (status) => {
      const error = await failureOf(syncWith(details({}, { status })));
      expect(error).toMatchObject({
        code: 'RESPONSE_DESERIALIZATION_FAILED',
        httpStatus: 200,
        message: expect.stringMatching(/^Failed to deserialize connector response\. macros: /),
      });
    },
  );

  it('a transactionId of "" is accepted and gives no connectorTransactionId', async () => {
    const result = await syncWith(details({ transactionId: '' }));
    expect(result.response?.value?.resourceId).toEqual({ type: 'NoResponseId' });
  });

  it('request-level ERROR → Failure + error carrying the details’ transactionId', async () => {
    const result = await syncWith(
      details({}, { status: 'ERROR', errCode: 1140, reason: 'Transaction not found' }),
    );
    expect(result.response).toEqual({
      ok: false,
      error: {
        statusCode: 200,
        code: '1140',
        message: 'Transaction not found',
        reason: 'Transaction not found',
        attemptStatus: 'Failure',
        connectorTransactionId: TRANSACTION_ID,
      },
    });
  });

  it('missing transactionDetails or its transactionId → RESPONSE_HANDLING_FAILED', async () => {
    const noDetails = await failureOf(syncWith(jsonReply(200, { status: 'SUCCESS', errCode: 0 })));
    expect(noDetails).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 200 });
    const noId = await failureOf(syncWith(details({ transactionId: undefined })));
    expect(noId).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 200 });
  });

  it('a 400 with a string errCode is CONNECTOR_ERROR_RESPONSE', async () => {
    const error = await failureOf(
      syncWith(jsonReply(400, { errCode: '1001', reason: 'Invalid checksum' })),
    );
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      errorResponse: { code: '1001' },
    });
  });
});
