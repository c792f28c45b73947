/**
 * A small connector used only by the runtime's own tests: the seed's template shape, with the
 * session token carried at a configurable placement. Its emulator is in demo-gateway.ts.
 */

import {
  ConnectorError,
  IntegrationError,
  NO_ERROR_CODE,
  Secret,
  StringMajorUnit,
  defineConnector,
  expectAuth,
  flowDefiner,
  getSessionToken,
  withError,
  withSuccess,
  z,
  type FlowName,
  type ResponseContext,
  type RouterData,
  type TokenPlacement,
} from '../../../src/runtime/index.js';

const defineFlow = flowDefiner(StringMajorUnit);

const sessionResponse = z.object({
  status: z.enum(['SUCCESS', 'ERROR']),
  sessionToken: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});

const paymentResponse = z.object({
  status: z.enum(['SUCCESS', 'ERROR']),
  transactionId: z.string().optional(),
  transactionStatus: z.enum(['APPROVED', 'DECLINED']).optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});

const errorBody = z.object({
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});

/** An in-band `status: "ERROR"` answer: the flow fails with the gateway's code and message. */
function inBandError<F extends FlowName>(
  response: { readonly errorCode?: string | undefined; readonly errorMessage?: string | undefined },
  ctx: ResponseContext<F>,
): RouterData<F> {
  return withError(
    ctx.routerData,
    {
      statusCode: ctx.http.status,
      code: response.errorCode ?? NO_ERROR_CODE,
      message: response.errorMessage ?? '',
      attemptStatus: 'Failure',
    },
    { status: 'Failure' },
  );
}

export const TOKEN_NAMES: Readonly<Record<TokenPlacement, string>> = {
  body: 'sessionToken',
  header: 'X-Session-Token',
  query: 'sessionToken',
};

export function demoConnector(placement: TokenPlacement) {
  const tokenName = TOKEN_NAMES[placement];
  return defineConnector({
    id: `demo_${placement}`,
    name: `Demo${placement[0]!.toUpperCase()}${placement.slice(1)}`,
    currencyUnit: 'Minor',
    baseUrls: { sandbox: 'https://sandbox.demo.test', production: 'https://demo.test' },
    contentType: 'application/json',
    amountConverter: StringMajorUnit,
    authTypes: ['SignatureKey'],
    sessionToken: { placement, name: tokenName },
    validation: { shouldDoSessionToken: () => true, shouldDoOrderCreate: () => false },
    authHeaders: (auth) => [
      ['Authorization', expectAuth(auth, ['SignatureKey']).apiKey.map((key) => `Bearer ${key}`)],
    ],
    buildErrorResponse: (response) => {
      const parsed = response.body === '' ? {} : errorBody.parse(JSON.parse(response.body));
      return {
        statusCode: response.status,
        code: parsed.errorCode ?? NO_ERROR_CODE,
        message: parsed.errorMessage ?? 'No error message',
      };
    },
    flows: {
      CreateSessionToken: defineFlow('CreateSessionToken', {
        method: 'POST',
        url: (ctx) => `${ctx.baseUrl}/session`,
        body: (ctx) => {
          const auth = expectAuth(ctx.routerData.auth, ['SignatureKey']);
          return {
            merchantId: auth.apiKey,
            reference: ctx.routerData.flowData.referenceId,
            amount: ctx.convertAmount(
              ctx.routerData.request.amount,
              ctx.routerData.request.currency,
            ),
            secretEcho: auth.apiSecret,
          };
        },
        responseSchema: sessionResponse,
        handleResponse: (response, ctx) => {
          if (response.status === 'ERROR') return inBandError(response, ctx);
          if (response.sessionToken === undefined) {
            throw ConnectorError.handling('session token missing in the answer');
          }
          return withSuccess(
            ctx.routerData,
            { sessionToken: response.sessionToken },
            { sessionToken: response.sessionToken, status: 'Pending' },
          );
        },
      }),
      Authorize: defineFlow('Authorize', {
        method: 'POST',
        url: (ctx) => {
          const base = `${ctx.baseUrl}/pay`;
          if (placement !== 'query') return base;
          return `${base}?${tokenName}=${encodeURIComponent(getSessionToken(ctx.routerData.flowData))}`;
        },
        headers: (ctx) => {
          const headers = ctx.connector.buildHeaders(ctx);
          if (placement !== 'header') return headers;
          return [...headers, [tokenName, getSessionToken(ctx.routerData.flowData)]];
        },
        body: (ctx) => {
          const { request, flowData } = ctx.routerData;
          const token = getSessionToken(flowData);
          if (request.paymentMethod.type !== 'card') {
            throw IntegrationError.notImplemented(`payment method ${request.paymentMethod.type}`);
          }
          const card = request.paymentMethod;
          return {
            ...(placement === 'body' ? { [tokenName]: token } : {}),
            amount: ctx.convertAmount(request.amount, request.currency),
            currency: request.currency,
            reference: flowData.referenceId,
            card: { number: card.number, cvc: card.cvc },
          };
        },
        responseSchema: paymentResponse,
        handleResponse: (response, ctx) => {
          if (response.status === 'ERROR') return inBandError(response, ctx);
          const approved = response.transactionStatus === 'APPROVED';
          const manual = ctx.routerData.request.captureMethod === 'manual';
          return withSuccess(
            ctx.routerData,
            {
              resourceId:
                response.transactionId === undefined
                  ? { type: 'NoResponseId' }
                  : { type: 'ConnectorTransactionId', id: response.transactionId },
            },
            { status: approved ? (manual ? 'Authorized' : 'Charged') : 'Failure' },
          );
        },
      }),
    },
  });
}

export const DEMO_CREDENTIALS = {
  type: 'SignatureKey',
  apiKey: new Secret('demo-merchant-4242'),
  key1: new Secret('demo-key1-unused'),
  apiSecret: new Secret('demo-signing-secret-0123456789'),
} as const;
