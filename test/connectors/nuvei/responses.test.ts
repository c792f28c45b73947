/**
 * Every row of the Nuvei status/error table in ucs-observed-behaviour.md, each test naming its
 * row, against a loopback gateway scripted with the row's answer.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { nuvei } from '../../../src/connectors/nuvei/index.js';
import {
  ConnectorError,
  authorize,
  createSessionToken,
  type AuthorizeOutcome,
} from '../../../src/runtime/index.js';
import { jsonReply, type LoopbackGateway } from '../../../src/sandbox/loopback.js';
import {
  PAYMENT_PATH,
  SESSION_PATH,
  TOKEN,
  TRANSACTION_ID,
  callOptions,
  cardPayment,
  failureOf,
  paymentAnswer,
  sessionOk,
  startScriptedGateway,
} from './helpers.js';

let gateway: LoopbackGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const authorized = (outcome: AuthorizeOutcome) => {
  if (outcome.stage !== 'Authorize') throw new Error(`stopped at ${outcome.stage}`);
  return outcome.authorize;
};

/** Authorize alone with a known token, its answer scripted. */
async function authorizeWith(
  answer: Parameters<LoopbackGateway['enqueue']>[1],
  capture = 'automatic' as 'automatic' | 'manual',
) {
  gateway.enqueue(PAYMENT_PATH, answer);
  return authorized(
    await authorize(
      nuvei,
      cardPayment({ sessionToken: TOKEN, captureMethod: capture }),
      callOptions(gateway),
    ),
  );
}

const sessionFor = (answer: Parameters<LoopbackGateway['enqueue']>[1]) => {
  gateway.enqueue(SESSION_PATH, answer);
  return createSessionToken(nuvei, cardPayment(), callOptions(gateway));
};

describe('getSessionToken answers', () => {
  // Row: session 200 status:SUCCESS + sessionToken
  it('row "session 200 status:SUCCESS + sessionToken": returns the token, status Pending', async () => {
    const session = await sessionFor(sessionOk());
    expect(session.response).toEqual({ ok: true, value: { sessionToken: TOKEN } });
    expect(session.flowData.sessionToken).toBe(TOKEN);
    expect(session.flowData.status).toBe('Pending');
  });

  // Row: session 200 status:ERROR, errCode:1001, reason
  it('row "session 200 status:ERROR, errCode:1001, reason": error with code "1001", no token', async () => {
    const session = await sessionFor(
      sessionOk({ sessionToken: '', status: 'ERROR', errCode: 1001, reason: 'Invalid checksum' }),
    );
    expect(session.response).toEqual({
      ok: false,
      error: {
        statusCode: 200,
        code: '1001',
        message: 'Invalid checksum',
        reason: 'Invalid checksum',
        attemptStatus: 'Failure',
      },
    });
    expect(session.flowData.sessionToken).toBeUndefined();
    expect(session.flowData.status).toBe('Failure');
  });

  // Row: session 200 status:ERROR, errCode:1001, reason (defaults when errCode/reason are absent)
  it('row "session 200 status:ERROR": no reason gives "Unknown error", no errCode gives ""', async () => {
    const session = await sessionFor(jsonReply(200, { status: 'ERROR' }));
    expect(session.response?.error).toMatchObject({
      code: '',
      message: 'Unknown error',
      reason: 'Unknown error',
    });
  });

  // Row: session 200 status:ERROR, errCode:1001, reason (the sequence stops there)
  it('row "session 200 status:ERROR": the sequence stops, no payment.do is sent', async () => {
    gateway.enqueue(
      SESSION_PATH,
      sessionOk({ status: 'ERROR', errCode: 1001, reason: 'Invalid checksum' }),
    );
    const outcome = await authorize(nuvei, cardPayment(), callOptions(gateway));
    expect(outcome.stage).toBe('CreateSessionToken');
    expect(outcome.status).toBe('Failure');
    expect(gateway.requests.map((request) => request.path)).toEqual([
      '/ppp/api/v1/getSessionToken.do',
    ]);
  });

  // Row: session 200 status:FAILED + sessionToken
  it('row "session 200 status:FAILED + sessionToken": returns the token (only ERROR fails)', async () => {
    const session = await sessionFor(sessionOk({ status: 'FAILED', errCode: 1000 }));
    expect(session.response).toEqual({ ok: true, value: { sessionToken: TOKEN } });
    const processing = await sessionFor(sessionOk({ status: 'PROCESSING' }));
    expect(processing.flowData.sessionToken).toBe(TOKEN);
  });

  // Row: session 200 SUCCESS without sessionToken
  it('row "session 200 SUCCESS without sessionToken": RESPONSE_HANDLING_FAILED, HTTP 200', async () => {
    const error = await failureOf(sessionFor(sessionOk({ sessionToken: undefined })));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 200 });
    const nullToken = await failureOf(sessionFor(sessionOk({ sessionToken: null })));
    expect(nullToken).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED' });
  });

  // Row: session 200 unknown status / {}
  it.each([
    ['an unknown status', sessionOk({ status: 'OK' })],
    ['a lower-case status', sessionOk({ status: 'success' })],
    ['{}', jsonReply(200, {})],
    ['a string errCode', sessionOk({ errCode: '0' })],
  ])(
    'row "session 200 unknown status / {}": %s gives RESPONSE_DESERIALIZATION_FAILED',
    async (_label, answer) => {
      const error = await failureOf(sessionFor(answer));
      expect(error).toMatchObject({ code: 'RESPONSE_DESERIALIZATION_FAILED', httpStatus: 200 });
    },
  );

  // Row: session 503 html
  it('row "session 503 html": CONNECTOR_ERROR_RESPONSE 503, "503"/"service_unavailable", reason = body', async () => {
    const body = '<html><body>Service Unavailable</body></html>';
    const error = await failureOf(
      sessionFor({ status: 503, headers: { 'content-type': 'text/html' }, body }),
    );
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 503,
      errorResponse: { statusCode: 503, code: '503', message: 'service_unavailable', reason: body },
    });
  });
});

