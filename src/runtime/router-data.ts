/** @module RouterData: one flow's input, shared payment state and result; immutable, a flow returns a new one. */

import type { AttemptStatus } from './attempt-status.js';
import type { ConnectorAuthType } from './auth.js';
import type { ErrorResponse } from './error-response.js';
import { IntegrationError } from './errors.js';
import type { FlowName, FlowRequest, FlowResponse } from './flows.js';
import type { Address, Customer } from './payment-data.js';

/** State shared by every flow of one payment (UCS `PaymentFlowData`). */
export interface PaymentFlowData {
  /** The merchant's reference for this call (UCS `connector_request_reference_id`). */
  readonly referenceId: string;
  readonly status: AttemptStatus;
  /** Set by CreateSessionToken, read by Authorize. */
  readonly sessionToken?: string;
  readonly billing?: Address;
  readonly shipping?: Address;
  readonly customer?: Customer;
  readonly returnUrl?: string;
  readonly description?: string;
}

export type Result<T, E> =
  | { readonly ok: true; readonly value: T; readonly error?: never }
  | { readonly ok: false; readonly error: E; readonly value?: never };

export interface RouterData<F extends FlowName> {
  readonly flow: F;
  readonly flowData: PaymentFlowData;
  readonly request: FlowRequest<F>;
  readonly auth: ConnectorAuthType;
  /** Absent until the flow has run. */
  readonly response?: Result<FlowResponse<F>, ErrorResponse>;
}

export function createRouterData<F extends FlowName>(
  flow: F,
  init: {
    readonly flowData: PaymentFlowData;
    readonly request: FlowRequest<F>;
    readonly auth: ConnectorAuthType;
  },
): RouterData<F> {
  return { flow, flowData: init.flowData, request: init.request, auth: init.auth };
}

/** The flow succeeded: a new RouterData with the response and any changes to the shared state. */
export function withSuccess<F extends FlowName>(
  routerData: RouterData<F>,
  value: FlowResponse<F>,
  flowData: Partial<PaymentFlowData> = {},
): RouterData<F> {
  return {
    ...routerData,
    flowData: { ...routerData.flowData, ...flowData },
    response: { ok: true, value },
  };
}

/** The gateway reported a failure in-band: a new RouterData carrying its ErrorResponse. */
export function withError<F extends FlowName>(
  routerData: RouterData<F>,
  error: ErrorResponse,
  flowData: Partial<PaymentFlowData> = {},
): RouterData<F> {
  return {
    ...routerData,
    flowData: { ...routerData.flowData, ...flowData },
    response: { ok: false, error },
  };
}

/** The session token Authorize must carry, or MISSING_REQUIRED_FIELD before any HTTP. */
export function getSessionToken(flowData: PaymentFlowData): string {
  const token = flowData.sessionToken;
  if (token === undefined) throw IntegrationError.missingField('session_token');
  return token;
}
