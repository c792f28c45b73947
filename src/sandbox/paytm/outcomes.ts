/**
 * @module The Paytm emulator's documented tables: the test VPAs and amounts that pick an outcome,
 * and the resultInfo each answer carries (see the tables in ./index.ts).
 */

/** The VPAs of the outcome table. */
export const PAYTM_TEST_VPAS = Object.freeze({
  success: 'success@paytm',
  failure: 'fail@paytm',
  authenticationFailed: 'authfail@paytm',
  authorizationFailed: 'limit@paytm',
  pending: 'pending@paytm',
});

/** The amounts (txnAmount.value) of the outcome tables. */
export const PAYTM_TEST_AMOUNTS = Object.freeze({
  sessionSystemError: '5.01',
  failure: '2.01',
  authenticationFailed: '2.02',
  authorizationFailed: '2.03',
  pending: '2.04',
});

export type Outcome =
  'success' | 'failure' | 'authenticationFailed' | 'authorizationFailed' | 'pending';

export interface ResultInfo {
  readonly resultStatus: string;
  readonly resultCode: string;
  readonly resultMsg: string;
}

export const result = (
  resultStatus: string,
  resultCode: string,
  resultMsg: string,
): ResultInfo => ({
  resultStatus,
  resultCode,
  resultMsg,
});

export const INVALID_PARAMETERS = result('F', '1001', 'Request parameters are not valid');
export const INVALID_CHECKSUM = result('F', '2005', 'Checksum provided is invalid');
const PENDING_MESSAGE =
  'Looks like the payment is not complete. Please wait while we confirm the status with your bank.';

/** initiateTransaction's answers after the checksum. */
export const INITIATE_RESULTS = {
  systemError: result('F', '501', 'System Error'),
  idempotent: result('S', '0002', 'Success Idempotent'),
  success: result('S', '0000', 'Success'),
} as const;

/** processTransaction's refusals, before any outcome. */
export const PROCESS_REFUSALS = {
  missingToken: result('F', '1007', 'Missing mandatory element'),
  sessionExpired: result('F', '1006', 'Your Session has expired.'),
  invalidOrderId: result('F', '309', 'Invalid Order ID'),
} as const;

export const PROCESS_RESULTS: Readonly<Record<Outcome, ResultInfo>> = {
  success: result('S', '0000', 'Success'),
  failure: result('F', '0001', 'Transaction failed'),
  authenticationFailed: result('F', '931', 'Incorrect Passcode'),
  authorizationFailed: result(
    'F',
    'RC-00018',
    'Payment failed as merchant has crossed his daily/monthly/weekly acceptance limit',
  ),
  pending: result('U', '402', PENDING_MESSAGE),
};

/** v3/order/status's resultInfo for an order never processed or unknown. */
export const STATUS_UNKNOWN_ORDER = result('TXN_FAILURE', '334', 'Invalid Order Id.');
export const STATUS_NOT_PROCESSED = result(
  'PENDING',
  '400',
  'Transaction status not confirmed yet',
);

/** v3/order/status's resultInfo for a processed order. */
export function statusResult(outcome: Outcome): ResultInfo {
  if (outcome === 'success') return result('TXN_SUCCESS', '01', 'Txn Success');
  if (outcome === 'pending') return result('PENDING', '402', PENDING_MESSAGE);
  return result('TXN_FAILURE', '227', 'Your payment has been declined by your bank.');
}

const OUTCOME_BY_VPA: ReadonlyMap<string, Outcome> = new Map(
  Object.entries(PAYTM_TEST_VPAS).map(([outcome, vpa]) => [vpa, outcome as Outcome]),
);
const OUTCOME_BY_AMOUNT: ReadonlyMap<string, Outcome> = new Map([
  [PAYTM_TEST_AMOUNTS.failure, 'failure'],
  [PAYTM_TEST_AMOUNTS.authenticationFailed, 'authenticationFailed'],
  [PAYTM_TEST_AMOUNTS.authorizationFailed, 'authorizationFailed'],
  [PAYTM_TEST_AMOUNTS.pending, 'pending'],
]);

/** By the collect VPA first, then by the order's amount; anything else succeeds. */
export function outcomeOf(amount: string, vpa: string | undefined): Outcome {
  return (
    (vpa === undefined ? undefined : OUTCOME_BY_VPA.get(vpa)) ??
    OUTCOME_BY_AMOUNT.get(amount) ??
    'success'
  );
}
