/**
 * @module What `check` reports: one item per line of the seed's integration checklist, each
 * pass, warn or fail, with the places in the code it points at.
 */

/** The checklist's items, in the order they are printed. */
export const CHECK_ITEMS = [
  'flows',
  'session-step',
  'token-stored',
  'token-read',
  'auth',
  'error-responses',
  'amounts',
  'base-urls',
  'tests',
  'conformance',
  'todos',
] as const;
export type CheckItemName = (typeof CHECK_ITEMS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** A place in the connector's code, relative to the workspace root. */
export interface CodeLocation {
  readonly file: string;
  readonly line: number;
  /** What is there (a TODO's text, the call at fault). */
  readonly text?: string;
}

export interface CheckItem {
  readonly item: CheckItemName;
  readonly status: CheckStatus;
  /** One line: what was found, and for warn and fail what to do. */
  readonly message: string;
  readonly locations?: readonly CodeLocation[];
  /** Tool output behind a failure (the test run's), trimmed. */
  readonly detail?: string;
}

export interface CheckReport {
  readonly id: string;
  readonly items: readonly CheckItem[];
}

export function pass(item: CheckItemName, message: string): CheckItem {
  return { item, status: 'pass', message };
}

export function warn(
  item: CheckItemName,
  message: string,
  locations: readonly CodeLocation[] = [],
): CheckItem {
  return { item, status: 'warn', message, ...(locations.length === 0 ? {} : { locations }) };
}

export function fail(
  item: CheckItemName,
  message: string,
  locations: readonly CodeLocation[] = [],
): CheckItem {
  return { item, status: 'fail', message, ...(locations.length === 0 ? {} : { locations }) };
}

/** The worst status of a list of findings: one fail fails the item, else one warn warns it. */
export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  return statuses.includes('warn') ? 'warn' : 'pass';
}

export function hasFailure(report: CheckReport): boolean {
  return report.items.some((entry) => entry.status === 'fail');
}
