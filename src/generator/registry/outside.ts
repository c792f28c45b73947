/** @module The signal that a registry text leaves the grammar a one-pass reader handles. */

/** Unwinds a pass when the text leaves the grammar; never escapes the registry readers. */
export class OutsideGrammar extends Error {}
export const OUTSIDE = new OutsideGrammar('outside the registry grammar');
