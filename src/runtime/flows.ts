/** @module Flow names and the request and response data each flow carries. */

import type { Currency } from './currency.js';
import type {
  AuthenticationType,
  BrowserInfo,
  CaptureMethod,
  PaymentMethodData,
} from './payment-data.js';

export const FLOW_NAMES = ['CreateSessionToken', 'Authorize', 'PSync'] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

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
  readonly connectorTransactionId: string;
  /** Minor units; some gateways echo it back. */
  readonly amount?: number;
  readonly currency?: Currency;
  readonly captureMethod?: CaptureMethod;
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

/** The request and response data of every flow, keyed by flow name. */
export interface FlowTypes {
  CreateSessionToken: { request: SessionTokenRequestData; response: SessionTokenResponseData };
  Authorize: { request: PaymentsAuthorizeData; response: PaymentsResponseData };
  PSync: { request: PaymentsSyncData; response: PaymentsResponseData };
}

export type FlowRequest<F extends FlowName> = FlowTypes[F]['request'];
export type FlowResponse<F extends FlowName> = FlowTypes[F]['response'];
