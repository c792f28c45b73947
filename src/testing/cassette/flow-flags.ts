/**
 * @module The flows as `run --flow`, `record --flow` and cassettes name them, with the connector
 * flow each calls last: one list, light (no zod), so `--help` can offer it without loading more.
 */

import type { FlowName } from '../../runtime/flows.js';

/** Which runtime call a cassette replays (and `run --flow` / `record --flow` runs). */
export const CASSETTE_FLOWS = [
  'session',
  'authorize',
  'psync',
  'capture',
  'void',
  'refund',
  'rsync',
] as const;
export type CassetteFlow = (typeof CASSETTE_FLOWS)[number];

/** The connector flow each of them calls last. */
export const CONNECTOR_FLOW_OF: { readonly [F in CassetteFlow]: FlowName } = {
  session: 'CreateSessionToken',
  authorize: 'Authorize',
  psync: 'PSync',
  capture: 'Capture',
  void: 'Void',
  refund: 'Refund',
  rsync: 'RSync',
};
