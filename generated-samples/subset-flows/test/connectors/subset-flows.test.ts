/**
 * Tests of the SubsetFlows connector.
 *
 * Each cassette in cassettes/ is one scenario: the requests the gateway expects (volatile and
 * secret members declared by rule) and the answers it gives. Its test replays them over loopback
 * HTTP and checks that the connector sends exactly those requests and maps the answers to the
 * recorded outcome. create-connector recorded them from the generic emulator; when you adapt the
 * connector to your gateway, edit the cassettes' lines or re-record them against its sandbox
 * (`create-connector record subset_flows --flow authorize --base-url …`). The shared conformance
 * suite checks the runtime's promises over the same answers.
 */

import { describe } from 'vitest';

import { Secret, type PaymentInput } from '../../src/runtime/index.js';
import { GENERIC_TEST_CARDS, genericSandboxAuth } from '../../src/sandbox/index.js';
import {
  cassetteConformance,
  itReplaysCassettes,
  runConnectorConformance,
} from '../../src/testing/index.js';
import { subsetFlows as connector } from '../../src/connectors/subset-flows/index.js';

const cassettes = new URL('./subset-flows/cassettes/', import.meta.url);
const auth = genericSandboxAuth('SignatureKey');

/** A card payment: it fills the members the cassettes hold masked. */
const payment: PaymentInput = {
  referenceId: 'order-1001',
  amount: 1050,
  currency: 'USD',
  captureMethod: 'automatic',
  paymentMethod: {
    type: 'card',
    number: new Secret(GENERIC_TEST_CARDS.approve),
    expMonth: new Secret('12'),
    expYear: new Secret('2030'),
    cvc: new Secret('123'),
  },
};

describe('SubsetFlows', () => {
  itReplaysCassettes(cassettes, { connector, auth, payment });
});

runConnectorConformance({ connector, auth, payment, ...cassetteConformance(cassettes) });
