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

import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

import {
  jsonReply,
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
  type LoopbackOptions,
  type RecordedRequest,
} from './loopback.js';

export interface PaytmMerchant {
  readonly mid: string;
  /** The AES key of the signature (16 bytes for real merchants). */
  readonly merchantKey: string;
  readonly website: string;
  /** When set, requests may name it in `head.clientId`. */
  readonly clientId?: string;
}

/**
 * What `create-connector sandbox paytm` accepts. As connector credentials: SignatureKey apiKey =
 * mid, key1 = merchantKey, apiSecret = website; MultiAuthKey adds key2 = clientId. Fictional.
 */
export const PAYTM_SANDBOX_CREDENTIALS: PaytmMerchant = Object.freeze({
  mid: 'SANDBOXMID0000000001',
  merchantKey: 'sandboxKey#16chr',
  website: 'WEBSTAGING',
  clientId: 'C11',
});

/** The VPAs of the outcome table. */
export const PAYTM_TEST_VPAS = Object.freeze({
  success: 'success@paytm',
  failure: 'fail@paytm',
  authenticationFailed: 'authfail@paytm',
  authorizationFailed: 'limit@paytm',
  pending: 'pending@paytm',
});

/** The amounts (txnAmount.value) of the outcome tables. */
export const PAYTM_TEST_AMOUNTS = Object.freeze({
  sessionSystemError: '5.01',
  failure: '2.01',
  authenticationFailed: '2.02',
  authorizationFailed: '2.03',
  pending: '2.04',
});

export interface PaytmEmulatorOptions extends Pick<
  LoopbackOptions,
  'port' | 'lifetimeMs' | 'keepProcessAlive'
> {
  /** Merchants the emulator knows (default: PAYTM_SANDBOX_CREDENTIALS). */
  readonly merchants?: readonly PaytmMerchant[];
}

export interface PaytmEmulator extends LoopbackGateway {
  /** The base URL a Paytm connector calls: `baseUrl + '/'`. */
  readonly connectorBaseUrl: string;
  readonly merchants: readonly PaytmMerchant[];
}

type Outcome = 'success' | 'failure' | 'authenticationFailed' | 'authorizationFailed' | 'pending';
type Json = Readonly<Record<string, unknown>>;

interface ResultInfo {
  readonly resultStatus: string;
  readonly resultCode: string;
  readonly resultMsg: string;
}

interface Order {
  readonly merchant: PaytmMerchant;
  readonly orderId: string;
  readonly amount: { readonly value: string; readonly currency: string };
  readonly txnToken: string;
  tokenUsed: boolean;
  processed?: { readonly outcome: Outcome; readonly transId: string; readonly at: Date };
}

const result = (resultStatus: string, resultCode: string, resultMsg: string): ResultInfo => ({
  resultStatus,
  resultCode,
  resultMsg,
});

const INVALID_PARAMETERS = result('F', '1001', 'Request parameters are not valid');
const INVALID_CHECKSUM = result('F', '2005', 'Checksum provided is invalid');
const PENDING_MESSAGE =
  'Looks like the payment is not complete. Please wait while we confirm the status with your bank.';

const PROCESS_RESULTS: Readonly<Record<Outcome, ResultInfo>> = {
  success: result('S', '0000', 'Success'),
  failure: result('F', '0001', 'Transaction failed'),
  authenticationFailed: result('F', '931', 'Incorrect Passcode'),
  authorizationFailed: result(
    'F',
    'RC-00018',
    'Payment failed as merchant has crossed his daily/monthly/weekly acceptance limit',
  ),
  pending: result('U', '402', PENDING_MESSAGE),
};

const OUTCOME_BY_VPA: ReadonlyMap<string, Outcome> = new Map(
  Object.entries(PAYTM_TEST_VPAS).map(([outcome, vpa]) => [vpa, outcome as Outcome]),
);
const OUTCOME_BY_AMOUNT: ReadonlyMap<string, Outcome> = new Map([
  [PAYTM_TEST_AMOUNTS.failure, 'failure'],
  [PAYTM_TEST_AMOUNTS.authenticationFailed, 'authenticationFailed'],
  [PAYTM_TEST_AMOUNTS.authorizationFailed, 'authorizationFailed'],
  [PAYTM_TEST_AMOUNTS.pending, 'pending'],
]);

// --- Paytm's checksum, implemented here on its own so the emulator checks the connector's ---

const IV = Buffer.from('@@@@&&&&####$$$$', 'latin1');

function aes(merchantKey: string): { algorithm: string; key: Buffer } {
  const bytes = Buffer.from(merchantKey, 'utf8');
  if (bytes.length === 16 || bytes.length === 24) {
    return { algorithm: `aes-${bytes.length * 8}-cbc`, key: bytes };
  }
  const key = Buffer.alloc(32);
  bytes.copy(key, 0, 0, Math.min(bytes.length, 32));
  return { algorithm: 'aes-256-cbc', key };
}

