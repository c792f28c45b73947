import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { names, splitWords } from '../../src/generator/answers/names.js';

describe('names', () => {
  // prettier-ignore
  it.each([
    ['NewPayment',  'new_payment',  'new-payment',  'newPayment',  'NEW_PAYMENT'],
    ['BamboraAPAC', 'bambora_apac', 'bambora-apac', 'bamboraApac', 'BAMBORA_APAC'],
    ['JPMorgan',    'jp_morgan',    'jp-morgan',    'jpMorgan',    'JP_MORGAN'],
    ['Pay2Go',      'pay2_go',      'pay2-go',      'pay2Go',      'PAY2_GO'],
    ['Shift4',      'shift4',       'shift4',       'shift4',      'SHIFT4'],
    ['WorldpayXML', 'worldpay_xml', 'worldpay-xml', 'worldpayXml', 'WORLDPAY_XML'],
    ['HyperPG',     'hyper_pg',     'hyper-pg',     'hyperPg',     'HYPER_PG'],
    ['Nuvei',       'nuvei',        'nuvei',        'nuvei',       'NUVEI'],
    ['Paytm',       'paytm',        'paytm',        'paytm',       'PAYTM'],
    ['ABC',         'abc',          'abc',          'abc',         'ABC'],
    ['Pay2go',      'pay2go',       'pay2go',       'pay2go',      'PAY2GO'],
    ['AB2CDe',      'ab2_c_de',     'ab2-c-de',     'ab2CDe',      'AB2_C_DE'],
  ])('%s → %s / %s / %s / %s', (name, id, folder, value, constant) => {
    expect(names(name)).toEqual({ type: name, id, folder, value, constant });
  });

  it('splits like change-case', () => {
    expect(splitWords('BamboraAPAC')).toEqual(['Bambora', 'APAC']);
    expect(splitWords('JPMorgan')).toEqual(['JP', 'Morgan']);
    expect(splitWords('Pay2Go')).toEqual(['Pay2', 'Go']);
    expect(splitWords('  new-payment_x ')).toEqual(['new', 'payment', 'x']);
  });

  /**
   * Distinct names can share every derived form but `type` when they differ only in how an
   * acronym is cased: BamboraAPAC and BamboraApac both give bambora_apac. The existing-id rule
   * keeps a second one out of a workspace.
   */
  it('maps acronym-cased variants to the same id (documented collision)', () => {
    expect(names('BamboraAPAC').id).toBe(names('BamboraApac').id);
    expect(names('JPMorgan').id).toBe(names('JpMorgan').id);
    expect(names('BamboraAPAC').type).not.toBe(names('BamboraApac').type);
  });

  const pascalName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{1,63}$/);

  it('derives consistent forms for any valid name', () => {
    fc.assert(
      fc.property(pascalName, (name) => {
        const derived = names(name);
        const words = derived.id.split('_');
        expect(derived.id).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
        expect(derived.folder).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
        expect(derived.value).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(derived.constant).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
        expect(derived.type).toBe(name);
        // id, folder, value and constant carry the same word list
        expect(derived.folder.split('-')).toEqual(words);
        expect(splitWords(derived.value).map((word) => word.toLowerCase())).toEqual(words);
        expect(derived.constant.toLowerCase().split('_')).toEqual(words);
        expect(splitWords(name).map((word) => word.toLowerCase())).toEqual(words);
        // the derived forms are fixed points of their own derivation
        expect(names(derived.value.charAt(0).toUpperCase() + derived.value.slice(1)).id).toBe(
          derived.id,
        );
      }),
      { numRuns: 500 },
    );
  });
});
