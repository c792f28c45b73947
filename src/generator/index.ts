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
} from './answers.js';
export {
  ConflictError,
  GeneratorError,
  InternalError,
  IoError,
  MergeConflictError,
  UsageError,
  type Issue,
} from './errors.js';
export { applyPlan, planNewConnector, registeredIds, type ConnectorPlan } from './generate.js';
export { names, type Names } from './names.js';
export { PRESETS, presetAnswers, type PresetId } from './presets.js';
export { planRegeneration, type RegenerationPlan } from './regenerate.js';
export { planRemoval, type KeptFile, type RemovalPlan } from './remove-plan.js';
export { PhaseTimer, type Phase } from './timings.js';
export { verify, type VerifyOptions, type VerifyReport } from './verify.js';
export { loadWorkspace, type Workspace } from './workspace.js';
