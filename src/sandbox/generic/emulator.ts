/**
 * @module The generic gateway emulator: the gateway a freshly generated connector talks to,
 * built from the same answers (DESIGN §4 and §4b). It checks everything it receives and answers
 * the way the wire contract says.
 *
 * Routes (routes.ts): POST session and Authorize at their endpoints; of the flows the spec
 * chooses (all five by default; the others' paths are 404): GET PSync, POST Capture,
 * Void and Refund, GET RSync at their endpoint answers or the defaults
 * (`{authorizeEndpoint}/{connectorTransactionId}`, `…/capture`, `…/void`, `…/refunds`,
 * `…/refunds/{connectorRefundId}`). An endpoint without `{connectorTransactionId}` is about the
 * newest payment (RSync's: the payment of the refund it names).
 *
 * Refusals, in the order they are checked:
 * - unknown path → 404 `NOT_FOUND`; another method than the route's → 405 `METHOD_NOT_ALLOWED`;
 *   POST with a wrong Content-Type → 415 `UNSUPPORTED_MEDIA_TYPE`;
 *   `Authorization` other than `Bearer <apiKey>` → 401 `UNAUTHORIZED`;
 *   a body that does not parse → 400 `INVALID_REQUEST`; a missing or malformed field (timestamp,
 *   amount per amount type and currency exponent, currency, card, capture method, reference)
 *   → 400 `INVALID_FIELD`. Each as `{ errorCode, errorMessage }`. The references
 *   (`clientRequestId`, Authorize's, Capture's and Void's `reference`) may be empty strings: the
 *   runtime sends `""` for a payment without one; Refund's `reference` may not.
 * - Session, in-band (HTTP 200): merchantId ≠ apiKey → `FAILED`/`INVALID_MERCHANT`; BodyKey's
 *   merchantKey ≠ key1 → `FAILED`/`INVALID_MERCHANT_KEY`; SignatureKey's checksum wrong →
 *   `ERROR`/`INVALID_CHECKSUM`; a `clientRequestId` starting with `force-decline` or
 *   `force-error` (forced.ts) → `FAILED`/`SESSION_DECLINED` or `ERROR`/`PROCESSING_ERROR`.
 * - Authorize, in-band (HTTP 200, `status: "ERROR"`): merchantId/merchantKey as above; no token at
 *   the declared placement → `SESSION_TOKEN_MISSING`; unknown, used or other merchant's token →
 *   `INVALID_SESSION_TOKEN`; expired → `SESSION_TOKEN_EXPIRED`; amount or currency other than
 *   the session's → `SESSION_MISMATCH`; card number failing the Luhn check →
 *   `INVALID_CARD_NUMBER`.
 * - Capture, Void, Refund, in-band (HTTP 200, `status: "ERROR"`): merchantId, merchantKey and
 *   SignatureKey's checksum (over `merchantId + reference + timestamp + api_secret`) as above;
 *   an unknown payment → `TRANSACTION_NOT_FOUND`; then the ledger (ledger.ts): Capture only of an
 *   authorized payment and at most what is left (`CAPTURE_NOT_ALLOWED`, `AMOUNT_TOO_HIGH`), Void
 *   only before any capture (`VOID_NOT_ALLOWED`), Refund only of captured money not yet refunded
 *   (`REFUND_NOT_ALLOWED`); another currency than the payment's → `CURRENCY_MISMATCH`.
 *   Outcomes may be forced by reference or amount (forced.ts).
 * - PSync and RSync answer from the ledger: an unknown payment → `TRANSACTION_NOT_FOUND`, an
 *   unknown refund → `REFUND_NOT_FOUND`.
 *
 * Tokens are bound to the merchant, amount and currency of their session (Authorize carries no
 * clientRequestId to compare); each authorizes one payment and expires (15 minutes by default).
 * Outcomes follow the test cards of cards.ts; any other valid card is approved. Manual capture is
 * answered like automatic (`APPROVED`): the connector tells Authorized from Charged; the ledger
 * holds an automatic capture's payment as CAPTURED, a manual one's as APPROVED.
 */

import { randomBytes } from 'node:crypto';

