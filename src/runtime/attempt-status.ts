/** @module AttemptStatus: the state of one payment attempt, with UCS's names. */

export const ATTEMPT_STATUSES = [
  'Started',
  'AuthenticationFailed',
  'RouterDeclined',
  'AuthenticationPending',
  'AuthenticationSuccessful',
  'Authorized',
  'AuthorizationFailed',
  'Charged',
  'Authorizing',
  'CodInitiated',
  'Voided',
  'VoidInitiated',
  'CaptureInitiated',
  'CaptureFailed',
  'VoidFailed',
  'AutoRefunded',
  'PartialCharged',
  'PartialChargedAndChargeable',
  'Unresolved',
  'Pending',
  'Failure',
  'PaymentMethodAwaited',
  'ConfirmationAwaited',
  'DeviceDataCollectionPending',
] as const;

export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

const TERMINAL_FAILURES: ReadonlySet<AttemptStatus> = new Set([
  'Failure',
  'AuthenticationFailed',
  'AuthorizationFailed',
  'RouterDeclined',
  'CaptureFailed',
  'VoidFailed',
]);

export function isFailureStatus(status: AttemptStatus): boolean {
  return TERMINAL_FAILURES.has(status);
}

export function isAttemptStatus(value: unknown): value is AttemptStatus {
  return typeof value === 'string' && (ATTEMPT_STATUSES as readonly string[]).includes(value);
}
