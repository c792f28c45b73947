/** @module A cassette's text, in a module of its own: writing one needs no schema loaded. */

import type { Cassette } from './format.js';

/** A cassette as its file holds it: two-space JSON and a final newline, stable for diffs. */
export function formatCassette(cassette: Cassette): string {
  return `${JSON.stringify(cassette, null, 2)}\n`;
}
