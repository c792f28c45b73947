/**
 * @module A hand-written connector small enough to read in one go, in a throwaway workspace, and
 * edits of it that each break one line of the checklist. The check reads code only here: the
 * runtime it imports is never loaded (so the workspace holds no runtime at all).
 */

import { DEFAULT_WORKSPACE_CONFIG } from '../../../src/generator/workspace.js';
import { testdir } from '../helpers/testdir.js';

export const REGISTRY = `import { acme } from './acme/index.js';

export const connectors = { acme };
`;

export const ERRORS = `import type { ErrorResponse, HttpResponse } from '../../runtime/index.js';

export function buildErrorResponse(response: HttpResponse): ErrorResponse {
  return { statusCode: response.status, code: 'E', message: 'refused' };
}
`;

export const CONNECTOR = `import {
  MinorUnit,
  StringMajorUnit,
  defineConnector,
  expectAuth,
  getSessionToken,
  withError,
  withSuccess,
  z,
  type ConnectorAuthType,
  type HeaderKey,
} from '../../runtime/index.js';
import { buildErrorResponse } from './errors.js';

const schema = z.object({ status: z.string(), token: z.string().optional() });

function credentials(auth: ConnectorAuthType) {
  return expectAuth(auth, ['HeaderKey'], 'acme');
}

export const acme = defineConnector({
  id: 'acme',
  name: 'Acme',
  currencyUnit: 'Minor',
  baseUrls: { sandbox: 'https://sandbox.acme.test', production: 'https://api.acme.test' },
  contentType: 'application/json',
  amountConverter: MinorUnit,
  authTypes: ['HeaderKey'],
  sessionToken: { placement: 'body', name: 'token' },
  validation: { shouldDoSessionToken: () => true, shouldDoOrderCreate: () => false },
  authHeaders: (auth) => [['Authorization', credentials(auth).apiKey]],
  buildErrorResponse,
  flows: {
    CreateSessionToken: {
      method: 'POST',
      url: ({ baseUrl }) => baseUrl + '/session',
      body: (ctx) => ({ amount: ctx.convertAmount(ctx.routerData.request.amount, 'USD') }),
      responseSchema: schema,
      handleResponse: (response, { routerData }) =>
        response.token === undefined
          ? withError(routerData, { statusCode: 200, code: 'E', message: 'no token' })
          : withSuccess(routerData, { sessionToken: response.token }, { sessionToken: response.token }),
    },
    Authorize: {
      method: 'POST',
      url: ({ baseUrl }) => baseUrl + '/pay',
      body: (ctx) => ({
        token: getSessionToken(ctx.routerData.flowData),
        amount: ctx.convertAmount(ctx.routerData.request.amount, 'USD'),
      }),
      responseSchema: schema,
      handleResponse: (response, { routerData }) =>
        response.status === 'OK'
          ? withSuccess(routerData, { resourceId: { type: 'NoResponseId' } }, { status: 'Charged' })
          : withError(routerData, { statusCode: 200, code: 'E', message: 'declined' }),
    },
  },
});
`;

/** `CONNECTOR` with each `[from, to]` applied once; a `from` that is not there fails the test. */
export function edited(
  edits: ReadonlyArray<readonly [string, string]>,
  source = CONNECTOR,
): string {
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the fixture has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, source);
}

/** A workspace registering `acme` with these files (defaults: the connector above). */
export function acmeWorkspace(files: Readonly<Record<string, string>> = {}): string {
  return testdir({
    'create-connector.json': JSON.stringify(DEFAULT_WORKSPACE_CONFIG),
    'src/connectors/registry.ts': REGISTRY,
    'src/connectors/acme/errors.ts': ERRORS,
    'src/connectors/acme/index.ts': CONNECTOR,
    ...files,
  });
}
