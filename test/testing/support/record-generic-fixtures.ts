/**
 * Records the cassettes of test/fixtures/cassettes/generic-flows from the generic emulator with the
 * hand-written generic-flows connector: `node --import tsx test/testing/support/record-generic-fixtures.ts`.
 * (`create-connector record` does the same for a registered connector.)
 */

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { Secret, type PaymentInput } from '../../../src/runtime/index.js';
import { genericSandboxAuth, startGenericEmulator } from '../../../src/sandbox/index.js';
import { formatCassette, recordCassette } from '../../../src/testing/cassette/index.js';
import { GENERIC_FLOWS_SPEC, genericFlows } from './generic-flows-connector.js';

const FIXTURE_PAYMENT: PaymentInput = {
  referenceId: 'order_0001',
  amount: 1000,
  currency: 'USD',
  captureMethod: 'automatic',
  paymentMethod: {
    type: 'card',
    number: new Secret('4111111111111111'),
    expMonth: new Secret('12'),
    expYear: new Secret('2031'),
    cvc: new Secret('737'),
  },
};

async function main(): Promise<void> {
  const dir = path.join(import.meta.dirname, '../../fixtures/cassettes/generic-flows');
  const emulator = await startGenericEmulator(GENERIC_FLOWS_SPEC);
  const auth = genericSandboxAuth('SignatureKey');
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
  const charged = await recordCassette({
    connector: genericFlows,
    flow: 'authorize',
    input: FIXTURE_PAYMENT,
    auth,
    baseUrl: emulator.baseUrl,
  });
  write('authorize-charged.json', formatCassette(charged.cassette));
  // a wrong api secret makes the checksum wrong: the emulator refuses the session in-band
  const refused = await recordCassette({
    connector: genericFlows,
    flow: 'session',
    input: FIXTURE_PAYMENT,
    auth: { ...auth, apiSecret: new Secret('not_the_api_secret') } as typeof auth,
    baseUrl: emulator.baseUrl,
    scenario: 'refused',
  });
  write('session-refused.json', formatCassette(refused.cassette));
  await emulator.close();
}

await main();
