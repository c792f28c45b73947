/**
 * @module `--import` hook for start-up probes: appends to the file named by CC_MODULE_LOG every
 * URL an ESM import resolves to and, at exit, every CommonJS file loaded (`cjs:<path>`).
 */

import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.CC_MODULE_LOG;
if (log === undefined) throw new Error('module-probe: set CC_MODULE_LOG');

const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { log } });

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  appendFileSync(
    log,
    Object.keys(cache)
      .map((file) => `cjs:${file}\n`)
      .join(''),
  );
});
