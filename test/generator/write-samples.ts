/**
 * @module `npm run samples`: rewrites `generated-samples/` with a fresh render of every case (and
 * a case per preset), printing each file it changed. Review the diff before committing it.
 */

import { writeSamples, type SampleDrift } from '../../src/generator/verify/samples.js';

const VERBS: Readonly<Record<SampleDrift['kind'], string>> = {
  missing: 'create',
  changed: 'update',
  extra: 'delete',
  invalid: 'INVALID',
};

const changes = await writeSamples();
for (const change of changes) {
  const why = change.kind === 'invalid' ? `: ${change.message}` : '';
  process.stdout.write(`${VERBS[change.kind].padEnd(7)} ${change.case}/${change.path}${why}\n`);
}
process.stdout.write(
  changes.length === 0 ? 'samples: up to date\n' : `samples: ${changes.length} file(s)\n`,
);
// an invalid answers file cannot be rendered: fail so it is noticed
process.exitCode = changes.some((change) => change.kind === 'invalid') ? 1 : 0;
