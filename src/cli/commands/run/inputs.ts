/**
 * @module The two files `run` and `record` read: auth.json as the runtime's credential union and
 * payment.json as a payment file, each refused with the member and the rule when wrong.
 */

import { resolve } from 'node:path';

import { parseAuth, type ConnectorAuthType } from '../../../runtime/index.js';
import { usageError } from '../../errors.js';
import { parsePaymentFile, type PaymentFile } from './payment-file.js';
import { readJsonFile } from './read-json.js';

export interface RunInputs {
  readonly credentials: ConnectorAuthType;
  readonly payment: PaymentFile;
}

export async function readRunInputs(
  cwd: string,
  id: string,
  files: { readonly auth: string; readonly payment: string },
): Promise<RunInputs> {
  const authJson = await readJsonFile(resolve(cwd, files.auth), 'auth');
  const paymentJson = await readJsonFile(resolve(cwd, files.payment), 'payment');
  let credentials: ConnectorAuthType;
  try {
    credentials = parseAuth(authJson, id);
  } catch (error) {
    throw usageError(`auth file ${files.auth}: ${(error as Error).message}`, [
      { key: 'auth', rule: (error as Error).message },
    ]);
  }
  const parsed = parsePaymentFile(paymentJson);
  if (!parsed.ok) {
    throw usageError(
      `payment file ${files.payment} is not a valid payment`,
      parsed.issues.map((issue) => ({ key: `payment.${issue.key}`, rule: issue.rule })),
    );
  }
  return { credentials, payment: parsed.payment };
}
