/**
 * @module A cassette a plan creates or deletes, as a few lines for dry-run diffs: its scenario,
 * outcome and exchanges, not its hundred lines of JSON. An updated cassette keeps its full diff
 * (what changed in the requests is the point).
 */

import path from 'node:path';

import { unifiedDiff, type FileChange } from '../generator/changes/index.js';

export function isCassettePath(file: string): boolean {
  return path.posix.basename(path.posix.dirname(file)) === 'cassettes' && file.endsWith('.json');
}

interface RawCassette {
  readonly connector?: unknown;
  readonly flow?: unknown;
  readonly scenario?: unknown;
  readonly outcome?: Record<string, unknown> & { readonly error?: { readonly code?: unknown } };
  readonly exchanges?: ReadonlyArray<{
    readonly flow?: unknown;
    readonly request?: { readonly method?: unknown; readonly path?: unknown };
    readonly answer?: { readonly status?: unknown };
  }>;
}

/** The summary lines, or undefined when the text is not a cassette-shaped JSON object. */
export function cassetteSummary(text: string): string | undefined {
  let cassette: RawCassette;
  try {
    cassette = JSON.parse(text) as RawCassette;
  } catch {
    return undefined;
  }
  if (typeof cassette !== 'object' || cassette === null || !Array.isArray(cassette.exchanges)) {
    return undefined;
  }
  const outcome = cassette.outcome ?? {};
  const result =
    outcome.error?.code ??
    [outcome['status'], outcome['refundStatus'], outcome['errorCode']].filter(Boolean).join(' ');
  return [
    `cassette ${String(cassette.connector)} ${String(cassette.flow)}-${String(cassette.scenario)} → ${String(result)}`,
    ...cassette.exchanges.map(
      (exchange) =>
        `  ${String(exchange.flow)} ${String(exchange.request?.method)} ${String(exchange.request?.path)} → ${String(exchange.answer?.status)}`,
    ),
  ].join('\n');
}

/** A created or deleted cassette's diff as its summary; undefined for an update. */
export async function cassetteDiff(
  change: FileChange,
  before: string | undefined,
): Promise<string | undefined> {
  const after = change.type === 'delete' ? undefined : change.content;
  if (before !== undefined && after !== undefined) return undefined;
  const summary = cassetteSummary(after ?? before ?? '');
  if (summary === undefined) return undefined;
  return after === undefined
    ? unifiedDiff(change, `${summary}\n`)
    : unifiedDiff({ ...change, content: `${summary}\n` }, undefined);
}
