/**
 * @module Magic values that force the outcome of Capture, Void and Refund on the generic
 * emulator, as the test cards force Authorize's (cards.ts): a `reference` (the session's
 * `clientRequestId` too: a declined or failed session) starting with one of
 * {@link GENERIC_FORCING_REFERENCES}, or an `amount` (minor units) equal to one of
 * {@link GENERIC_FORCING_AMOUNTS}. A forced outcome leaves the payment as it was; a forced
 * declined or pending refund is recorded (FAILED or PENDING, holding no money back when FAILED)
 * so that RSync can report it.
 */

export type ForcedOutcome = 'decline' | 'pending' | 'error';

/** `force-decline`, `force-decline-42`, … (Void has no amount: its reference is the only way). */
export const GENERIC_FORCING_REFERENCES: Readonly<Record<ForcedOutcome, string>> = {
  decline: 'force-decline',
  pending: 'force-pending',
  error: 'force-error',
};

/** Minor units: 99.02, 99.07 and 99.19 of a two-decimal currency. */
export const GENERIC_FORCING_AMOUNTS: Readonly<Record<ForcedOutcome, number>> = {
  decline: 9902,
  pending: 9907,
  error: 9919,
};

const OUTCOMES: readonly ForcedOutcome[] = ['decline', 'pending', 'error'];

export function forcedOutcome(reference: string, amount?: number): ForcedOutcome | undefined {
  return OUTCOMES.find(
    (outcome) =>
      reference.startsWith(GENERIC_FORCING_REFERENCES[outcome]) ||
      (amount !== undefined && amount === GENERIC_FORCING_AMOUNTS[outcome]),
  );
}
