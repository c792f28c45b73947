/**
 * The checklist's code items over a small hand-written connector: all pass as written, and each
 * edit that breaks one item gives that item's warn or fail line, with the place at fault.
 */

import { describe, expect, it } from 'vitest';

import { checkCode, type CheckItem } from '../../../src/generator/check/index.js';
import { DEFAULT_WORKSPACE_CONFIG } from '../../../src/generator/workspace.js';
import { acmeWorkspace, edited, ERRORS } from './fixture.js';

async function items(files: Readonly<Record<string, string>> = {}): Promise<CheckItem[]> {
  return checkCode({ cwd: acmeWorkspace(files), id: 'acme' });
}

async function itemOf(connector: string, name: CheckItem['item']): Promise<CheckItem> {
  const found = (await items({ 'src/connectors/acme/index.ts': connector })).find(
    (entry) => entry.item === name,
  );
  if (found === undefined) throw new Error(`no ${name} item`);
  return found;
}

describe('check, code items', () => {
  it('passes every item of the connector as written', async () => {
    const statuses = Object.fromEntries((await items()).map((entry) => [entry.item, entry.status]));
    expect(statuses).toEqual({
      flows: 'pass',
      'session-step': 'pass',
      'token-stored': 'pass',
      'token-read': 'pass',
      auth: 'pass',
      'error-responses': 'pass',
      amounts: 'pass',
      'base-urls': 'pass',
      todos: 'pass',
    });
  });

  // prettier-ignore
  it.each([
    ['no token read',            'token-read',      'fail', [['token: getSessionToken(ctx.routerData.flowData),', '']], 'Authorize never reads the session token'],
    ['the token read directly',  'token-read',      'warn', [['getSessionToken(ctx.routerData.flowData)', 'ctx.routerData.flowData.sessionToken']], 'reads flowData.sessionToken directly'],
    ['the token destructured',   'token-read',      'warn', [['token: getSessionToken(ctx.routerData.flowData),', 'token: (({ sessionToken }) => sessionToken)(ctx.routerData.flowData),']], 'reads flowData.sessionToken directly'],
    ['no token stored',          'token-stored',    'fail', [['{ sessionToken: response.token }, { sessionToken: response.token }', '{ sessionToken: response.token }, { status: "Pending" }']], 'never stores the token'],
    ['the session settles the payment','token-stored','warn', [['{ sessionToken: response.token }, { sessionToken: response.token }', "{ sessionToken: response.token }, { sessionToken: response.token, status: 'Charged' }"]], "sets the payment's status to Charged: a session answer leaves it Pending"],
    ['no error response builder','error-responses', 'fail', [['  buildErrorResponse,\n', '']], 'no buildErrorResponse: non-2xx answers of CreateSessionToken, Authorize have no ErrorResponse'],
    ['a refusal passed as success','error-responses','fail', [["withError(routerData, { statusCode: 200, code: 'E', message: 'declined' })", "withSuccess(routerData, { resourceId: { type: 'NoResponseId' } })"]], 'Authorize: handleResponse never returns withError'],
    ['credentials cast',         'auth',            'fail', [['credentials(auth).apiKey', '(auth as HeaderKey).apiKey']], 'credentials are cast (auth as HeaderKey) instead of narrowed'],
    ['credentials unnarrowed',   'auth',            'fail', [["return expectAuth(auth, ['HeaderKey'], 'acme');", 'return auth as { apiKey: string };']], 'credentials are read (.apiKey) without narrowing'],
    ['auth types not narrowed to','auth',           'warn', [["authTypes: ['HeaderKey']", "authTypes: ['HeaderKey', 'BodyKey']"]], 'authTypes declares BodyKey, which no expectAuth accepts'],
    ['session step off',         'session-step',    'fail', [['shouldDoSessionToken: () => true', 'shouldDoSessionToken: () => false']], 'returns false'],
    ['no token placement',       'session-step',    'fail', [["  sessionToken: { placement: 'body', name: 'token' },\n", '']], 'nothing says where Authorize carries the token'],
    ['an amount unconverted',    'amounts',         'fail', [["amount: ctx.convertAmount(ctx.routerData.request.amount, 'USD'),\n      }", 'amount: ctx.routerData.request.amount,\n      }']], 'Authorize sends the amount unconverted (ctx.routerData.request.amount)'],
    ['another converter',        'amounts',         'fail', [["amount: ctx.convertAmount(ctx.routerData.request.amount, 'USD'),\n      }", "amount: StringMajorUnit.convert(ctx.routerData.request.amount, 'USD'),\n      }"]], 'Authorize converts with StringMajorUnit, but the connector declares MinorUnit'],
    ['production = sandbox',     'base-urls',       'warn', [["production: 'https://api.acme.test'", "production: 'https://sandbox.acme.test'"]], 'baseUrls.production is the sandbox URL'],
    ['production missing',       'base-urls',       'fail', [[", production: 'https://api.acme.test'", '']], 'baseUrls.production is not set'],
    ['production not a URL',     'base-urls',       'fail', [["'https://api.acme.test'", "'api.acme.test'"]], 'baseUrls.production "api.acme.test" is not an absolute http(s) URL'],
    ['the session step a constant','session-step',  'fail', [['shouldDoSessionToken: () => true', 'shouldDoSessionToken: () => SESSION'], ['const schema', 'const SESSION = false;\nconst schema']], 'returns false'],
    ['the session step computed',  'session-step',  'warn', [['shouldDoSessionToken: () => true', 'shouldDoSessionToken: () => Math.random() > 0.5']], 'does not return a plain true'],
    ['a flow made for another',  'flows',           'fail', [['    Authorize: {', "    Authorize: defineFlow('Capture', {"], ["          : withError(routerData, { statusCode: 200, code: 'E', message: 'declined' }),\n    },", "          : withError(routerData, { statusCode: 200, code: 'E', message: 'declined' }),\n    }),"], ['const schema', 'const defineFlow = (_name: string, spec: object) => spec;\nconst schema']], "Authorize is made by defineFlow('Capture', …)"],
    ['flows computed',           'flows',           'warn', [['  flows: {', '  flows: Object.fromEntries([]) && {']], 'flows is not an object the check can follow'],
    ['no Authorize',             'flows',           'fail', [['    Authorize: {', '    Authorise: {']], 'Authorize missing from flows'],
    ['a stub flow',              'flows',           'fail', [["url: ({ baseUrl }) => baseUrl + '/pay',", "url: () => { throw new Error('later'); },"]], "Authorize's url only throws"],
  ] as const)('%s: %s %s', async (_label, name, status, edits, message) => {
    const found = await itemOf(edited(edits), name);
    expect(found.status).toBe(status);
    expect(found.message).toContain(message);
    for (const at of found.locations ?? []) expect(at.file).toBe('src/connectors/acme/index.ts');
  });

  it('lists each TODO(you) of a comment with its file and line, not one in a string', async () => {
    const connector = edited([
      [
        'const schema',
        "/* TODO(you): read the gateway's status codes. */\nconst note = 'TODO(you) in a string is no TODO';\nconst schema",
      ],
      ['  buildErrorResponse,\n', '  buildErrorResponse, // TODO(you): map the error codes\n'],
    ]);
    const found = await itemOf(connector, 'todos');
    expect(found).toEqual({
      item: 'todos',
      status: 'warn',
      message: '2 TODO(you)s left',
      locations: [
        {
          file: 'src/connectors/acme/index.ts',
          line: 15,
          text: "read the gateway's status codes.",
        },
        { file: 'src/connectors/acme/index.ts', line: 34, text: 'map the error codes' },
      ],
    });
  });

  it('follows the code through other shapes: files, barrels, aliases, namespaces, methods, spreads, defineFlow', async () => {
    const flows = `import * as rt from '../../runtime/index.js';
import { tokenOf, refused } from './rt.js';

const defineFlow = rt.flowDefiner(rt.StringMinorUnit);
const schema = rt.z.object({ status: rt.z.string() });

function authorizeBody(ctx: rt.FlowContext<'Authorize'>) {
  const { amount, currency } = ctx.routerData.request;
  return { token: tokenOf(ctx.routerData.flowData), amount: ctx.convertAmount(amount, currency) };
}

export const authorizeFlow = defineFlow('Authorize', {
  method: 'POST',
  url: ({ baseUrl }) => baseUrl + '/pay',
  body: authorizeBody,
  responseSchema: schema,
  handleResponse(response, { routerData }) {
    if (response.status !== 'OK') return refused(routerData, { statusCode: 200, code: 'E', message: 'no' });
    return rt.withSuccess(routerData, { resourceId: { type: 'NoResponseId' } });
  },
});
`;
    const connector = `import * as rt from '../../runtime/index.js';
import { buildErrorResponse } from './errors.js';
import { authorizeFlow, sessionFlow } from './flows.js';

const common = { contentType: 'application/json', buildErrorResponse } as const;
const LIVE = 'https://api.acme.test';

export const acme = rt.defineConnector({
  ...common,
  id: 'acme',
  name: 'Acme',
  currencyUnit: 'Minor',
  baseUrls: { sandbox: 'https://sandbox.acme.test', production: LIVE },
  amountConverter: rt.StringMinorUnit,
  authTypes: ['HeaderKey'],
  sessionToken: { placement: 'header', name: 'X-Token' },
  validation: {
    shouldDoSessionToken() {
      return true;
    },
    shouldDoOrderCreate: () => false,
  },
  authHeaders(auth) {
    const key = rt.expectAuth(auth, ['HeaderKey'], 'acme');
    return [['Authorization', key.apiKey]];
  },
  flows: { CreateSessionToken: sessionFlow, Authorize: authorizeFlow },
});
`;
    const session = `
export const sessionFlow = defineFlow('CreateSessionToken', {
  method: 'POST',
  url: ({ baseUrl }) => baseUrl + '/session',
  responseSchema: schema,
  handleResponse: (response, { routerData }) => {
    const sessionToken = response.status;
    return rt.withSuccess(routerData, { sessionToken }, { sessionToken });
  },
});
`;
    const found = await items({
      'src/connectors/acme/index.ts': connector,
      // a barrel of the connector's own: re-exported under other names, and all of it
      'src/connectors/acme/rt.ts': `import { withError } from '../../runtime/index.js';
export { getSessionToken as tokenOf } from '../../runtime/index.js';
export { withError as refused };
export * from '../../runtime/index.js';
`,
      'src/connectors/acme/flows.ts':
        flows +
        session.replace(
          'const sessionToken',
          "if (response.status === 'NO') return refused(routerData, { statusCode: 200, code: 'E', message: 'no' });\n    const sessionToken",
        ),
    });
    expect(found.filter((entry) => entry.status !== 'pass')).toEqual([]);
  });

  it('refuses a module that does not export the connector as an object it can follow', async () => {
    const connector = edited([
      [
        'export const acme = defineConnector({',
        'export const acme = makeConnector();\nconst unused = ({',
      ],
    ]);
    await expect(items({ 'src/connectors/acme/index.ts': connector })).rejects.toThrow(
      'acme: index.ts does not export "acme" as defineConnector({ … })',
    );
  });

  it('follows flows built by a local function to the object it returns', async () => {
    const connector = edited([
      ['  flows: {', '  flows: buildFlows(),\n});\n\nfunction buildFlows() {\n  return {'],
      ['    },\n  },\n});\n', '    },\n  };\n}\n'],
    ]);
    const found = await itemOf(connector, 'flows');
    expect(found).toEqual({
      item: 'flows',
      status: 'pass',
      message: 'CreateSessionToken, Authorize declared and implemented',
    });
  });

  it('knows the toolkit by its module even when that sits above the connectors', async () => {
    const config = {
      ...DEFAULT_WORKSPACE_CONFIG,
      imports: { ...DEFAULT_WORKSPACE_CONFIG.imports, runtime: 'src/toolkit.ts' },
    };
    const toolkit = (text: string) => text.replaceAll('../../runtime/index.js', '../../toolkit.js');
    const connector = edited([
      [
        "function credentials(auth: ConnectorAuthType) {\n  return expectAuth(auth, ['HeaderKey'], 'acme');\n}\n",
        '',
      ],
      [
        "import { buildErrorResponse } from './errors.js';",
        "import { credentials } from './auth.js';\nimport { buildErrorResponse } from './errors.js';",
      ],
    ]);
    const found = await items({
      'create-connector.json': JSON.stringify(config),
      'src/connectors/acme/index.ts': toolkit(connector),
      'src/connectors/acme/errors.ts': toolkit(ERRORS),
      'src/connectors/acme/auth.ts':
        toolkit(`import { expectAuth, type ConnectorAuthType } from '../../runtime/index.js';

export function credentials(auth: ConnectorAuthType) {
  return expectAuth(auth, ['HeaderKey'], 'acme');
}
`),
    });
    expect(found.filter((entry) => entry.status !== 'pass')).toEqual([]);
  });

  it.each([
    [
      'a syntax error',
      edited([['  buildErrorResponse,\n', '  buildErrorResponse,,\n']]),
      /^src\/connectors\/acme\/index\.ts:32:\d+: /,
    ],
    [
      'conflict markers',
      edited([
        [
          '  buildErrorResponse,\n',
          '<<<<<<< yours\n  buildErrorResponse,\n=======\n>>>>>>> new templates\n',
        ],
      ]),
      /^src\/connectors\/acme\/index\.ts:32:1: resolve the conflict markers/,
    ],
  ])('refuses a connector file with %s, naming its line', async (_label, connector, message) => {
    await expect(items({ 'src/connectors/acme/index.ts': connector })).rejects.toThrow(message);
  });
});
