/**
 * @module The payment sequence: CreateSessionToken when the connector asks for it, the token
 * stored in the flow data, then Authorize (UCS's router before #515). A failed session step ends
 * the sequence: no Authorize request is sent.
 */

import type { AmountType } from './amount.js';
import type { AttemptStatus } from './attempt-status.js';
import { executeOptions, type CallOptions } from './call-options.js';
import { requireFlow } from './flow-presence.js';
import { resolveBaseUrl, type Connector } from './connector.js';
import type { Currency } from './currency.js';
import type { ErrorResponse } from './error-response.js';
import { IntegrationError } from './errors.js';
import { sync } from './flow-calls.js';
import { executeFlow, prepareRequest } from './http/executor.js';
import type {
  Address,
  AuthenticationType,
  BrowserInfo,
  CaptureMethod,
  Customer,
  PaymentMethodData,
} from './payment-data.js';
import { createRouterData, type PaymentFlowData, type RouterData } from './router-data.js';

/** Everything a caller knows about one payment; each flow takes what it needs. */
export interface PaymentInput {
  /** The merchant's reference for the payment (UCS `merchant_transaction_id`); `""` when absent. */
  readonly referenceId?: string;
  /** Alias of `referenceId`, under the name order-based gateways use. */
  readonly orderId?: string;
  /** The session step's own reference (UCS `merchant_server_session_id`); defaults to the reference id. */
  readonly sessionId?: string;
  /** A token obtained earlier: Authorize uses it and skips the session step. */
  readonly sessionToken?: string;
  /** Minor units. */
  readonly amount: number;
  readonly currency: Currency;
  readonly captureMethod?: CaptureMethod;
  readonly authType?: AuthenticationType;
  readonly paymentMethod?: PaymentMethodData;
  readonly billing?: Address;
  readonly shipping?: Address;
  readonly customer?: Customer;
  readonly browserInfo?: BrowserInfo;
  readonly returnUrl?: string;
  readonly description?: string;
  /** The gateway's id of an earlier payment, for PSync. */
  readonly connectorTransactionId?: string;
}

export interface AuthorizeOptions extends CallOptions {
  /**
   * `false` sends Authorize alone, as UCS's current core does: without `payment.sessionToken`
   * a connector that needs one fails with MISSING_REQUIRED_FIELD before any HTTP.
   */
  readonly runSessionStep?: boolean;
}

export type AuthorizeOutcome =
  | {
      /** The session step failed in-band; no Authorize request was sent. */
      readonly stage: 'CreateSessionToken';
      readonly status: AttemptStatus;
      readonly session: RouterData<'CreateSessionToken'>;
      readonly error: ErrorResponse;
    }
  | {
      readonly stage: 'Authorize';
      readonly status: AttemptStatus;
      /** Present when this call ran the session step. */
      readonly session?: RouterData<'CreateSessionToken'>;
      readonly authorize: RouterData<'Authorize'>;
    };

/** Stands in for the token while Authorize's request is checked before the session step. */
const PLACEHOLDER_TOKEN = 'session-token-not-yet-issued';

function paymentReference(payment: PaymentInput): string {
  return payment.referenceId ?? payment.orderId ?? '';
}

function flowDataFor(payment: PaymentInput, referenceId: string): PaymentFlowData {
  return {
    referenceId,
    status: 'Started',
    ...(payment.billing === undefined ? {} : { billing: payment.billing }),
    ...(payment.shipping === undefined ? {} : { shipping: payment.shipping }),
    ...(payment.customer === undefined ? {} : { customer: payment.customer }),
    ...(payment.returnUrl === undefined ? {} : { returnUrl: payment.returnUrl }),
    ...(payment.description === undefined ? {} : { description: payment.description }),
  };
}