function checksumPlaintext(payload: string, salt: string): string {
  return createHash('sha256').update(`${payload}|${salt}`, 'utf8').digest('hex') + salt;
}

function signPayload(payload: string, merchantKey: string): string {
  const { algorithm, key } = aes(merchantKey);
  const cipher = createCipheriv(algorithm, key, IV);
  const plaintext = checksumPlaintext(payload, randomBytes(3).toString('base64'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** Decrypts, takes the last 4 characters as the salt, recomputes: paytmchecksum's `verifySignature`. */
export function verifyPaytmSignature(
  payload: string,
  merchantKey: string,
  signature: string,
): boolean {
  const { algorithm, key } = aes(merchantKey);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv(algorithm, key, IV);
    plaintext = Buffer.concat([decipher.update(signature, 'base64'), decipher.final()]);
  } catch {
    return false;
  }
  const salt = plaintext.subarray(Math.max(0, plaintext.length - 4)).toString('utf8');
  const expected = Buffer.from(checksumPlaintext(payload, salt), 'utf8');
  return expected.length === plaintext.length && timingSafeEqual(expected, plaintext);
}

/**
 * The exact text of a top-level member's value in valid JSON (the last one, as JSON.parse keeps
 * it): what a Paytm signature covers, byte for byte, whitespace included.
 */
export function rawMemberText(json: string, name: string): string | undefined {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let key: string | undefined;
  let valueStart = -1;
  let found: string | undefined;
  const endMember = (end: number): void => {
    if (key === name && valueStart >= 0) found = json.slice(valueStart, end).trim();
    key = undefined;
    valueStart = -1;
  };
  for (let i = 0; i < json.length; i += 1) {
    const char = json[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') {
        inString = false;
        if (depth === 1 && valueStart < 0) {
          key = JSON.parse(json.slice(stringStart, i + 1)) as string;
        }
      }
      continue;
    }
    if (char === '"') {
      inString = true;
      stringStart = i;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      if (depth === 1) endMember(i);
      depth -= 1;
    } else if (depth === 1 && char === ':') {
      valueStart = i + 1;
    } else if (depth === 1 && char === ',') {
      endMember(i);
    }
  }
  return found;
}

// --- request reading ---

interface Envelope {
  readonly head: Json;
  readonly body: Json;
  /** The body member exactly as sent. */
  readonly bodyText: string;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEnvelope(raw: string): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || !isObject(parsed['head']) || !isObject(parsed['body'])) {
    return undefined;
  }
  const bodyText = rawMemberText(raw, 'body');
  return bodyText === undefined
    ? undefined
    : { head: parsed['head'], body: parsed['body'], bodyText };
}

