/**
 * @module Renders a connector's files from `templates/connector/` with a private Handlebars
 * runtime in strict mode and only our helpers (templates checked and precompiled by
 * template-cache.ts), after refusing answers the templates cannot write.
 */

import type { OptionalFlow } from '../answers/flows.js';
import type { Answers } from '../answers/index.js';
import type { Names } from '../answers/names.js';
import { TEMPLATE_BINDINGS } from '../answers/template-bindings.js';
import { ANSWER_ENUMS, TemplateValueError } from './helpers.js';
import { RenderError } from './render-error.js';
import type { ReadmeView } from './readme.js';
import { compiledTemplates } from './template-cache.js';

/** Module specifiers the rendered files import, as written in them. */
export interface TemplateImports {
  /** The runtime, from the connector's own files (`'../../runtime/index.js'`). */
  readonly runtime: string;
  /** The runtime, from the test file (`'../../src/runtime/index.js'`). */
  readonly runtimeFromTest: string;
  /** The testing module (conformance suite), from the test file. */
  readonly testing: string;
  /** The module exporting the generic emulator, from the test file. */
  readonly sandbox: string;
  /** The connector's index, from the test file. */
  readonly connector: string;
  /** The folder of the connector's cassettes, from the test file, ending in `/`. */
  readonly cassettes: string;
}

export interface TemplateContext {
  readonly answers: Answers;
  readonly names: Names;
  readonly imports: TemplateImports;
}

export type RenderedOutput = 'index' | 'transformers' | 'payments' | 'refunds' | 'test';

export interface RenderedFile {
  /** The template's path under `templates/`, e.g. `connector/index.ts.hbs`. */
  readonly template: string;
  readonly output: RenderedOutput;
  readonly content: string;
}

interface ConnectorTemplate {
  readonly template: string;
  readonly output: RenderedOutput;
  /** Rendered only when the answers choose one of these flows; always when absent. */
  readonly forFlows?: readonly OptionalFlow[];
}

const CONNECTOR_TEMPLATES: readonly ConnectorTemplate[] = [
  { template: 'connector/index.ts.hbs', output: 'index' },
  { template: 'connector/transformers.ts.hbs', output: 'transformers' },
  {
    template: 'connector/transformers-payments.ts.hbs',
    output: 'payments',
    forFlows: ['PSync', 'Capture', 'Void'],
  },
  {
    template: 'connector/transformers-refunds.ts.hbs',
    output: 'refunds',
    forFlows: ['Refund', 'RSync'],
  },
  { template: 'connector/test.ts.hbs', output: 'test' },
];

function rendersFor(template: ConnectorTemplate, answers: Answers): boolean {
  return template.forFlows?.some((flow) => answers.flows.includes(flow)) ?? true;
}

/** Enum answers outside their values would silently take no branch in the templates. */
function checkEnums(answers: Answers): void {
  for (const [key, values] of Object.entries(ANSWER_ENUMS)) {
    const value: unknown = answers[key as keyof typeof ANSWER_ENUMS];
    if (!(values as readonly unknown[]).includes(value)) {
      throw new RenderError(
        `answers.${key} must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`,
        undefined,
        key,
      );
    }
  }
}

function checkBindings(names: Names): void {
  if (TEMPLATE_BINDINGS.has(names.value)) {
    throw new RenderError(
      `the connector value "${names.value}" would clash with a name the generated files declare`,
      undefined,
      'name',
    );
  }
}

/** The README, rendered after the code files: it lists what they leave to the user. */
export const README_TEMPLATE = 'connector/README.md.hbs';

/** Every template of a connector, compiled together once per process. */
function connectorTemplates() {
  return compiledTemplates([
    ...CONNECTOR_TEMPLATES.map(({ template }) => template),
    README_TEMPLATE,
  ]);
}

function renderOne(template: string, context: object): string {
  try {
    return connectorTemplates().get(template)!(context);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const kind = error instanceof TemplateValueError ? 'refused a value' : 'failed';
    throw new RenderError(`${template} ${kind}: ${why}`, template, undefined, { cause: error });
  }
}

/**
 * Renders the connector's index, transformers and test files, and the transformers of the
 * flows after Authorize that the answers choose (compiled once per process).
 */
export function renderConnector(context: TemplateContext): RenderedFile[] {
  connectorTemplates();
  checkEnums(context.answers);
  checkBindings(context.names);
  const chosen = CONNECTOR_TEMPLATES.filter((template) => rendersFor(template, context.answers));
  return chosen.map(({ template, output }) => ({
    template,
    output,
    content: renderOne(template, context),
  }));
}

/** Renders the connector's README from its answers and the view of its other files. */
export function renderReadme(
  context: Omit<TemplateContext, 'imports'> & { readonly readme: ReadmeView },
): string {
  checkEnums(context.answers);
  return renderOne(README_TEMPLATE, context);
}
