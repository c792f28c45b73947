/**
 * @module What `record --flow` calls with, from payment.json: run's payment file, plus an optional
 * `followUp` object for the flows after Authorize (capture, void and refund ids, amounts, reasons,
 * the connector's refund id for rsync).
 */

import { z } from 'zod';

import type { PaymentInput } from '../../../runtime/index.js';
import type { CassetteInputs } from '../../../testing/cassette/flow-call.js';
import type { CassetteFlow } from '../../../testing/cassette/format.js';
import { usageError } from '../../errors.js';
import { parsePaymentFile } from '../run/payment-file.js';

const minor = z.number().int('minor units: an integer').positive().safe();

export const followUpSchema = z
  .object({
    amountToCapture: minor,
    merchantCaptureId: z.string(),
    merchantVoidId: z.string(),
    cancellationReason: z.string(),
    refundAmount: minor,
    merchantRefundId: z.string(),
    reason: z.string(),
    connectorRefundId: z.string(),
  })
  .partial()
  .strict();

type FollowUp = z.infer<typeof followUpSchema>;

const defined = <T extends object>(entries: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

/** The flow's input, read from the payment file's JSON; a usage error names what is wrong. */
export function flowInput(
  flow: CassetteFlow,
  json: unknown,
  file: string,
): CassetteInputs[CassetteFlow] {
  const { followUp: rawFollowUp, ...rest } =
    typeof json === 'object' && json !== null
      ? (json as Record<string, unknown>)
      : { followUp: undefined };
  const parsed = parsePaymentFile(typeof json === 'object' && json !== null ? rest : json);
  const followUp = followUpSchema.safeParse(rawFollowUp ?? {});
  const issues = [
    ...(parsed.ok
      ? []
      : parsed.issues.map((issue) => ({ key: `payment.${issue.key}`, rule: issue.rule }))),
    ...(followUp.success
      ? []
      : followUp.error.issues.map((issue) => ({
          key: `payment.followUp${issue.path.length === 0 ? '' : `.${issue.path.join('.')}`}`,
          rule:
            issue.code === 'unrecognized_keys'
              ? `unknown member(s): ${issue.keys.join(', ')}`
              : issue.message,
        }))),
  ];
  if (!parsed.ok || !followUp.success)
    throw usageError(`payment file ${file} is not a valid payment`, issues);
  const payment = parsed.payment;
  if (flow === 'session' || flow === 'authorize') return payment;
  if (payment.connectorTransactionId === undefined) {
    throw usageError(`--flow ${flow} needs the payment's connectorTransactionId`, [
      {
        key: 'payment.connectorTransactionId',
        rule: `required for --flow ${flow}: the gateway's id of the payment`,
      },
    ]);
  }
  return followUpInput(flow, payment, followUp.data);
}

function followUpInput(
  flow: Exclude<CassetteFlow, 'session' | 'authorize'>,
  payment: PaymentInput,
  more: FollowUp,
): CassetteInputs[CassetteFlow] {
  const base = {
    connectorTransactionId: payment.connectorTransactionId!,
    ...defined({ referenceId: payment.referenceId ?? payment.orderId }),
  };
  switch (flow) {
    case 'psync':
      return {
        ...base,
        amount: payment.amount,
        currency: payment.currency,
        ...defined({ captureMethod: payment.captureMethod }),
      };
    case 'capture':
      return {
        ...base,
        amountToCapture: more.amountToCapture ?? payment.amount,
        currency: payment.currency,
        ...defined({ merchantCaptureId: more.merchantCaptureId }),
      };
    case 'void':
      return {
        ...base,
        amount: payment.amount,
        currency: payment.currency,
        ...defined({
          merchantVoidId: more.merchantVoidId,
          cancellationReason: more.cancellationReason,
        }),
      };
    case 'refund':
      return {
        ...base,
        refundAmount: more.refundAmount ?? payment.amount,
        currency: payment.currency,
        paymentAmount: payment.amount,
        ...defined({ merchantRefundId: more.merchantRefundId, reason: more.reason }),
      };
    case 'rsync':
      return {
        ...base,
        ...defined({
          connectorRefundId: more.connectorRefundId,
          merchantRefundId: more.merchantRefundId,
        }),
      };
  }
}
