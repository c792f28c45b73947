/** @module Whether a connector declares a flow, and the core's NOT_IMPLEMENTED when it does not. */

import type { AmountType } from './amount.js';
import type { Connector } from './connector.js';
import { IntegrationError } from './errors.js';
import { coreFlowName } from './flows.js';

/** Whether the connector declares `flow` (its own properties only: `toString` is no flow). */
export function hasFlow(connector: Connector<AmountType>, flow: string): boolean {
  return Object.hasOwn(connector.flows, flow) && connector.flows[flow as never] !== undefined;
}

/** NOT_IMPLEMENTED, in the core's words, before any HTTP when the connector lacks the flow. */
export function requireFlow(connector: Connector<AmountType>, flow: string): void {
  if (!hasFlow(connector, flow)) {
    throw IntegrationError.notImplemented(`${coreFlowName(flow)} flow for ${connector.id}`, {
      connector: connector.id,
      flow,
    });
  }
}
