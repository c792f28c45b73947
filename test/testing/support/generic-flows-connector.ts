/**
 * A connector of the generic wire contract with every flow (DESIGN §4 and §4b), written by hand
 * for the cassette tests until the generator's templates for the new flows exist: SignatureKey,
 * JSON, StringMinorUnit, the session token in a header, the default endpoints under `v1/payments`.
 */

import { createHash } from 'node:crypto';

import {
  NO_ERROR_CODE,
  StringMinorUnit,
  defineConnector,
  expectAuth,
  flowDefiner,
  getSessionToken,
  joinUrl,
  withError,
  withSuccess,
  z,
  type AttemptStatus,
  type ConnectorAuthType,
  type FlowName,
  type ResponseContext,
  type RouterData,
} from '../../../src/runtime/index.js';
import type { GenericGatewaySpec } from '../../../src/sandbox/index.js';

export const GENERIC_FLOWS_SPEC: GenericGatewaySpec = {
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
  contentType: 'application/json',
  authType: 'SignatureKey',
  tokenPlacement: 'header',
  tokenName: 'X-Session-Token',
  amountType: 'StringMinorUnit',
};

const defineFlow = flowDefiner(StringMinorUnit);
const seg = (value: string) => encodeURIComponent(value);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const inBand = { errorCode: z.string().optional(), errorMessage: z.string().optional() };
const sessionSchema = z.object({
  status: z.string(),
  sessionToken: z.string().optional(),
  ...inBand,
});
const paymentSchema = z.object({
  status: z.enum(['SUCCESS', 'ERROR']),
  transactionId: z.string().optional(),
  transactionStatus: z
    .enum(['APPROVED', 'CAPTURED', 'DECLINED', 'PENDING', 'VOIDED', 'REDIRECT'])
    .optional(),
  redirectUrl: z.string().optional(),
  ...inBand,
});
const refundSchema = z.object({
  status: z.enum(['SUCCESS', 'ERROR']),
  refundId: z.string().optional(),
  refundStatus: z.enum(['SUCCEEDED', 'FAILED', 'PENDING']).optional(),
  ...inBand,
});
type PaymentAnswer = z.infer<typeof paymentSchema>;

function signed(auth: ConnectorAuthType, reference: string, members: Record<string, unknown>) {
  const { apiKey, apiSecret } = expectAuth(auth, ['SignatureKey']);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const checksum = sha256(apiKey.expose() + reference + timestamp + apiSecret.expose());
  return { merchantId: apiKey, ...members, timestamp, checksum };
}

function failed<F extends FlowName>(
  answer: { errorCode?: string | undefined; errorMessage?: string | undefined },
  ctx: ResponseContext<F>,
  status: AttemptStatus,
): RouterData<F> {
  return withError(
    ctx.routerData,
    {
      statusCode: ctx.http.status,
      code: answer.errorCode ?? NO_ERROR_CODE,
      message: answer.errorMessage ?? '',
      attemptStatus: status,
    },
    { status },
  );
}

/** A payment answer, mapped by the flow's table (DESIGN §4b). */
function paymentResult<F extends 'Authorize' | 'PSync' | 'Capture' | 'Void'>(
  answer: PaymentAnswer,
  ctx: ResponseContext<F>,
  table: Partial<Record<NonNullable<PaymentAnswer['transactionStatus']>, AttemptStatus>>,
  failure: AttemptStatus,
): RouterData<F> {
  if (answer.status === 'ERROR') return failed(answer, ctx, failure);
  const status =
    answer.transactionStatus === undefined ? undefined : table[answer.transactionStatus];
  if (status === undefined)
    throw new Error(`unexpected transactionStatus ${answer.transactionStatus}`);
  const resourceId =
    answer.transactionId === undefined
      ? ({ type: 'NoResponseId' } as const)
      : ({ type: 'ConnectorTransactionId', id: answer.transactionId } as const);
  return withSuccess(ctx.routerData, { resourceId } as never, { status });
}

function refundResult<F extends 'Refund' | 'RSync'>(
  answer: z.infer<typeof refundSchema>,
  ctx: ResponseContext<F>,
): RouterData<F> {
  if (answer.status === 'ERROR') return failed(answer, ctx, 'Failure');
  const refundStatus = ({ SUCCEEDED: 'Success', FAILED: 'Failure', PENDING: 'Pending' } as const)[
    answer.refundStatus ?? 'PENDING'
  ];
  return withSuccess(
    ctx.routerData,
    { connectorRefundId: answer.refundId ?? '', refundStatus } as never,
    {},
  );
}

const PSYNC_TABLE = {
  APPROVED: 'Authorized',
  CAPTURED: 'Charged',
  VOIDED: 'Voided',
  DECLINED: 'Failure',
  PENDING: 'Pending',
  REDIRECT: 'AuthenticationPending',
} as const;

