/**
 * @module Renders the two files of a UCS connector from `templates/ucs/` with a private
 * Handlebars instance (strict, no HTML escaping: Rust is full of `&`, `<`, `>` and `'`).
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { IMPLEMENTED_FLOWS, SEED_FLOWS, type SeedFlow } from './flows.js';
import type { UcsInputs } from './inputs.js';

/** Where each file goes, relative to the checkout root. */
export const CONNECTORS_DIR = 'backend/connector-integration/src/connectors';

export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

type Template = (context: object) => string;
interface HandlebarsApi {
  create(): { compile(source: string, options: object): Template };
}

const TEMPLATES = [
  { template: 'connector.rs.hbs', output: (snake: string) => `${CONNECTORS_DIR}/${snake}.rs` },
  {
    template: 'transformers.rs.hbs',
    output: (snake: string) => `${CONNECTORS_DIR}/${snake}/transformers.rs`,
  },
] as const;

let compiled: Template[] | undefined;

/** `templates/ucs/`, from src/generator/ucs (vitest, tsx) or dist/generator/ucs (built) alike. */
export function ucsTemplatesDir(): string {
  return fileURLToPath(new URL('../../../templates/ucs/', import.meta.url));
}

function templates(): Template[] {
  if (compiled !== undefined) return compiled;
  const handlebars = (createRequire(import.meta.url)('handlebars') as HandlebarsApi).create();
  compiled = TEMPLATES.map(({ template }) =>
    handlebars.compile(readFileSync(ucsTemplatesDir() + template, 'utf8'), {
      noEscape: true,
      strict: true,
    }),
  );
  return compiled;
}

const WIDTH = 100;

/**
 * A `use path::{…};` line as rustfmt lays it out: on one line when it fits, else the names
 * packed into 4-space-indented lines of at most 100 columns.
 */
export function useList(path: string, items: readonly string[]): string {
  const single = `use ${path}::{${items.join(', ')}};`;
  if (single.length <= WIDTH) return single;
  const lines: string[] = [];
  let line = '   ';
  for (const item of items) {
    if (line.length + 1 + item.length + 1 > WIDTH) {
      lines.push(line);
      line = '   ';
    }
    line += ` ${item},`;
  }
  lines.push(line);
  return `use ${path}::{\n${lines.join('\n')}\n};`;
}

/**
 * The trait-and-type lines of an empty `ConnectorIntegrationV2` impl, as rustfmt lays them out:
 * the generic list on one line when it fits (with `for` on it too when that fits), else one
 * argument per line.
 */
export function stubImplLines(flow: SeedFlow, pascal: string): string {
  const args = [flow.flow, flow.common, flow.request, flow.response];
  const oneLine = `    ConnectorIntegrationV2<${args.join(', ')}>`;
  const target = `for ${pascal}<T>`;
  if (oneLine.length + 1 + target.length < WIDTH) return `${oneLine} ${target}`;
  if (oneLine.length <= WIDTH) return `${oneLine}\n    ${target}`;
  return [
    '    ConnectorIntegrationV2<',
    ...args.map((arg) => `        ${arg},`),
    `    > ${target}`,
  ].join('\n');
}

/** Which `hyperswitch_masking` names the connector file uses, as its `use` line wants them. */
function maskingImports(headerAuth: boolean, tokenInHeader: boolean): string {
  const used = ['Maskable'];
  if (headerAuth || tokenInHeader) used.unshift('Mask');
  if (headerAuth) used.push('PeekInterface');
  return used.length === 1 ? 'Maskable' : `{${used.join(', ')}}`;
}

/** Everything the templates read, derived once. */
export function templateContext(inputs: UcsInputs): Record<string, unknown> {
  const { pascal, snake } = inputs.names;
  const headerAuth = inputs.authType === 'HeaderKey';
  const bodyAuthFields = headerAuth
    ? []
    : inputs.authFields.filter((field) => field.slot !== 'api_secret');
  const transformers = [
    'AuthorizeRequest',
    'AuthorizeResponse',
    'ErrorResponse',
    'SessionTokenRequest',
    'SessionTokenResponse',
  ].map((suffix) => `${pascal}${suffix}`);
  return {
    pascal,
    snake,
    amountType: inputs.amountType,
    currencyUnit: inputs.currencyUnit === 'Major' ? 'Base' : 'Minor',
    contentType: inputs.contentType,
    curlKind: inputs.contentType === 'application/json' ? 'Json' : 'FormUrlEncoded',
    sessionPath: inputs.sessionTokenEndpoint,
    authorizePath: inputs.authorizeEndpoint,
    token: {
      name: inputs.token.name,
      body: inputs.token.placement === 'body',
      header: inputs.token.placement === 'header',
      query: inputs.token.placement === 'query',
    },
    authVariant: inputs.authType,
    authFields: inputs.authFields,
    slotList: inputs.authFields.map((field) => field.slot).join(', '),
    // rustfmt breaks a struct pattern whose fields exceed 18 columns, one field per line
    slotsMultiline: inputs.authFields.map((field) => field.slot).join(', ').length > 18,
    bodyAuthFields,
    bodyAuth: bodyAuthFields.length > 0,
    headerAuth,
    headerField: inputs.authFields[0]?.field ?? 'api_key',
    maskingImports: maskingImports(headerAuth, inputs.token.placement === 'header'),
    transformersUse: useList('transformers', transformers),
    markerTraits: SEED_FLOWS.map((flow) => flow.trait),
    stubImpls: SEED_FLOWS.filter((flow) => !IMPLEMENTED_FLOWS.has(flow.flow)).map((flow) =>
      stubImplLines(flow, pascal),
    ),
  };
}

/** The connector's two files, as rendered (not yet formatted). */
export function renderUcsConnector(inputs: UcsInputs): RenderedFile[] {
  const context = templateContext(inputs);
  return templates().map((template, index) => ({
    path: (TEMPLATES[index] as (typeof TEMPLATES)[number]).output(inputs.names.snake),
    content: template(context),
  }));
}
