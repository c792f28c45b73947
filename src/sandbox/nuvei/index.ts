/**
 * @module A loopback emulator of Nuvei's REST API (`getSessionToken.do`, `payment.do`,
 * `settleTransaction.do`, `voidTransaction.do`, `refundTransaction.do`,
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
 * | 1140    | Transaction not found    | getTransactionDetails.do, settle, void, refund: an        |
 * |         |                          | unknown transactionId / relatedTransactionId              |
 * | 1120    | Invalid amount: <why>    | settle/refund over what is left, a void not for the whole |
 * |         |                          | amount, zero, another currency than the payment's         |
 * | 1130    | Operation not allowed:   | settle or void of anything but an approved Auth, void     |
 * |         | <why>                    | after a settle or twice, refund of anything but an        |
 * |         |                          | approved Sale or Settle                                   |
 *
 * The ledger: each Auth remembers what was settled, each Sale and Settle what was refunded.
 * Settles may be partial and repeated up to the Auth's amount; a refund may be partial and
 * repeated up to its Sale's or Settle's amount; a void takes the whole Auth, before any settle.
 * Refund a settled Auth through its Settle's transactionId, as Nuvei (and the core) do.
 *
 * Forced answers of settle, void and refund, by the merchant reference (clientUniqueId) prefix,
 * after the checks above (so a forced answer never breaks the ledger's rules):
 *
 * | clientUniqueId starts with | answer                                                       |
 * |----------------------------|--------------------------------------------------------------|
 * | `decline`                  | DECLINED (gwErrorCode -1, "Decline"); no money moves         |
 * | `pending`                  | PENDING; no money moves                                      |
 * | `error`                    | transaction-level ERROR (gwErrorCode -1100); no money moves  |
 * | (amount 500 or 503 major)  | HTTP 500 / 503 HTML page, as for payment.do                  |
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
 * getTransactionDetails.do reports any transaction by its id: an Auth stays `Auth` (Authorized)
 * after a settle; a settle is `Settle`, a void `Void`, a refund `Credit`.
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
import { refundTransaction, settleTransaction, voidTransaction } from './transactions.js';
import { NUVEI_SANDBOX_CREDENTIALS, type NuveiCredentials } from './merchants.js';
import { parseBody, RequestError } from './requests.js';

export { NUVEI_SANDBOX_CREDENTIALS, type NuveiCredentials } from './merchants.js';
export { NUVEI_TEST_AMOUNTS, NUVEI_TEST_CARDS, NUVEI_TEST_REFERENCES } from './outcomes.js';

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
  [`${NUVEI_API_PREFIX}/settleTransaction.do`]: settleTransaction,
  [`${NUVEI_API_PREFIX}/voidTransaction.do`]: voidTransaction,
  [`${NUVEI_API_PREFIX}/refundTransaction.do`]: refundTransaction,
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