export const genericFlows = defineConnector({
  id: 'generic_flows',
  name: 'GenericFlows',
  currencyUnit: 'Minor',
  baseUrls: { sandbox: 'https://sandbox.generic.test', production: 'https://generic.test' },
  contentType: 'application/json',
  amountConverter: StringMinorUnit,
  authTypes: ['SignatureKey'],
  sessionToken: { placement: 'header', name: 'X-Session-Token' },
  validation: { shouldDoSessionToken: () => true, shouldDoOrderCreate: () => false },
  authHeaders: (auth) => [
    ['Authorization', expectAuth(auth, ['SignatureKey']).apiKey.map((key) => `Bearer ${key}`)],
  ],
  buildErrorResponse: (response) => {
    const body = response.body === '' ? {} : (JSON.parse(response.body) as Record<string, string>);
    return {
      statusCode: response.status,
      code: body['errorCode'] ?? NO_ERROR_CODE,
      message: body['errorMessage'] ?? 'No error message',
    };
  },
  flows: {
    CreateSessionToken: defineFlow('CreateSessionToken', {
      method: 'POST',
      url: ({ baseUrl }) => joinUrl(baseUrl, 'v1/session-token'),
      body: ({ routerData, convertAmount }) => {
        const { apiKey, apiSecret } = expectAuth(routerData.auth, ['SignatureKey']);
        const clientRequestId = routerData.flowData.referenceId;
        const timestamp = String(Math.floor(Date.now() / 1000));
        return {
          merchantId: apiKey,
          clientRequestId,
          timestamp,
          amount: convertAmount(routerData.request.amount, routerData.request.currency),
          currency: routerData.request.currency,
          checksum: sha256(apiKey.expose() + clientRequestId + timestamp + apiSecret.expose()),
        };
      },
      responseSchema: sessionSchema,
      handleResponse: (answer, ctx) =>
        answer.status === 'SUCCESS' && answer.sessionToken !== undefined
          ? withSuccess(
              ctx.routerData,
              { sessionToken: answer.sessionToken },
              { sessionToken: answer.sessionToken, status: 'Pending' },
            )
          : failed(answer, ctx, 'Failure'),
    }),
    Authorize: defineFlow('Authorize', {
      method: 'POST',
      url: ({ baseUrl }) => joinUrl(baseUrl, 'v1/payments'),
      headers: (ctx) => [
        ...ctx.connector.buildHeaders(ctx),
        ['X-Session-Token', getSessionToken(ctx.routerData.flowData)],
      ],
      body: ({ routerData, convertAmount }) => {
        const { request, flowData, auth } = routerData;
        const card = request.paymentMethod;
        if (card.type !== 'card') throw new Error('cards only');
        return {
          merchantId: expectAuth(auth, ['SignatureKey']).apiKey,
          amount: convertAmount(request.amount, request.currency),
          currency: request.currency,
          reference: flowData.referenceId,
          captureMethod: request.captureMethod ?? 'automatic',
          paymentMethod: {
            type: 'card',
            number: card.number,
            expMonth: card.expMonth,
            expYear: card.expYear,
            cvc: card.cvc,
          },
        };
      },
      responseSchema: paymentSchema,
      handleResponse: (answer, ctx) => {
        const approved =
          ctx.routerData.request.captureMethod === 'manual' ? 'Authorized' : 'Charged';
        return paymentResult(answer, ctx, { ...PSYNC_TABLE, APPROVED: approved }, 'Failure');
      },
    }),
    PSync: defineFlow('PSync', {
      method: 'GET',
      url: ({ baseUrl, routerData }) =>
        joinUrl(baseUrl, `v1/payments/${seg(routerData.request.connectorTransactionId)}`),
      responseSchema: paymentSchema,
      handleResponse: (answer, ctx) => paymentResult(answer, ctx, PSYNC_TABLE, 'Failure'),
    }),
    Capture: defineFlow('Capture', {
      method: 'POST',
      url: ({ baseUrl, routerData }) =>
        joinUrl(baseUrl, `v1/payments/${seg(routerData.request.connectorTransactionId)}/capture`),
      body: ({ routerData, convertAmount }) => {
        const { request, auth } = routerData;
        const reference = request.merchantCaptureId ?? '';
        return signed(auth, reference, {
          amount: convertAmount(request.amountToCapture, request.currency),
          currency: request.currency,
          reference,
        });
      },
      responseSchema: paymentSchema,
      handleResponse: (answer, ctx) =>
        paymentResult(
          answer,
          ctx,
          {
            CAPTURED: 'Charged',
            APPROVED: 'Charged',
            DECLINED: 'CaptureFailed',
            PENDING: 'CaptureInitiated',
          },
          'CaptureFailed',
        ),
    }),
    Void: defineFlow('Void', {
      method: 'POST',
      url: ({ baseUrl, routerData }) =>
        joinUrl(baseUrl, `v1/payments/${seg(routerData.request.connectorTransactionId)}/void`),
      body: ({ routerData }) => {
        const reference = routerData.request.merchantVoidId ?? '';
        const reason = routerData.request.cancellationReason;
        return signed(routerData.auth, reference, {
          reference,
          ...(reason === undefined ? {} : { reason }),
        });
      },
      responseSchema: paymentSchema,
      handleResponse: (answer, ctx) =>
        paymentResult(
          answer,
          ctx,
          {
            VOIDED: 'Voided',
            APPROVED: 'Voided',
            DECLINED: 'VoidFailed',
            PENDING: 'VoidInitiated',
          },
          'VoidFailed',
        ),
    }),
    Refund: defineFlow('Refund', {
      method: 'POST',
      url: ({ baseUrl, routerData }) =>
        joinUrl(baseUrl, `v1/payments/${seg(routerData.request.connectorTransactionId)}/refunds`),
      body: ({ routerData, convertAmount }) => {
        const { request, auth } = routerData;
        return signed(auth, request.merchantRefundId, {
          amount: convertAmount(request.refundAmount, request.currency),
          currency: request.currency,
          reference: request.merchantRefundId,
          ...(request.reason === undefined ? {} : { reason: request.reason }),
        });
      },
      responseSchema: refundSchema,
      handleResponse: refundResult,
    }),
    RSync: defineFlow('RSync', {
      method: 'GET',
      url: ({ baseUrl, routerData }) => {
        const { connectorTransactionId, connectorRefundId } = routerData.request;
        return joinUrl(
          baseUrl,
          `v1/payments/${seg(connectorTransactionId)}/refunds/${seg(connectorRefundId ?? '')}`,
        );
      },
      responseSchema: refundSchema,
      handleResponse: refundResult,
    }),
  },
});
