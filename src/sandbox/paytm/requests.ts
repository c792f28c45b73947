/**
 * @module Reading what the Paytm emulator receives: the `{head, body}` envelope with the body's
 * exact text (what a signature covers), string fields, and the path as sent.
 */

import { isJsonObject, readJsonObject, type JsonObject } from '../emulator-kit.js';
import type { RecordedRequest } from '../loopback.js';

export interface Envelope {
  readonly head: JsonObject;
  readonly body: JsonObject;
  /** The body member exactly as sent. */
  readonly bodyText: string;
}

/**
 * The exact text of a top-level member's value in valid JSON (the last one, as JSON.parse keeps
 * it): what a Paytm signature covers, byte for byte, whitespace included.
 */
export function rawMemberText(json: string, name: string): string | undefined {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let key: string | undefined;
  let valueStart = -1;
  let found: string | undefined;
  const endMember = (end: number): void => {
    if (key === name && valueStart >= 0) found = json.slice(valueStart, end).trim();
    key = undefined;
    valueStart = -1;
  };
  for (let i = 0; i < json.length; i += 1) {
    const char = json[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') {
        inString = false;
        if (depth === 1 && valueStart < 0) {
          key = JSON.parse(json.slice(stringStart, i + 1)) as string;
        }
      }
      continue;
    }
    if (char === '"') {
      inString = true;
      stringStart = i;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      if (depth === 1) endMember(i);
      depth -= 1;
    } else if (depth === 1 && char === ':') {
      valueStart = i + 1;
    } else if (depth === 1 && char === ',') {
      endMember(i);
    }
  }
  return found;
}

/** The envelope, or undefined when the body is not a JSON `{head, body}` of objects. */
export function readEnvelope(raw: string): Envelope | undefined {
  const parsed = readJsonObject(raw);
  if (!parsed.ok) return undefined;
  const { head, body } = parsed.value;
  if (!isJsonObject(head) || !isJsonObject(body)) return undefined;
  const bodyText = rawMemberText(raw, 'body');
  return bodyText === undefined ? undefined : { head, body, bodyText };
}

export function text(record: JsonObject, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export function pathOf(request: RecordedRequest): string {
  // Not `request.path`: WHATWG URL parsing reads UCS's `//v3/order/status` as a host.
  return request.target.split('?', 1)[0] ?? '';
}
