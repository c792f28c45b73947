/** @module Cassettes: record a flow's exchanges as JSON, replay them against a connector in tests. */

export { compareRequest, type Difference } from './compare.js';
export { answerReply, bodyText } from './answers.js';
export {
  cassetteConformance,
  cassetteFiles,
  cassetteReply,
  cassetteRoutes,
  startCassetteGateway,
} from './gateway.js';
export { callCassetteFlow, type CassetteInputs, type FlowCallResult } from './flow-call.js';
export {
  CASSETTE_FLOWS,
  CassetteFormatError,
  cassetteSchema,
  parseCassette,
  type Cassette,
  type CassetteAnswer,
  type CassetteBody,
  type CassetteExchange,
  type CassetteFlow,
  type CassetteOutcome,
  type CassetteRequest,
  type JsonValue,
} from './format.js';
export { namedSecrets, type NamedSecret } from './mask.js';
export { formatCassette } from './text.js';
export {
  defaultScenario,
  recordCassette,
  RecordingError,
  type RecordOptions,
  type Recording,
} from './record.js';
export {
  CassetteMismatchError,
  startCassetteReplay,
  type CassetteReplay,
  type ReplayOptions,
  type RequestMismatch,
} from './replay.js';
export {
  loadCassette,
  replayCassette,
  type ReplayCallOptions,
  type ReplayResult,
} from './replay-call.js';
export {
  cassetteRuleSchema,
  describeRule,
  ruleProblem,
  RULE_NAMES,
  type CassetteRule,
  type RuleContext,
  type RuleName,
} from './rules.js';
export { itReplaysCassette, itReplaysCassettes, type ItReplaysOptions } from './vitest.js';
