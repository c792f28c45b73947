/**
 * @module The runtime call behind each cassette flow, shared by the recorder and the replay: the
 * same inputs reach the same helper (`authorize`, `sync`, `capture`, …) both times, and the
 * outcome is summed up the same way (status, refund status, in-band error code, typed error).
 */

import {
  authorize,
  capture,
  createSessionToken,
  isRuntimeError,
  refund,
  refundSync,
  sync,
  voidPayment,
  type AmountType,
  type CallOptions,
  type CaptureInput,
  type Connector,
  type FlowName,
  type PaymentInput,
  type RefundInput,
  type RefundSyncInput,
  type RouterData,
  type SyncInput,
  type VoidInput,
} from '../../runtime/index.js';
import type { CassetteFlow, CassetteOutcome } from './format.js';

/** What each flow's call takes. */
export interface CassetteInputs {
  session: PaymentInput;
  authorize: PaymentInput;
  psync: SyncInput;
  capture: CaptureInput;
  void: VoidInput;
  refund: RefundInput;
  rsync: RefundSyncInput;
}

export interface FlowCallResult {
  readonly outcome: CassetteOutcome;
  /** The last flow's router data, when the call returned one. */
  readonly routerData?: RouterData<FlowName>;
  /** The typed runtime error the call threw, if any. */
  readonly error?: Error;
}

function summary(data: RouterData<FlowName>): FlowCallResult {
  const response = data.response;
  const value = response?.ok === true ? (response.value as { refundStatus?: string }) : undefined;
  return {
    outcome: {
      status: data.flowData.status,
      ...(value?.refundStatus === undefined ? {} : { refundStatus: value.refundStatus }),
      ...(response?.ok === false ? { errorCode: response.error.code } : {}),
    },
    routerData: data,
  };
}

async function call(
  connector: Connector<AmountType>,
  flow: CassetteFlow,
  input: CassetteInputs[CassetteFlow],
  options: CallOptions,
): Promise<RouterData<FlowName>> {
  switch (flow) {
    case 'session':
      return createSessionToken(connector, input as PaymentInput, options);
    case 'authorize': {
      const outcome = await authorize(connector, input as PaymentInput, options);
      return outcome.stage === 'Authorize' ? outcome.authorize : outcome.session;
    }
    case 'psync':
      return sync(connector, input as SyncInput, options);
    case 'capture':
      return capture(connector, input as CaptureInput, options);
    case 'void':
      return voidPayment(connector, input as VoidInput, options);
    case 'refund':
      return refund(connector, input as RefundInput, options);
    case 'rsync':
      return refundSync(connector, input as RefundSyncInput, options);
  }
}

/** Runs the flow's call; a typed runtime error becomes the outcome, anything else is thrown. */
export async function callCassetteFlow<F extends CassetteFlow>(
  connector: Connector<AmountType>,
  flow: F,
  input: CassetteInputs[F],
  options: CallOptions,
): Promise<FlowCallResult> {
  try {
    return summary(await call(connector, flow, input, options));
  } catch (error) {
    if (!isRuntimeError(error)) throw error;
    return {
      outcome: { status: 'Failure', error: { kind: error.kind, code: error.code } },
      error,
    };
  }
}
