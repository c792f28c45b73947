/**
 * @module The generator as a library (`import … from 'create-connector'`): validate answers,
 * plan a connector's files, apply the plan, regenerate, remove and verify — what the CLI does,
 * without a terminal.
 */

export {
  ANSWER_KEYS,
  ANSWER_META,
  parseAnswers,
  validateAnswer,
  type Answers,
  type AnswersInput,
} from './answers/index.js';
export {
  ConflictError,
  GeneratorError,
  InternalError,
  IoError,
  MergeConflictError,
  UsageError,
  type Issue,
} from './errors.js';
export {
  applyPlan,
  planNewConnector,
  planRemoval,
  type KeptFile,
  type RemovalPlan,
  readWorkspaceSnapshot,
  registeredIds,
  type ConnectorPlan,
  type WorkspaceSnapshot,
} from './lifecycle/index.js';
export { names, PRESETS, presetAnswers, type Names, type PresetId } from './answers/index.js';
export { planRegeneration, type RegenerationPlan } from './lifecycle/index.js';
export { PhaseTimer, type Phase } from './timings.js';
export { verify, type VerifyOptions, type VerifyReport } from './verify/index.js';
export { loadWorkspace, type Workspace } from './workspace.js';
