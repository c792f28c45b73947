/**
 * @module Secrets out of a recording. Every raw secret of the call (the credentials, and every
 * Secret in its input: card number, CVC, expiry, VPA) is named (`auth.apiKey`,
 * `payment.paymentMethod.number`) and masked wherever it appears: in a request it becomes a
 * `secret` rule (with the literal text around it as prefix and suffix), in an answer, where a
 * gateway echoes it, the text `*** masked ***`. Values shorter than three characters (an expiry
 * month) are masked where a whole member equals them, not inside longer text, where they would
 * match by chance (the runtime's scrubber draws the same line).
 */

import { MASK, isSecret, type ConnectorAuthType } from '../../runtime/index.js';
import type { CassetteRule } from './rules.js';

export interface NamedSecret {
  readonly name: string;
  readonly value: string;
}

const MIN_SUBSTRING_SECRET = 3;

function collect(node: unknown, path: string, into: NamedSecret[], depth: number): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (isSecret(node)) {
    const raw = node.expose();
    if ((typeof raw === 'string' || typeof raw === 'number') && String(raw) !== '') {
      into.push({ name: path, value: String(raw) });
    }
    return;
  }
  for (const [key, child] of Object.entries(node))
    collect(child, `${path}.${key}`, into, depth + 1);
}

/** The call's secrets by name, longest value first (so a longer one is masked before its parts). */
export function namedSecrets(
  auth: ConnectorAuthType,
  input: unknown,
  inputName: string,
): NamedSecret[] {
  const found: NamedSecret[] = [];
  collect(auth, 'auth', found, 0);
  collect(input, inputName, found, 0);
  const unique = new Map<string, NamedSecret>();
  for (const secret of found) if (!unique.has(secret.value)) unique.set(secret.value, secret);
  return [...unique.values()].sort((a, b) => b.value.length - a.value.length);
}

/** Every secret long enough to be recognised inside text, replaced by the mask. */
export function maskText(text: string, secrets: readonly NamedSecret[]): string {
  let result = text;
  for (const { value } of secrets) {
    if (value.length < MIN_SUBSTRING_SECRET) continue;
    for (const form of new Set([
      value,
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
    ])) {
      result = result.split(form).join(MASK);
    }
  }
  return result;
}

/** A request member that holds a secret, as the rule that names it; undefined when it holds none. */
export function secretRule(
  value: string,
  secrets: readonly NamedSecret[],
): CassetteRule | undefined {
  for (const { name, value: secret } of secrets) {
    if (value === secret) return { $match: 'secret', name };
    if (secret.length < MIN_SUBSTRING_SECRET) continue;
    const at = value.indexOf(secret);
    if (at < 0) continue;
    const prefix = maskText(value.slice(0, at), secrets);
    const suffix = maskText(value.slice(at + secret.length), secrets);
    return {
      $match: 'secret',
      name,
      ...(prefix === '' ? {} : { prefix }),
      ...(suffix === '' ? {} : { suffix }),
    };
  }
  return undefined;
}

/** An answer's member with every secret masked (a whole member equal to a short one too). */
export function maskAnswerValue(value: unknown, secrets: readonly NamedSecret[]): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    if (secrets.some((secret) => secret.value === String(value))) return MASK;
    return typeof value === 'string' ? maskText(value, secrets) : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskAnswerValue(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, maskAnswerValue(child, secrets)]),
    );
  }
  return value;
}

/** A call's input for the cassette: its Secrets as the `secret` rules that name them. */
export function describeInput(input: unknown, path: string): unknown {
  if (isSecret(input)) return { $match: 'secret', name: path };
  if (Array.isArray(input))
    return input.map((item, index) => describeInput(item, `${path}.${index}`));
  if (typeof input === 'object' && input !== null) {
    return Object.fromEntries(
      Object.entries(input)
        .filter(([, child]) => child !== undefined)
        .map(([key, child]) => [key, describeInput(child, `${path}.${key}`)]),
    );
  }
  return input;
}
