/** @module Preload for lazy-loading probes: any ESM import of a heavy module throws. */

import { register } from 'node:module';

const hooks = `
const HEAVY = /^(prettier|diff|handlebars|ts-morph|typescript|@ts-morph\\/common)(\\/|$)/;
export async function resolve(specifier, context, next) {
  if (HEAVY.test(specifier)) throw new Error('heavy module imported: ' + specifier);
  return next(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
