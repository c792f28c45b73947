/**
 * @module A loopback emulator of Paytm's UPI API: `theia/api/v1/initiateTransaction`,
 * `theia/api/v1/processTransaction` and `v3/order/status` (also under `//v3/order/status`, the
 * way UCS calls it). A Paytm connector's base URL is `connectorBaseUrl` (= `baseUrl + '/'`).
 * It verifies signatures with its own implementation of Paytm's checksum over the exact bytes
 * of the request's `body` member, binds each txnToken to its MID and orderId, and answers with
 * Paytm's body shapes (signed heads included). `reset()` also forgets every order and token.
 *
 * initiateTransaction, checked in this order (HTTP 200 unless said otherwise):
 *
 * | answer                                                | when                                                       |
 * |-------------------------------------------------------|------------------------------------------------------------|
 * | HTTP 400, F / 1001 "Request parameters are not valid" | not a JSON `{head, body}`; query `mid`/`orderId` missing, empty or not the body's; a field missing or mistyped; websiteName not the merchant's |
 * | F / 2005 "Checksum provided is invalid"               | unknown MID; a clientId that is not the merchant's; a signature that does not verify |
 * | F / 501 "System Error"                                | txnAmount.value "5.01"                                     |
 * | S / 0002 "Success Idempotent" + the same txnToken     | the orderId was initiated before and its token is unused   |
 * | S / 0000 "Success" + a new txnToken                   | otherwise (once its token was used, an orderId may start a new attempt) |
 *
 * processTransaction (HTTP 400 F / 1001 when not a JSON `{head, body}`, else HTTP 200):
 *
 * | answer                                   | when                                                                 |
 * |------------------------------------------|----------------------------------------------------------------------|
 * | F / 1007 "Missing mandatory element"     | no head.txnToken                                                     |
 * | F / 1006 "Your Session has expired."     | unknown or superseded txnToken; body.txnToken differs from head's    |
 * | F / 309 "Invalid Order ID"               | the token belongs to another MID or orderId than the query's or body's |
 * | F / 1001 "Request parameters are not valid" | paymentMode is neither UPI (with a payerAccount) nor UPI_INTENT   |
 * | then the outcome, by VPA (collect) first, then by the order's amount (any UPI shape):  |
 * | F / 0001 "Transaction failed"            | VPA `fail@paytm`, amount "2.01" (→ Failure)                           |
 * | F / 931 "Incorrect Passcode"             | VPA `authfail@paytm`, amount "2.02" (→ AuthenticationFailed)          |
 * | F / RC-00018 "Payment failed as merchant has crossed his daily/monthly/weekly acceptance limit" | VPA `limit@paytm`, amount "2.03" (→ AuthorizationFailed) |
 * | U / 402 "Looks like the payment is not complete. ..." | VPA `pending@paytm`, amount "2.04" (→ Pending)           |
 * | S / 0000 "Success"                       | anything else, e.g. `success@paytm`: collect gets a `bankForm` (poll page), intent and QR a `deepLinkInfo` with a `upi://` link |
 *
 * v3/order/status (signed like initiateTransaction):
 *
 * | answer                                   | when                                                    |
 * |------------------------------------------|---------------------------------------------------------|
 * | F / 2005 "Checksum provided is invalid"  | unknown MID or a signature that does not verify         |
 * | TXN_FAILURE / 334 "Invalid Order Id."    | unknown orderId (resultInfo only)                       |
 * | PENDING / 400 "Transaction status not confirmed yet" | initiated, never processed (resultInfo only) |
 * | TXN_SUCCESS / 01 "Txn Success"           | processed with S / 0000 (sandbox payers approve at once) |
 * | PENDING / 402                            | processed with a pending outcome                        |
 * | TXN_FAILURE / 227 "Your payment has been declined by your bank." | processed with a failure      |
 */

import { serveEmulator, type EmulatorLoopbackOptions } from '../emulator-kit.js';
import type { LoopbackGateway } from '../loopback.js';
import {
  initiateTransaction,
  orderStatus,
  processTransaction,
  type PaytmHandler,
} from './handlers.js';
import { PAYTM_SANDBOX_CREDENTIALS, type PaytmMerchant } from './merchants.js';
import { createLedger } from './orders.js';
import { pathOf } from './requests.js';

export { PAYTM_SANDBOX_CREDENTIALS, type PaytmMerchant } from './merchants.js';
export { PAYTM_TEST_AMOUNTS, PAYTM_TEST_VPAS } from './outcomes.js';
export { rawMemberText } from './requests.js';
export { verifyPaytmSignature } from './signature.js';

export interface PaytmEmulatorOptions extends EmulatorLoopbackOptions {
  /** Merchants the emulator knows (default: PAYTM_SANDBOX_CREDENTIALS). */
  readonly merchants?: readonly PaytmMerchant[];
}

export interface PaytmEmulator extends LoopbackGateway {
  /** The base URL a Paytm connector calls: `baseUrl + '/'`. */
  readonly connectorBaseUrl: string;
  readonly merchants: readonly PaytmMerchant[];
}

const ROUTES: ReadonlyMap<string, PaytmHandler> = new Map([
  ['/theia/api/v1/initiateTransaction', initiateTransaction],
  ['/theia/api/v1/processTransaction', processTransaction],
  ['/v3/order/status', orderStatus],
  ['//v3/order/status', orderStatus],
]);

export async function startPaytmEmulator(
  options: PaytmEmulatorOptions = {},
): Promise<PaytmEmulator> {
  const merchants = options.merchants ?? [PAYTM_SANDBOX_CREDENTIALS];
  const ledger = createLedger(merchants);
  const gateway = await serveEmulator((request, baseUrl) => {
    const route = request.method === 'POST' ? ROUTES.get(pathOf(request)) : undefined;
    return route === undefined
      ? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }
      : route(ledger, request, baseUrl);
  }, options);

  return {
    ...gateway,
    connectorBaseUrl: `${gateway.baseUrl}/`,
    merchants,
    reset: () => {
      gateway.reset();
      ledger.orders.clear();
      ledger.tokens.clear();
    },
  };
}
