/**
 * @module The changes room: a plan's file changes recorded in memory (ChangeTree), shown as
 * diffs, and applied to the disk all-or-nothing.
 */

export { applyChanges, type ApplyOptions } from './apply.js';
export type { FileChange, FileChangeType } from './file-change.js';
export { applySplices, keepingLineEndings, type Splice } from './text-splice.js';
export { ChangeTree, refuseExisting, unifiedDiff } from './tree.js';
export { normalizeTreePath } from './tree-path.js';
