/**
 * @module The registry room: read the workspace's connector registry (a hand lexer, then
 * TypeScript's scanner, on the generator's own grammar; the full parser otherwise) and edit it
 * by splices that keep everything else byte for byte.
 */

export {
  listRegistry,
  parseRegistry,
  registryEntries,
  type ParsedRegistry,
  type RegistryEntry,
} from './source.js';
export { addToRegistry, removeFromRegistry, type RegistryStyle } from './wire.js';
