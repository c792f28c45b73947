/**
 * @module The Nuvei emulator's documented tables: the test cards and amounts that pick a
 * payment's outcome (see the tables in ./index.ts), and the gateway error each outcome carries.
 */

/** The magic card numbers of the outcome table. */
export const NUVEI_TEST_CARDS = Object.freeze({
  approved: '4111111111111111',
  declined: '4000000000000002',
  error: '4000000000000119',
  redirect: '4000000000003220',
  pending: '4000000000000077',
});

/** Amounts in major units (any currency: "500.00" USD, "500" JPY) that fail at the HTTP level. */
export const NUVEI_TEST_AMOUNTS = Object.freeze({
  internalServerError: 500,
  serviceUnavailable: 503,
});

/** The title of the HTML page answered for a test amount, by amount (= HTTP status). */
export const SERVER_ERROR_PAGES: Readonly<Record<number, string>> = {
  [NUVEI_TEST_AMOUNTS.internalServerError]: '500 Internal Server Error',
  [NUVEI_TEST_AMOUNTS.serviceUnavailable]: '503 Service Unavailable',
};

export type TransactionStatus = 'APPROVED' | 'DECLINED' | 'ERROR' | 'REDIRECT' | 'PENDING';

export function outcomeOf(cardNumber: string): TransactionStatus {
  switch (cardNumber) {
    case NUVEI_TEST_CARDS.declined:
      return 'DECLINED';
    case NUVEI_TEST_CARDS.error:
      return 'ERROR';
    case NUVEI_TEST_CARDS.redirect:
      return 'REDIRECT';
    case NUVEI_TEST_CARDS.pending:
      return 'PENDING';
    default:
      return 'APPROVED';
  }
}

export function gatewayError(status: TransactionStatus) {
  if (status === 'DECLINED')
    return { gwErrorCode: -1, gwErrorReason: 'Decline', gwExtendedErrorCode: 0 };
  if (status === 'ERROR') {
    return { gwErrorCode: -1100, gwErrorReason: 'Filter Error', gwExtendedErrorCode: 1100 };
  }
  return { gwErrorCode: 0, gwExtendedErrorCode: 0 };
}

/**
 * Merchant references (clientUniqueId) of settle, void and refund that pick the answer instead
 * of the ledger's rules, by prefix: `decline_1`, `pending-capture`, `error`.
 */
export const NUVEI_TEST_REFERENCES = Object.freeze({
  declined: 'decline',
  pending: 'pending',
  error: 'error',
});

/** The forced outcome of a settle, void or refund, or undefined to apply the ledger's rules. */
export function referenceOutcome(clientUniqueId: string): TransactionStatus | undefined {
  if (clientUniqueId.startsWith(NUVEI_TEST_REFERENCES.declined)) return 'DECLINED';
  if (clientUniqueId.startsWith(NUVEI_TEST_REFERENCES.pending)) return 'PENDING';
  if (clientUniqueId.startsWith(NUVEI_TEST_REFERENCES.error)) return 'ERROR';
  return undefined;
}
