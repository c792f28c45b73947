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

import { serveEmulator, type EmulatorLoopbackOptions, type JsonObject } from '../emulator-kit.js';
import {
  jsonReply,
  type GatewayReply,
  type LoopbackGateway,
  type RecordedRequest,
} from '../loopback.js';
import { answered, htmlPage, REDIRECT_PREFIX } from './bodies.js';
import {
  getSessionToken,
  getTransactionDetails,
  payment,
  type NuveiOperation,
} from './handlers.js';
import { createLedger, type NuveiLedger } from './ledger.js';
import { NUVEI_SANDBOX_CREDENTIALS, type NuveiCredentials } from './merchants.js';
import { parseBody, RequestError } from './requests.js';

export { NUVEI_SANDBOX_CREDENTIALS, type NuveiCredentials } from './merchants.js';
export { NUVEI_TEST_AMOUNTS, NUVEI_TEST_CARDS } from './outcomes.js';

export const NUVEI_API_PREFIX = '/ppp/api/v1';

export interface NuveiEmulatorOptions extends EmulatorLoopbackOptions {
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

const OPERATIONS: Readonly<Record<string, NuveiOperation>> = {
  [`${NUVEI_API_PREFIX}/getSessionToken.do`]: getSessionToken,
  [`${NUVEI_API_PREFIX}/payment.do`]: payment,
  [`${NUVEI_API_PREFIX}/getTransactionDetails.do`]: getTransactionDetails,
};

/** Routes a request, and answers a RequestError in-band: HTTP 200 `status: "ERROR"`. */
function handle(ledger: NuveiLedger, request: RecordedRequest, baseUrl: string): GatewayReply {
  if (request.method === 'GET' && request.path.startsWith(REDIRECT_PREFIX)) {
    return htmlPage(200, 'Emulated 3-D Secure challenge');
  }
  const operation = Object.hasOwn(OPERATIONS, request.path) ? OPERATIONS[request.path] : undefined;
  if (operation === undefined) return htmlPage(404, '404 Not Found');
  if (request.method !== 'POST') return htmlPage(405, '405 Method Not Allowed');
  let body: JsonObject = {};
  try {
    body = parseBody(request.body);
    return operation(ledger, body, baseUrl);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return jsonReply(200, {
      ...(request.path.endsWith('/getSessionToken.do') ? { sessionToken: '' } : {}),
      ...answered(ledger, body, 'ERROR', error.errCode, error.reason),
      ...(typeof body['clientRequestId'] === 'string'
        ? { clientRequestId: body['clientRequestId'] }
        : {}),
    });
  }
}

export async function startNuveiEmulator(
  options: NuveiEmulatorOptions = {},
): Promise<NuveiEmulator> {
  const credentials = options.credentials ?? [NUVEI_SANDBOX_CREDENTIALS];
  const ledger = createLedger(credentials, options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS);
  const gateway = await serveEmulator(
    (request, baseUrl) => handle(ledger, request, baseUrl),
    options,
  );

  return {
    ...gateway,
    paymentBaseUrl: `${gateway.baseUrl}${NUVEI_API_PREFIX}`,
    credentials,
    expireSessionTokens: () => {
      for (const session of ledger.sessions.values()) session.expiresAt = -Infinity;
    },
  };
}
