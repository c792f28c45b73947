/** @module One masked record per HTTP exchange, for logs and the CLI's `exchanges`. */

import { authSecrets, type ConnectorAuthType } from './auth.js';
import type { HttpMethod } from './connector.js';
import type { RuntimeErrorCode, RuntimeErrorKind } from './errors.js';
import type { FlowName } from './flows.js';
import { MASK, isSecret } from './secret.js';

export interface ConnectorEvent {
  readonly connector: string;
  readonly flow: FlowName;
  readonly method: HttpMethod;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  /** Absent when no answer came (network error). */
  readonly status?: number;
  readonly responseBody?: string;
  readonly latencyMs: number;
  readonly error?: { readonly kind: RuntimeErrorKind; readonly code: RuntimeErrorCode };
}

export type EventListener = (event: ConnectorEvent) => void;

/** Shorter values are too likely to occur by chance to be worth replacing. */
const MIN_SCRUB_LENGTH = 3;
const MAX_LOGGED_BODY = 8_192;

function collectSecrets(node: unknown, into: Set<string>, depth = 0): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (isSecret(node)) {
    const raw = node.expose();
    if (typeof raw === 'string' || typeof raw === 'number') into.add(String(raw));
    return;
  }
  for (const child of Object.values(node)) collectSecrets(child, into, depth + 1);
}

/**
 * Replaces every raw secret of a call (credentials, and Secrets in the request such as card
 * data) wherever it appears in text: second line of defence behind structural masking.
 */
export function createScrubber(
  auth: ConnectorAuthType,
  request: unknown,
): (text: string) => string {
  const secrets = new Set(authSecrets(auth));
  collectSecrets(request, secrets);
  const values = [...secrets]
    .filter((value) => value.length >= MIN_SCRUB_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let result = text;
    for (const value of values) result = result.split(value).join(MASK);
    return result;
  };
}

export function truncateForLog(text: string): string {
  return text.length <= MAX_LOGGED_BODY
    ? text
    : `${text.slice(0, MAX_LOGGED_BODY)}… (${text.length - MAX_LOGGED_BODY} more characters)`;
}
