/**
 * @module The connector registry: every connector this workspace knows, by id.
 * `create-connector new` adds one import and one entry (sorted); `remove` takes them out.
 */

import type { AmountType, Connector } from '../runtime/index.js';
import { nuvei } from './nuvei/index.js';
import { paytm } from './paytm/index.js';

export const connectors = {
  nuvei,
  paytm,
} as const satisfies Readonly<Record<string, Connector<AmountType>>>;

export type ConnectorId = keyof typeof connectors;
