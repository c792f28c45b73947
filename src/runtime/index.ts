/** @module The connector runtime: the one import path connectors use. */

export { z } from './zod.cjs';

export * from './amount.js';
export * from './attempt-status.js';
export * from './auth.js';
export * from './call-options.js';
export * from './flow-presence.js';
export * from './connector.js';
export * from './currency.js';
export * from './error-response.js';
export * from './errors.js';
export * from './events.js';
export * from './flow-calls.js';
export * from './flows.js';
export { createHttpClient, type HttpClient, type HttpRequest } from './http/client.js';
export {
  executeFlow,
  prepareRequest,
  simulateFlow,
  type BuiltRequest,
  type ExecuteOptions,
} from './http/executor.js';
export { encodeBody, toFormBody, toMaskedJson, toWireJson } from './http/wire.js';
export * from './payment-data.js';
export * from './payment-sequence.js';
export * from './refund-status.js';
export * from './router-data.js';
export * from './secret.js';
export * from './url.js';