/** Runs CreateSessionToken alone. On success the token is in `flowData.sessionToken`. */
export async function createSessionToken<A extends AmountType>(
  connector: Connector<A>,
  payment: PaymentInput,
  options: CallOptions,
): Promise<RouterData<'CreateSessionToken'>> {
  requireFlow(connector, 'CreateSessionToken');
  const routerData = createRouterData('CreateSessionToken', {
    flowData: flowDataFor(payment, payment.sessionId ?? paymentReference(payment)),
    request: {
      amount: payment.amount,
      currency: payment.currency,
      ...(payment.browserInfo === undefined ? {} : { browserInfo: payment.browserInfo }),
    },
    auth: options.auth,
  });
  return executeFlow(connector, routerData, executeOptions(connector, options));
}

/**
 * Authorizes a payment. Runs CreateSessionToken first when the connector's
 * `shouldDoSessionToken()` says so and the caller passed no token.
 */
export async function authorize<A extends AmountType>(
  connector: Connector<A>,
  payment: PaymentInput,
  options: AuthorizeOptions,
): Promise<AuthorizeOutcome> {
  const context = { connector: connector.id, flow: 'Authorize' };
  const { paymentMethod } = payment;
  if (paymentMethod === undefined) {
    throw IntegrationError.missingField('payment_method', context);
  }
  if (connector.validation.shouldDoOrderCreate()) {
    throw IntegrationError.notImplemented('CreateOrder before Authorize', context);
  }

  const authorizeData = (flowData: Partial<PaymentFlowData>): RouterData<'Authorize'> =>
    createRouterData('Authorize', {
      flowData: { ...flowDataFor(payment, paymentReference(payment)), ...flowData },
      request: {
        amount: payment.amount,
        currency: payment.currency,
        paymentMethod,
        captureMethod: payment.captureMethod ?? 'automatic',
        authType: payment.authType ?? 'no_three_ds',
        ...(payment.browserInfo === undefined ? {} : { browserInfo: payment.browserInfo }),
      },
      auth: options.auth,
    });

  let session: RouterData<'CreateSessionToken'> | undefined;
  let sessionToken = payment.sessionToken;
  const runSessionStep = options.runSessionStep ?? connector.validation.shouldDoSessionToken();
  if (sessionToken === undefined && runSessionStep) {
    // a payment Authorize would refuse must not spend a session token first
    prepareRequest(
      connector,
      authorizeData({ sessionToken: PLACEHOLDER_TOKEN }),
      resolveBaseUrl(connector, options),
    );
    session = await createSessionToken(connector, payment, options);
    if (session.response?.ok !== true) {
      const error = session.response?.error ?? {
        statusCode: 0,
        code: 'NO_RESPONSE',
        message: 'the session step returned no response',
      };
      return {
        stage: 'CreateSessionToken',
        status: error.attemptStatus ?? 'Failure',
        session,
        error,
      };
    }
    sessionToken = session.flowData.sessionToken ?? session.response.value.sessionToken;
  }

  const routerData = authorizeData({
    ...(session === undefined ? {} : { status: session.flowData.status }),
    ...(sessionToken === undefined ? {} : { sessionToken }),
  });
  const authorized = await executeFlow(connector, routerData, executeOptions(connector, options));
  return {
    stage: 'Authorize',
    status: authorized.flowData.status,
    ...(session === undefined ? {} : { session }),
    authorize: authorized,
  };
}

/** PSync from a PaymentInput: `sync` with the payment's reference, id, amount and currency. */
export function psync<A extends AmountType>(
  connector: Connector<A>,
  payment: PaymentInput,
  options: CallOptions,
): Promise<RouterData<'PSync'>> {
  return sync(
    connector,
    {
      referenceId: paymentReference(payment),
      amount: payment.amount,
      currency: payment.currency,
      ...(payment.connectorTransactionId === undefined
        ? {}
        : { connectorTransactionId: payment.connectorTransactionId }),
      ...(payment.captureMethod === undefined ? {} : { captureMethod: payment.captureMethod }),
    },
    options,
  );
}
