/**
 * @module The one place that decides whether a name may be used in a workspace: refused when its
 * id is an existing connector's (with what to do instead) or when it would bind an identifier
 * the registry already declares. The prompt's validator, the answers' resolution and the plan
 * all ask here, so each refusal has one wording.
 */

import { existingIdViolation, declaredIdentifierViolation } from '../answers/rules.js';
import { type Names } from '../answers/names.js';
import { ConflictError, UsageError, type Issue } from '../errors.js';
import { connectorPathsById } from '../workspace.js';
import type { WorkspaceSnapshot } from './plan.js';

/** What the answers' rules need to know of a workspace (see AnswerContext). */
export function takenNames(
  snapshot: WorkspaceSnapshot,
  options: { readonly force?: boolean } = {},
): { existingIds: string[]; declared: ReadonlyMap<string, string> } {
  // --force writes an existing generated connector again, so its own id is not "taken"
  const existingIds = options.force === true ? [] : snapshot.entries.map((entry) => entry.id);
  return { existingIds, declared: snapshot.declared };
}

/**
 * The refusal of `name` in this workspace, or undefined when it may be used: an existing
 * generated connector (regenerate it, or --force), a hand-written one (never overwritten, not
 * even with --force), or a derived binding the registry already declares.
 */
export function nameRefusal(
  snapshot: WorkspaceSnapshot,
  derived: Names,
  options: { readonly force?: boolean } = {},
): ConflictError | UsageError | undefined {
  const { id, type: name } = derived;
  if (snapshot.entries.some((entry) => entry.id === id)) {
    const paths = connectorPathsById(snapshot.workspace, id);
    const issue = (rule: string): Issue[] => [{ key: 'name', value: name, rule }];
    const existing = existingIdViolation(derived, [id]) ?? '';
    if (!snapshot.tree.exists(paths.manifest)) {
      return new ConflictError(
        `"${id}" is a hand-written connector (it has no manifest): choose another name`,
        [paths.dir],
        issue(existing),
      );
    }
    if (options.force === true) return undefined;
    return new ConflictError(
      `connector "${id}" already exists: run "create-connector regenerate ${id}" to update it, or pass --force to write it again from these answers`,
      [paths.dir],
      issue(existing),
    );
  }
  const rule = declaredIdentifierViolation(derived, snapshot.declared);
  if (rule === undefined) return undefined;
  return new UsageError('the answers were refused', {
    issues: [{ key: 'name', value: name, rule }],
  });
}
