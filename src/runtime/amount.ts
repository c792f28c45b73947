/**
 * @module Amount converters: minor units in, the gateway's wire format out, and back.
 * Exact by construction: amounts move as integers and decimal strings, never through float
 * arithmetic; FloatMajorUnit only turns the exact decimal string into the nearest double and
 * refuses amounts whose double would not read back as the same decimal.
 */

import { currencyExponent, isCurrency, type Currency } from './currency.js';
import { IntegrationError } from './errors.js';

export const AMOUNT_TYPES = [
  'MinorUnit',
  'StringMinorUnit',
  'StringMajorUnit',
  'FloatMajorUnit',
] as const;
export type AmountType = (typeof AMOUNT_TYPES)[number];

/** What each amount type looks like on the wire. */
export interface AmountWireTypes {
  MinorUnit: number;
  StringMinorUnit: string;
  StringMajorUnit: string;
  FloatMajorUnit: number;
}

export interface AmountConverter<A extends AmountType = AmountType> {
  readonly type: A;
  /** Minor units (an integer, e.g. 1000 for USD 10.00) to the wire value. */
  convert(minorAmount: number, currency: Currency): AmountWireTypes[A];
  /** The wire value back to minor units. */
  convertBack(value: AmountWireTypes[A], currency: Currency): number;
}

function conversionError(message: string): IntegrationError {
  return new IntegrationError('AMOUNT_CONVERSION_FAILED', message);
}

function checkedExponent(currency: Currency): number {
  if (!isCurrency(currency)) throw conversionError(`Unknown currency: ${String(currency)}`);
  return currencyExponent(currency);
}

function checkedMinor(minorAmount: number): bigint {
  if (!Number.isSafeInteger(minorAmount)) {
    throw conversionError(`Amount must be a safe integer in minor units, got ${minorAmount}`);
  }
  return BigInt(minorAmount);
}

/** 123456789 with exponent 2 → "1234567.89"; -5 → "-0.05"; exponent 0 → "123456789". */
export function minorToMajorString(minorAmount: number, currency: Currency): string {
  const exponent = checkedExponent(currency);
  const minor = checkedMinor(minorAmount);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString();
  if (exponent === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = padded.slice(0, -exponent);
  const fraction = padded.slice(-exponent);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "10.5" USD → 1050. Refuses more decimals than the currency has, and unsafe integers. */
export function majorStringToMinor(major: string, currency: Currency): number {
  const exponent = checkedExponent(currency);
  const match = DECIMAL.exec(major);
  if (!match) throw conversionError(`Not a decimal amount: ${JSON.stringify(major)}`);
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw conversionError(
      `${currency} has ${exponent} decimal place(s); ${JSON.stringify(major)} has ${fraction.length}`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0')) * (sign === '-' ? -1n : 1n);
  const result = Number(minor);
  if (!Number.isSafeInteger(result)) throw conversionError(`Amount out of range: ${major}`);
  return result;
}

function minorToFloat(minorAmount: number, currency: Currency): number {
  const major = minorToMajorString(minorAmount, currency);
  const value = Number(major);
  // The double must read back as the same decimal, or the gateway would see a different amount.
  if (majorStringToMinor(shortestDecimal(value), currency) !== minorAmount) {
    throw conversionError(
      `${major} ${currency} cannot be sent as a float without losing precision`,
    );
  }
  return value;
}

/** The shortest decimal string of a double without exponent notation (10 → "10", 10.5 → "10.5"). */
export function shortestDecimal(value: number): string {
  if (!Number.isFinite(value)) throw conversionError(`Not a finite amount: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Small or huge doubles print with an exponent; expand them exactly.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

export const MinorUnit: AmountConverter<'MinorUnit'> = {
  type: 'MinorUnit',
  convert: (minorAmount, currency) => {
    checkedExponent(currency);
    return Number(checkedMinor(minorAmount));
  },
  convertBack: (value, currency) => {
    checkedExponent(currency);
    return Number(checkedMinor(value));
  },
};

export const StringMinorUnit: AmountConverter<'StringMinorUnit'> = {
  type: 'StringMinorUnit',
  convert: (minorAmount, currency) => {
    checkedExponent(currency);
    return checkedMinor(minorAmount).toString();
  },
  convertBack: (value, currency) => {
    checkedExponent(currency);
    if (!/^-?\d+$/.test(value))
      throw conversionError(`Not an integer amount: ${JSON.stringify(value)}`);
    const result = Number(value);
    if (!Number.isSafeInteger(result)) throw conversionError(`Amount out of range: ${value}`);
    return result;
  },
};

export const StringMajorUnit: AmountConverter<'StringMajorUnit'> = {
  type: 'StringMajorUnit',
  convert: minorToMajorString,
  convertBack: majorStringToMinor,
};

export const FloatMajorUnit: AmountConverter<'FloatMajorUnit'> = {
  type: 'FloatMajorUnit',
  convert: minorToFloat,
  convertBack: (value, currency) => majorStringToMinor(shortestDecimal(value), currency),
};

export const AMOUNT_CONVERTERS: { readonly [A in AmountType]: AmountConverter<A> } = {
  MinorUnit,
  StringMinorUnit,
  StringMajorUnit,
  FloatMajorUnit,
};
