/**
 * @module Renders a connector's files from `templates/connector/`: a private Handlebars instance
 * in strict mode with only our helpers, and a check, before anything is compiled, that every
 * `{{...}}` in a template goes through a helper that quotes or validates its value.
 *
 * Parsing, checking and compiling the templates costs a run ~50 ms (Handlebars' compiler and
 * source-map load for it), so the compiled templates are kept between runs, precompiled, in the
 * per-user cache directory the compiler API's code cache uses; a run that finds them loads only
 * Handlebars' runtime. The cache key covers the templates, the helpers, Handlebars' version and
 * this module's own code, so a change to any of them compiles (and checks) again.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type Handlebars from 'handlebars';
import * as handlebarsRuntimeModule from 'handlebars/runtime.js';

import type { Answers } from './answers.js';
import { cacheDir, readCacheFile, writeCacheFile } from './cache-dir.js';
import { hashTemplateDir } from './manifest.js';
import type { Names } from './names.js';
import {
  ANSWER_ENUMS,
  BLOCK_HELPERS,
  OUTPUT_HELPERS,
  PREDICATE_HELPERS,
  TemplateValueError,
} from './render-helpers.js';
import { TEMPLATE_BINDINGS } from './template-bindings.js';

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
}

export interface TemplateContext {
  readonly answers: Answers;
  readonly names: Names;
  readonly imports: TemplateImports;
}

export type RenderedOutput = 'index' | 'transformers' | 'test';

export interface RenderedFile {
  /** The template's path under `templates/`, e.g. `connector/index.ts.hbs`. */
  readonly template: string;
  readonly output: RenderedOutput;
  readonly content: string;
}

/** A template could not be rendered: a broken template, or a value it refuses. */
export class RenderError extends Error {
  override readonly name = 'RenderError';

