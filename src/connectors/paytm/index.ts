/**
 * @module Paytm, the reference connector for a signed session step: CreateSessionToken is
 * `initiateTransaction` (AES signature over the body), whose `txnToken` Authorize carries in
 * `head.txnToken` to `processTransaction` for UPI collect, intent and QR; PSync is
 * `v3/order/status`. Byte-identical to Juspay's connector core (hyperswitch-prism 0.4.0), see
 * shared/reference/ucs-observed-behaviour.md and wire-formats.md §4.
 *
 * Base URL: must end with "/" (the sandbox and production defaults do). UCS appends endpoints
 * verbatim, so a base URL without the slash would silently produce a wrong URL
 * (`.../paytm` + `theia/...` = `.../paytmtheia/...`); this connector refuses it before any HTTP
 * with INVALID_CONNECTOR_CONFIG instead. PSync takes a base URL with or without the slash and
 * posts to `/v3/order/status` (the core's `//v3/order/status` is wrong against the gateway).
 * Capture, void, refund and refund sync are not implemented, as in the core.
 *
 * Not matched on purpose: `callbackUrl` is always UCS's default, because UCS's session step
 * never sees a return URL.
 */

import {
  StringMajorUnit,
  defineConnector,
  flowDefiner,
  type HeaderList,
} from '../../runtime/index.js';
import { paytmErrorResponse } from './errors.js';
import { initiateResponseSchema, processResponseSchema, statusResponseSchema } from './response.js';
import { handleInitiateResponse, handleProcessResponse, handleStatusResponse } from './handlers.js';
import {
  buildInitiateRequest,
  buildProcessRequest,
  buildStatusRequest,
  paytmCredentials,
} from './transformers.js';
import { initiateTransactionUrl, orderStatusUrl, processTransactionUrl } from './url.js';

export const PAYTM_SANDBOX_BASE_URL = 'https://securestage.paytmpayments.com/';
export const PAYTM_PRODUCTION_BASE_URL = 'https://secure.paytmpayments.com/';

/** UCS `get_auth_header`: Paytm authenticates in the body, so only the content type. */
const AUTH_HEADERS: HeaderList = [['content-type', 'application/json']];

const defineFlow = flowDefiner(StringMajorUnit);

export const paytm = defineConnector({
  id: 'paytm',
  name: 'Paytm',
  currencyUnit: 'Minor',
  baseUrls: { sandbox: PAYTM_SANDBOX_BASE_URL, production: PAYTM_PRODUCTION_BASE_URL },
  contentType: 'application/json',
  amountConverter: StringMajorUnit,
  authTypes: ['SignatureKey', 'MultiAuthKey'],
  sessionToken: { placement: 'body', name: 'head.txnToken' },
  validation: {
    shouldDoSessionToken: () => true,
    shouldDoOrderCreate: () => false,
  },
  authHeaders: () => AUTH_HEADERS,
  // UCS's HTTP layer adds `via` before the connector's headers.
  buildHeaders: (ctx) => [
    ['via', 'HyperSwitch'],
    ...ctx.connector.authHeaders(ctx.routerData.auth),
  ],
  buildErrorResponse: paytmErrorResponse,
  buildServerErrorResponse: paytmErrorResponse,
  flows: {
    CreateSessionToken: defineFlow('CreateSessionToken', {
      method: 'POST',
      url: ({ baseUrl, routerData }) =>
        initiateTransactionUrl(
          baseUrl,
          paytmCredentials(routerData.auth).mid.expose(),
          routerData.flowData.referenceId,
        ),
      body: buildInitiateRequest,
      responseSchema: initiateResponseSchema,
      handleResponse: handleInitiateResponse,
    }),
    Authorize: defineFlow('Authorize', {
      method: 'POST',
      url: ({ baseUrl, routerData }) =>
        processTransactionUrl(
          baseUrl,
          paytmCredentials(routerData.auth).mid.expose(),
          routerData.flowData.referenceId,
        ),
      body: buildProcessRequest,
      responseSchema: processResponseSchema,
      handleResponse: handleProcessResponse,
    }),
    PSync: defineFlow('PSync', {
      method: 'POST',
      url: ({ baseUrl }) => orderStatusUrl(baseUrl),
      body: buildStatusRequest,
      responseSchema: statusResponseSchema,
      handleResponse: handleStatusResponse,
    }),
  },
});
