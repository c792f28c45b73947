/**
 * @module `verify` (c): the connectors the `nuvei` and `paytm` presets generate (their stored
 * samples, loaded from the sample workspace) fingerprinted against the hand-written references.
 */

import path from 'node:path';

import { nuvei } from '../../connectors/nuvei/index.js';
import { paytm } from '../../connectors/paytm/index.js';
import type { AmountType, Connector } from '../../runtime/index.js';
import {
  compareFingerprints,
  fingerprintConnector,
  FINGERPRINT_FLOWS,
  type ConnectorFingerprint,
} from './fingerprint.js';
import { importWorkspaceModule } from '../load-module.js';
import { names } from '../answers/names.js';
import { PRESET_IDS, PRESETS, type PresetId } from '../answers/presets.js';
import { samplePath } from './sample-workspace.js';
import { checkResult, errorMessage, type VerifyCheck, type VerifyProblem } from './checks.js';
import type { LoadedSamples } from './samples-run.js';

const REFERENCE_CONNECTORS: { readonly [P in PresetId]: Connector<AmountType> } = {
  nuvei,
  paytm,
};

function isConnector(value: unknown): value is Connector<AmountType> {
  const candidate = value as Partial<Connector<AmountType>> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'string' &&
    typeof candidate.flows === 'object' &&
    typeof candidate.validation === 'object'
  );
}

function describeValue(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

function otherFlowsNote(id: PresetId, reference: ConnectorFingerprint): string | undefined {
  if (reference.otherFlows.length === 0) return undefined;
  return (
    `the reference ${id} also defines ${reference.otherFlows.join(', ')}, in its gateway's own ` +
    `wire format, so the preset chooses no flow after Authorize: only ` +
    `${FINGERPRINT_FLOWS.join(' and ')} are compared`
  );
}

/** The problems of one preset: its sample missing or unloadable, or each field that differs. */
async function presetProblems(
  id: PresetId,
  reference: ConnectorFingerprint,
  samples: LoadedSamples,
): Promise<VerifyProblem[]> {
  const preset = names(PRESETS[id].name);
  const index = samplePath(preset.folder, 'index');
  const origin = samples.origins.get(index);
  if (!samples.cases.some((candidate) => candidate.name === id) || origin === undefined) {
    return [{ message: `no generated sample of the ${id} preset to compare` }];
  }
  let generated: unknown;
  try {
    const module = await importWorkspaceModule(path.join(samples.workspace.root, index));
    generated = module[preset.value];
  } catch (error) {
    return [{ file: origin, message: `cannot load it: ${errorMessage(error)}` }];
  }
  if (!isConnector(generated)) {
    return [{ file: origin, message: `does not export the connector "${preset.value}"` }];
  }
  return compareFingerprints(reference, fingerprintConnector(generated)).map((mismatch) => ({
    file: origin,
    message:
      `the ${id} preset does not describe the reference connector: ${mismatch.field} is ` +
      `${describeValue(mismatch.generated)}, the reference has ${describeValue(mismatch.reference)}`,
  }));
}

export async function presetsCheck(samples: LoadedSamples): Promise<VerifyCheck> {
  const problems: VerifyProblem[] = [];
  const notes: string[] = [];
  for (const id of PRESET_IDS) {
    const reference = fingerprintConnector(REFERENCE_CONNECTORS[id]);
    const note = otherFlowsNote(id, reference);
    if (note !== undefined) notes.push(note);
    problems.push(...(await presetProblems(id, reference, samples)));
  }
  return checkResult(
    'presets',
    `${PRESET_IDS.join(' and ')} presets fingerprinted against the reference connectors`,
    problems,
    notes,
  );
}
