/**
 * The runtime section's baseline: a hand-written minimal client per connector that does exactly
 * the wire work the connector does — build the session request (timestamp, checksum or AES
 * signature), send it with undici.request, parse the answer, take the token, build and sign the
 * authorize request with it, send, parse — and nothing of our runtime: no zod, no RouterData, no
 * events, no deadline, no error mapping. Only node:crypto and undici.
 *
 * runtime.ts checks once, before measuring, that these send the same requests as the connectors
 * (same URLs, headers and bodies, up to timestamps, checksums and signatures).
 */

import { createCipheriv, createHash, randomBytes } from 'node:crypto';

import { request, type Dispatcher } from 'undici';

/** One payment with plain strings: what a hand-written client would be configured with. */
export type RawPayment = (origin: string, dispatcher: Dispatcher) => Promise<void>;

async function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  dispatcher: Dispatcher,
): Promise<unknown> {
  const response = await request(url, { method: 'POST', headers, body, dispatcher });
  return JSON.parse(await response.body.text()) as unknown;
}

// ---- Nuvei ------------------------------------------------------------------------------------

export interface NuveiRawConfig {
  readonly merchantId: string;
  readonly merchantSiteId: string;
  readonly merchantSecret: string;
  readonly clientRequestId: string;
  /** Major units as Nuvei wants them, e.g. "10.00". */
  readonly amount: string;
  readonly currency: string;
  readonly card: {
    readonly cardNumber: string;
    readonly cardHolderName: string;
    readonly expirationMonth: string;
    readonly expirationYear: string;
    readonly CVV: string;
  };
  readonly ipAddress: string;
  readonly billingAddress: Readonly<Record<string, string>>;
  readonly returnUrl: string;
}

const NUVEI_HEADERS = { 'content-type': 'application/json', via: 'HyperSwitch' };

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** UTC `YYYYMMDDHHmmss`. */
function nuveiTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export function nuveiRawPayment(config: NuveiRawConfig): RawPayment {
  const { merchantId, merchantSiteId, merchantSecret, clientRequestId } = config;
  return async (origin, dispatcher) => {
    const base = `${origin}/ppp/api/v1`;
    const sessionStamp = nuveiTimestamp(new Date());
    const session = (await postJson(
      `${base}/getSessionToken.do`,
      NUVEI_HEADERS,
      JSON.stringify({
        merchantId,
        merchantSiteId,
        clientRequestId,
        timeStamp: sessionStamp,
        checksum: sha256Hex(
          merchantId + merchantSiteId + clientRequestId + sessionStamp + merchantSecret,
        ),
      }),
      dispatcher,
    )) as { status?: string; sessionToken?: string };
    if (session.status !== 'SUCCESS' || typeof session.sessionToken !== 'string') {
      throw new Error('nuvei raw: no session token');
    }

    const stamp = nuveiTimestamp(new Date());
    const payment = (await postJson(
      `${base}/payment.do`,
      NUVEI_HEADERS,
      JSON.stringify({
        sessionToken: session.sessionToken,
        merchantId,
        merchantSiteId,
        clientRequestId,
        amount: config.amount,
        currency: config.currency,
        clientUniqueId: clientRequestId,
        paymentOption: { card: config.card },
        transactionType: 'Sale',
        deviceDetails: { ipAddress: config.ipAddress },
        billingAddress: config.billingAddress,
        urlDetails: {
          successUrl: config.returnUrl,
          failureUrl: config.returnUrl,
          pendingUrl: config.returnUrl,
        },
        timeStamp: stamp,
        checksum: sha256Hex(
          merchantId +
            merchantSiteId +
            clientRequestId +
            config.amount +
            config.currency +
            stamp +
            merchantSecret,
        ),
      }),
      dispatcher,
    )) as { transactionStatus?: string };
    if (payment.transactionStatus !== 'APPROVED') throw new Error('nuvei raw: not approved');
  };
}

// ---- Paytm ------------------------------------------------------------------------------------

export interface PaytmRawConfig {
  readonly mid: string;
  /** The AES key of the signature (16 bytes here: AES-128). */
  readonly merchantKey: string;
  readonly website: string;
  readonly clientId: string;
  readonly orderId: string;
  /** Major units, e.g. "10.00". */
  readonly amount: string;
  readonly currency: string;
  readonly vpa: string;
}

const PAYTM_HEADERS = { via: 'HyperSwitch', 'content-type': 'application/json' };
const PAYTM_IV = Buffer.from('@@@@&&&&####$$$$', 'latin1');

/** base64(AES-CBC(sha256hex(payload|salt) + salt)), the salt 3 random bytes in base64. */
function paytmSignature(payload: string, merchantKey: Buffer): string {
  const salt = randomBytes(3).toString('base64');
  const algorithm = merchantKey.length === 16 ? 'aes-128-cbc' : 'aes-256-cbc';
  const cipher = createCipheriv(algorithm, merchantKey, PAYTM_IV);
  const plaintext = sha256Hex(`${payload}|${salt}`) + salt;
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export function paytmRawPayment(config: PaytmRawConfig): RawPayment {
  const { mid, orderId } = config;
  const key = Buffer.from(config.merchantKey, 'utf8');
  if (key.length !== 16 && key.length !== 32) throw new Error('paytm raw: a 16 or 32 byte key');
  return async (origin, dispatcher) => {
    const query = `?mid=${mid}&orderId=${orderId}`;
    const txnAmount = { value: config.amount, currency: config.currency };
    const body = JSON.stringify({
      requestType: 'Payment',
      mid,
      orderId,
      websiteName: config.website,
      txnAmount,
      userInfo: {
        custId: 'cus_default',
        mobile: null,
        email: null,
        firstName: null,
        lastName: null,
      },
      enablePaymentMode: [{ mode: 'UPI', channels: ['UPIPUSH', 'UPI'] }],
      callbackUrl: 'https://default-callback.com',
      shippingInfo: [{ trackingNo: orderId, chargeAmount: txnAmount }],
    });
    const head = JSON.stringify({
      clientId: config.clientId,
      version: 'v1',
      requestTimestamp: Math.floor(Date.now() / 1000).toString(),
      signature: paytmSignature(body, key),
    });
    const session = (await postJson(
      `${origin}/theia/api/v1/initiateTransaction${query}`,
      PAYTM_HEADERS,
      `{"head":${head},"body":${body}}`,
      dispatcher,
    )) as { body?: { txnToken?: string } };
    const txnToken = session.body?.txnToken;
    if (typeof txnToken !== 'string') throw new Error('paytm raw: no txnToken');

    const processed = (await postJson(
      `${origin}/theia/api/v1/processTransaction${query}`,
      PAYTM_HEADERS,
      JSON.stringify({
        head: { txnToken },
        body: {
          requestType: 'NATIVE',
          mid,
          orderId,
          paymentMode: 'UPI',
          payerAccount: config.vpa,
          channelCode: '',
          channelId: 'WEB',
          txnToken,
          authMode: null,
        },
      }),
      dispatcher,
    )) as { body?: { resultInfo?: { resultCode?: string } } };
    if (processed.body?.resultInfo?.resultCode !== '0000') {
      throw new Error('paytm raw: not authorized');
    }
  };
}
