/**
 * @module The answer keys as CLI flags: a static copy of what src/generator/answers/answers.ts derives,
 * so `--help` needs neither zod nor the generator. test/cli/answer-flags.test.ts fails when the
 * two differ (`UPDATE_ANSWER_FLAGS=1 npx vitest run test/cli/answer-flags.test.ts` rewrites it).
 */

export interface AnswerFlag {
  readonly key: string;
  readonly flag: string;
  readonly description: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
  /** A comma-separated list of `choices` (or `none`). */
  readonly list?: true;
  readonly default?: string;
}

export const ANSWER_FLAGS: readonly AnswerFlag[] = [
  {
    key: 'name',
    flag: 'name',
    description: 'Connector name in PascalCase; derives its id, folder and exported value',
    required: true,
  },
  {
    key: 'baseUrl',
    flag: 'base-url',
    description: 'Gateway base URL: https, or http for localhost, 127.0.0.1 and [::1]',
    required: true,
  },
  {
    key: 'amountType',
    flag: 'amount-type',
    description: 'How the amount is written on the wire',
    required: false,
    choices: ['MinorUnit', 'StringMinorUnit', 'StringMajorUnit', 'FloatMajorUnit'],
    default: 'StringMinorUnit',
  },
  {
    key: 'currencyUnit',
    flag: 'currency-unit',
    description: 'Currency unit the connector declares (UCS get_currency_unit)',
    required: false,
    choices: ['Major', 'Minor'],
    default: 'Minor',
  },
  {
    key: 'contentType',
    flag: 'content-type',
    description: 'Content type of every request body',
    required: false,
    choices: ['application/json', 'application/x-www-form-urlencoded'],
    default: 'application/json',
  },
  {
    key: 'authType',
    flag: 'auth-type',
    description: 'Credential type the connector accepts',
    required: false,
    choices: ['HeaderKey', 'BodyKey', 'SignatureKey'],
    default: 'HeaderKey',
  },
  {
    key: 'sessionTokenEndpoint',
    flag: 'session-token-endpoint',
    description: 'Session token endpoint, relative to the base URL',
    required: true,
  },
  {
    key: 'authorizeEndpoint',
    flag: 'authorize-endpoint',
    description: 'Authorize endpoint, relative to the base URL',
    required: true,
  },
  {
    key: 'tokenPlacement',
    flag: 'token-placement',
    description: 'Where Authorize carries the session token',
    required: false,
    choices: ['body', 'header', 'query'],
    default: 'body',
  },
  {
    key: 'tokenName',
    flag: 'token-name',
    description:
      'Body field, header or query parameter carrying the token (default: body sessionToken, header X-Session-Token, query sessionToken)',
    required: false,
  },
  {
    key: 'flows',
    flag: 'flows',
    description:
      'Flows generated besides CreateSessionToken and Authorize (comma-separated, or none; default: all)',
    required: false,
    choices: ['PSync', 'Capture', 'Void', 'Refund', 'RSync'],
    list: true,
    default: 'PSync,Capture,Void,Refund,RSync',
  },
  {
    key: 'syncEndpoint',
    flag: 'sync-endpoint',
    description: 'PSync endpoint, relative to the base URL (only with PSync in flows)',
    required: false,
  },
  {
    key: 'captureEndpoint',
    flag: 'capture-endpoint',
    description: 'Capture endpoint, relative to the base URL (only with Capture in flows)',
    required: false,
  },
  {
    key: 'voidEndpoint',
    flag: 'void-endpoint',
    description: 'Void endpoint, relative to the base URL (only with Void in flows)',
    required: false,
  },
  {
    key: 'refundEndpoint',
    flag: 'refund-endpoint',
    description: 'Refund endpoint, relative to the base URL (only with Refund in flows)',
    required: false,
  },
  {
    key: 'refundSyncEndpoint',
    flag: 'refund-sync-endpoint',
    description: 'RSync endpoint, relative to the base URL (only with RSync in flows)',
    required: false,
  },
];
