import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  AMOUNT_CONVERTERS,
  AMOUNT_TYPES,
  CURRENCIES,
  FloatMajorUnit,
  IntegrationError,
  MinorUnit,
  StringMajorUnit,
  StringMinorUnit,
  currencyExponent,
  type Currency,
} from '../../src/runtime/index.js';

describe('StringMajorUnit', () => {
  // prettier-ignore
  it.each([
    [1000, 'USD', '10.00'],
    [1, 'USD', '0.01'],
    [0, 'USD', '0.00'],
    [1050, 'EUR', '10.50'],
    [123456789, 'USD', '1234567.89'],
    [1000, 'JPY', '1000'],
    [1234, 'KWD', '1.234'],
    [1000, 'KWD', '1.000'],
    [1000, 'CLF', '0.1000'],
    [100050, 'INR', '1000.50'],
    [-5, 'USD', '-0.05'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ] as const)('%d %s → %s', (minor, currency, major) => {
    expect(StringMajorUnit.convert(minor, currency)).toBe(major);
    expect(StringMajorUnit.convertBack(major, currency)).toBe(minor);
  });

  it('reads fewer decimals than the currency has', () => {
    expect(StringMajorUnit.convertBack('10.5', 'USD')).toBe(1050);
    expect(StringMajorUnit.convertBack('10', 'USD')).toBe(1000);
  });

  it.each([
    ['10.001', 'USD'],
    ['10.5', 'JPY'],
    ['1e3', 'USD'],
    ['', 'USD'],
    ['ten', 'USD'],
  ] as const)('refuses %j in %s with AMOUNT_CONVERSION_FAILED', (value, currency) => {
    expect(() => StringMajorUnit.convertBack(value, currency)).toThrow(IntegrationError);
    try {
      StringMajorUnit.convertBack(value, currency);
    } catch (error) {
      expect((error as IntegrationError).code).toBe('AMOUNT_CONVERSION_FAILED');
    }
  });
});

describe('every converter', () => {
  it.each(AMOUNT_TYPES)(
    '%s refuses non-integer and unsafe minor amounts and unknown currencies',
    (type) => {
      const converter = AMOUNT_CONVERTERS[type];
      for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
        expect(() => converter.convert(bad, 'USD')).toThrow(/safe integer/);
      }
      expect(() => converter.convert(100, 'XAU' as Currency)).toThrow(/Unknown currency/);
    },
  );

  // prettier-ignore
  it.each([
    ['MinorUnit', 1000, 'USD', 1000],
    ['StringMinorUnit', 1000, 'USD', '1000'],
    ['StringMajorUnit', 1000, 'USD', '10.00'],
    ['FloatMajorUnit', 1000, 'USD', 10],
    ['FloatMajorUnit', 1050, 'USD', 10.5],
    ['FloatMajorUnit', 1234, 'KWD', 1.234],
    ['FloatMajorUnit', 1000, 'JPY', 1000],
    ['FloatMajorUnit', 123456789, 'USD', 1234567.89],
  ] as const)('%s: %d %s → %j', (type, minor, currency, wire) => {
    const converter = AMOUNT_CONVERTERS[type];
    expect(converter.convert(minor, currency)).toBe(wire);
  });

  it('FloatMajorUnit refuses amounts a double cannot carry exactly', () => {
    // 16 significant digits: the nearest double reads back as a different decimal.
    expect(() => FloatMajorUnit.convert(Number.MAX_SAFE_INTEGER, 'KWD')).toThrow(
      /losing precision/,
    );
    expect(FloatMajorUnit.convert(999_999_999_999_999, 'KWD')).toBe(999_999_999_999.999);
    expect(() => FloatMajorUnit.convertBack(0.1 + 0.2, 'USD')).toThrow(/decimal place/);
  });

  it('StringMinorUnit refuses non-integers on the way back', () => {
    expect(() => StringMinorUnit.convertBack('10.00', 'USD')).toThrow(/integer/);
    expect(MinorUnit.convertBack(42, 'USD')).toBe(42);
  });

  it('round-trips major ↔ minor for every currency and amount (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...AMOUNT_TYPES),
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        (currency, type, minor) => {
          const converter = AMOUNT_CONVERTERS[type];
          const wire = converter.convert(minor, currency);
          // Each converter reads its own output back to the same integer: no drift, any exponent.
          expect(
            (converter.convertBack as (v: unknown, c: Currency) => number)(wire, currency),
          ).toBe(minor);
          if (type === 'StringMajorUnit') {
            const exponent = currencyExponent(currency);
            const decimals = (wire as string).split('.')[1] ?? '';
            expect(decimals.length).toBe(exponent);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