import { htmlReply, serveEmulator } from '../emulator-kit.js';
import type { GatewayReply, LoopbackGateway, RecordedRequest } from '../loopback.js';
import { authorizePayment } from './authorize.js';
import { capturePayment, refundPayment, voidPayment } from './follow-ups.js';
import { Ledger } from './ledger.js';
import { errorReply, parseFields, Refusal, type Fields } from './request.js';
import { matchRoute, routeTemplates, type MatchedRoute } from './routes.js';
import { createSession } from './session.js';
import { checkSpec, type GenericEmulatorOptions, type GenericGatewaySpec } from './spec.js';
import type { GenericGatewayState } from './state.js';
import { syncPayment, syncRefund } from './syncs.js';

export interface GenericEmulator extends LoopbackGateway {
  /**
   * Refunds a captured payment in the ledger without a request (set-up for a connector that has
   * RSync but not Refund); returns the refund's id, or undefined when the payment is unknown.
   */
  refundInLedger(transactionId: string, amount: number, reference: string): string | undefined;
}

const DEFAULT_TOKEN_LIFETIME_MS = 15 * 60_000;

/** Starts the emulator on 127.0.0.1 (a free port unless `options.port`). */
export async function startGenericEmulator(
  spec: GenericGatewaySpec,
  options: GenericEmulatorOptions = {},
): Promise<GenericEmulator> {
  const state: GenericGatewayState = {
    spec,
    credentials: checkSpec(spec),
    now: options.now ?? Date.now,
    tokenLifetimeMs: options.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS,
    issueToken: options.issueToken ?? (() => `st_${randomBytes(18).toString('base64url')}`),
    tokens: new Map(),
    transactions: 0,
    ledger: new Ledger(),
  };
  const templates = routeTemplates(spec);

  const answer = (
    matched: MatchedRoute,
    fields: Fields,
    request: RecordedRequest,
    baseUrl: string,
  ): GatewayReply => {
    // an endpoint without the placeholder is about the newest payment (or the refund named)
    const refundId = matched.params.connectorRefundId;
    const transactionId =
      matched.params.connectorTransactionId ??
      (refundId === undefined ? undefined : state.ledger.refund(refundId)?.transactionId) ??
      state.ledger.latestPaymentId();
    switch (matched.template.route) {
      case 'session':
        return createSession(state, fields);
      case 'authorize':
        return authorizePayment(state, fields, request, baseUrl);
      case 'sync':
        return syncPayment(state, transactionId);
      case 'capture':
        return capturePayment(state, fields, transactionId);
      case 'void':
        return voidPayment(state, fields, transactionId);
      case 'refund':
        return refundPayment(state, fields, transactionId);
      case 'refundSync':
        return syncRefund(state, transactionId, refundId);
    }
  };

  const handle = (request: RecordedRequest, baseUrl: string): GatewayReply => {
    if (request.method === 'GET' && request.path.startsWith('/challenge/')) {
      return htmlReply(
        200,
        '<!doctype html><title>Sandbox challenge</title><p>3-D Secure challenge</p>',
      );
    }
    const matched = matchRoute(templates, request.path);
    if (matched === undefined)
      return errorReply(404, 'NOT_FOUND', `no endpoint at ${request.path}`);
    const { method } = matched.template;
    if (request.method !== method) {
      return errorReply(
        405,
        'METHOD_NOT_ALLOWED',
        `${request.method} is not allowed, use ${method}`,
      );
    }
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (method === 'POST' && contentType.toLowerCase() !== spec.contentType) {
      return errorReply(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be ${spec.contentType}`);
    }
    if (request.headers['authorization'] !== `Bearer ${state.credentials.apiKey}`) {
      return errorReply(401, 'UNAUTHORIZED', 'missing or wrong Authorization header');
    }
    try {
      const fields = method === 'POST' ? parseFields(request.body, spec.contentType) : {};
      return answer(matched, fields, request, baseUrl);
    } catch (error) {
      if (error instanceof Refusal) return error.reply;
      throw error;
    }
  };

  const gateway = await serveEmulator(handle, options);
  return Object.assign(gateway, {
    refundInLedger(transactionId: string, amount: number, reference: string) {
      const payment = state.ledger.payment(transactionId);
      return payment && state.ledger.addRefund(payment, amount, reference, 'SUCCEEDED').refundId;
    },
  });
}
