/**
 * @module The lifecycle room: plan a new connector, regenerate or remove one, apply a plan. Each
 * step reads the workspace once (plan.ts) and plans in memory; apply-plan writes atomically.
 */

export { applyPlan } from './apply-plan.js';
export { connectorFiles, type ConnectorFiles } from './connector-files.js';
export { nameRefusal, takenNames } from './existing.js';
export { createManifest, parseManifest, serializeManifest, type Manifest } from './manifest.js';
export {
  finishPlan,
  readWorkspaceSnapshot,
  registeredIds,
  type ConnectorPlan,
  type WorkspaceSnapshot,
} from './plan.js';
export { planNewConnector, type NewConnectorOptions } from './plan-new.js';
export { planRemoval, type KeptFile, type RemovalPlan } from './plan-remove.js';
export { planRegeneration, type RegenerationPlan } from './regenerate.js';
