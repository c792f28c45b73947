/** @module The merchants the Paytm emulator knows: their shape and the sandbox's own. */

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
