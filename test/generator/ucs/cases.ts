/** The answer sets the UCS tests render: every auth type × amount type that changes the output. */

import type { UcsAnswers } from '../../../src/generator/ucs/index.js';

export const BASE: UcsAnswers = {
  name: 'Acme',
  baseUrl: 'https://api.acme.test',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
};

// prettier-ignore
export const CASES: ReadonlyArray<readonly [string, UcsAnswers]> = [
  ['header-key-minor-body',         { ...BASE, name: 'HeaderMinor',  authType: 'HeaderKey',    amountType: 'MinorUnit',       tokenPlacement: 'body' }],
  ['body-key-float-query',          { ...BASE, name: 'BodyFloat',    authType: 'BodyKey',      amountType: 'FloatMajorUnit',  tokenPlacement: 'query', currencyUnit: 'Major' }],
  ['signature-key-major-header',    { ...BASE, name: 'SigMajor',     authType: 'SignatureKey', amountType: 'StringMajorUnit', tokenPlacement: 'header', authFields: ['merchant_id', 'merchant_site_id', 'merchant_secret'] }],
  ['multi-auth-key-string-minor',   { ...BASE, name: 'BamboraAPAC',  authType: 'MultiAuthKey', amountType: 'StringMinorUnit', tokenPlacement: 'body', contentType: 'application/x-www-form-urlencoded' }],
];
