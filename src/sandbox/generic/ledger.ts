/**
 * @module The generic emulator's ledger: what happened to each payment and refund, so that
 * Capture, Void and Refund are only accepted when the money is there, and the syncs answer from
 * it. Amounts are minor units.
 */

import type { Currency } from '../../runtime/index.js';

/** A payment's state as PSync reports it (DESIGN §4b's `transactionStatus`). */
export type LedgerPaymentStatus =
  'APPROVED' | 'CAPTURED' | 'DECLINED' | 'PENDING' | 'VOIDED' | 'REDIRECT';

export interface LedgerPayment {
  readonly transactionId: string;
  readonly merchantId: string;
  readonly amount: number;
  readonly currency: Currency;
  status: LedgerPaymentStatus;
  /** Captured so far (the whole amount at once for an automatic capture). */
  captured: number;
  refunded: number;
}

export type LedgerRefundStatus = 'SUCCEEDED' | 'FAILED' | 'PENDING';

export interface LedgerRefund {
  readonly refundId: string;
  readonly transactionId: string;
  readonly amount: number;
  readonly reference: string;
  readonly status: LedgerRefundStatus;
}

export class Ledger {
  readonly #payments = new Map<string, LedgerPayment>();
  readonly #refunds = new Map<string, LedgerRefund>();
  #refundCount = 0;

  addPayment(payment: Omit<LedgerPayment, 'refunded'>): void {
    this.#payments.set(payment.transactionId, { ...payment, refunded: 0 });
  }

  payment(transactionId: string): LedgerPayment | undefined {
    return this.#payments.get(transactionId);
  }

  /** The newest payment's id: what an endpoint without `{connectorTransactionId}` is about. */
  latestPaymentId(): string {
    return [...this.#payments.keys()].at(-1) ?? '';
  }

  /** Records a refund and numbers it; only a SUCCEEDED or PENDING refund holds money back. */
  addRefund(
    payment: LedgerPayment,
    amount: number,
    reference: string,
    status: LedgerRefundStatus,
  ): LedgerRefund {
    this.#refundCount += 1;
    const refund: LedgerRefund = {
      refundId: `rf_${String(this.#refundCount).padStart(6, '0')}`,
      transactionId: payment.transactionId,
      amount,
      reference,
      status,
    };
    if (status !== 'FAILED') payment.refunded += amount;
    this.#refunds.set(refund.refundId, refund);
    return refund;
  }

  refund(refundId: string): LedgerRefund | undefined {
    return this.#refunds.get(refundId);
  }

  /** The payment's newest refund: what RSync reports at an endpoint without `{connectorRefundId}`. */
  latestRefund(transactionId: string): LedgerRefund | undefined {
    let latest: LedgerRefund | undefined;
    for (const refund of this.#refunds.values()) {
      if (refund.transactionId === transactionId) latest = refund;
    }
    return latest;
  }
}
