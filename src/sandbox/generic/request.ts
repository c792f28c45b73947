/**
 * @module Reading what the generic emulator receives: the body as a tree (JSON, or a form with
 * `a[b]` keys), and checked fields. A field that is missing or malformed throws a {@link Refusal}
 * carrying the 400 answer.
 */

import {
  currencyExponent,
  isCurrency,
  majorStringToMinor,
  shortestDecimal,
  type AmountType,
  type ContentType,
  type Currency,
} from '../../runtime/index.js';
import { readJsonObject, type JsonObject } from '../emulator-kit.js';
import { jsonReply, type GatewayReply } from '../loopback.js';

/** A request the emulator refuses: thrown while reading it, answered by the handler. */
export class Refusal extends Error {
  constructor(readonly reply: GatewayReply) {
    super(reply.body);
  }
}

export function errorReply(status: number, errorCode: string, errorMessage: string): GatewayReply {
  return jsonReply(status, { errorCode, errorMessage });
}

export function invalidField(field: string, problem: string): never {
  throw new Refusal(errorReply(400, 'INVALID_FIELD', `${field}: ${problem}`));
}

export type Fields = JsonObject;

/** A form body as a tree: `paymentMethod[number]=…` becomes `{ paymentMethod: { number } }`. */
function formTree(body: string): Fields {
  const tree: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)(?:\[([^[\]]+)\])?$/.exec(key);
    if (match === null) throw new Refusal(errorReply(400, 'INVALID_REQUEST', `bad key ${key}`));
    const [, outer = '', inner] = match;
    if (inner === undefined) tree[outer] = value;
    else {
      const nested = (tree[outer] ??= {}) as Record<string, unknown>;
      nested[inner] = value;
    }
  }
  return tree;
}

export function parseFields(body: string, contentType: ContentType): Fields {
  if (contentType === 'application/x-www-form-urlencoded') return formTree(body);
  const parsed = readJsonObject(body);
  if (!parsed.ok) {
    throw new Refusal(errorReply(400, 'INVALID_REQUEST', `the body is ${parsed.problem}`));
  }
  return parsed.value;
}

export function text(fields: Fields, name: string, path = name): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '') invalidField(path, 'must be a non-empty string');
  return value;
}

/**
 * A reference the merchant may leave empty: the runtime sends `""` for a payment without
 * `referenceId` (as UCS does), so only a missing or non-string value is refused.
 */
export function reference(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') invalidField(name, 'must be a string (empty is allowed)');
  return value;
}

export function matching(fields: Fields, name: string, pattern: RegExp, path = name): string {
  const value = text(fields, name, path);
  if (!pattern.test(value)) invalidField(path, `must match ${String(pattern)}`);
  return value;
}

/** A timestamp further than this from the emulator's clock is refused. */
const TIMESTAMP_TOLERANCE_S = 600;

/** `timestamp`: Unix seconds as a decimal string, within ten minutes of `nowMs`. */
export function readTimestamp(fields: Fields, nowMs: number): string {
  const timestamp = matching(fields, 'timestamp', /^\d{1,12}$/);
  if (Math.abs(Number(timestamp) - nowMs / 1000) > TIMESTAMP_TOLERANCE_S) {
    invalidField('timestamp', `must be Unix seconds within ${TIMESTAMP_TOLERANCE_S} s of now`);
  }
  return timestamp;
}

export function readCurrency(fields: Fields): Currency {
  const value = fields['currency'];
  if (!isCurrency(value)) invalidField('currency', 'must be an ISO 4217 code');
  return value;
}

const INTEGER = /^(0|[1-9]\d*)$/;
const AMOUNT_EXAMPLES: Readonly<Record<AmountType, string>> = {
  MinorUnit: 'USD 10.50 is 1050',
  StringMinorUnit: 'USD 10.50 is "1050"',
  StringMajorUnit: 'USD 10.50 is "10.50"',
  FloatMajorUnit: 'USD 10.50 is 10.5',
};

/** The amount in minor units, if it is written exactly as `amountType` says for `currency`. */
export function readAmount(
  fields: Fields,
  spec: { readonly amountType: AmountType; readonly contentType: ContentType },
  currency: Currency,
): number {
  const raw = fields['amount'];
  const exponent = currencyExponent(currency);
  const fromForm = spec.contentType === 'application/x-www-form-urlencoded';
  const major = new RegExp(`^(0|[1-9]\\d*)${exponent === 0 ? '' : `\\.\\d{${exponent}}`}$`);
  let minor: number | undefined;
  try {
    switch (spec.amountType) {
      case 'MinorUnit':
        if (fromForm ? typeof raw === 'string' && INTEGER.test(raw) : Number.isSafeInteger(raw)) {
          minor = Number(raw);
        }
        break;
      case 'StringMinorUnit':
        if (typeof raw === 'string' && INTEGER.test(raw)) minor = Number(raw);
        break;
      case 'StringMajorUnit':
        if (typeof raw === 'string' && major.test(raw)) minor = majorStringToMinor(raw, currency);
        break;
      case 'FloatMajorUnit':
        // a JSON number, or in a form its shortest decimal string ("10.5", not "10.50")
        if (fromForm && typeof raw === 'string' && shortestDecimal(Number(raw)) === raw) {
          minor = majorStringToMinor(raw, currency);
        } else if (!fromForm && typeof raw === 'number' && Number.isFinite(raw)) {
          minor = majorStringToMinor(shortestDecimal(raw), currency);
        }
        break;
    }
  } catch {
    // more decimals than the currency has, or out of range
    minor = undefined;
  }
  if (minor === undefined || !Number.isSafeInteger(minor) || minor <= 0) {
    const example = AMOUNT_EXAMPLES[spec.amountType];
    invalidField('amount', `must be a positive ${spec.amountType} for ${currency} (${example})`);
  }
  return minor;
}

export interface CardFields {
  readonly number: string;
}

export function readCard(fields: Fields): CardFields {
  const method = fields['paymentMethod'];
  if (typeof method !== 'object' || method === null) {
    invalidField('paymentMethod', 'must be an object');
  }
  const card = method as Fields;
  if (card['type'] !== 'card') invalidField('paymentMethod.type', 'must be "card"');
  const number = matching(card, 'number', /^\d{12,19}$/, 'paymentMethod.number');
  matching(card, 'expMonth', /^(0?[1-9]|1[0-2])$/, 'paymentMethod.expMonth');
  matching(card, 'expYear', /^(\d{2}|\d{4})$/, 'paymentMethod.expYear');
  matching(card, 'cvc', /^\d{3,4}$/, 'paymentMethod.cvc');
  return { number };
}

export function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i += 1) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
