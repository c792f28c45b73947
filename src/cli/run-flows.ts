/** @module The flows `run --flow` takes, outside the run command so that `--help` loads no command. */

import { CASSETTE_FLOWS, type CassetteFlow } from '../testing/cassette/flow-flags.js';

/** `run --flow` takes every flow a cassette can hold. */
export const RUN_FLOWS = CASSETTE_FLOWS;
export type RunFlow = CassetteFlow;
