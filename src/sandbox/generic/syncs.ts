/** @module The generic emulator's PSync and RSync (DESIGN §4b): GETs answered from the ledger. */

import { jsonReply, type GatewayReply } from '../loopback.js';
import { refusedInBand } from './follow-ups.js';
import type { GenericGatewayState } from './state.js';

export function syncPayment(state: GenericGatewayState, transactionId: string): GatewayReply {
  const payment = state.ledger.payment(transactionId);
  if (payment === undefined)
    return refusedInBand('TRANSACTION_NOT_FOUND', `no payment ${transactionId}`);
  return jsonReply(200, {
    status: 'SUCCESS',
    transactionId,
    transactionStatus: payment.status,
  });
}

/** The refund named, else the payment's newest one (an endpoint without `{connectorRefundId}`). */
export function syncRefund(
  state: GenericGatewayState,
  transactionId: string,
  refundId: string | undefined,
): GatewayReply {
  const refund =
    refundId === undefined
      ? state.ledger.latestRefund(transactionId)
      : state.ledger.refund(refundId);
  if (refund === undefined || refund.transactionId !== transactionId) {
    const which = refundId === undefined ? 'no refund' : `no refund ${refundId}`;
    return refusedInBand('REFUND_NOT_FOUND', `${which} of payment ${transactionId}`);
  }
  return jsonReply(200, {
    status: 'SUCCESS',
    refundId: refund.refundId,
    refundStatus: refund.status,
  });
}
