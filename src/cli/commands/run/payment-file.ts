/**
 * @module payment.json: what `create-connector run` pays with. The file checks types only; which
 * members a flow needs is the runtime's and the connector's decision (MISSING_REQUIRED_FIELD).
 */

import { z } from '../../../runtime/zod.cjs';

import { CURRENCIES, Secret, type Currency, type PaymentInput } from '../../../runtime/index.js';

const text = z.string();
const address = z
  .object({
    firstName: text,
    lastName: text,
    email: text,
    phone: text,
    phoneCountryCode: text,
    line1: text,
    line2: text,
    line3: text,
    city: text,
    state: text,
    zip: text,
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "US"'),
  })
  .partial()
  .strict();

const minorUnits = z.number().int('minor units: an integer, e.g. 1000 for USD 10.00').safe();

const secretText = z
  .string()
  .min(1)
  .transform((value) => new Secret(value));

const paymentMethod = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('card'),
      number: secretText,
      expMonth: secretText,
      expYear: secretText,
      cvc: secretText,
      holderName: text.optional(),
    })
    .strict(),
  // no vpa is the connector's to refuse (MISSING_REQUIRED_FIELD vpa), not the file's
  z.object({ type: z.literal('upi_collect'), vpa: secretText.optional() }).strict(),
  z.object({ type: z.literal('upi_intent') }).strict(),
  z.object({ type: z.literal('upi_qr') }).strict(),
]);

const browserInfo = z
  .object({
    ipAddress: text,
    userAgent: text,
    osType: text,
    acceptHeader: text,
    acceptLanguage: text,
    language: text,
    colorDepth: z.number().int(),
    screenHeight: z.number().int(),
    screenWidth: z.number().int(),
    timeZoneOffsetMinutes: z.number().int(),
    javaEnabled: z.boolean(),
    javaScriptEnabled: z.boolean(),
  })
  .partial()
  .strict();

export const paymentFileSchema = z
  .object({
    referenceId: text.optional(),
    sessionId: text.optional(),
    sessionToken: text.optional(),
    orderId: text.optional(),
    connectorTransactionId: text.optional(),
    amount: minorUnits.optional(),
    currency: z
      .enum(CURRENCIES as [string, ...string[]], 'an ISO 4217 code such as "USD"')
      .optional(),
    captureId: text.optional(),
    voidId: text.optional(),
    cancellationReason: text.optional(),
    refundId: text.optional(),
    connectorRefundId: text.optional(),
    refundReason: text.optional(),
    paymentAmount: minorUnits.optional(),
    captureMethod: z.enum(['automatic', 'manual']).optional(),
    authType: z.enum(['three_ds', 'no_three_ds']).optional(),
    paymentMethod: paymentMethod.optional(),
    billing: address.optional(),
    shipping: address.optional(),
    customer: z
      .object({
        id: text,
        name: text,
        firstName: text,
        lastName: text,
        email: text,
        phone: text,
        phoneCountryCode: text,
      })
      .partial()
      .strict()
      .optional(),
    browserInfo: browserInfo.optional(),
    returnUrl: z.url().optional(),
    description: text.optional(),
  })
  .strict();

/** Everything payment.json holds: a payment, and the ids and reasons of the flows after it. */
export type PaymentFile = Omit<PaymentInput, 'amount' | 'currency'> & {
  readonly amount?: number;
  readonly currency?: Currency;
  readonly captureId?: string;
  readonly voidId?: string;
  readonly cancellationReason?: string;
  readonly refundId?: string;
  readonly connectorRefundId?: string;
  readonly refundReason?: string;
  readonly paymentAmount?: number;
};

export interface FileIssue {
  readonly key: string;
  readonly rule: string;
}

/** Reads a parsed payment.json; issues name the member path and the rule, never a value. */
export function parsePaymentFile(
  input: unknown,
): { ok: true; payment: PaymentFile } | { ok: false; issues: FileIssue[] } {
  const result = paymentFileSchema.safeParse(input);
  // zod adds no member for an absent optional, which is what exactOptionalPropertyTypes asks.
  if (result.success) return { ok: true, payment: result.data as PaymentFile };
  return {
    ok: false,
    // an unknown member is named itself (`refundAmmount`), not the object that holds it
    issues: result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            key: [...issue.path, key].join('.'),
            rule: 'is not a payment.json member',
          }))
        : [{ key: issue.path.length === 0 ? '(root)' : issue.path.join('.'), rule: issue.message }],
    ),
  };
}
