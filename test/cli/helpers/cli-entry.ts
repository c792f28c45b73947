/**
 * @module What bin/create-connector.js does, over the sources (run with `node --import tsx`), so
 * child-process tests need no build.
 */

import { main } from '../../../src/cli/main.js';

const code = await main(process.argv.slice(2));
let pending = 2;
const done = () => (--pending === 0 ? process.exit(code) : undefined);
process.stdout.write('', done);
process.stderr.write('', done);
