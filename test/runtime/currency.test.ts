import currencyCodes from 'currency-codes';
import { describe, expect, it } from 'vitest';

import { CURRENCIES, currencyExponent, isCurrency } from '../../src/runtime/index.js';

// currency-codes maps ISO's "N.A." (no minor unit: precious metals, SDR, test codes) to 0.
const NO_MINOR_UNIT = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

describe('the ISO 4217 exponent table', () => {
  const iso = currencyCodes.data.filter((entry) => !NO_MINOR_UNIT.has(entry.code));

  it('has exactly the currencies of the maintained ISO list that have a minor unit', () => {
    expect([...CURRENCIES].sort()).toEqual(iso.map((entry) => entry.code).sort());
  });

  it.each(iso.map((entry) => [entry.code, entry.digits] as const))(
    '%s has %d decimals',
    (code, digits) => {
      expect(isCurrency(code)).toBe(true);
      if (isCurrency(code)) expect(currencyExponent(code)).toBe(digits);
    },
  );

  it('covers every exponent ISO uses', () => {
    expect(new Set(CURRENCIES.map(currencyExponent))).toEqual(new Set([0, 2, 3, 4]));
  });

  it('knows no funds without a minor unit', () => {
    for (const code of NO_MINOR_UNIT) expect(isCurrency(code)).toBe(false);
    expect(isCurrency('toString')).toBe(false);
  });
});