function text(record: Json, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

function pathOf(request: RecordedRequest): string {
  // Not `request.path`: WHATWG URL parsing reads UCS's `//v3/order/status` as a host.
  return request.target.split('?', 1)[0] ?? '';
}

// --- ids ---

const compactTime = (date: Date): string => date.toISOString().replace(/\D/g, '').slice(0, 14);
const statusTime = (date: Date): string => `${date.toISOString().slice(0, 19).replace('T', ' ')}.0`;
const randomDigits = (count: number): string =>
  Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
const newTxnToken = (): string => randomBytes(16).toString('hex') + String(Date.now());
const newCashierRequestId = (): string => randomBytes(8).toString('hex').slice(0, 11).toUpperCase();

export async function startPaytmEmulator(
  options: PaytmEmulatorOptions = {},
): Promise<PaytmEmulator> {
  const merchants = options.merchants ?? [PAYTM_SANDBOX_CREDENTIALS];
  const byMid = new Map(merchants.map((merchant) => [merchant.mid, merchant]));
  const orders = new Map<string, Order>();
  const tokens = new Map<string, Order>();
  let counter = 0;
  let origin = '';

  const orderKey = (mid: string, orderId: string): string => `${mid}\u0000${orderId}`;
  const now = (): string => String(Date.now());

  /** A head signed over the exact JSON text of `body`, as Paytm signs its answers. */
  const signedHead = (body: Json, merchant: PaytmMerchant, clientId: unknown): Json => ({
    responseTimestamp: now(),
    version: 'v1',
    ...(typeof clientId === 'string' ? { clientId } : {}),
    signature: signPayload(JSON.stringify(body), merchant.merchantKey),
  });

  const failureEnvelope = (status: number, resultInfo: ResultInfo): GatewayReply =>
    jsonReply(status, {
      head: { requestId: null, responseTimestamp: now(), version: 'v1' },
      body: { extraParamsMap: null, resultInfo },
    });

  const initiate = (request: RecordedRequest): GatewayReply => {
    const envelope = readEnvelope(request.body);
    if (envelope === undefined) return failureEnvelope(400, INVALID_PARAMETERS);
    const { head, body, bodyText } = envelope;
    const { mid, orderId } = request.query;
    const txnAmount = isObject(body['txnAmount']) ? body['txnAmount'] : {};
    const value = text(txnAmount, 'value');
    const currency = text(txnAmount, 'currency');
    const signature = text(head, 'signature');
    if (
      mid === undefined ||
      orderId === undefined ||
      orderId === '' ||
      body['mid'] !== mid ||
      body['orderId'] !== orderId ||
      body['requestType'] !== 'Payment' ||
      value === undefined ||
      currency === undefined ||
      signature === undefined
    ) {
      return failureEnvelope(400, INVALID_PARAMETERS);
    }
    const merchant = byMid.get(mid);
    if (merchant === undefined) return failureEnvelope(200, INVALID_CHECKSUM);
    if (body['websiteName'] !== merchant.website) return failureEnvelope(400, INVALID_PARAMETERS);

    const reply = (resultInfo: ResultInfo, extra: Json = { extraParamsMap: null }) => {
      const answer = { resultInfo, ...extra };
      return jsonReply(200, { head: signedHead(answer, merchant, head['clientId']), body: answer });
    };
    const clientId = head['clientId'];
    if (
      (clientId !== null && clientId !== undefined && clientId !== merchant.clientId) ||
      !verifyPaytmSignature(bodyText, merchant.merchantKey, signature)
    ) {
      return reply(INVALID_CHECKSUM);
    }
    if (value === PAYTM_TEST_AMOUNTS.sessionSystemError) {
      return failureEnvelope(200, result('F', '501', 'System Error'));
    }
    const tokenReply = (resultInfo: ResultInfo, txnToken: string) =>
      reply(resultInfo, { txnToken, isPromoCodeValid: false, authenticated: false });

    const previous = orders.get(orderKey(mid, orderId));
    if (previous !== undefined && !previous.tokenUsed) {
      return tokenReply(result('S', '0002', 'Success Idempotent'), previous.txnToken);
    }
    if (previous !== undefined) tokens.delete(previous.txnToken);
    const order: Order = {
      merchant,
      orderId,
      amount: { value, currency },
      txnToken: newTxnToken(),
      tokenUsed: false,
    };
    orders.set(orderKey(mid, orderId), order);
    tokens.set(order.txnToken, order);
    return tokenReply(result('S', '0000', 'Success'), order.txnToken);
  };

  const processReply = (resultInfo: ResultInfo, extra: Json = {}): GatewayReply =>
    jsonReply(200, {
      head: { responseTimestamp: now(), version: 'v1' },
      body: { resultInfo, ...extra },
    });

  const outcomeOf = (order: Order, vpa: string | undefined): Outcome =>
    (vpa === undefined ? undefined : OUTCOME_BY_VPA.get(vpa)) ??
    OUTCOME_BY_AMOUNT.get(order.amount.value) ??
    'success';

  const collectForm = (order: Order, vpa: string, channelId: unknown, transId: string) => {
    const { mid } = order.merchant;
    const statusUrl = `${origin}/theia/upi/transactionStatus`;
    return {
      pageType: 'redirect',
      isForm: true,
      redirectForm: {
        actionUrl: `${statusUrl}?MID=${mid}&ORDER_ID=${order.orderId}`,
        method: 'post',
        type: 'redirect',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        content: {
          MID: mid,
          ORDER_ID: order.orderId,
          TXN_AMOUNT: order.amount.value,
          cashierRequestId: newCashierRequestId(),
          UPI_ID: vpa,
          channelId: typeof channelId === 'string' ? channelId : 'WEB',
          transId,
          upiStatusUrl: statusUrl,
          paymentMode: 'UPI',
          merchantVpa: 'paytmqr@paytm',
          STATUS_INTERVAL: '5000',
          STATUS_TIMEOUT: '300000',
        },
      },
    };
  };

  const deepLinkInfo = (order: Order, note: string | undefined, transId: string) => {
    const query = [
      'pa=paytmqr@paytm',
      'pn=Paytm%20Sandbox',
      'mc=5641',
      `tr=${transId}`,
      `tn=${encodeURIComponent(note ?? 'Payment')}`,
      `am=${order.amount.value}`,
      `cu=${order.amount.currency}`,
    ];
    return {
      deepLink: `upi://pay?${query.join('&')}`,
      orderId: order.orderId,
      cashierRequestId: newCashierRequestId(),
      transId,
    };
  };

  const processTransaction = (request: RecordedRequest): GatewayReply => {
    const envelope = readEnvelope(request.body);
    if (envelope === undefined) return failureEnvelope(400, INVALID_PARAMETERS);
    const { head, body } = envelope;
    const txnToken = text(head, 'txnToken');
    if (txnToken === undefined)
      return processReply(result('F', '1007', 'Missing mandatory element'));
    const order = tokens.get(txnToken);
    if (order === undefined || ('txnToken' in body && body['txnToken'] !== txnToken)) {
      return processReply(result('F', '1006', 'Your Session has expired.'));
    }
    const { mid, orderId } = request.query;
    if (
      mid !== order.merchant.mid ||
      body['mid'] !== mid ||
      orderId !== order.orderId ||
      body['orderId'] !== orderId
    ) {
      return processReply(result('F', '309', 'Invalid Order ID'));
    }
    const mode = body['paymentMode'];
    const vpa = text(body, 'payerAccount');
    if (!(mode === 'UPI_INTENT' || (mode === 'UPI' && vpa !== undefined))) {
      return processReply(INVALID_PARAMETERS);
    }
    order.tokenUsed = true;
    counter += 1;
    const at = new Date();
    const transId = `${compactTime(at)}8001101680${String(counter).padStart(8, '0')}`;
    const outcome = outcomeOf(order, mode === 'UPI' ? vpa : undefined);
    order.processed = { outcome, transId, at };
    if (outcome !== 'success') return processReply(PROCESS_RESULTS[outcome]);
    return mode === 'UPI'
      ? processReply(PROCESS_RESULTS.success, {
          bankForm: collectForm(order, vpa ?? '', body['channelId'], transId),
        })
      : processReply(PROCESS_RESULTS.success, {
          deepLinkInfo: deepLinkInfo(order, text(body, 'txnNote'), transId),
        });
  };

  const orderStatus = (request: RecordedRequest): GatewayReply => {
    const envelope = readEnvelope(request.body);
    if (envelope === undefined) return failureEnvelope(400, INVALID_PARAMETERS);
    const { head, body, bodyText } = envelope;
    const mid = text(body, 'mid');
    const merchant = mid === undefined ? undefined : byMid.get(mid);
    const signature = text(head, 'signature');
    if (
      merchant === undefined ||
      signature === undefined ||
      !verifyPaytmSignature(bodyText, merchant.merchantKey, signature)
    ) {
      return failureEnvelope(200, INVALID_CHECKSUM);
    }
    const reply = (answer: Json): GatewayReply =>
      jsonReply(200, { head: signedHead(answer, merchant, undefined), body: answer });
    const order = orders.get(orderKey(merchant.mid, text(body, 'orderId') ?? ''));
    if (order === undefined) {
      return reply({ resultInfo: result('TXN_FAILURE', '334', 'Invalid Order Id.') });
    }
    const { processed } = order;
    if (processed === undefined) {
      return reply({
        resultInfo: result('PENDING', '400', 'Transaction status not confirmed yet'),
      });
    }
    const resultInfo =
      processed.outcome === 'success'
        ? result('TXN_SUCCESS', '01', 'Txn Success')
        : processed.outcome === 'pending'
          ? result('PENDING', '402', PENDING_MESSAGE)
          : result('TXN_FAILURE', '227', 'Your payment has been declined by your bank.');
    return reply({
      resultInfo,
      txnId: processed.transId,
      bankTxnId: processed.outcome === 'success' ? randomDigits(15) : '',
      orderId: order.orderId,
      txnAmount: order.amount.value,
      txnType: 'SALE',
      gatewayName: 'PPBLC',
      bankName: 'Paytm Payments Bank',
      mid: merchant.mid,
      paymentMode: 'UPI',
      refundAmt: '0.00',
      txnDate: statusTime(processed.at),
    });
  };

  const routes = new Map<string, (request: RecordedRequest) => GatewayReply>([
    ['/theia/api/v1/initiateTransaction', initiate],
    ['/theia/api/v1/processTransaction', processTransaction],
    ['/v3/order/status', orderStatus],
    ['//v3/order/status', orderStatus],
  ]);

  const gateway = await startLoopbackGateway(
    (request) => {
      const route = request.method === 'POST' ? routes.get(pathOf(request)) : undefined;
      return route === undefined
        ? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' }
        : route(request);
    },
    {
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.lifetimeMs === undefined ? {} : { lifetimeMs: options.lifetimeMs }),
      ...(options.keepProcessAlive === undefined
        ? {}
        : { keepProcessAlive: options.keepProcessAlive }),
    },
  );
  origin = gateway.baseUrl;

  return {
    ...gateway,
    connectorBaseUrl: `${gateway.baseUrl}/`,
    merchants,
    reset: () => {
      gateway.reset();
      orders.clear();
      tokens.clear();
    },
  };
}
