/**
 * @module The generic gateway emulator: the gateway a freshly generated connector talks to,
 * built from the same answers (DESIGN §4). It checks everything it receives and answers the way
 * the wire contract says.
 *
 * Refusals, in the order they are checked:
 * - unknown path → 404 `NOT_FOUND`; not POST → 405 `METHOD_NOT_ALLOWED`;
 *   wrong Content-Type → 415 `UNSUPPORTED_MEDIA_TYPE`;
 *   `Authorization` other than `Bearer <apiKey>` → 401 `UNAUTHORIZED`;
 *   a body that does not parse → 400 `INVALID_REQUEST`; a missing or malformed field (timestamp,
 *   amount per amount type and currency exponent, currency, card, capture method) → 400
 *   `INVALID_FIELD`. Each as `{ errorCode, errorMessage }`. The references (`clientRequestId`,
 *   `reference`) may be empty strings: the runtime sends `""` for a payment without one.
 * - Session, in-band (HTTP 200): merchantId ≠ apiKey → `FAILED`/`INVALID_MERCHANT`; BodyKey's
 *   merchantKey ≠ key1 → `FAILED`/`INVALID_MERCHANT_KEY`; SignatureKey's checksum wrong →
 *   `ERROR`/`INVALID_CHECKSUM`.
 * - Authorize, in-band (HTTP 200, `status: "ERROR"`): merchantId/merchantKey as above; no token at
 *   the declared placement → `SESSION_TOKEN_MISSING`; unknown, used or other merchant's token →
 *   `INVALID_SESSION_TOKEN`; expired → `SESSION_TOKEN_EXPIRED`; amount or currency other than
 *   the session's → `SESSION_MISMATCH`; card number failing the Luhn check →
 *   `INVALID_CARD_NUMBER`.
 *
 * Tokens are bound to the merchant, amount and currency of their session (Authorize carries no
 * clientRequestId to compare); each authorizes one payment and expires (15 minutes by default).
 * Outcomes follow the test cards of cards.ts; any other valid card is approved. Manual capture is
 * answered like automatic (`APPROVED`): the connector tells Authorized from Charged.
 */

import { htmlReply, serveEmulator } from '../emulator-kit.js';
import type { GatewayReply, LoopbackGateway, RecordedRequest } from '../loopback.js';
import { authorizePayment } from './authorize.js';
import { errorReply, parseFields, Refusal } from './request.js';
import { createSession } from './session.js';
import { checkSpec, type GenericEmulatorOptions, type GenericGatewaySpec } from './spec.js';
import type { GenericGatewayState } from './state.js';

export type GenericEmulator = LoopbackGateway;

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
    tokens: new Map(),
    transactions: 0,
  };
  const sessionPath = `/${spec.sessionTokenEndpoint}`;
  const authorizePath = `/${spec.authorizeEndpoint}`;

  const handle = (request: RecordedRequest, baseUrl: string): GatewayReply => {
    if (request.method === 'GET' && request.path.startsWith('/challenge/')) {
      return htmlReply(
        200,
        '<!doctype html><title>Sandbox challenge</title><p>3-D Secure challenge</p>',
      );
    }
    const route =
      request.path === sessionPath ? 'session' : request.path === authorizePath ? 'authorize' : '';
    if (route === '') return errorReply(404, 'NOT_FOUND', `no endpoint at ${request.path}`);
    if (request.method !== 'POST') {
      return errorReply(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed, use POST`);
    }
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (contentType.toLowerCase() !== spec.contentType) {
      return errorReply(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be ${spec.contentType}`);
    }
    if (request.headers['authorization'] !== `Bearer ${state.credentials.apiKey}`) {
      return errorReply(401, 'UNAUTHORIZED', 'missing or wrong Authorization header');
    }
    try {
      const fields = parseFields(request.body, spec.contentType);
      return route === 'session'
        ? createSession(state, fields)
        : authorizePayment(state, fields, request, baseUrl);
    } catch (error) {
      if (error instanceof Refusal) return error.reply;
      throw error;
    }
  };

  return serveEmulator(handle, options);
}
