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
 *   `INVALID_FIELD`. Each as `{ errorCode, errorMessage }`.
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
 * clientRequestId to compare); each authorizes one payment and expires (15 minutes by default). Outcomes follow
 * {@link GENERIC_TEST_CARDS}; any other valid card is approved. Manual capture is answered like
 * automatic (`APPROVED`): the connector tells Authorized from Charged.
 */

import { randomBytes } from 'node:crypto';

import {
  Secret,
  type AmountType,
  type ConnectorAuthType,
  type ContentType,
  type Currency,
  type TokenPlacement,
} from '../runtime/index.js';
import { htmlReply, serveEmulator, sha256Hex } from './emulator-kit.js';
import {
  errorReply,
  invalidField,
  matching,
  parseFields,
  passesLuhn,
  readAmount,
  readCard,
  readCurrency,
  Refusal,
  text,
  type Fields,
} from './generic-request.js';
import {
  jsonReply,
  type GatewayReply,
  type LoopbackGateway,
  type RecordedRequest,
} from './loopback.js';

/** What the emulator needs of a connector's answers (a subset of them, by structure). */
export interface GenericGatewaySpec {
  readonly sessionTokenEndpoint: string;
  readonly authorizeEndpoint: string;
  readonly contentType: ContentType;
  readonly authType: 'HeaderKey' | 'BodyKey' | 'SignatureKey';
  readonly tokenPlacement: TokenPlacement;
  readonly tokenName: string;
  readonly amountType: AmountType;
  /** Defaults to {@link GENERIC_SANDBOX_CREDENTIALS}. */
  readonly credentials?: GenericCredentials;
}

export interface GenericCredentials {
  readonly apiKey: string;
  /** Required for BodyKey (sent as merchantKey) and SignatureKey. */
  readonly key1?: string;
  /** Required for SignatureKey (the session checksum). */
  readonly apiSecret?: string;
}

export interface GenericEmulatorOptions {
  readonly port?: number;
  /** Stops by itself after this long (default: never). */
  readonly lifetimeMs?: number;
  readonly keepProcessAlive?: boolean;
  /** How long a session token stays valid (default 15 minutes). */
  readonly tokenLifetimeMs?: number;
  /** The emulator's clock in ms (default `Date.now`); timestamps are checked against it. */
  readonly now?: () => number;
}

export type GenericEmulator = LoopbackGateway;

/** Credentials the emulator accepts unless the spec names others. */
export const GENERIC_SANDBOX_CREDENTIALS = {
  apiKey: 'sandbox_api_key_4f7d2c',
  key1: 'sandbox_merchant_key_9a31e8',
  apiSecret: 'sandbox_api_secret_c58b07',
} as const satisfies Required<GenericCredentials>;

/** Card numbers that decide Authorize's outcome; any other Luhn-valid number is approved. */
export const GENERIC_TEST_CARDS = {
  approve: '4111111111111111',
  decline: '4000000000000002',
  pending: '4000000000000077',
  redirect: '4000000000003220',
  error: '4000000000000119',
} as const;

/** A session timestamp further than this from the emulator's clock is refused. */
const TIMESTAMP_TOLERANCE_S = 600;
const DEFAULT_TOKEN_LIFETIME_MS = 15 * 60_000;

/** Credentials of the spec's auth type, as a connector receives them. */
export function genericSandboxAuth(
  authType: GenericGatewaySpec['authType'],
  credentials: GenericCredentials = GENERIC_SANDBOX_CREDENTIALS,
): ConnectorAuthType {
  const apiKey = new Secret(credentials.apiKey);
  if (authType === 'HeaderKey') return { type: 'HeaderKey', apiKey };
  const key1 = new Secret(requireCredential(credentials.key1, 'key1', authType));
  if (authType === 'BodyKey') return { type: 'BodyKey', apiKey, key1 };
  const apiSecret = new Secret(requireCredential(credentials.apiSecret, 'apiSecret', authType));
  return { type: 'SignatureKey', apiKey, key1, apiSecret };
}

function requireCredential(value: string | undefined, name: string, authType: string): string {
  if (value === undefined || value === '') {
    throw new TypeError(`${authType} credentials need ${name}`);
  }
  return value;
}

interface IssuedToken {
  readonly merchantId: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly expiresAt: number;
}

function checkSpec(spec: GenericGatewaySpec): Required<GenericCredentials> {
  if (spec.sessionTokenEndpoint === spec.authorizeEndpoint) {
    throw new TypeError('the session token and authorize endpoints must differ');
  }
  if (spec.tokenName === '') throw new TypeError('tokenName must not be empty');
  const credentials = spec.credentials ?? GENERIC_SANDBOX_CREDENTIALS;
  // validates that the auth type has the credentials it needs
  genericSandboxAuth(spec.authType, credentials);
  return { key1: '', apiSecret: '', ...credentials };
}

/** Where the spec says Authorize carries the token. */
function tokenIn(spec: GenericGatewaySpec, fields: Fields, request: RecordedRequest): unknown {
  switch (spec.tokenPlacement) {
    case 'body':
      return fields[spec.tokenName];
    case 'header':
      return request.headers[spec.tokenName.toLowerCase()];
    case 'query':
      return request.query[spec.tokenName];
  }
}

