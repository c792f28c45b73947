/**
 * @module Paytm result codes → attempt status (UCS `map_paytm_authorize_status_to_attempt_status`
 * and `map_paytm_sync_status_to_attempt_status`). Only `resultCode` counts; `resultStatus` is
 * ignored. Unknown codes are Pending.
 */

import type { AttemptStatus } from '../../runtime/index.js';

function codeTable(entries: ReadonlyArray<readonly [AttemptStatus, readonly string[]]>) {
  const table = new Map<string, AttemptStatus>();
  for (const [status, codes] of entries) for (const code of codes) table.set(code, status);
  return table;
}

const AUTHORIZE_STATUS = codeTable([
  ['Authorized', ['0000']],
  ['AuthenticationFailed', ['931', '1006', '2004']],
  ['AuthorizationFailed', ['RC-00018', '312', '315']],
  ['Failure', ['0001', '309', '1001', '1007', '501', '510', '372', '1005']],
]);

const SYNC_STATUS = codeTable([
  ['Charged', ['01']],
  ['Pending', ['400', '402']],
  ['AuthorizationFailed', ['335', '843']],
  ['Failure', ['235', '295', '334', '267', '331', '820', '227', '401', '501', '810']],
]);

/** processTransaction: `0000` is Authorized (never Charged), whatever the capture method. */
export function authorizeStatus(resultCode: string): AttemptStatus {
  return AUTHORIZE_STATUS.get(resultCode) ?? 'Pending';
}

/** v3/order/status. */
export function syncStatus(resultCode: string): AttemptStatus {
  return SYNC_STATUS.get(resultCode) ?? 'Pending';
}

/** The statuses Paytm's transformers answer with an ErrorResponse. */
export function isPaytmFailure(status: AttemptStatus): boolean {
  return (
    status === 'Failure' || status === 'AuthenticationFailed' || status === 'AuthorizationFailed'
  );
}
