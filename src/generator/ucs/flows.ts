/**
 * @module The seed era's flows (`ConnectorServiceTrait` in connector-service's
 * `backend/interfaces/src/connector_types.rs` at 2026.02.25.0): each flow marker trait with the
 * `ConnectorIntegrationV2` it requires. Data table; layout detection checks a checkout's trait
 * against it.
 */

export interface SeedFlow {
  /** The marker trait in `interfaces::connector_types`. */
  readonly trait: string;
  /** The flow struct in `domain_types::connector_flow`. */
  readonly flow: string;
  readonly common: 'PaymentFlowData' | 'RefundFlowData' | 'DisputeFlowData';
  /** Request data type; `<T>` included where generic over the payment method data. */
  readonly request: string;
  readonly response: string;
}

// prettier-ignore
export const SEED_FLOWS: readonly SeedFlow[] = [
  { trait: 'PaymentAuthorizeV2<T>',           flow: 'Authorize',                common: 'PaymentFlowData', request: 'PaymentsAuthorizeData<T>',             response: 'PaymentsResponseData' },
  { trait: 'PaymentSyncV2',                   flow: 'PSync',                    common: 'PaymentFlowData', request: 'PaymentsSyncData',                     response: 'PaymentsResponseData' },
  { trait: 'PaymentOrderCreate',              flow: 'CreateOrder',              common: 'PaymentFlowData', request: 'PaymentCreateOrderData',               response: 'PaymentCreateOrderResponse' },
  { trait: 'PaymentSessionToken',             flow: 'CreateSessionToken',       common: 'PaymentFlowData', request: 'SessionTokenRequestData',              response: 'SessionTokenResponseData' },
  { trait: 'PaymentAccessToken',              flow: 'CreateAccessToken',        common: 'PaymentFlowData', request: 'AccessTokenRequestData',               response: 'AccessTokenResponseData' },
  { trait: 'CreateConnectorCustomer',         flow: 'CreateConnectorCustomer',  common: 'PaymentFlowData', request: 'ConnectorCustomerData',                response: 'ConnectorCustomerResponse' },
  { trait: 'PaymentTokenV2<T>',               flow: 'PaymentMethodToken',       common: 'PaymentFlowData', request: 'PaymentMethodTokenizationData<T>',     response: 'PaymentMethodTokenResponse' },
  { trait: 'PaymentVoidV2',                   flow: 'Void',                     common: 'PaymentFlowData', request: 'PaymentVoidData',                      response: 'PaymentsResponseData' },
  { trait: 'PaymentVoidPostCaptureV2',        flow: 'VoidPC',                   common: 'PaymentFlowData', request: 'PaymentsCancelPostCaptureData',        response: 'PaymentsResponseData' },
  { trait: 'RefundV2',                        flow: 'Refund',                   common: 'RefundFlowData',  request: 'RefundsData',                          response: 'RefundsResponseData' },
  { trait: 'PaymentCapture',                  flow: 'Capture',                  common: 'PaymentFlowData', request: 'PaymentsCaptureData',                  response: 'PaymentsResponseData' },
  { trait: 'SetupMandateV2<T>',               flow: 'SetupMandate',             common: 'PaymentFlowData', request: 'SetupMandateRequestData<T>',           response: 'PaymentsResponseData' },
  { trait: 'RepeatPaymentV2<T>',              flow: 'RepeatPayment',            common: 'PaymentFlowData', request: 'RepeatPaymentData<T>',                 response: 'PaymentsResponseData' },
  { trait: 'AcceptDispute',                   flow: 'Accept',                   common: 'DisputeFlowData', request: 'AcceptDisputeData',                    response: 'DisputeResponseData' },
  { trait: 'RefundSyncV2',                    flow: 'RSync',                    common: 'RefundFlowData',  request: 'RefundSyncData',                       response: 'RefundsResponseData' },
  { trait: 'DisputeDefend',                   flow: 'DefendDispute',            common: 'DisputeFlowData', request: 'DisputeDefendData',                    response: 'DisputeResponseData' },
  { trait: 'SubmitEvidenceV2',                flow: 'SubmitEvidence',           common: 'DisputeFlowData', request: 'SubmitEvidenceData',                   response: 'DisputeResponseData' },
  { trait: 'PaymentPreAuthenticateV2<T>',     flow: 'PreAuthenticate',          common: 'PaymentFlowData', request: 'PaymentsPreAuthenticateData<T>',       response: 'PaymentsResponseData' },
  { trait: 'PaymentAuthenticateV2<T>',        flow: 'Authenticate',             common: 'PaymentFlowData', request: 'PaymentsAuthenticateData<T>',          response: 'PaymentsResponseData' },
  { trait: 'PaymentPostAuthenticateV2<T>',    flow: 'PostAuthenticate',         common: 'PaymentFlowData', request: 'PaymentsPostAuthenticateData<T>',      response: 'PaymentsResponseData' },
  { trait: 'SdkSessionTokenV2',               flow: 'SdkSessionToken',          common: 'PaymentFlowData', request: 'PaymentsSdkSessionTokenData',          response: 'PaymentsResponseData' },
  { trait: 'PaymentIncrementalAuthorization', flow: 'IncrementalAuthorization', common: 'PaymentFlowData', request: 'PaymentsIncrementalAuthorizationData', response: 'PaymentsResponseData' },
  { trait: 'MandateRevokeV2',                 flow: 'MandateRevoke',            common: 'PaymentFlowData', request: 'MandateRevokeRequestData',             response: 'MandateRevokeResponseData' },
];

/** The flows the generated connector implements with `macro_connector_implementation!`. */
export const IMPLEMENTED_FLOWS: ReadonlySet<string> = new Set(['CreateSessionToken', 'Authorize']);

/** The other supertraits of `ConnectorServiceTrait`, implemented empty or by hand. */
export const NON_FLOW_SUPERTRAITS = [
  'ConnectorCommon',
  'ValidationTrait',
  'IncomingWebhook',
  'VerifyRedirectResponse',
] as const;

/** Supertrait names without generics, as written in `ConnectorServiceTrait`'s bound list. */
export function seedSupertraits(): string[] {
  return [...NON_FLOW_SUPERTRAITS, ...SEED_FLOWS.map((flow) => flow.trait.replace(/<T>$/, ''))];
}
