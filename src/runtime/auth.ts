/** @module Connector credentials: UCS's `ConnectorAuthType` as a discriminated union of secrets. */

import { IntegrationError } from './errors.js';
import { Secret } from './secret.js';

export interface HeaderKey {
  readonly type: 'HeaderKey';
  readonly apiKey: Secret;
}

export interface BodyKey {
  readonly type: 'BodyKey';
  readonly apiKey: Secret;
  readonly key1: Secret;
}

export interface SignatureKey {
  readonly type: 'SignatureKey';
  readonly apiKey: Secret;
  readonly key1: Secret;
  readonly apiSecret: Secret;
}

export interface MultiAuthKey {
  readonly type: 'MultiAuthKey';
  readonly apiKey: Secret;
  readonly key1: Secret;
  readonly apiSecret: Secret;
  readonly key2: Secret;
}

export type ConnectorAuthType = HeaderKey | BodyKey | SignatureKey | MultiAuthKey;
export type AuthTypeName = ConnectorAuthType['type'];

export const AUTH_TYPE_NAMES = [
  'HeaderKey',
  'BodyKey',
  'SignatureKey',
  'MultiAuthKey',
] as const satisfies readonly AuthTypeName[];

/** The members each auth type needs, in the order they are documented. */
const AUTH_FIELDS = {
  HeaderKey: ['apiKey'],
  BodyKey: ['apiKey', 'key1'],
  SignatureKey: ['apiKey', 'key1', 'apiSecret'],
  MultiAuthKey: ['apiKey', 'key1', 'apiSecret', 'key2'],
} as const satisfies { readonly [T in AuthTypeName]: readonly string[] };

function authError(message: string, connector?: string): IntegrationError {
  return new IntegrationError(
    'FAILED_TO_OBTAIN_AUTH_TYPE',
    message,
    connector === undefined ? {} : { connector },
  );
}

/**
 * Narrows credentials to the types a connector accepts, or fails with FAILED_TO_OBTAIN_AUTH_TYPE
 * naming what was expected and what came.
 */
export function expectAuth<const T extends AuthTypeName>(
  auth: ConnectorAuthType,
  accepted: readonly T[],
  connector?: string,
): Extract<ConnectorAuthType, { type: T }> {
  if ((accepted as readonly AuthTypeName[]).includes(auth.type)) {
    return auth as Extract<ConnectorAuthType, { type: T }>;
  }
  const who = connector === undefined ? 'this connector' : connector;
  throw authError(`${who} needs ${accepted.join(' or ')} credentials, got ${auth.type}`, connector);
}

/**
 * Reads credentials from plain JSON (`{"type":"SignatureKey","apiKey":…,"key1":…,"apiSecret":…}`),
 * wrapping every key in a Secret. Errors name the member, never its value.
 */
export function parseAuth(input: unknown, connector?: string): ConnectorAuthType {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw authError('credentials must be a JSON object with a "type"', connector);
  }
  const record = input as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !Object.hasOwn(AUTH_FIELDS, type)) {
    throw authError(
      `credentials "type" must be one of ${AUTH_TYPE_NAMES.join(', ')}, got ${JSON.stringify(type)}`,
      connector,
    );
  }
  const fields: readonly string[] = AUTH_FIELDS[type as AuthTypeName];
  const unknownKeys = Object.keys(record).filter((key) => key !== 'type' && !fields.includes(key));
  if (unknownKeys.length > 0) {
    throw authError(`${type} credentials have no member ${unknownKeys.join(', ')}`, connector);
  }
  const secrets: Record<string, Secret> = {};
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw authError(`${type} credentials need "${field}" as a non-empty string`, connector);
    }
    secrets[field] = new Secret(value);
  }
  return { type, ...secrets } as ConnectorAuthType;
}

/** Every raw secret in a set of credentials: what must never show up in logs or errors. */
export function authSecrets(auth: ConnectorAuthType): string[] {
  return AUTH_FIELDS[auth.type].map((field) =>
    (auth as unknown as Record<string, Secret>)[field]!.expose(),
  );
}
