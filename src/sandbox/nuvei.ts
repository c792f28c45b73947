/**
 * @module A loopback emulator of Nuvei's REST API (`getSessionToken.do`, `payment.do`,
 * `getTransactionDetails.do`) served under `/ppp/api/v1`, so a connector's base URL is
 * `paymentBaseUrl` (= `baseUrl + '/ppp/api/v1'`). It checks every checksum with its own
 * computation, issues session tokens that expire, and answers with Nuvei's body shapes.
 *
 * Request-level errors are HTTP 200 `{ status: "ERROR", errCode, reason, ... }`, checked in this
 * order (the codes are the emulator's, modelled on Nuvei's):
 *
 * | errCode | reason                   | when                                                      |
 * |---------|--------------------------|-----------------------------------------------------------|
 * | 1000    | Invalid request: <field> | body not a JSON object; a hashed field or checksum absent |
 * | 1004    | Invalid merchant         | unknown merchantId + merchantSiteId pair                  |
 * | 1021    | Invalid timestamp        | timeStamp is not 14 digits (YYYYMMDDHHmmss)               |
 * | 1001    | Invalid checksum         | checksum is not the expected lowercase SHA-256 hex        |
 * | 1000    | Invalid request: <field> | payment.do: token, amount, card or transactionType absent |
 * | 1069    | Invalid session token    | payment.do: a token never issued, or another merchant's   |
 * | 1069    | Session expired          | payment.do: a token older than `tokenTtlMs`               |
 * | 1140    | Transaction not found    | getTransactionDetails.do: an unknown transactionId        |
 *
 * Outcomes of a valid payment.do, decided first by amount then by card number:
 *
 * | input                                  | answer                                              |
 * |----------------------------------------|-----------------------------------------------------|
 * | amount 500 in major units ("500.00")   | HTTP 500 HTML page                                  |
 * | amount 503 in major units ("503.00")   | HTTP 503 HTML page                                  |
 * | card 4000000000000002                  | DECLINED (gwErrorCode -1, gwErrorReason "Decline")  |
 * | card 4000000000000119                  | transaction-level ERROR (gwErrorCode -1100)         |
 * | card 4000000000003220                  | REDIRECT, paymentOption.redirectUrl to              |
 * |                                        | `GET /ppp/api/redirect/<transactionId>?lang=en&v=1` |
 * | card 4000000000000077                  | PENDING                                             |
 * | any other card, e.g. 4111111111111111  | APPROVED                                            |
 *
 * getTransactionDetails.do reports what payment.do decided for that transactionId.
 */

import { createHash, randomUUID } from 'node:crypto';

import {
  jsonReply,
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
  type LoopbackOptions,
  type RecordedRequest,
} from './loopback.js';

export interface NuveiCredentials {
  readonly merchantId: string;
  readonly merchantSiteId: string;
  readonly merchantSecret: string;
}

/**
 * What `create-connector sandbox nuvei` accepts. As SignatureKey credentials: apiKey =
 * merchantId, key1 = merchantSiteId, apiSecret = merchantSecret. Fictional values.
 */
export const NUVEI_SANDBOX_CREDENTIALS: NuveiCredentials = Object.freeze({
  merchantId: '4411223344556677889',
  merchantSiteId: '204860',
  merchantSecret: 'sandboxSecretNuvei0123456789abcdef',
});

export const NUVEI_API_PREFIX = '/ppp/api/v1';
/** Where REDIRECT answers send the customer (GET, an HTML page). */
const REDIRECT_PREFIX = '/ppp/api/redirect/';

/** The magic card numbers of the outcome table. */
export const NUVEI_TEST_CARDS = Object.freeze({
  approved: '4111111111111111',
  declined: '4000000000000002',
  error: '4000000000000119',
  redirect: '4000000000003220',
  pending: '4000000000000077',
});

/** Amounts in major units (any currency: "500.00" USD, "500" JPY) that fail at the HTTP level. */
export const NUVEI_TEST_AMOUNTS = Object.freeze({
  internalServerError: 500,
  serviceUnavailable: 503,
});

const SERVER_ERROR_PAGES: Readonly<Record<number, string>> = {
  [NUVEI_TEST_AMOUNTS.internalServerError]: '500 Internal Server Error',
  [NUVEI_TEST_AMOUNTS.serviceUnavailable]: '503 Service Unavailable',
};

export interface NuveiEmulatorOptions extends Pick<
  LoopbackOptions,
  'port' | 'lifetimeMs' | 'keepProcessAlive'
> {
  /** Merchants the emulator knows (default: NUVEI_SANDBOX_CREDENTIALS). */
  readonly credentials?: readonly NuveiCredentials[];
  /** How long a session token stays valid (default 15 minutes; 0 = expired at once). */
  readonly tokenTtlMs?: number;
}

export interface NuveiEmulator extends LoopbackGateway {
  /** The base URL a Nuvei connector calls: `baseUrl + '/ppp/api/v1'`. */
  readonly paymentBaseUrl: string;
  readonly credentials: readonly NuveiCredentials[];
  /** Makes every session token issued so far expired. */
  expireSessionTokens(): void;
}

