/** @module What an edit point is, and the text operations every point uses. */

import type { UcsNames } from './names.js';
import { lineStart } from './source-scan.js';

export interface WiringContext {
  readonly names: UcsNames;
  readonly baseUrls: {
    readonly development: string;
    readonly sandbox: string;
    readonly production: string;
  };
}

/** Where an edit point stands in a file's current text. */
export type PointState =
  | { readonly kind: 'absent'; readonly edited: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'conflict'; readonly found: string };

export interface EditPoint {
  readonly file: string;
  /** What is edited, for messages: `enum ConnectorEnum`. */
  readonly what: string;
  /** Our insertion's state in `text`; a missing or repeated anchor throws a UsageError. */
  state(text: string, ctx: WiringContext): PointState;
  /** `text` without our insertion (unchanged when it is not there). */
  remove(text: string, ctx: WiringContext): string;
}
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Inserts `insertion` (whole lines) at the start of the line holding `index`. */
export function insertBefore(text: string, index: number, insertion: string): string {
  const at = lineStart(text, index);
  return text.slice(0, at) + insertion + text.slice(at);
}

export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
export function removeOnce(text: string, ours: string): string {
  return count(text, ours) === 1 ? text.replace(ours, '') : text;
}
