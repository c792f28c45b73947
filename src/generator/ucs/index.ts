/**
 * @module The Rust target: render a session-token connector into a seed-era checkout of Juspay's
 * connector-service (UCS) and wire it in by structure, with the same plan/apply guarantees as the
 * TypeScript target.
 */

export { ConflictError, UsageError } from './adapter.js';
export {
  heckWords,
  prostVariant,
  toShoutySnakeCase,
  toSnakeCase,
  toUpperCamelCase,
  ucsNames,
  type UcsNames,
} from './names.js';
export { ucsConnectorFiles, type ConnectorFiles } from './connector-files.js';
export { SEED_FLOWS, type SeedFlow } from './flows.js';
export {
  AUTH_SLOTS,
  parseUcsAnswers,
  UCS_AUTH_TYPES,
  type AuthField,
  type UcsAnswers,
  type UcsInputs,
} from './inputs.js';
export {
  checkAgainstMock,
  defaultMockDir,
  type MockCheckResult,
  type MockConnector,
} from './mock-check.js';
export { CONNECTORS_DIR, renderUcsConnector, type RenderedFile } from './render.js';
export { hasTool, rustfmtSource, runTool } from './rust-tools.js';
export {
  checkUcsConnector,
  UCS_CHECKS,
  type UcsCheck,
  type UcsCheckName,
  type UcsCheckReport,
} from './checks.js';
export { detectLayout, requireSeedLayout, type Layout } from './layout.js';
export { applyUcsPlan, planUcsNew, planUcsRemove, type UcsPlan } from './plan.js';
export { EDIT_POINTS, type EditPoint } from './wiring.js';
export {
  checkUcsSamples,
  checkUcsSamplesAgainstMock,
  defaultUcsSamplesDir,
  listUcsSamples,
  UCS_SAMPLES_FOLDER,
  writeUcsSamples,
  type UcsSampleDrift,
} from './samples.js';
export { unifiedDiff } from './adapter.js';
