/**
 * @module The Rust target: render a session-token connector into a seed-era checkout of Juspay's
 * connector-service (UCS) and wire it in by structure, with the same plan/apply guarantees as the
 * TypeScript target.
 */

export { UsageError } from './adapter.js';
export {
  heckWords,
  prostVariant,
  toShoutySnakeCase,
  toSnakeCase,
  toUpperCamelCase,
  ucsNames,
  type UcsNames,
} from './names.js';
