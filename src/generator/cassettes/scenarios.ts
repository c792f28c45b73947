/**
 * @module The day-one scenarios: for each flow a connector may declare, the situations the
 * generic emulator can produce (approved, declined, pending, a redirect, a failed session, an
 * error status, …), each as the input to record and, for the flows after Authorize, the payment
 * to set up first (not recorded). A flow the connector declares gets its scenarios' cassettes
 * with no more work; a flow it does not declare gets none.
 */

import {
  authorize,
  Secret,
  type AmountType,
  type CallOptions,
  type Card,
  type Connector,
  type PaymentInput,
} from '../../runtime/index.js';
import {
  GENERIC_FORCING_REFERENCES,
  GENERIC_TEST_CARDS,
  type GenericEmulator,
} from '../../sandbox/generic.js';
import type { CassetteInputs } from '../../testing/cassette/flow-call.js';
import { CONNECTOR_FLOW_OF, type CassetteFlow } from '../../testing/cassette/flow-flags.js';
import { InternalError } from '../errors.js';

/** What a scenario's set-up calls run with: the connector against the emulator. */
export interface ScenarioContext {
  readonly connector: Connector<AmountType>;
  readonly call: CallOptions;
  readonly emulator: Pick<GenericEmulator, 'refundInLedger'>;
}

export interface Scenario<F extends CassetteFlow = CassetteFlow> {
  readonly flow: F;
  /** Lower-case words and dashes; the file is `<flow>-<name>.json`. */
  readonly name: string;
  /** The input to record, after any set-up on the same emulator. */
  readonly input: (context: ScenarioContext) => Promise<CassetteInputs[F]> | CassetteInputs[F];
}

const REFERENCE = 'order-1001';
const AMOUNT = 1050;
const CURRENCY = 'USD';

function card(number: string, expMonth = '12'): Card {
  return {
    type: 'card',
    number: new Secret(number),
    expMonth: new Secret(expMonth),
    expYear: new Secret('2030'),
    cvc: new Secret('123'),
  };
}

function payment(overrides: Partial<PaymentInput> = {}): PaymentInput {
  return {
    referenceId: REFERENCE,
    amount: AMOUNT,
    currency: CURRENCY,
    captureMethod: 'automatic',
    paymentMethod: card(GENERIC_TEST_CARDS.approve),
    ...overrides,
  };
}

/** Authorizes an approved payment (not recorded) and returns the gateway's id of it. */
async function authorized(
  context: ScenarioContext,
  captureMethod: 'automatic' | 'manual',
): Promise<string> {
  const outcome = await authorize(context.connector, payment({ captureMethod }), context.call);
  const value = outcome.stage === 'Authorize' ? outcome.authorize.response : undefined;
  if (value?.ok === true && value.value.resourceId.type === 'ConnectorTransactionId') {
    return value.value.resourceId.id;
  }
  throw new InternalError(`the set-up payment was not authorized (${outcome.status})`);
}

/**
 * A refunded payment (not recorded): the ids RSync asks about. The refund is made in the
 * emulator's ledger, so a connector with RSync but no Refund gets its cassette too.
 */
async function refunded(context: ScenarioContext) {
  const connectorTransactionId = await authorized(context, 'automatic');
  const connectorRefundId = context.emulator.refundInLedger(
    connectorTransactionId,
    AMOUNT,
    'refund-1001',
  );
  if (connectorRefundId === undefined) throw new InternalError('the set-up refund was refused');
  return { connectorTransactionId, connectorRefundId };
}

function refundOf(connectorTransactionId: string) {
  return {
    referenceId: REFERENCE,
    connectorTransactionId,
    refundAmount: AMOUNT,
    currency: CURRENCY,
    paymentAmount: AMOUNT,
  } as const;
}

const declined = (id: string) => `${GENERIC_FORCING_REFERENCES.decline}-${id}`;

function scenario<F extends CassetteFlow>(
  flow: F,
  name: string,
  input: Scenario<F>['input'],
): Scenario {
  return { flow, name, input } as unknown as Scenario;
}

/** Every scenario, in the order they are recorded (which numbers the emulator's ids). */
export const SCENARIOS: readonly Scenario[] = [
  scenario('session', 'approved', () => payment()),
  scenario('session', 'declined', () => payment({ referenceId: declined('1001') })),
  scenario('authorize', 'charged', () => payment()),
  scenario('authorize', 'authorized', () => payment({ captureMethod: 'manual' })),
  scenario('authorize', 'pending', () =>
    payment({ paymentMethod: card(GENERIC_TEST_CARDS.pending) }),
  ),
  scenario('authorize', 'redirect', () =>
    payment({ paymentMethod: card(GENERIC_TEST_CARDS.redirect) }),
  ),
  scenario('authorize', 'declined', () =>
    payment({ paymentMethod: card(GENERIC_TEST_CARDS.decline) }),
  ),
  scenario('authorize', 'error', () => payment({ paymentMethod: card(GENERIC_TEST_CARDS.error) })),
  // a month the gateway refuses with HTTP 400 (the runtime checks no card member's format)
  scenario('authorize', 'error-status', () =>
    payment({ paymentMethod: card(GENERIC_TEST_CARDS.approve, '13') }),
  ),
  scenario('authorize', 'session-declined', () => payment({ referenceId: declined('1002') })),
  scenario('psync', 'charged', async (context) => ({
    referenceId: REFERENCE,
    connectorTransactionId: await authorized(context, 'automatic'),
    amount: AMOUNT,
    currency: CURRENCY,
    captureMethod: 'automatic',
  })),
  scenario('psync', 'authorized', async (context) => ({
    referenceId: REFERENCE,
    connectorTransactionId: await authorized(context, 'manual'),
    amount: AMOUNT,
    currency: CURRENCY,
    captureMethod: 'manual',
  })),
  scenario('capture', 'charged', async (context) => ({
    referenceId: REFERENCE,
    connectorTransactionId: await authorized(context, 'manual'),
    amountToCapture: AMOUNT,
    currency: CURRENCY,
    merchantCaptureId: 'capture-1001',
  })),
  scenario('capture', 'declined', async (context) => ({
    referenceId: REFERENCE,
    connectorTransactionId: await authorized(context, 'manual'),
    amountToCapture: AMOUNT,
    currency: CURRENCY,
    merchantCaptureId: declined('capture-1001'),
  })),
  scenario('void', 'voided', async (context) => ({
    referenceId: REFERENCE,
    connectorTransactionId: await authorized(context, 'manual'),
    amount: AMOUNT,
    currency: CURRENCY,
    merchantVoidId: 'void-1001',
  })),
  scenario('void', 'declined', async (context) => ({
    referenceId: REFERENCE,
    connectorTransactionId: await authorized(context, 'manual'),
    amount: AMOUNT,
    currency: CURRENCY,
    merchantVoidId: declined('void-1001'),
  })),
  scenario('refund', 'success', async (context) => ({
    ...refundOf(await authorized(context, 'automatic')),
    merchantRefundId: 'refund-1001',
  })),
  scenario('refund', 'declined', async (context) => ({
    ...refundOf(await authorized(context, 'automatic')),
    merchantRefundId: declined('refund-1001'),
  })),
  scenario('rsync', 'success', async (context) => ({
    referenceId: REFERENCE,
    ...(await refunded(context)),
    merchantRefundId: 'refund-1001',
  })),
];

/** The scenarios of the flows `connector` declares. */
export function scenariosOf(connector: Connector<AmountType>): readonly Scenario[] {
  return SCENARIOS.filter((each) => connector.flows[CONNECTOR_FLOW_OF[each.flow]] !== undefined);
}
