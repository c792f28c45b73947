/** @module What the generic emulator is built from: the answers it needs, its credentials and options. */

import {
  Secret,
  type AmountType,
  type ConnectorAuthType,
  type ContentType,
  type TokenPlacement,
} from '../../runtime/index.js';
import type { EmulatorLoopbackOptions } from '../emulator-kit.js';
import { routeTemplates, type GenericFlow } from './routes.js';

/** What the emulator needs of a connector's answers (a subset of them, by structure). */
export interface GenericGatewaySpec {
  readonly sessionTokenEndpoint: string;
  readonly authorizeEndpoint: string;
  readonly contentType: ContentType;
  readonly authType: 'HeaderKey' | 'BodyKey' | 'SignatureKey';
  readonly tokenPlacement: TokenPlacement;
  readonly tokenName: string;
  readonly amountType: AmountType;
  /**
   * The flows after Authorize it serves, as the `flows` answer chooses them (default: all five);
   * requests to another flow's endpoint get 404.
   */
  readonly flows?: readonly GenericFlow[];
  /**
   * The endpoints of the flows after Authorize (DESIGN §3), each optional with its default from
   * {@link GENERIC_FLOW_ENDPOINT_DEFAULTS}: answers written before these flows existed still work.
   */
  readonly syncEndpoint?: string;
  readonly captureEndpoint?: string;
  readonly voidEndpoint?: string;
  readonly refundEndpoint?: string;
  readonly refundSyncEndpoint?: string;
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

export interface GenericEmulatorOptions extends EmulatorLoopbackOptions {
  /** How long a session token stays valid (default 15 minutes). */
  readonly tokenLifetimeMs?: number;
  /** The emulator's clock in ms (default `Date.now`); timestamps are checked against it. */
  readonly now?: () => number;
  /** Makes each session token (default: random); a counter makes a recording repeatable. */
  readonly issueToken?: () => string;
}

/** Credentials the emulator accepts unless the spec names others. */
export const GENERIC_SANDBOX_CREDENTIALS = {
  apiKey: 'sandbox_api_key_4f7d2c',
  key1: 'sandbox_merchant_key_9a31e8',
  apiSecret: 'sandbox_api_secret_c58b07',
} as const satisfies Required<GenericCredentials>;

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

/** Checks a spec and returns its credentials with every member set ('' where the auth type has none). */
export function checkSpec(spec: GenericGatewaySpec): Required<GenericCredentials> {
  // every endpoint parses, and no two of them serve the same paths
  routeTemplates(spec);
  if (spec.tokenName === '') throw new TypeError('tokenName must not be empty');
  const credentials = spec.credentials ?? GENERIC_SANDBOX_CREDENTIALS;
  // validates that the auth type has the credentials it needs
  genericSandboxAuth(spec.authType, credentials);
  return { key1: '', apiSecret: '', ...credentials };
}
