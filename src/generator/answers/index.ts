/**
 * @module The answers room: what a connector is made from. The schema (every key, its type,
 * default and prompt), the rules (worded once; cross-field ones in one table), validation of a
 * set or of one answer, the names a connector name derives, and the presets.
 */

export * from './schema.js';
export * from './answer-meta.js';
export * from './validation.js';
export { CROSS_FIELD_RULES, type CrossFieldRule } from './cross-field.js';
export {
  defaultFlowEndpoint,
  FLOW_ENDPOINT_KEYS,
  flowsOf,
  OPTIONAL_FLOWS,
  type FlowEndpointKey,
  type OptionalFlow,
} from './flows.js';
export { folderOfId, names, splitWords, type Names } from './names.js';
export { isPresetId, PRESET_IDS, presetAnswers, PRESETS, type PresetId } from './presets.js';
export {
  declaredIdentifierViolation,
  existingIdViolation,
  JS_RESERVED_WORDS,
  nameRuleViolations,
  OBJECT_PROTOTYPE_MEMBERS,
  RESERVED_WORDS,
} from './rules.js';
export { TEMPLATE_BINDINGS } from './template-bindings.js';
