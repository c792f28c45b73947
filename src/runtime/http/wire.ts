/** @module Request bodies on the wire (secrets exposed) and in events (secrets masked). */

import { IntegrationError } from '../errors.js';
import { MASK, isSecret } from '../secret.js';
import type { ContentType } from '../connector.js';

/** Compact JSON in key order, with Secrets exposed: the exact bytes a gateway receives. */
export function toWireJson(value: unknown): string {
  // Request trees are almost always plain data: copy it with the secrets exposed and let
  // JSON.stringify run without a replacer, which is faster than calling one for every key.
  const exposed = exposedCopy(value, 0);
  if (exposed !== NOT_PLAIN) return JSON.stringify(exposed);
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    // JSON.stringify has already called Secret.toJSON (the mask); read the original instead.
    const original = this[key];
    return isSecret(original) ? original.expose() : replaced;
  });
}

const NOT_PLAIN: unique symbol = Symbol('not plain data');
/** Deeper trees (or cycles) take the general path, which also reports cycles as it always did. */
const MAX_PLAIN_DEPTH = 64;

/**
 * `node` with every Secret replaced by its raw value, when the result is certain to serialize
 * exactly as the replacer path would: only primitives, Secrets of primitives, and plain objects
 * and arrays without `toJSON`. Anything else (class instances, Dates, functions, bigints, a
 * `__proto__` key, cycles) answers NOT_PLAIN and JSON.stringify's own rules apply.
 */
function exposedCopy(node: unknown, depth: number): unknown {
  switch (typeof node) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return node;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (node === null) return null;
  if (depth > MAX_PLAIN_DEPTH) return NOT_PLAIN;
  if (isSecret(node)) {
    const raw = node.expose();
    return raw === null || (typeof raw !== 'object' && typeof raw !== 'function')
      ? exposedCopy(raw, depth)
      : NOT_PLAIN;
  }
  if (typeof (node as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN;
  const prototype: unknown = Object.getPrototypeOf(node);
  if (Array.isArray(node)) {
    if (prototype !== Array.prototype) return NOT_PLAIN;
    const copy: unknown[] = new Array<unknown>(node.length);
    for (let index = 0; index < node.length; index += 1) {
      const item = exposedCopy(node[index], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      copy[index] = item;
    }
    return copy;
  }
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
  const record = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === '__proto__') return NOT_PLAIN;
    const child = exposedCopy(record[key], depth + 1);
    if (child === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = child;
  }
  return copy;
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