const DEFAULT_TOKEN_TTL_MS = 15 * 60 * 1000;

const CHECKSUM_FIELDS = {
  getSessionToken: ['merchantId', 'merchantSiteId', 'clientRequestId', 'timeStamp'],
  payment: ['merchantId', 'merchantSiteId', 'clientRequestId', 'amount', 'currency', 'timeStamp'],
  getTransactionDetails: [
    'merchantId',
    'merchantSiteId',
    'transactionId',
    'clientUniqueId',
    'timeStamp',
  ],
} as const;

type Operation = keyof typeof CHECKSUM_FIELDS;
type Body = Readonly<Record<string, unknown>>;

interface Session {
  readonly merchant: NuveiCredentials;
  expiresAt: number;
}

interface Transaction {
  readonly merchant: NuveiCredentials;
  readonly transactionId: string;
  readonly clientUniqueId: string;
  readonly transactionStatus: 'APPROVED' | 'DECLINED' | 'ERROR' | 'REDIRECT' | 'PENDING';
  readonly transactionType: string;
  readonly authCode: string;
  readonly date: string;
}

/** A request-level failure, answered as HTTP 200 `status: "ERROR"`. */
class RequestError extends Error {
  constructor(
    readonly errCode: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function htmlReply(status: number, title: string): GatewayReply {
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function parseBody(text: string): Body {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(1000, 'Invalid request: body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestError(1000, 'Invalid request: body is not a JSON object');
  }
  return value as Body;
}

function stringField(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new RequestError(1000, `Invalid request: ${field}`);
  return value;
}

function objectField(body: Body, field: string): Body {
  const value = body[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestError(1000, `Invalid request: ${field}`);
  }
  return value as Body;
}

function dateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export async function startNuveiEmulator(
  options: NuveiEmulatorOptions = {},
): Promise<NuveiEmulator> {
  const credentials = options.credentials ?? [NUVEI_SANDBOX_CREDENTIALS];
  const tokenTtlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const sessions = new Map<string, Session>();
  const transactions = new Map<string, Transaction>();
  let counter = 0;
  let origin = '';

  const nextId = (): number => {
    counter += 1;
    return counter;
  };

  /** The merchant, the timestamp and the checksum, checked the same way on every operation. */
  const authenticate = (operation: Operation, body: Body): NuveiCredentials => {
    const values = CHECKSUM_FIELDS[operation].map((field) => stringField(body, field));
    const checksum = stringField(body, 'checksum');
    const timeStamp = stringField(body, 'timeStamp');
    const merchant = credentials.find(
      (entry) =>
        entry.merchantId === body['merchantId'] && entry.merchantSiteId === body['merchantSiteId'],
    );
    if (merchant === undefined) throw new RequestError(1004, 'Invalid merchant');
    if (!/^\d{14}$/.test(timeStamp)) throw new RequestError(1021, 'Invalid timestamp');
    if (checksum !== sha256Hex(values.join('') + merchant.merchantSecret)) {
      throw new RequestError(1001, 'Invalid checksum');
    }
    return merchant;
  };

  /** The fields Nuvei echoes in every answer. */
  const envelope = (body: Body) => ({
    internalRequestId: 880_000_000 + nextId(),
    merchantId: body['merchantId'],
    merchantSiteId: body['merchantSiteId'],
    version: '1.0',
  });

  const getSessionToken = (body: Body): GatewayReply => {
    const merchant = authenticate('getSessionToken', body);
    const sessionToken = randomUUID();
    sessions.set(sessionToken, { merchant, expiresAt: Date.now() + tokenTtlMs });
    return jsonReply(200, {
      sessionToken,
      ...envelope(body),
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
      clientRequestId: body['clientRequestId'],
    });
  };

  const payment = (body: Body): GatewayReply => {
    const merchant = authenticate('payment', body);
    const sessionToken = stringField(body, 'sessionToken');
    const amount = stringField(body, 'amount');
    if (!/^\d+(\.\d+)?$/.test(amount)) throw new RequestError(1000, 'Invalid request: amount');
    const card = objectField(objectField(body, 'paymentOption'), 'card');
    const cardNumber = stringField(card, 'cardNumber');
    for (const field of ['cardHolderName', 'expirationMonth', 'expirationYear', 'CVV']) {
      stringField(card, field);
    }
    const transactionType = stringField(body, 'transactionType');
    if (transactionType !== 'Auth' && transactionType !== 'Sale') {
      throw new RequestError(1000, 'Invalid request: transactionType');
    }
    const session = sessions.get(sessionToken);
    if (session === undefined || session.merchant !== merchant) {
      throw new RequestError(1069, 'Invalid session token');
    }
    if (Date.now() >= session.expiresAt) throw new RequestError(1069, 'Session expired');

    const major = Number(amount);
    const serverErrorPage = SERVER_ERROR_PAGES[major];
    if (serverErrorPage !== undefined) return htmlReply(major, serverErrorPage);

    const id = nextId();
    const transactionId = `7110${String(id).padStart(14, '0')}`;
    const transactionStatus = outcomeOf(cardNumber);
    const approved = transactionStatus === 'APPROVED';
    const transaction: Transaction = {
      merchant,
      transactionId,
      clientUniqueId: typeof body['clientUniqueId'] === 'string' ? body['clientUniqueId'] : '',
      transactionStatus,
      transactionType,
      authCode: approved ? String(111_000 + (id % 1000)) : '',
      date: dateTime(new Date()),
    };
    transactions.set(transactionId, transaction);

    const redirect = transactionStatus === 'REDIRECT';
    return jsonReply(200, {
      orderId: String(401_000_000 + id),
      userTokenId: '',
      paymentOption: {
        ...(redirect
          ? { redirectUrl: `${origin}${REDIRECT_PREFIX}${transactionId}?lang=en&v=1` }
          : {}),
        userPaymentOptionId: '',
        card: {
          ccCardNumber: `${cardNumber.slice(0, 1)}****${cardNumber.slice(-4)}`,
          bin: cardNumber.slice(0, 6),
          last4Digits: cardNumber.slice(-4),
        },
      },
      transactionStatus,
      ...gatewayError(transactionStatus),
      transactionType,
      transactionId,
      externalTransactionId: '',
      authCode: transaction.authCode,
      customData: '',
      sessionToken,
      clientUniqueId: transaction.clientUniqueId,
      ...envelope(body),
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
      clientRequestId: body['clientRequestId'],
    });
  };

  const getTransactionDetails = (body: Body): GatewayReply => {
    const merchant = authenticate('getTransactionDetails', body);
    const transaction = transactions.get(stringField(body, 'transactionId'));
    if (transaction === undefined || transaction.merchant !== merchant) {
      throw new RequestError(1140, 'Transaction not found');
    }
    return jsonReply(200, {
      transactionDetails: {
        transactionId: transaction.transactionId,
        transactionStatus: transaction.transactionStatus,
        transactionType: transaction.transactionType,
        authCode: transaction.authCode,
        clientUniqueId: transaction.clientUniqueId,
        date: transaction.date,
      },
      ...envelope(body),
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
    });
  };

  const operations: Readonly<Record<string, (body: Body) => GatewayReply>> = {
    [`${NUVEI_API_PREFIX}/getSessionToken.do`]: getSessionToken,
    [`${NUVEI_API_PREFIX}/payment.do`]: payment,
    [`${NUVEI_API_PREFIX}/getTransactionDetails.do`]: getTransactionDetails,
  };

  const handle = (request: RecordedRequest): GatewayReply => {
    if (request.method === 'GET' && request.path.startsWith(REDIRECT_PREFIX)) {
      return htmlReply(200, 'Emulated 3-D Secure challenge');
    }
    const operation = Object.hasOwn(operations, request.path)
      ? operations[request.path]
      : undefined;
    if (operation === undefined) return htmlReply(404, '404 Not Found');
    if (request.method !== 'POST') return htmlReply(405, '405 Method Not Allowed');
    let body: Body = {};
    try {
      body = parseBody(request.body);
      return operation(body);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      return jsonReply(200, {
        ...(request.path.endsWith('/getSessionToken.do') ? { sessionToken: '' } : {}),
        ...envelope(body),
        status: 'ERROR',
        errCode: error.errCode,
        reason: error.reason,
        ...(typeof body['clientRequestId'] === 'string'
          ? { clientRequestId: body['clientRequestId'] }
          : {}),
      });
    }
  };

  const gateway = await startLoopbackGateway(handle, {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.lifetimeMs === undefined ? {} : { lifetimeMs: options.lifetimeMs }),
    ...(options.keepProcessAlive === undefined
      ? {}
      : { keepProcessAlive: options.keepProcessAlive }),
  });
  origin = gateway.baseUrl;

  return {
    ...gateway,
    paymentBaseUrl: `${gateway.baseUrl}${NUVEI_API_PREFIX}`,
    credentials,
    expireSessionTokens: () => {
      for (const session of sessions.values()) session.expiresAt = -Infinity;
    },
  };
}

function outcomeOf(cardNumber: string): Transaction['transactionStatus'] {
  switch (cardNumber) {
    case NUVEI_TEST_CARDS.declined:
      return 'DECLINED';
    case NUVEI_TEST_CARDS.error:
      return 'ERROR';
    case NUVEI_TEST_CARDS.redirect:
      return 'REDIRECT';
    case NUVEI_TEST_CARDS.pending:
      return 'PENDING';
    default:
      return 'APPROVED';
  }
}

function gatewayError(status: Transaction['transactionStatus']) {
  if (status === 'DECLINED')
    return { gwErrorCode: -1, gwErrorReason: 'Decline', gwExtendedErrorCode: 0 };
  if (status === 'ERROR') {
    return { gwErrorCode: -1100, gwErrorReason: 'Filter Error', gwExtendedErrorCode: 1100 };
  }
  return { gwErrorCode: 0, gwExtendedErrorCode: 0 };
}
