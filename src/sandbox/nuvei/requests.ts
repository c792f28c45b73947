/**
 * @module Reading what the Nuvei emulator receives: the body as a JSON object and its fields. A
 * missing or mistyped field throws a {@link RequestError}, answered in-band by the handler.
 */

import { isJsonObject, readJsonObject, type JsonObject } from '../emulator-kit.js';

/** A request-level failure, answered as HTTP 200 `status: "ERROR"`. */
export class RequestError extends Error {
  constructor(
    readonly errCode: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function parseBody(text: string): JsonObject {
  const parsed = readJsonObject(text);
  if (!parsed.ok) throw new RequestError(1000, `Invalid request: body is ${parsed.problem}`);
  return parsed.value;
}

export function stringField(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new RequestError(1000, `Invalid request: ${field}`);
  return value;
}

export function objectField(body: JsonObject, field: string): JsonObject {
  const value = body[field];
  if (!isJsonObject(value)) throw new RequestError(1000, `Invalid request: ${field}`);
  return value;
}
