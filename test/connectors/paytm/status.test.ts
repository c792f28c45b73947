/**
 * How the Paytm connector reads every answer: the Paytm table of ucs-observed-behaviour.md
 * ("Status / error mapping observed", each row named in a comment as `row: ...`), the code
 * tables of wire-formats §4.4–4.6 and the HTTP error cascade of §4.7.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { paytm } from '../../../src/connectors/paytm/index.js';
import { authorize, type AttemptStatus } from '../../../src/runtime/index.js';
import { jsonReply } from '../../../src/sandbox/loopback.js';
import {
  DEEP_LINK,
  ORDER_ID,
  TXN_TOKEN,
  deepLinkInfo,
  initiateAnswer,
  initiateOk,
  intent,
  processAnswer,
  qr,
  rejection,
  run,
  startScriptedGateway,
  upiPayment,
  type ScriptedGateway,
} from './support.js';

const WAIT_SCREEN = { nextActionData: 'WaitScreenInstructions' };
const result = (resultStatus: string, resultCode: string, resultMsg: string) => ({
  resultStatus,
  resultCode,
  resultMsg,
});

let gateway: ScriptedGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway();
});
afterAll(async () => {
  await gateway.close();
});
beforeEach(() => gateway.reset());

describe('initiateTransaction answers (CreateSessionToken)', () => {
  it('S/0000 + txnToken → the token, stored in the flow data; the flow status is untouched', async () => {
    // row: initiate 200 `S/0000` + txnToken → returns `sessionToken` = txnToken
    gateway.answer(initiateOk('tok_0000'));
    const session = await run.session(gateway);
    expect(session.response).toEqual({ ok: true, value: { sessionToken: 'tok_0000' } });
    expect(session.flowData.sessionToken).toBe('tok_0000');
    expect(session.flowData.status).toBe('Started');
  });

  it('S/0002 + txnToken (duplicate orderId) → an error without token and without attempt status', async () => {
    // row: initiate 200 `S/0002` + txnToken (duplicate) → error{code:"0002", message:"Success Idempotent"}, no token
    gateway.answer(
      initiateAnswer(result('S', '0002', 'Success Idempotent'), { txnToken: TXN_TOKEN }),
    );
    const session = await run.session(gateway);
    expect(session.response).toEqual({
      ok: false,
      error: {
        statusCode: 200,
        code: '0002',
        message: 'Success Idempotent',
        reason: 'Success Idempotent',
      },
    });
    expect(session.flowData.sessionToken).toBeUndefined();
    expect(session.flowData.status).toBe('Started');
  });

  it.each([
    // row: initiate 200 `F/2005` → returns error{code:"2005", message, reason}
    ['2005', 'Checksum provided is invalid'],
    // wire-formats §4.11 Q8: initiate failure → Err{code:"501", message:"System Error", attempt Failure}
    ['501', 'System Error'],
  ])('F/%s without a token → an error with attempt status Failure', async (code, message) => {
    gateway.answer(initiateAnswer(result('F', code, message), { extraParamsMap: null }));
    const session = await run.session(gateway);
    expect(session.response).toEqual({
      ok: false,
      error: { statusCode: 200, code, message, reason: message, attemptStatus: 'Failure' },
    });
    expect(session.flowData.sessionToken).toBeUndefined();
  });

  it('ignores resultStatus: F/0000 with a txnToken is a token (wire-formats §4.4)', async () => {
    gateway.answer(initiateAnswer(result('F', '0000', 'odd'), { txnToken: 'tok_f' }));
    expect((await run.session(gateway)).flowData.sessionToken).toBe('tok_f');
  });

  it('an in-band session failure stops the payment: no processTransaction is sent', async () => {
    gateway.answer(initiateAnswer(result('F', '2005', 'Checksum provided is invalid')));
    const outcome = await authorize(paytm, upiPayment(), gateway.options());
    expect(outcome).toMatchObject({ stage: 'CreateSessionToken', status: 'Failure' });
    expect(gateway.requests.map((request) => request.path)).toEqual([
      '/theia/api/v1/initiateTransaction',
    ]);
  });

  it('a 400 Paytm envelope F/1001 → CONNECTOR_ERROR_RESPONSE 400, code 1001, attempt Failure', async () => {
    // row: initiate 400 Paytm envelope `F/1001` → throws CONNECTOR_ERROR_RESPONSE 400, code "1001", paymentStatus FAILURE
    gateway.answer(
      jsonReply(400, {
        head: { requestId: null, responseTimestamp: '1705314645123', version: 'v1' },
        body: {
          extraParamsMap: null,
          resultInfo: result('F', '1001', 'Request parameters are not valid'),
        },
      }),
    );
    const error = await rejection(run.session(gateway));
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 400,
      errorResponse: {
        statusCode: 400,
        code: '1001',
        message: 'Request parameters are not valid',
        attemptStatus: 'Failure',
      },
    });
    expect(error['errorResponse']).not.toHaveProperty('reason');
  });

  it.each([
    ['a bad signature', { signature: 'not-a-valid-signature' }],
    ['no signature', {}],
  ])('returns the token with %s on the answer (never verified)', async (_label, signature) => {
    // row: initiate 200 with bad/missing response signature → returns token
    gateway.answer(
      initiateAnswer(
        result('S', '0000', 'Success'),
        { txnToken: 'tok_sig' },
        { responseTimestamp: '1', version: 'v1', ...signature },
      ),
    );
    expect((await run.session(gateway)).flowData.sessionToken).toBe('tok_sig');
  });

  it.each([
    ['a head without version', { responseTimestamp: '1705314645123' }, { txnToken: 'x' }],
    ['a body without resultInfo', { version: 'v1' }, { txnToken: 'x', resultInfo: undefined }],
    [
      'a numeric resultCode',
      { version: 'v1' },
      { resultInfo: { ...result('S', '0', 'x'), resultCode: 0 } },
    ],
  ])('%s → RESPONSE_DESERIALIZATION_FAILED', async (_label, head, body) => {
    // row: initiate 200 with head missing `version` → throws RESPONSE_DESERIALIZATION_FAILED
    gateway.answer(
      jsonReply(200, { head, body: { resultInfo: result('S', '0000', 'Success'), ...body } }),
    );
    const error = await rejection(run.session(gateway));
    expect(error).toMatchObject({ code: 'RESPONSE_DESERIALIZATION_FAILED', httpStatus: 200 });
  });
});

describe('processTransaction answers (Authorize)', () => {
  it('0000 for collect (bankForm) → Authorized even with automatic capture, no transaction id', async () => {
    // row: processTransaction `0000` collect (bankForm) → AUTHORIZED (even with AUTOMATIC capture), no connectorTransactionId, connectorFeatureData WaitScreenInstructions
    gateway.answer(
      processAnswer(result('S', '0000', 'Success'), {
        bankForm: {
          pageType: 'redirect',
          redirectForm: { actionUrl: 'https://x/poll', content: {} },
        },
      }),
    );
    const outcome = await run.authorize(gateway, upiPayment({ captureMethod: 'automatic' }));
    expect(outcome.status).toBe('Authorized');
    expect(outcome.stage === 'Authorize' && outcome.authorize.response).toEqual({
      ok: true,
      value: {
        resourceId: { type: 'NoResponseId' },
        connectorMetadata: WAIT_SCREEN,
        connectorResponseReferenceId: ORDER_ID,
      },
    });
  });

  it.each([
    ['intent', intent],
    ['QR', qr],
  ])(
    '0000 for %s (deepLinkInfo) → Authorized, transId, the upi:// link as a URI redirect',
    async (_label, method) => {
      // row: processTransaction `0000` intent/QR (deepLinkInfo) → AUTHORIZED, connectorTransactionId = transId, redirectionData.uri = the upi:// deep link
      gateway.answer(
        processAnswer(result('S', '0000', 'Success'), { deepLinkInfo: deepLinkInfo() }),
      );
      const outcome = await run.authorize(gateway, upiPayment({ paymentMethod: method }));
      expect(outcome.status).toBe('Authorized');
      expect(outcome.stage === 'Authorize' && outcome.authorize.response).toEqual({
        ok: true,
        value: {
          resourceId: { type: 'ConnectorTransactionId', id: '20240115111212800110168000000000001' },
          redirection: { type: 'uri', uri: DEEP_LINK },
          connectorMetadata: WAIT_SCREEN,
          connectorResponseReferenceId: ORDER_ID,
        },
      });
    },
  );

  // prettier-ignore
  const FAILURES: Array<[string, AttemptStatus]> = [
    // row: `0001, 309, 1001, 1007, 501, 510, 372, 1005` → FAILURE
    ['0001', 'Failure'], ['309', 'Failure'], ['1001', 'Failure'], ['1007', 'Failure'],
    ['501', 'Failure'], ['510', 'Failure'], ['372', 'Failure'], ['1005', 'Failure'],
    // row: `931, 1006, 2004` → AUTHENTICATION_FAILED
    ['931', 'AuthenticationFailed'], ['1006', 'AuthenticationFailed'], ['2004', 'AuthenticationFailed'],
    // row: `RC-00018, 312, 315` → AUTHORIZATION_FAILED
    ['RC-00018', 'AuthorizationFailed'], ['312', 'AuthorizationFailed'], ['315', 'AuthorizationFailed'],
  ];
  it.each(FAILURES)(
    'resultCode %s → %s with an ErrorResponse naming the orderId',
    async (code, status) => {
      // row: (failure rows above) → connectorTransactionId = orderId and error{code: resultCode, message: resultMsg, reason: resultMsg}
      gateway.answer(processAnswer(result('F', code, `message ${code}`)));
      const outcome = await run.authorize(gateway);
      expect(outcome.status).toBe(status);
      expect(outcome.stage === 'Authorize' && outcome.authorize.response).toEqual({
        ok: false,
        error: {
          statusCode: 200,
          code,
          message: `message ${code}`,
          reason: `message ${code}`,
          attemptStatus: status,
          connectorTransactionId: ORDER_ID,
        },
      });
    },
  );

  it.each([['227'], ['0002'], ['9999'], ['402'], ['01'], ['']])(
    'any other code (%j) → Pending, no error, no transaction id',
    async (code) => {
      // row: any other code (`227, 0002, 9999`, …) → PENDING, no error, no connectorTransactionId
      gateway.answer(processAnswer(result('S', code, 'whatever')));
      const outcome = await run.authorize(gateway);
      expect(outcome.status).toBe('Pending');
      expect(outcome.stage === 'Authorize' && outcome.authorize.response).toEqual({
        ok: true,
        value: {
          resourceId: { type: 'NoResponseId' },
          connectorMetadata: WAIT_SCREEN,
          connectorResponseReferenceId: ORDER_ID,
        },
      });
    },
  );

  it.each([
    ['F', '0000', 'Authorized'],
    ['S', '0001', 'Failure'],
    ['S', '9999', 'Pending'],
  ] as const)(
    'only resultCode counts: %s/%s → %s (paytm_12)',
    async (resultStatus, code, status) => {
      // row: Only `resultCode` drives the Paytm status; `resultStatus` is ignored (paytm_12)
      gateway.answer(processAnswer(result(resultStatus, code, 'm')));
      expect((await run.authorize(gateway)).status).toBe(status);
    },
  );

  it('a failure with deepLinkInfo names deepLinkInfo.orderId and has no redirect', async () => {
    gateway.answer(
      processAnswer(result('F', '1006', 'Your Session has expired.'), {
        deepLinkInfo: { ...deepLinkInfo(), orderId: 'paytm_side_order' },
      }),
    );
    const outcome = await run.authorize(gateway);
    expect(outcome.status).toBe('AuthenticationFailed');
    expect(outcome.stage === 'Authorize' && outcome.authorize.response?.error).toMatchObject({
      connectorTransactionId: 'paytm_side_order',
    });
  });

  it('turns a non-upi deep link into a GET form, and an empty one into no redirect', async () => {
    gateway.answer(
      processAnswer(result('S', '0000', 'Success'), {
        deepLinkInfo: deepLinkInfo('https://pay.example/upi/page?tr=42&am=10.00'),
      }),
    );
    const form = await run.authorize(gateway, upiPayment({ paymentMethod: intent }));
    expect(form.stage === 'Authorize' && form.authorize.response?.value?.redirection).toEqual({
      type: 'form',
      endpoint: 'https://pay.example/upi/page',
      method: 'GET',
      formFields: { tr: '42', am: '10.00' },
    });

    gateway.answer(
      processAnswer(result('S', '0000', 'Success'), { deepLinkInfo: deepLinkInfo('') }),
    );
    const none = await run.authorize(gateway, upiPayment({ paymentMethod: intent }));
    expect(none.stage === 'Authorize' && none.authorize.response?.value).toEqual({
      resourceId: { type: 'ConnectorTransactionId', id: '20240115111212800110168000000000001' },
      connectorMetadata: WAIT_SCREEN,
      connectorResponseReferenceId: ORDER_ID,
    });
  });

  it('fails with RESPONSE_HANDLING_FAILED on a deep link that is neither upi:// nor a URL', async () => {
    gateway.answer(
      processAnswer(result('S', '0000', 'Success'), { deepLinkInfo: deepLinkInfo('not a url') }),
    );
    const error = await rejection(run.authorize(gateway));
    expect(error).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 200 });
  });

  it('reads an incomplete deepLinkInfo as absent (UCS falls back to its resultInfo-only shape)', async () => {
    const { transId: _dropped, ...partial } = deepLinkInfo();
    gateway.answer(processAnswer(result('S', '0000', 'Success'), { deepLinkInfo: partial }));
    const outcome = await run.authorize(gateway);
    expect(outcome.status).toBe('Authorized');
    expect(outcome.stage === 'Authorize' && outcome.authorize.response?.value?.resourceId).toEqual({
      type: 'NoResponseId',
    });
  });

  it('requires head.responseTimestamp (but not head.version) on processTransaction', async () => {
    gateway.answer(
      jsonReply(200, {
        head: { responseTimestamp: '1' },
        body: { resultInfo: result('S', '0000', 'ok') },
      }),
    );
    expect((await run.authorize(gateway)).status).toBe('Authorized');
    gateway.answer(
      jsonReply(200, { head: { version: 'v1' }, body: { resultInfo: result('S', '0000', 'ok') } }),
    );
    const error = await rejection(run.authorize(gateway));
    expect(error).toMatchObject({ code: 'RESPONSE_DESERIALIZATION_FAILED' });
  });

  it('a 500 text answer → CONNECTOR_ERROR_RESPONSE 500, "Internal server error", attempt Pending', async () => {
    // row: processTransaction 500 text → throws CONNECTOR_ERROR_RESPONSE 500, code "500", message "Internal server error", reason "Raw response: <body>", paymentStatus PENDING
    gateway.answer({
      status: 500,
      headers: { 'content-type': 'text/plain' },
      body: 'upstream exploded',
    });
    const error = await rejection(run.authorize(gateway));
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 500,
      errorResponse: {
        statusCode: 500,
        code: '500',
        message: 'Internal server error',
        reason: 'Raw response: upstream exploded',
        attemptStatus: 'Pending',
      },
    });
  });
});

describe('v3/order/status answers (PSync)', () => {
  const statusAnswer = (resultInfo: ReturnType<typeof result>, transaction = true) =>
    jsonReply(200, {
      head: { responseTimestamp: '1705314700000', version: 'v1', signature: '<sig>' },
      body: transaction
        ? {
            resultInfo,
            txnId: '20240115111212800110168000000000001',
            bankTxnId: '777001087423130',
            orderId: 'ORDER_FROM_PAYTM',
            txnAmount: '10.00',
            txnType: 'SALE',
            gatewayName: 'PPBLC',
            bankName: 'Paytm Payments Bank',
            mid: 'MID1TEST',
            paymentMode: 'UPI',
            refundAmt: '0.00',
            txnDate: '2024-01-15 10:31:02.0',
          }
        : { resultInfo },
    });

  // prettier-ignore
  const TABLE: Array<[string, AttemptStatus]> = [
    ['01', 'Charged'], ['400', 'Pending'], ['402', 'Pending'],
    ['335', 'AuthorizationFailed'], ['843', 'AuthorizationFailed'],
    ['235', 'Failure'], ['295', 'Failure'], ['334', 'Failure'], ['267', 'Failure'], ['331', 'Failure'],
    ['820', 'Failure'], ['227', 'Failure'], ['401', 'Failure'], ['501', 'Failure'], ['810', 'Failure'],
    ['0000', 'Pending'], ['9999', 'Pending'],
  ];
  it.each(TABLE)('resultCode %s → %s', async (code, status) => {
    gateway.answer(statusAnswer(result('TXN_STATUS', code, `message ${code}`)));
    const synced = await run.psync(gateway);
    expect(synced.flowData.status).toBe(status);
    if (status === 'Charged' || status === 'Pending') {
      expect(synced.response).toEqual({
        ok: true,
        value: {
          resourceId: { type: 'ConnectorTransactionId', id: '20240115111212800110168000000000001' },
          connectorMetadata: WAIT_SCREEN,
          connectorResponseReferenceId: 'ORDER_FROM_PAYTM',
        },
      });
    } else {
      // Errors carry resultStatus as their reason (wire-formats §4.6).
      expect(synced.response).toEqual({
        ok: false,
        error: {
          statusCode: 200,
          code,
          message: `message ${code}`,
          reason: 'TXN_STATUS',
          attemptStatus: status,
          connectorTransactionId: 'ORDER_FROM_PAYTM',
        },
      });
    }
  });

  it('unknown order (resultInfo only, Q15) → Failure naming our reference', async () => {
    gateway.answer(statusAnswer(result('TXN_FAILURE', '334', 'Invalid Order Id.'), false));
    const synced = await run.psync(gateway);
    expect(synced.response?.error).toEqual({
      statusCode: 200,
      code: '334',
      message: 'Invalid Order Id.',
      reason: 'TXN_FAILURE',
      attemptStatus: 'Failure',
      connectorTransactionId: ORDER_ID,
    });
  });

  it('pending without a transaction (resultInfo only) → NoResponseId, our reference', async () => {
    gateway.answer(statusAnswer(result('PENDING', '402', 'wait'), false));
    const synced = await run.psync(gateway);
    expect(synced.response?.value).toEqual({
      resourceId: { type: 'NoResponseId' },
      connectorMetadata: WAIT_SCREEN,
      connectorResponseReferenceId: ORDER_ID,
    });
  });

  it('requires head.version', async () => {
    gateway.answer(
      jsonReply(200, {
        head: { responseTimestamp: '1' },
        body: { resultInfo: result('TXN_SUCCESS', '01', 'ok') },
      }),
    );
    expect(await rejection(run.psync(gateway))).toMatchObject({
      code: 'RESPONSE_DESERIALIZATION_FAILED',
    });
  });
});

describe('non-2xx answers: Paytm error cascade (wire-formats §4.7), 4xx and 5xx alike', () => {
  const flows = [
    ['CreateSessionToken', run.session],
    ['Authorize', run.authorize],
    ['PSync', run.psync],
  ] as const;

  it.each(flows)(
    '%s: the envelope gives code and message, no reason; 5xx is Pending',
    async (_flow, call) => {
      const envelope = {
        head: { version: 'v1' },
        body: {
          resultInfo: result('F', '501', 'System Error'),
          // UCS's second shape (txnInfo) never wins over the envelope.
          txnInfo: { respCode: 'X1', respMsg: 'ignored', orderId: 'ignored' },
        },
      };
      gateway.answer(jsonReply(503, envelope));
      expect((await rejection(call(gateway)))['errorResponse']).toEqual({
        statusCode: 503,
        code: '501',
        message: 'System Error',
        attemptStatus: 'Pending',
      });
      gateway.answer(jsonReply(401, envelope));
      expect((await rejection(call(gateway)))['errorResponse']).toMatchObject({
        statusCode: 401,
        attemptStatus: 'Failure',
      });
    },
  );

  it('any other JSON object: errorCode, errorMessage ("" when absent), errorDescription, transactionId', async () => {
    gateway.answer(
      jsonReply(400, {
        errorCode: 'E1',
        errorMessage: 'bad',
        errorDescription: 'why',
        transactionId: 'T9',
      }),
    );
    expect((await rejection(run.authorize(gateway)))['errorResponse']).toEqual({
      statusCode: 400,
      code: 'E1',
      message: 'bad',
      reason: 'why',
      attemptStatus: 'Failure',
      connectorTransactionId: 'T9',
    });
    gateway.answer(jsonReply(502, { unrelated: true }));
    expect((await rejection(run.authorize(gateway)))['errorResponse']).toEqual({
      statusCode: 502,
      code: '',
      message: '',
      attemptStatus: 'Pending',
    });
  });

  // prettier-ignore
  const RAW: Array<[number, string]> = [
    [400, 'Bad request'], [404, 'Not found'], [500, 'Internal server error'], [502, 'Bad gateway'],
    [503, 'Service temporarily unavailable'], [418, 'HTTP 418 error'], [504, 'HTTP 504 error'],
  ];
  it.each(RAW)(
    'a non-JSON %i → code "%i", message %j, the first 200 characters as reason',
    async (status, message) => {
      const body = `<html>${'é'.repeat(250)}</html>`;
      gateway.answer({ status, headers: { 'content-type': 'text/html' }, body });
      const error = await rejection(run.session(gateway));
      expect(error).toMatchObject({ code: 'CONNECTOR_ERROR_RESPONSE', httpStatus: status });
      expect(error['errorResponse']).toEqual({
        statusCode: status,
        code: String(status),
        message,
        reason: `Raw response: <html>${'é'.repeat(194)}`,
        attemptStatus: status >= 500 ? 'Pending' : 'Failure',
      });
    },
  );

  it('reads JSON that fits no shape (a numeric errorCode, an array, empty) as raw text', async () => {
    for (const body of ['{"errorCode":1001}', '[1,2]', '']) {
      gateway.answer({ status: 400, body });
      expect((await rejection(run.authorize(gateway)))['errorResponse']).toEqual({
        statusCode: 400,
        code: '400',
        message: 'Bad request',
        reason: `Raw response: ${body}`,
        attemptStatus: 'Failure',
      });
    }
  });
});
