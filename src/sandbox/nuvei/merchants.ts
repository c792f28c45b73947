/** @module The merchants the Nuvei emulator knows: their shape and the sandbox's own. */

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
