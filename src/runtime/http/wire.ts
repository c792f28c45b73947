/** @module Request bodies on the wire (secrets exposed) and in events (secrets masked). */

import { IntegrationError } from '../errors.js';
import { MASK, isSecret } from '../secret.js';
import type { ContentType } from '../connector.js';

/** Compact JSON in key order, with Secrets exposed: the exact bytes a gateway receives. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    // JSON.stringify has already called Secret.toJSON (the mask); read the original instead.
    const original = this[key];
    return isSecret(original) ? original.expose() : replaced;
  });
}

/** The same JSON with every Secret masked: what events and logs may show. */
export function toMaskedJson(value: unknown): string {
  return JSON.stringify(value) ?? '';
}

/**
 * `application/x-www-form-urlencoded` with nested keys flattened as `a[b]` and `a[0]`.
 * Nulls and undefined are left out; numbers use their shortest decimal form.
 */
export function toFormBody(value: unknown, mask = false): string {
  const params = new URLSearchParams();
  const visit = (prefix: string, node: unknown): void => {
    if (node === undefined || node === null) return;
    if (isSecret(node)) {
      params.append(prefix, mask ? MASK : String(node.expose()));
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(`${prefix}[${index}]`, item));
    } else if (typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        visit(prefix === '' ? key : `${prefix}[${key}]`, child);
      }
    } else if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      params.append(prefix, String(node));
    } else {
      throw IntegrationError.encoding(
        `cannot form-encode a ${typeof node} at ${prefix || 'the root'}`,
      );
    }
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw IntegrationError.encoding('a form body must be an object');
  }
  visit('', value);
  return params.toString();
}

export function encodeBody(value: unknown, contentType: ContentType): string {
  if (contentType === 'application/json') {
    if (typeof value === 'string') return value;
    const json = toWireJson(value);
    if (json === undefined) throw IntegrationError.encoding('the request body is not serializable');
    return json;
  }
  return typeof value === 'string' ? value : toFormBody(value);
}

export function encodeMaskedBody(value: unknown, contentType: ContentType): string {
  if (typeof value === 'string') return value;
  return contentType === 'application/json' ? toMaskedJson(value) : toFormBody(value, true);
}
