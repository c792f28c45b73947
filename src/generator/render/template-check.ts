/**
 * @module The check every template passes before it is compiled: each `{{...}}` goes through a
 * helper that quotes or validates its value; no partials, decorators or blocks of others.
 * Loads Handlebars' parser (with its compiler) only when a template is checked or compiled.
 */

import { createRequire } from 'node:module';

import type Handlebars from 'handlebars';

import { BLOCK_HELPERS, OUTPUT_HELPERS, PREDICATE_HELPERS } from './helpers.js';
import { RenderError } from './render-error.js';

/** This module's file: its code is part of the precompiled templates' cache key. */
export const TEMPLATE_CHECK_MODULE = import.meta.url;

export type HandlebarsApi = typeof Handlebars;

let compiler: HandlebarsApi | undefined;

/** Handlebars with its parser and compiler, loaded only to check or compile templates. */
export function fullHandlebars(): HandlebarsApi {
  compiler ??= createRequire(import.meta.url)('handlebars') as HandlebarsApi;
  return compiler;
}

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
