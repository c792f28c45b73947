/**
 * @module The precompiled templates' cache. Parsing, checking and compiling the templates costs a
 * run ~50 ms (Handlebars' compiler and source-map load for it), so the compiled templates are kept
 * between runs, precompiled, in the per-user cache directory the compiler API's code cache uses; a
 * run that finds them loads only Handlebars' runtime. The cache key covers the templates, the
 * helpers, Handlebars' version and the template check's code, so a change to any of them compiles
 * (and checks) again.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as handlebarsRuntimeModule from 'handlebars/runtime.js';

import { cacheDir, readCacheFile, writeCacheFile } from '../cache-dir.js';
import { templatesRoot } from '../package-info.js';
import { BLOCK_HELPERS, OUTPUT_HELPERS, PREDICATE_HELPERS } from './helpers.js';
import {
  checkTemplate,
  fullHandlebars,
  TEMPLATE_CHECK_MODULE,
  type HandlebarsApi,
} from './template-check.js';

/** A compiled template: the context in, the file's text out. */
export type CompiledTemplate = HandlebarsTemplateDelegate<object>;
type CompiledTemplates = ReadonlyMap<string, CompiledTemplate>;

const HELPERS = { ...OUTPUT_HELPERS, ...PREDICATE_HELPERS, ...BLOCK_HELPERS };

/** Handlebars' runtime only: enough to run precompiled templates. */
const runtime = (handlebarsRuntimeModule as unknown as { default: HandlebarsApi }).default;

const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

let compiled: CompiledTemplates | undefined;

/** Everything the precompiled code depends on, hashed. */
function cacheFile(sources: ReadonlyArray<{ template: string; source: string }>): string {
  const digest = createHash('sha256')
    .update(`handlebars ${runtime.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0`)
    .update(`${Object.keys(OUTPUT_HELPERS).join(',')}\0${Object.keys(PREDICATE_HELPERS).join(',')}`)
    .update(`\0${Object.keys(BLOCK_HELPERS).join(',')}\0`)
    // a changed check must re-check the templates
    .update(readFileSync(fileURLToPath(TEMPLATE_CHECK_MODULE)));
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

/**
 * The compiled templates (paths under `templates/`), loaded from the cache or checked and
 * precompiled into it; once per process.
 */
export function compiledTemplates(templates: readonly string[]): CompiledTemplates {
  if (compiled !== undefined) return compiled;
  const sources = templates.map((template) => ({
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
  const render = new Map<string, CompiledTemplate>();
  for (const { template } of sources) {
    // A precompiled template is the source of an object literal (what Handlebars.compile makes
    // in memory and runs the same way).
    const spec = new Function(`return ${specs[template]!};`)() as TemplateSpecification;
    render.set(template, handlebars.template<object>(spec));
  }
  compiled = render;
  return compiled;
}
