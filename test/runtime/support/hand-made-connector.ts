/**
 * A hand-written connector with flows after Authorize, and one flow of its own (`Echo`) added by
 * declaration merging only: nothing in src/runtime lists it.
 */

import {
  StringMajorUnit,
  defineConnector,
  expectAuth,
  flowDefiner,
  withError,
  withSuccess,
  z,
  type ResponseContext,
  type RouterData,
} from '../../../src/runtime/index.js';

declare module '../../../src/runtime/index.js' {
  interface FlowTypes {
    Echo: { request: { readonly text: string }; response: { readonly echoed: string } };
  }
}

const defineFlow = flowDefiner(StringMajorUnit);

const answer = z.object({
  status: z.enum(['OK', 'ERROR']),
  id: z.string().optional(),
  message: z.string().optional(),
});

function failed<F extends 'Capture' | 'Refund'>(
  response: z.infer<typeof answer>,
  ctx: ResponseContext<F, 'StringMajorUnit'>,
): RouterData<F> {
  return withError(ctx.routerData, {
    statusCode: ctx.http.status,
    code: 'ERROR',
    message: response.message ?? '',
    reason: response.message ?? '',
  });
}

export const handMade = defineConnector({
  id: 'hand_made',
  name: 'HandMade',
  currencyUnit: 'Minor',
  baseUrls: { sandbox: 'https://sandbox.hand-made.test', production: 'https://hand-made.test' },
  contentType: 'application/json',
  amountConverter: StringMajorUnit,
  authTypes: ['HeaderKey'],
  validation: { shouldDoSessionToken: () => false, shouldDoOrderCreate: () => false },
  authHeaders: (auth) => [['x-api-key', expectAuth(auth, ['HeaderKey']).apiKey]],
  buildErrorResponse: (response) => ({
    statusCode: response.status,
    code: String(response.status),
    message: response.body,
    reason: response.body,
  }),
  flows: {
    Authorize: defineFlow('Authorize', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/pay`,
      body: (ctx) => ({ amount: ctx.convertAmount(ctx.routerData.request.amount, 'USD') }),
      responseSchema: answer,
      handleResponse: (response, ctx) =>
        withSuccess(
          ctx.routerData,
          { resourceId: { type: 'ConnectorTransactionId', id: response.id ?? '' } },
          { status: 'Authorized' },
        ),
    }),
    Capture: defineFlow('Capture', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/capture`,
      body: (ctx) => {
        const { amountToCapture, currency, connectorTransactionId } = ctx.routerData.request;
        return {
          payment: connectorTransactionId,
          amount: ctx.convertAmount(amountToCapture, currency),
          currency,
        };
      },
      responseSchema: answer,
      handleResponse: (response, ctx) =>
        response.status === 'ERROR'
          ? failed(response, ctx)
          : withSuccess(
              ctx.routerData,
              { resourceId: { type: 'ConnectorTransactionId', id: response.id ?? '' } },
              { status: 'Charged' },
            ),
    }),
    Refund: defineFlow('Refund', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/refund`,
      body: (ctx) => ({ payment: ctx.routerData.request.connectorTransactionId }),
      responseSchema: answer,
      handleResponse: (response, ctx) =>
        response.status === 'ERROR'
          ? failed(response, ctx)
          : withSuccess(ctx.routerData, {
              connectorRefundId: response.id ?? '',
              refundStatus: 'Success',
            }),
    }),
    Echo: defineFlow('Echo', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/echo`,
      body: (ctx) => ({ text: ctx.routerData.request.text }),
      responseSchema: z.object({ text: z.string() }),
      handleResponse: (response, ctx) => withSuccess(ctx.routerData, { echoed: response.text }),
    }),
  },
});
