/**
 * @module The one rule for a connector id that may name a built-in reference (`sandbox` and `run`
 * both follow it): the workspace's own connector wins for a bare id (`nuvei`), with a one-line
 * notice when a generated one shadows a reference; `builtin:nuvei` always names the reference
 * this package ships. A hand-written connector of a reference's id is taken as that reference
 * (this package's own workspace registers them so): it wins for `run`, without a notice, and its
 * emulator is the reference's. Loads nothing: each command checks the workspace its own way.
 */

import { usageError } from './errors.js';

export const REFERENCE_IDS = ['nuvei', 'paytm'] as const;
export type ReferenceId = (typeof REFERENCE_IDS)[number];

/** The prefix that names a built-in reference explicitly. */
export const BUILTIN_PREFIX = 'builtin:';

export function isReferenceId(id: string): id is ReferenceId {
  return (REFERENCE_IDS as readonly string[]).includes(id);
}

/** What the workspace has under a reference's id. */
export type WorkspaceHas = 'generated' | 'hand-written' | undefined;

/** What a target names once the workspace has been asked whether it has a connector of that id. */
export type ResolvedTarget =
  | { readonly source: 'builtin'; readonly id: ReferenceId }
  | {
      readonly source: 'workspace';
      readonly id: string;
      /** One line for stderr when the workspace's connector shadows a built-in reference. */
      readonly notice?: string;
    };

/**
 * Resolves `target` (a bare id, or `builtin:<reference>`). `inWorkspace(id)` says what the
 * workspace has under that id; it is asked only for a bare reference id. Any other bare id is the
 * workspace's to find or refuse (the caller's own "unknown" error).
 */
export async function resolveTarget(
  target: string,
  key: string,
  inWorkspace: (id: ReferenceId) => WorkspaceHas | Promise<WorkspaceHas>,
): Promise<ResolvedTarget> {
  if (target.startsWith(BUILTIN_PREFIX)) {
    const id = target.slice(BUILTIN_PREFIX.length);
    if (!isReferenceId(id)) {
      throw usageError(`"${target}" is not a built-in reference`, [
        {
          key,
          value: target,
          rule: `${BUILTIN_PREFIX} names a reference: ${REFERENCE_IDS.join(', ')}`,
        },
      ]);
    }
    return { source: 'builtin', id };
  }
  if (!isReferenceId(target)) return { source: 'workspace', id: target };
  const has = await inWorkspace(target);
  if (has === undefined) return { source: 'builtin', id: target };
  if (has === 'hand-written') return { source: 'workspace', id: target };
  return { source: 'workspace', id: target, notice: shadowNotice(target) };
}

function shadowNotice(id: ReferenceId): string {
  return `note: "${id}" is this workspace's connector, which shadows the built-in reference; use ${BUILTIN_PREFIX}${id} for the reference`;
}
