import { nuvei } from '../../../src/connectors/nuvei/index.js';
import { conformancePreset, runConnectorConformance } from '../../../src/testing/index.js';

// the preset `create-connector check` runs too: Nuvei's emulator, its sandbox merchant
runConnectorConformance(conformancePreset(nuvei, { kind: 'nuvei' }));