describe('payment.do answers', () => {
  // Row: authorize transactionStatus:APPROVED
  it('row "authorize transactionStatus:APPROVED": Charged (automatic), connectorTransactionId = transactionId', async () => {
    const result = await authorizeWith(paymentAnswer());
    expect(result.flowData.status).toBe('Charged');
    expect(result.response).toEqual({
      ok: true,
      value: {
        resourceId: { type: 'ConnectorTransactionId', id: TRANSACTION_ID },
        connectorResponseReferenceId: 'nuvei_order_0001',
      },
    });
  });

  // Row: authorize transactionStatus:APPROVED
  it('row "authorize transactionStatus:APPROVED": Authorized (manual)', async () => {
    const result = await authorizeWith(paymentAnswer(), 'manual');
    expect(result.flowData.status).toBe('Authorized');
    expect(result.response?.value?.resourceId).toEqual({
      type: 'ConnectorTransactionId',
      id: TRANSACTION_ID,
    });
  });

  // Row: authorize transactionStatus:APPROVED
  it.each(['Approved'])(
    'row "authorize transactionStatus:APPROVED": the alias %s maps the same',
    async (spelling) => {
      const result = await authorizeWith(paymentAnswer({ transactionStatus: spelling }));
      expect(result.flowData.status).toBe('Charged');
    },
  );

  // Row: authorize transactionStatus:APPROVED
  it('row "authorize transactionStatus:APPROVED": orderId stands in for a missing transactionId', async () => {
    const result = await authorizeWith(paymentAnswer({ transactionId: undefined }));
    expect(result.response?.value?.resourceId).toEqual({
      type: 'ConnectorTransactionId',
      id: '271308078',
    });
    const error = await failureOf(
      authorizeWith(paymentAnswer({ transactionId: undefined, orderId: undefined })),
    );
    expect(error).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 200 });
  });

  // Row: DECLINED
  it.each(['DECLINED', 'Declined'])(
    'row "DECLINED": %s is Failure with connectorTransactionId and no error object',
    async (spelling) => {
      const result = await authorizeWith(
        paymentAnswer({
          transactionStatus: spelling,
          gwErrorCode: -1,
          gwErrorReason: 'Decline',
          authCode: '',
        }),
      );
      expect(result.flowData.status).toBe('Failure');
      expect(result.response?.ok).toBe(true);
      expect(result.response?.error).toBeUndefined();
      expect(result.response?.value?.resourceId).toEqual({
        type: 'ConnectorTransactionId',
        id: TRANSACTION_ID,
      });
    },
  );

  // Row: ERROR (transaction level)
  it.each(['ERROR', 'Error', 'Filter Error'])(
    'row "ERROR (transaction level)": %s is Failure like DECLINED, no error object',
    async (spelling) => {
      const result = await authorizeWith(
        paymentAnswer({
          transactionStatus: spelling,
          gwErrorCode: -1100,
          gwErrorReason: 'Filter Error',
        }),
      );
      expect(result.flowData.status).toBe('Failure');
      expect(result.response?.ok).toBe(true);
      expect(result.response?.value?.resourceId).toEqual({
        type: 'ConnectorTransactionId',
        id: TRANSACTION_ID,
      });
    },
  );

  // Row: REDIRECT + paymentOption.redirectUrl
  it('row "REDIRECT + paymentOption.redirectUrl": AuthenticationPending with a GET form', async () => {
    const result = await authorizeWith(
      paymentAnswer({
        transactionStatus: 'REDIRECT',
        paymentOption: {
          redirectUrl: 'https://ppp-test.nuvei.com/ppp/api/redirect/abc?PaReq=x%2By&MD=42',
        },
      }),
    );
    expect(result.flowData.status).toBe('AuthenticationPending');
    expect(result.response?.value?.redirection).toEqual({
      type: 'form',
      endpoint: 'https://ppp-test.nuvei.com/ppp/api/redirect/abc',
      method: 'GET',
      formFields: { PaReq: 'x+y', MD: '42' },
    });
    expect(result.response?.value?.resourceId).toEqual({
      type: 'ConnectorTransactionId',
      id: TRANSACTION_ID,
    });
  });

  // Row: REDIRECT + paymentOption.redirectUrl
  it('row "REDIRECT + paymentOption.redirectUrl": a URL that does not parse is dropped', async () => {
    const result = await authorizeWith(
      paymentAnswer({ transactionStatus: 'REDIRECT', paymentOption: { redirectUrl: 'not a url' } }),
    );
    expect(result.flowData.status).toBe('AuthenticationPending');
    expect(result.response?.value?.redirection).toBeUndefined();
  });

  // Row: PENDING
  it('row "PENDING": Pending', async () => {
    const result = await authorizeWith(paymentAnswer({ transactionStatus: 'PENDING' }));
    expect(result.flowData.status).toBe('Pending');
    expect(result.response?.ok).toBe(true);
  });

  // Row: status:SUCCESS without transactionStatus
  it('row "status:SUCCESS without transactionStatus": Pending; without SUCCESS it is Failure', async () => {
    const pending = await authorizeWith(paymentAnswer({ transactionStatus: undefined }));
    expect(pending.flowData.status).toBe('Pending');
    const processing = await authorizeWith(paymentAnswer({ transactionStatus: 'PROCESSING' }));
    expect(processing.flowData.status).toBe('Pending');
    const failed = await authorizeWith(
      paymentAnswer({ transactionStatus: undefined, status: 'FAILED' }),
    );
    expect(failed.flowData.status).toBe('Failure');
  });

  // Row: request-level status:ERROR, errCode:1069 (HTTP 200)
  it('row "request-level status:ERROR, errCode:1069 (HTTP 200)": Failure + error, no transaction ids', async () => {
    const result = await authorizeWith(
      jsonReply(200, {
        internalRequestId: 880000004,
        status: 'ERROR',
        errCode: 1069,
        reason: 'Session expired',
        merchantId: 'M1',
        merchantSiteId: 'S1',
        version: '1.0',
        clientRequestId: 'nuvei_order_0001',
      }),
    );
    expect(result.flowData.status).toBe('Failure');
    expect(result.response).toEqual({
      ok: false,
      error: {
        statusCode: 200,
        code: '1069',
        message: 'Session expired',
        reason: 'Session expired',
        attemptStatus: 'Failure',
      },
    });
  });

  // Row: request-level status:ERROR, errCode:1069 (HTTP 200), with a transactionId in the answer
  it('row "request-level status:ERROR": a transactionId in the answer is kept on the error', async () => {
    const result = await authorizeWith(
      paymentAnswer({ status: 'ERROR', errCode: 1021, reason: 'Invalid timestamp' }),
    );
    expect(result.response?.error).toMatchObject({
      code: '1021',
      connectorTransactionId: TRANSACTION_ID,
    });
  });

  // Row: authorize 500 html
  it('row "authorize 500 html": CONNECTOR_ERROR_RESPONSE 500, "500"/"internal_server_error"', async () => {
    const body = '<html><body>Internal Server Error</body></html>';
    const error = await failureOf(
      authorizeWith({ status: 500, headers: { 'content-type': 'text/html' }, body }),
    );
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 500,
      errorResponse: {
        statusCode: 500,
        code: '500',
        message: 'internal_server_error',
        reason: body,
      },
    });
  });

  // Row: authorize 400 {"status":"ERROR","errCode":"1001","reason":"Invalid checksum"}
  it('row "authorize 400 {status:ERROR, errCode:"1001", reason:"Invalid checksum"}": CONNECTOR_ERROR_RESPONSE 400', async () => {
    const error = await failureOf(
      authorizeWith(
        jsonReply(400, { status: 'ERROR', errCode: '1001', reason: 'Invalid checksum' }),
      ),
    );
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 400,
      errorResponse: {
        statusCode: 400,
        code: '1001',
        message: 'Invalid checksum',
        reason: 'Invalid checksum',
      },
    });
  });

  // Row: authorize 400 {"status":"ERROR","errCode":"1001",...} (UCS defaults for absent fields)
  it('row "authorize 400 ...": a body without errCode/reason gives "No error code"/"No error message"', async () => {
    const error = await failureOf(authorizeWith(jsonReply(404, { status: 'ERROR' })));
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 404,
      errorResponse: { statusCode: 404, code: 'No error code', message: 'No error message' },
    });
    expect(error['errorResponse'] as object).not.toHaveProperty('reason');
  });

  // Row: authorize 400 {"status":"ERROR","errCode":"1001",...} (a body that is not JSON)
  it('row "authorize 400 ...": a body that is not JSON gives "Unsupported response type" with the body', async () => {
    const error = await failureOf(authorizeWith({ status: 403, body: 'Forbidden' }));
    expect(error).toMatchObject({
      code: 'CONNECTOR_ERROR_RESPONSE',
      httpStatus: 403,
      errorResponse: {
        statusCode: 403,
        code: 'No error code',
        message: 'Unsupported response type',
        reason: 'Forbidden',
      },
    });
  });

  // Row: authorize 400 same but numeric errCode:1001
  it('row "authorize 400 same but numeric errCode:1001": RESPONSE_HANDLING_FAILED 400, no error response', async () => {
    const error = await failureOf(
      authorizeWith(jsonReply(400, { status: 'ERROR', errCode: 1001, reason: 'Invalid checksum' })),
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'RESPONSE_HANDLING_FAILED', httpStatus: 400 });
    expect(error['errorResponse']).toBeUndefined();
  });

  it.each([
    ['an unknown transactionStatus', paymentAnswer({ transactionStatus: 'SETTLED' })],
    ['an unknown request status', paymentAnswer({ status: 'OK' })],
    ['a numeric orderId', paymentAnswer({ orderId: 271308078 })],
    ['a non-integer errCode', paymentAnswer({ errCode: 1.5 })],
  ])(
    'an answer UCS cannot parse (%s) gives RESPONSE_DESERIALIZATION_FAILED',
    async (_label, answer) => {
      const error = await failureOf(authorizeWith(answer));
      expect(error).toMatchObject({ code: 'RESPONSE_DESERIALIZATION_FAILED', httpStatus: 200 });
    },
  );
});
