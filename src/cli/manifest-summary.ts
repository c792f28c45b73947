/**
 * @module A manifest as one line for dry-run diffs: what generated it, from which answers, and
 * each recorded file with its hash — not the pristine copies it carries (they are the files).
 */

import path from 'node:path';

import { unifiedDiff, type FileChange } from '../generator/tree.js';

export function isManifestPath(file: string): boolean {
  return path.posix.basename(file) === 'manifest.json';
}

interface RawManifest {
  readonly generator?: { readonly name?: unknown; readonly version?: unknown };
  readonly templateHash?: unknown;
  readonly answers?: Record<string, unknown>;
  readonly files?: Record<string, { readonly sha256?: unknown; readonly deleted?: unknown }>;
}

/** The one-line summary, or undefined when the text is not a manifest-shaped JSON object. */
export function manifestSummary(text: string): string | undefined {
  let manifest: RawManifest;
  try {
    manifest = JSON.parse(text) as RawManifest;
  } catch {
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null || manifest.files === undefined) {
    return undefined;
  }
  const files = Object.entries(manifest.files).map(
    ([file, record]) =>
      `${file} ${record.deleted === true ? '(deleted)' : String(record.sha256).slice(0, 8)}`,
  );
  const answers = manifest.answers ?? {};
  return [
    `manifest of ${String(answers['name'])}`,
    `${String(manifest.generator?.name)}@${String(manifest.generator?.version)}`,
    `templates ${String(manifest.templateHash).slice(0, 12)}`,
    `${String(answers['authType'])}, token in ${String(answers['tokenPlacement'])} "${String(answers['tokenName'])}"`,
    `files: ${files.join(', ')}`,
  ].join('; ');
}

/** A unified diff of the manifest's summary lines instead of its whole text. */
export async function manifestDiff(
  change: FileChange,
  before: string | undefined,
): Promise<string | undefined> {
  const summarize = (text: string | undefined) =>
    text === undefined ? '' : `${manifestSummary(text) ?? text}\n`;
  const after = change.type === 'delete' ? undefined : change.content;
  const beforeLine = summarize(before);
  const afterLine = summarize(after);
  if (before !== undefined && manifestSummary(before) === undefined) return undefined;
  if (after !== undefined && manifestSummary(after) === undefined) return undefined;
  return unifiedDiff({ ...change, content: afterLine }, beforeLine);
}
