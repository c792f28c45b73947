/** @module What a plan is made of: one file change (the tree records them, apply writes them). */

export type FileChangeType = 'create' | 'update' | 'delete';

/** One planned change; `path` is workspace-relative posix, `content` absent for deletes. */
export interface FileChange {
  readonly path: string;
  readonly type: FileChangeType;
  readonly content?: string;
}
