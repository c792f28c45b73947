import { describe, expect, it } from 'vitest';

import { heckWords, prostVariant, ucsNames, UsageError } from '../../../src/generator/ucs/index.js';

describe('heck word split', () => {
  // prettier-ignore
  it.each([
    ['BamboraAPAC',    ['Bambora', 'APAC']],
    ['JPMorgan',       ['JP', 'Morgan']],
    ['Route1Pay',      ['Route1', 'Pay']],
    ['ABC1def',        ['ABC1def']],
    ['abc1Def',        ['abc1', 'Def']],
    ['XMLHttpRequest', ['XML', 'Http', 'Request']],
    ['new_payment',    ['new', 'payment']],
    ['TWOC_TWOP_PACO', ['TWOC', 'TWOP', 'PACO']],
    ['  pay--me  ',    ['pay', 'me']],
    ['1stPay',         ['1st', 'Pay']],
  ])('%s → %j', (input, words) => {
    expect(heckWords(input)).toEqual(words);
  });
});

describe('ucsNames', () => {
  // prettier-ignore
  it.each([
    ['BamboraAPAC',   'bambora_apac',   'BamboraApac',   'BAMBORA_APAC'],
    ['bambora_apac',  'bambora_apac',   'BamboraApac',   'BAMBORA_APAC'],
    ['Nuvei',         'nuvei',          'Nuvei',         'NUVEI'],
    ['paytm',         'paytm',          'Paytm',         'PAYTM'],
    ['WorldpayXML',   'worldpay_xml',   'WorldpayXml',   'WORLDPAY_XML'],
    ['Route1Pay',     'route1_pay',     'Route1Pay',     'ROUTE1_PAY'],
    ['twoc_twop_paco','twoc_twop_paco', 'TwocTwopPaco',  'TWOC_TWOP_PACO'],
    ['pinelabs-online','pinelabs_online','PinelabsOnline','PINELABS_ONLINE'],
  ])('%s → %s / %s / %s', (name, snake, pascal, proto) => {
    expect(ucsNames(name)).toEqual({ snake, pascal, proto });
  });

  // prettier-ignore
  it.each([
    ['connector_x',  /must not start with "connector"/],
    ['ConnectorPay', /must not start with "connector"/],
    ['connectorx',   /must not start with "connector"/],
    ['1pay',         /Rust identifier/],
    ['',             /Rust identifier/],
    ['émile',        /Rust identifier/],
  ])('refuses %j', (name, rule) => {
    expect(() => ucsNames(name)).toThrow(UsageError);
    expect(() => ucsNames(name)).toThrow(rule);
  });
});

describe('prost variant names', () => {
  // prettier-ignore
  it.each([
    ['Connector', 'BAMBORA_APAC',   'BamboraApac'],
    ['Connector', 'TWOC_TWOP_PACO', 'TwocTwopPaco'],
    ['Connector', 'CONNECTOR_X',    'X'],
    ['Connector', 'CONNECTORX',     'Connectorx'],
    ['Connector', 'UNSPECIFIED',    'Unspecified'],
    ['Connector', 'SELF',           'Self_'],
  ])('%s.%s → %s', (enumName, value, variant) => {
    expect(prostVariant(enumName, value)).toBe(variant);
  });
});
