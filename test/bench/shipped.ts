/**
 * The runtime and the reference connectors as they ship: the built JavaScript (cli.ts), not the
 * sources through tsx (whose transform adds a name-setting call to every closure created).
 */

import type * as NuveiChecksum from '../../src/connectors/nuvei/checksum.js';
import type * as NuveiModule from '../../src/connectors/nuvei/index.js';
import type * as PaytmSignature from '../../src/connectors/paytm/signature.js';
import type * as PaytmModule from '../../src/connectors/paytm/index.js';
import type * as Runtime from '../../src/runtime/index.js';
import type { BenchContext } from './context.js';

export interface Shipped {
  readonly runtime: typeof Runtime;
  readonly nuvei: typeof NuveiModule.nuvei;
  readonly paytm: typeof PaytmModule.paytm;
  readonly nuveiChecksum: typeof NuveiChecksum;
  readonly paytmSignature: typeof PaytmSignature;
}

export async function loadShipped(ctx: BenchContext): Promise<Shipped> {
  const { distUrl } = ctx.requireCli();
  const load = <T>(file: string) => import(distUrl(file)) as Promise<T>;
  return {
    runtime: await load<typeof Runtime>('runtime/index.js'),
    nuvei: (await load<typeof NuveiModule>('connectors/nuvei/index.js')).nuvei,
    paytm: (await load<typeof PaytmModule>('connectors/paytm/index.js')).paytm,
    nuveiChecksum: await load<typeof NuveiChecksum>('connectors/nuvei/checksum.js'),
    paytmSignature: await load<typeof PaytmSignature>('connectors/paytm/signature.js'),
  };
}
