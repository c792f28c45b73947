/**
 * @module The Nuvei reference connector: getSessionToken.do, then payment.do with the token in
 * the body; settleTransaction.do, voidTransaction.do and refundTransaction.do after it;
 * getTransactionDetails.do for PSync and refund sync. Authentication is the body checksum (SignatureKey:
 * api_key = merchantId, key1 = merchantSiteId, api_secret = merchantSecret); no auth header.
 */

import {
  StringMajorUnit,
  defineConnector,
  flowDefiner,
  type HeaderList,
} from '../../runtime/index.js';
import { DESERIALIZATION_FAILED_MESSAGE, buildNuveiErrorResponse } from './errors.js';
import {
  handlePaymentResponse,
  handleSessionTokenResponse,
  handleSyncResponse,
} from './handlers.js';
import {
  handleCaptureResponse,
  handleRefundResponse,
  handleRefundSyncResponse,
  handleVoidResponse,
} from './handlers-transaction.js';
import { buildPaymentRequest, buildSessionTokenRequest } from './request.js';
import {
  buildCaptureRequest,
  buildRefundRequest,
  buildRefundSyncRequest,
  buildSyncRequest,
  buildVoidRequest,
} from './request-transaction.js';
import {
  paymentResponseSchema,
  refundSyncResponseSchema,
  sessionTokenResponseSchema,
  syncResponseSchema,
  transactionResponseSchema,
} from './response.js';

export const NUVEI_SANDBOX_BASE_URL = 'https://ppp-test.nuvei.com/ppp/api/v1';
export const NUVEI_PRODUCTION_BASE_URL = 'https://secure.safecharge.com/ppp/api/v1';

/** Exactly the headers UCS sends, in its order: the connector's content type, then its `via`. */
const NUVEI_HEADERS: HeaderList = [
  ['content-type', 'application/json'],
  ['via', 'HyperSwitch'],
];

const defineFlow = flowDefiner(StringMajorUnit);

/*
 * Endpoint URLs are `${baseUrl}/<op>.do` with the base used verbatim, as UCS formats them: a
 * configured base URL ending in "/" therefore yields "//getSessionToken.do". Nuvei's base URL
 * must not end with a slash.
 */
export const nuvei = defineConnector({
  id: 'nuvei',
  name: 'Nuvei',
  currencyUnit: 'Minor',
  baseUrls: { sandbox: NUVEI_SANDBOX_BASE_URL, production: NUVEI_PRODUCTION_BASE_URL },
  contentType: 'application/json',
  amountConverter: StringMajorUnit,
  authTypes: ['SignatureKey'],
  sessionToken: { placement: 'body', name: 'sessionToken' },
  validation: {
    shouldDoSessionToken: () => true,
    shouldDoOrderCreate: () => false,
  },
  // The checksum in each body authenticates the call.
  authHeaders: () => [],
  buildHeaders: () => NUVEI_HEADERS,
  buildErrorResponse: buildNuveiErrorResponse,
  flows: {
    CreateSessionToken: defineFlow('CreateSessionToken', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/getSessionToken.do`,
      body: (ctx) => buildSessionTokenRequest(ctx),
      responseSchema: sessionTokenResponseSchema,
      handleResponse: handleSessionTokenResponse,
    }),
    Authorize: defineFlow('Authorize', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/payment.do`,
      body: (ctx) => buildPaymentRequest(ctx),
      responseSchema: paymentResponseSchema,
      handleResponse: handlePaymentResponse,
    }),
    PSync: defineFlow('PSync', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/getTransactionDetails.do`,
      body: (ctx) => buildSyncRequest(ctx),
      responseSchema: syncResponseSchema,
      unreadableMessage: DESERIALIZATION_FAILED_MESSAGE,
      handleResponse: handleSyncResponse,
    }),
    Capture: defineFlow('Capture', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/settleTransaction.do`,
      body: (ctx) => buildCaptureRequest(ctx),
      responseSchema: transactionResponseSchema,
      unreadableMessage: DESERIALIZATION_FAILED_MESSAGE,
      handleResponse: handleCaptureResponse,
    }),
    Void: defineFlow('Void', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/voidTransaction.do`,
      body: (ctx) => buildVoidRequest(ctx),
      responseSchema: transactionResponseSchema,
      unreadableMessage: DESERIALIZATION_FAILED_MESSAGE,
      handleResponse: handleVoidResponse,
    }),
    Refund: defineFlow('Refund', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/refundTransaction.do`,
      body: (ctx) => buildRefundRequest(ctx),
      responseSchema: transactionResponseSchema,
      unreadableMessage: DESERIALIZATION_FAILED_MESSAGE,
      handleResponse: handleRefundResponse,
    }),
    RSync: defineFlow('RSync', {
      method: 'POST',
      url: (ctx) => `${ctx.baseUrl}/getTransactionDetails.do`,
      body: (ctx) => buildRefundSyncRequest(ctx),
      responseSchema: refundSyncResponseSchema,
      unreadableMessage: DESERIALIZATION_FAILED_MESSAGE,
      handleResponse: handleRefundSyncResponse,
    }),
  },
});
