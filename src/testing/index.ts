/** @module Test helpers for connectors: the shared conformance suite. */

export {
  checkConformanceRoutes,
  runConnectorConformance,
  type ConformanceOptions,
} from './conformance.js';
export { conformancePreset, type ConformancePreset } from './conformance-presets.js';
export { tokenInRequest } from './token-location.js';
export * from './cassette/index.js';
