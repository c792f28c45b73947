/**
 * @module One call per flow after Authorize: `sync`, `capture`, `voidPayment`, `refund`,
 * `refundSync`, and `callFlow` for any flow a connector declares (its own included). Each checks
 * what the core checks before any HTTP, in the core's order and words: the flow declared
 * (NOT_IMPLEMENTED), then the flow's required inputs; the connector checks the rest.
 */

import type { AmountType } from './amount.js';
import { executeOptions, type CallOptions } from './call-options.js';
import { requireFlow } from './flow-presence.js';
import type { Connector } from './connector.js';
import type { Currency } from './currency.js';
import { IntegrationError } from './errors.js';
import type { FlowName, FlowRequest } from './flows.js';
import { executeFlow } from './http/executor.js';
import type { CaptureMethod } from './payment-data.js';
import { createRouterData, type PaymentFlowData, type RouterData } from './router-data.js';

/** What every call after Authorize may carry. */
interface FollowUpInput {
  /** The merchant's reference of the payment (UCS `merchant_transaction_id`); `""` when absent. */
  readonly referenceId?: string;
  /** The gateway's id of the payment (or of its capture, for a refund). */
  readonly connectorTransactionId?: string;
}

export interface SyncInput extends FollowUpInput {
  /** Minor units: required (as the core requires it) though most gateways are not sent it. */
  readonly amount?: number;
  readonly currency?: Currency;
  readonly captureMethod?: CaptureMethod;
}

export interface CaptureInput extends FollowUpInput {
  /** Minor units; less than the authorized amount is a partial capture. */
  readonly amountToCapture?: number;
  readonly currency?: Currency;
  readonly merchantCaptureId?: string;
}

export interface VoidInput extends FollowUpInput {
  /** The payment's amount, minor units. */
  readonly amount?: number;
  readonly currency?: Currency;
  readonly merchantVoidId?: string;
  readonly cancellationReason?: string;
}

export interface RefundInput extends FollowUpInput {
  /** Minor units. */
  readonly refundAmount?: number;
  readonly currency?: Currency;
  readonly merchantRefundId?: string;
  readonly paymentAmount?: number;
  readonly reason?: string;
}

export interface RefundSyncInput extends FollowUpInput {
  readonly connectorRefundId?: string;
  readonly merchantRefundId?: string;
}

type Context = { readonly connector: string; readonly flow: string };

function flowData(input: FollowUpInput): PaymentFlowData {
  return { referenceId: input.referenceId ?? '', status: 'Started' };
}

/** An amount and its currency, as the core reads them: the amount first, then the currency. */
function amountWithCurrency(
  amount: number | undefined,
  currency: Currency | undefined,
  field: string,
  context: Context,
): { amount: number; currency: Currency } {
  if (amount === undefined) throw IntegrationError.missingField(field, context);
  if (currency === undefined) throw IntegrationError.invalidCurrency('Unspecified', context);
  return { amount, currency };
}

const defined = <T extends object>(entries: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

/**
 * Runs any flow the connector declares with a request already in the flow's own terms: the way
 * to call a flow the runtime has no helper for.
 */
export async function callFlow<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  flow: F,
  request: FlowRequest<F>,
  options: CallOptions & { readonly referenceId?: string },
): Promise<RouterData<F>> {
  requireFlow(connector, flow);
  const routerData = createRouterData(flow, {
    flowData: flowData(options),
    request,
    auth: options.auth,
  });
  return executeFlow(connector, routerData, executeOptions(connector, options));
}

async function run<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  flow: F,
  input: FollowUpInput,
  options: CallOptions,
  request: (context: Context) => FlowRequest<F>,
): Promise<RouterData<F>> {
  requireFlow(connector, flow);
  const routerData = createRouterData(flow, {
    flowData: flowData(input),
    request: request({ connector: connector.id, flow }),
    auth: options.auth,
  });
  return executeFlow(connector, routerData, executeOptions(connector, options));
}

/** PSync: the gateway's view of an earlier payment. The amount is required, the id is not. */
export function sync<A extends AmountType>(
  connector: Connector<A>,
  input: SyncInput,
  options: CallOptions,
): Promise<RouterData<'PSync'>> {
  return run(connector, 'PSync', input, options, (context) => {
    if (input.amount === undefined) throw IntegrationError.missingField('amount', context);
    return {
      connectorTransactionId: input.connectorTransactionId ?? '',
      amount: input.amount,
      ...defined({ currency: input.currency, captureMethod: input.captureMethod }),
    };
  });
}

/** Capture: settles all or part of an authorized payment. */
export function capture<A extends AmountType>(
  connector: Connector<A>,
  input: CaptureInput,
  options: CallOptions,
): Promise<RouterData<'Capture'>> {
  return run(connector, 'Capture', input, options, (context) => {
    const { amount, currency } = amountWithCurrency(
      input.amountToCapture,
      input.currency,
      'amount_to_capture',
      context,
    );
    return {
      amountToCapture: amount,
      currency,
      connectorTransactionId: input.connectorTransactionId ?? '',
      ...defined({ merchantCaptureId: input.merchantCaptureId }),
    };
  });
}

/** Void: cancels an authorization before it is captured. */
export function voidPayment<A extends AmountType>(
  connector: Connector<A>,
  input: VoidInput,
  options: CallOptions,
): Promise<RouterData<'Void'>> {
  return run(connector, 'Void', input, options, () => ({
    connectorTransactionId: input.connectorTransactionId ?? '',
    ...defined({
      amount: input.amount,
      currency: input.currency,
      merchantVoidId: input.merchantVoidId,
      cancellationReason: input.cancellationReason,
    }),
  }));
}

/** Refund: returns all or part of captured money. The result carries a RefundStatus. */
export function refund<A extends AmountType>(
  connector: Connector<A>,
  input: RefundInput,
  options: CallOptions,
): Promise<RouterData<'Refund'>> {
  return run(connector, 'Refund', input, options, (context) => {
    const { amount, currency } = amountWithCurrency(
      input.refundAmount,
      input.currency,
      'refund_amount',
      context,
    );
    return {
      refundAmount: amount,
      currency,
      connectorTransactionId: input.connectorTransactionId ?? '',
      merchantRefundId: input.merchantRefundId ?? '',
      ...defined({ paymentAmount: input.paymentAmount, reason: input.reason }),
    };
  });
}

/** Refund sync: the gateway's view of an earlier refund. The payment's id is required. */
export function refundSync<A extends AmountType>(
  connector: Connector<A>,
  input: RefundSyncInput,
  options: CallOptions,
): Promise<RouterData<'RSync'>> {
  return run(connector, 'RSync', input, options, (context) => {
    const { connectorTransactionId } = input;
    if (connectorTransactionId === undefined) {
      throw IntegrationError.missingConnectorTransactionId(context);
    }
    return {
      connectorTransactionId,
      ...defined({
        connectorRefundId: input.connectorRefundId,
        merchantRefundId: input.merchantRefundId,
      }),
    };
  });
}
