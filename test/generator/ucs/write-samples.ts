/** @module `npm run samples` (Rust part): rewrites `generated-samples/ucs/` from the UCS cases. */

import { writeUcsSamples } from '../../../src/generator/ucs/index.js';
import { CASES } from './cases.js';

const written = await writeUcsSamples(CASES);
for (const file of written) process.stdout.write(`write   ucs/${file}\n`);
process.stdout.write(
  written.length === 0 ? 'ucs samples: up to date\n' : `ucs samples: ${written.length} file(s)\n`,
);
