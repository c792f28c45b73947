import { paytm } from '../../../src/connectors/paytm/index.js';
import { conformancePreset, runConnectorConformance } from '../../../src/testing/index.js';

// the preset `create-connector check` runs too: Paytm's emulator, its sandbox merchant
runConnectorConformance(conformancePreset(paytm, { kind: 'paytm' }));
