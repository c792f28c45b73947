/**
 * @module Flow names and the request and response data each flow carries. The set is open:
 * `FlowTypes` is an interface, so a connector adds a flow by declaration merging
 * (`declare module 'create-connector/runtime' { interface FlowTypes { MyFlow: {…} } }`), declares its
 * spec under that name and runs it with `callFlow`; nothing here lists it.
 */

import type { Currency } from './currency.js';
import type {
  AuthenticationType,
  BrowserInfo,
  CaptureMethod,
  PaymentMethodData,
} from './payment-data.js';
import type { RefundStatus } from './refund-status.js';

/** The flows this runtime models, in a payment's order (for listings; not a limit). */
export const FLOW_NAMES = [
  'CreateSessionToken',
  'Authorize',
  'PSync',
  'Capture',
  'Void',
  'Refund',
  'RSync',
] as const;
export type BuiltInFlowName = (typeof FLOW_NAMES)[number];
/** Every flow the program knows: the built-in ones plus any merged into `FlowTypes`. */
export type FlowName = keyof FlowTypes & string;

/** The core's own name of a flow, as its NOT_IMPLEMENTED message spells it. */
const CORE_FLOW_NAMES: Readonly<Record<BuiltInFlowName, string>> = {
  CreateSessionToken: 'create_session_token',
  Authorize: 'authorize',
  PSync: 'psync',
  Capture: 'capture',
  Void: 'void',
  Refund: 'refund',
  RSync: 'refund_sync',
};

/** `RSync` → `refund_sync`; a flow of a connector's own → its name in snake_case. */
export function coreFlowName(flow: string): string {
  if (Object.hasOwn(CORE_FLOW_NAMES, flow)) return CORE_FLOW_NAMES[flow as BuiltInFlowName];
  return flow.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();
}

export interface SessionTokenRequestData {
  /** Minor units. */
  readonly amount: number;
  readonly currency: Currency;
  readonly browserInfo?: BrowserInfo;
}

export interface SessionTokenResponseData {
  readonly sessionToken: string;
}

export interface PaymentsAuthorizeData {
  /** Minor units. */
  readonly amount: number;
  readonly currency: Currency;
  readonly paymentMethod: PaymentMethodData;
  readonly captureMethod: CaptureMethod;
  readonly authType: AuthenticationType;
  readonly browserInfo?: BrowserInfo;
}

export interface PaymentsSyncData {
  /** `""` when the caller gave none (the core sends it empty rather than refusing). */
  readonly connectorTransactionId: string;
  /** Minor units; some gateways echo it back. */
  readonly amount?: number;
  readonly currency?: Currency;
  readonly captureMethod?: CaptureMethod;
}

/** UCS `PaymentsCaptureData`. */
export interface PaymentsCaptureData {
  /** Minor units; may be less than the authorized amount (a partial capture). */
  readonly amountToCapture: number;
  readonly currency: Currency;
  /** The authorization's id; `""` when the caller gave none. */
  readonly connectorTransactionId: string;
  readonly merchantCaptureId?: string;
}

/** UCS `PaymentVoidData`. */
export interface PaymentVoidData {
  readonly connectorTransactionId: string;
  /** The payment's amount, minor units (some gateways require it). */
  readonly amount?: number;
  readonly currency?: Currency;
  readonly merchantVoidId?: string;
  readonly cancellationReason?: string;
}

/** UCS `RefundsData`. */
export interface RefundsData {
  /** Minor units. */
  readonly refundAmount: number;
  readonly currency: Currency;
  /** The payment (or capture) being refunded. */
  readonly connectorTransactionId: string;
  /** `""` when the caller gave none. */
  readonly merchantRefundId: string;
  readonly paymentAmount?: number;
  readonly reason?: string;
}

/** UCS `RefundSyncData`. */
export interface RefundSyncData {
  readonly connectorTransactionId: string;
  /** The gateway's id of the refund, from the Refund flow's answer. */
  readonly connectorRefundId?: string;
  readonly merchantRefundId?: string;
}

/** UCS `RefundsResponseData`. */
export interface RefundsResponseData {
  readonly connectorRefundId: string;
  readonly refundStatus: RefundStatus;
}

export type ResponseId =
  | { readonly type: 'ConnectorTransactionId'; readonly id: string }
  | { readonly type: 'NoResponseId' };

/** Where the customer must go next, when the gateway asks for a redirect. */
export type RedirectForm =
  | {
      readonly type: 'form';
      readonly endpoint: string;
      readonly method: 'GET' | 'POST';
      readonly formFields: Readonly<Record<string, string>>;
    }
  | { readonly type: 'uri'; readonly uri: string };

export interface PaymentsResponseData {
  readonly resourceId: ResponseId;
  readonly redirection?: RedirectForm;
  readonly connectorMetadata?: Readonly<Record<string, unknown>>;
  readonly connectorResponseReferenceId?: string;
}

/** The request and response data of every flow, keyed by flow name; open to declaration merging. */
export interface FlowTypes {
  CreateSessionToken: { request: SessionTokenRequestData; response: SessionTokenResponseData };
  Authorize: { request: PaymentsAuthorizeData; response: PaymentsResponseData };
  PSync: { request: PaymentsSyncData; response: PaymentsResponseData };
  Capture: { request: PaymentsCaptureData; response: PaymentsResponseData };
  Void: { request: PaymentVoidData; response: PaymentsResponseData };
  Refund: { request: RefundsData; response: RefundsResponseData };
  RSync: { request: RefundSyncData; response: RefundsResponseData };
}

export type FlowRequest<F extends FlowName> = FlowTypes[F]['request'];
export type FlowResponse<F extends FlowName> = FlowTypes[F]['response'];
