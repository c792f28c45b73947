/** @module Nuvei's credentials: SignatureKey read as merchant id, site id and secret. */

import { expectAuth, type ConnectorAuthType, type Secret } from '../../runtime/index.js';

/** SignatureKey as Nuvei reads it: api_key → merchantId, key1 → merchantSiteId, api_secret → merchantSecret. */
export interface NuveiAuth {
  readonly merchantId: Secret;
  readonly merchantSiteId: Secret;
  /** Never sent: only the checksum's suffix. */
  readonly merchantSecret: Secret;
}

export function nuveiAuth(auth: ConnectorAuthType): NuveiAuth {
  const key = expectAuth(auth, ['SignatureKey'], 'nuvei');
  return { merchantId: key.apiKey, merchantSiteId: key.key1, merchantSecret: key.apiSecret };
}