  constructor(
    message: string,
    /** The template at fault, when one is. */
    readonly template: string | undefined,
    /** The context key at fault, when one is. */
    readonly key: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const CONNECTOR_TEMPLATES: ReadonlyArray<{ template: string; output: RenderedOutput }> = [
  { template: 'connector/index.ts.hbs', output: 'index' },
  { template: 'connector/transformers.ts.hbs', output: 'transformers' },
  { template: 'connector/test.ts.hbs', output: 'test' },
];

const HELPERS = { ...OUTPUT_HELPERS, ...PREDICATE_HELPERS, ...BLOCK_HELPERS };

/** The parts of a Handlebars AST node the check reads. */
interface AstNode {
  readonly type: string;
  readonly loc: hbs.AST.SourceLocation;
  readonly path?: { readonly type: string; readonly original?: unknown };
  readonly params?: readonly AstNode[];
  readonly program?: hbs.AST.Program;
  readonly inverse?: hbs.AST.Program;
}

function helperName(node: AstNode): string {
  return node.path?.type === 'PathExpression' ? String(node.path.original) : '?';
}

/**
 * Refuses template constructs that could write a value without a helper: a `{{value}}` or
 * `{{{value}}}` that is not an output helper call, a block other than ours, partials, decorators.
 */
export function checkTemplate(template: string, source: string): void {
  const refuse = (node: AstNode, why: string): never => {
    throw new RenderError(`${template}:${node.loc.start.line}: ${why}`, template, undefined);
  };
  const checkParams = (node: AstNode): void => {
    for (const param of node.params ?? []) {
      if (param.type !== 'SubExpression') continue;
      if (!Object.hasOwn(PREDICATE_HELPERS, helperName(param))) {
        refuse(param, `(${helperName(param)} ...) is not a predicate helper`);
      }
      checkParams(param);
    }
  };
  const visit = (program: hbs.AST.Program | undefined): void => {
    for (const statement of program?.body ?? []) {
      const node = statement as unknown as AstNode;
      const name = helperName(node);
      switch (node.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement':
          if (!Object.hasOwn(OUTPUT_HELPERS, name)) {
            refuse(node, `{{${name}}} writes a value without a quoting helper`);
          }
          if ((node.params ?? []).length === 0) refuse(node, `{{${name}}} needs a value`);
          checkParams(node);
          break;
        case 'BlockStatement':
          if (!Object.hasOwn(BLOCK_HELPERS, name)) {
            refuse(node, `{{#${name}}} is not a block helper of ours`);
          }
          checkParams(node);
          visit(node.program);
          visit(node.inverse);
          break;
        default:
          refuse(node, `${node.type} is not allowed in templates`);
      }
    }
  };
  visit(fullHandlebars().parse(source));
}

type HandlebarsApi = typeof Handlebars;
type CompiledTemplates = ReadonlyMap<string, HandlebarsTemplateDelegate<TemplateContext>>;

/** Handlebars' runtime only: enough to run precompiled templates. */
const runtime = (handlebarsRuntimeModule as unknown as { default: HandlebarsApi }).default;

let compiler: HandlebarsApi | undefined;

/** Handlebars with its parser and compiler, loaded only to check or compile templates. */
function fullHandlebars(): HandlebarsApi {
  compiler ??= createRequire(import.meta.url)('handlebars') as HandlebarsApi;
  return compiler;
}

const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** `templates/`, from src/generator (vitest, tsx) or dist/generator (built) alike. */
export function templatesRoot(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

let compiled: CompiledTemplates | undefined;
let hash: string | undefined;

/** Everything the precompiled code depends on, hashed. */
function cacheFile(sources: ReadonlyArray<{ template: string; source: string }>): string {
  const digest = createHash('sha256')
    .update(`handlebars ${runtime.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0`)
    .update(`${Object.keys(OUTPUT_HELPERS).join(',')}\0${Object.keys(PREDICATE_HELPERS).join(',')}`)
    .update(`\0${Object.keys(BLOCK_HELPERS).join(',')}\0`)
    // this module holds the template check: a changed check must re-check the templates
    .update(readFileSync(fileURLToPath(import.meta.url)));
  for (const { template, source } of sources) digest.update(`\0${template}\0${source}`);
  return join(cacheDir(), `templates-${digest.digest('hex').slice(0, 24)}.json`);
}

function readPrecompiled(file: string): Record<string, string> | undefined {
  const bytes = readCacheFile(file);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** Checks and precompiles every template: the source of each template function. */
function precompileTemplates(
  sources: ReadonlyArray<{ template: string; source: string }>,
): Record<string, string> {
  const handlebars = fullHandlebars();
  const specs: Record<string, string> = {};
  for (const { template, source } of sources) {
    checkTemplate(template, source);
    specs[template] = String(handlebars.precompile(source, { ...COMPILE_OPTIONS }));
  }
  return specs;
}

function compileTemplates(): CompiledTemplates {
  if (compiled !== undefined) return compiled;
  const sources = CONNECTOR_TEMPLATES.map(({ template }) => ({
    template,
    source: readFileSync(join(templatesRoot(), template), 'utf8'),
  }));
  const file = cacheFile(sources);
  let specs = readPrecompiled(file);
  if (
    specs === undefined ||
    sources.some(({ template }) => typeof specs?.[template] !== 'string')
  ) {
    specs = precompileTemplates(sources);
    writeCacheFile(file, JSON.stringify(specs));
  }
  const handlebars = runtime.create();
  for (const [name, helper] of Object.entries(HELPERS)) handlebars.registerHelper(name, helper);
  const render = new Map<string, HandlebarsTemplateDelegate<TemplateContext>>();
  for (const { template } of sources) {
    // A precompiled template is the source of an object literal (what Handlebars.compile makes
    // in memory and runs the same way).
    const spec = new Function(`return ${specs[template]!};`)() as TemplateSpecification;
    render.set(template, handlebars.template<TemplateContext>(spec));
  }
  compiled = render;
  return compiled;
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

/** Renders the connector's index, transformers and test files (compiled once per process). */
export function renderConnector(context: TemplateContext): RenderedFile[] {
  const render = compileTemplates();
  checkEnums(context.answers);
  checkBindings(context.names);
  return CONNECTOR_TEMPLATES.map(({ template, output }) => {
    try {
      return { template, output, content: render.get(template)!(context) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const kind = error instanceof TemplateValueError ? 'refused a value' : 'failed';
      throw new RenderError(`${template} ${kind}: ${why}`, template, undefined, { cause: error });
    }
  });
}

/**
 * The hash manifests record for the templates the renderer uses: `hashTemplates` over the
 * `templates/` folder (computed once per process), without the Rust target's `ucs/`.
 */
export function templateHash(): string {
  hash ??= hashTemplateDir(templatesRoot(), ['ucs']);
  return hash;
}
