/**
 * @module Three-way merge of one file (node-diff3): base = what the generator wrote last time,
 * ours = the file on disk (with the user's edits), theirs = the new render. Overlapping edits
 * become a conflict with git-style diff3 markers.
 */

import { diff3Merge } from 'node-diff3';

import { keepingLineEndings } from '../changes/text-splice.js';

export interface MergeOutcome {
  readonly content: string;
  readonly conflicts: number;
}

export const CONFLICT_LABELS = {
  ours: 'yours (on disk)',
  base: 'generated last time',
  theirs: 'new templates',
} as const;

function lines(text: string): string[] {
  return text.split('\n');
}

export function merge3(ours: string, base: string, theirs: string): MergeOutcome {
  if (ours === base) return { content: theirs, conflicts: 0 };
  if (theirs === base || ours === theirs) return { content: ours, conflicts: 0 };
  // an editor may have switched the user's copy to CRLF: merge by lines, hand it back in CRLF
  let conflicts = 0;
  const content = keepingLineEndings(ours, (lf) => {
    const merged = mergeLines(lf, base, theirs);
    conflicts = merged.conflicts;
    return merged.content;
  });
  return { content, conflicts };
}

function mergeLines(ours: string, base: string, theirs: string): MergeOutcome {
  const output: string[] = [];
  let conflicts = 0;
  for (const region of diff3Merge(lines(ours), lines(base), lines(theirs), {
    excludeFalseConflicts: true,
  })) {
    if (region.ok !== undefined) {
      output.push(...region.ok);
    } else if (region.conflict !== undefined) {
      conflicts += 1;
      output.push(
        `<<<<<<< ${CONFLICT_LABELS.ours}`,
        ...region.conflict.a,
        `||||||| ${CONFLICT_LABELS.base}`,
        ...region.conflict.o,
        '=======',
        ...region.conflict.b,
        `>>>>>>> ${CONFLICT_LABELS.theirs}`,
      );
    }
  }
  return { content: output.join('\n'), conflicts };
}

/** True while a file still holds markers this merge wrote. */
export function hasConflictMarkers(text: string): boolean {
  return (
    text.includes(`<<<<<<< ${CONFLICT_LABELS.ours}`) &&
    text.includes(`>>>>>>> ${CONFLICT_LABELS.theirs}`)
  );
}
