/**
 * @module The one place the UCS target reaches into the rest of the generator: its typed errors
 * and its change tree with atomic apply. When those modules move, only these lines change.
 */

export {
  ConflictError,
  GeneratorError,
  InternalError,
  IoError,
  UsageError,
  type Issue,
} from '../index.js';
export { ChangeTree, applyChanges, unifiedDiff, type FileChange } from '../changes/index.js';
