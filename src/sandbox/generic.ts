/** @module The generic gateway emulator (generic/emulator.ts says what it checks and answers). */

export { GENERIC_TEST_CARDS } from './generic/cards.js';
export {
  GENERIC_FORCING_AMOUNTS,
  GENERIC_FORCING_REFERENCES,
  type ForcedOutcome,
} from './generic/forced.js';
export {
  GENERIC_FLOW_ENDPOINT_DEFAULTS,
  GENERIC_FLOWS,
  flowEndpoint,
  type EndpointKey,
  type GenericFlow,
} from './generic/routes.js';
export { startGenericEmulator, type GenericEmulator } from './generic/emulator.js';
export {
  GENERIC_SANDBOX_CREDENTIALS,
  genericSandboxAuth,
  type GenericCredentials,
  type GenericEmulatorOptions,
  type GenericGatewaySpec,
} from './generic/spec.js';