/** Authorize's answer for an accepted payment, decided by the card number. */
function paymentOutcome(
  cardNumber: string,
  transactionId: string,
  redirectUrl: string,
): GatewayReply {
  const accepted = { status: 'SUCCESS', transactionId };
  switch (cardNumber) {
    case GENERIC_TEST_CARDS.decline:
      return jsonReply(200, {
        ...accepted,
        transactionStatus: 'DECLINED',
        errorCode: 'CARD_DECLINED',
        errorMessage: 'Do not honor',
      });
    case GENERIC_TEST_CARDS.pending:
      return jsonReply(200, { ...accepted, transactionStatus: 'PENDING' });
    case GENERIC_TEST_CARDS.redirect:
      return jsonReply(200, { ...accepted, transactionStatus: 'REDIRECT', redirectUrl });
    case GENERIC_TEST_CARDS.error:
      return jsonReply(200, {
        status: 'ERROR',
        transactionId,
        errorCode: 'PROCESSING_ERROR',
        errorMessage: 'The issuer could not be reached',
      });
    default:
      return jsonReply(200, { ...accepted, transactionStatus: 'APPROVED' });
  }
}

/** Starts the emulator on 127.0.0.1 (a free port unless `options.port`). */
export async function startGenericEmulator(
  spec: GenericGatewaySpec,
  options: GenericEmulatorOptions = {},
): Promise<GenericEmulator> {
  const credentials = checkSpec(spec);
  const now = options.now ?? Date.now;
  const tokenLifetimeMs = options.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS;
  const sessionPath = `/${spec.sessionTokenEndpoint}`;
  const authorizePath = `/${spec.authorizeEndpoint}`;
  const tokens = new Map<string, IssuedToken>();
  let transactions = 0;

  const merchantKeyMatches = (fields: Fields): boolean =>
    spec.authType !== 'BodyKey' || fields['merchantKey'] === credentials.key1;

  const createSession = (fields: Fields): GatewayReply => {
    const merchantId = text(fields, 'merchantId');
    const clientRequestId = text(fields, 'clientRequestId');
    const timestamp = matching(fields, 'timestamp', /^\d{1,12}$/);
    if (Math.abs(Number(timestamp) - now() / 1000) > TIMESTAMP_TOLERANCE_S) {
      invalidField('timestamp', `must be Unix seconds within ${TIMESTAMP_TOLERANCE_S} s of now`);
    }
    const currency = readCurrency(fields);
    const amount = readAmount(fields, spec, currency);
    const failed = (status: string, errorCode: string, errorMessage: string) =>
      jsonReply(200, { status, errorCode, errorMessage });
    if (merchantId !== credentials.apiKey) {
      return failed('FAILED', 'INVALID_MERCHANT', 'merchantId does not match the credentials');
    }
    if (!merchantKeyMatches(fields)) {
      return failed('FAILED', 'INVALID_MERCHANT_KEY', 'merchantKey does not match the credentials');
    }
    if (spec.authType === 'SignatureKey') {
      const expected = sha256Hex(merchantId + clientRequestId + timestamp + credentials.apiSecret);
      if (fields['checksum'] !== expected) {
        return failed('ERROR', 'INVALID_CHECKSUM', 'checksum does not match the request');
      }
    }
    const sessionToken = `st_${randomBytes(18).toString('base64url')}`;
    tokens.set(sessionToken, {
      merchantId,
      amount,
      currency,
      expiresAt: now() + tokenLifetimeMs,
    });
    return jsonReply(200, { sessionToken, status: 'SUCCESS' });
  };

  const authorizePayment = (
    fields: Fields,
    request: RecordedRequest,
    baseUrl: string,
  ): GatewayReply => {
    const merchantId = text(fields, 'merchantId');
    const currency = readCurrency(fields);
    const amount = readAmount(fields, spec, currency);
    text(fields, 'reference');
    matching(fields, 'captureMethod', /^(automatic|manual)$/);
    const card = readCard(fields);
    const token = tokenIn(spec, fields, request);
    const refused = (errorCode: string, errorMessage: string) =>
      jsonReply(200, { status: 'ERROR', errorCode, errorMessage });
    if (merchantId !== credentials.apiKey) {
      return refused('INVALID_MERCHANT', 'merchantId does not match the credentials');
    }
    if (!merchantKeyMatches(fields)) {
      return refused('INVALID_MERCHANT_KEY', 'merchantKey does not match the credentials');
    }
    if (typeof token !== 'string' || token === '') {
      return refused(
        'SESSION_TOKEN_MISSING',
        `no session token in ${spec.tokenPlacement} "${spec.tokenName}"`,
      );
    }
    const session = tokens.get(token);
    if (session === undefined || session.merchantId !== merchantId) {
      return refused('INVALID_SESSION_TOKEN', 'the session token is unknown or already used');
    }
    tokens.delete(token);
    if (session.expiresAt <= now()) {
      return refused('SESSION_TOKEN_EXPIRED', 'the session token has expired');
    }
    if (session.amount !== amount || session.currency !== currency) {
      return refused('SESSION_MISMATCH', 'amount or currency differs from the session');
    }
    if (!passesLuhn(card.number))
      return refused('INVALID_CARD_NUMBER', 'the card number is invalid');
    transactions += 1;
    const transactionId = `txn_${String(transactions).padStart(6, '0')}`;
    return paymentOutcome(card.number, transactionId, `${baseUrl}/challenge/${transactionId}`);
  };

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
    if (request.headers['authorization'] !== `Bearer ${credentials.apiKey}`) {
      return errorReply(401, 'UNAUTHORIZED', 'missing or wrong Authorization header');
    }
    try {
      const fields = parseFields(request.body, spec.contentType);
      return route === 'session'
        ? createSession(fields)
        : authorizePayment(fields, request, baseUrl);
    } catch (error) {
      if (error instanceof Refusal) return error.reply;
      throw error;
    }
  };

  return serveEmulator(handle, options);
}
