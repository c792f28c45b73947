/**
 * @module What `list` shows of a generated connector whose files are exactly as generated: read
 * from its manifest's answers (the templates make name, auth type and token placement from
 * them), so listing needs no connector code. Anything edited, deleted or pending is loaded instead.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { workspaceFile, type Workspace } from '../generator/workspace.js';

/** The flows every generated connector defines (templates/connector/index.ts.hbs). */
export const GENERATED_FLOWS = ['CreateSessionToken', 'Authorize'] as const;

/** The flows after Authorize the templates generate when the `flows` answer chooses them. */
const GENERATED_OPTIONAL_FLOWS: ReadonlySet<string> = new Set([
  'PSync',
  'Capture',
  'Void',
  'Refund',
  'RSync',
]);

export interface PristineSummary {
  readonly name: string;
  /** The flows its index defines: the two every connector has, then the chosen ones. */
  readonly flows: readonly string[];
  readonly authType: string;
  readonly tokenPlacement: string;
  readonly tokenName: string;
}

interface RawManifest {
  readonly answers?: Record<string, unknown>;
  readonly files?: Record<
    string,
    { readonly sha256?: unknown; readonly pending?: unknown; readonly deleted?: unknown }
  >;
}

function readText(workspace: Workspace, file: string): string | undefined {
  try {
    return readFileSync(workspaceFile(workspace, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** The summary when every file the manifest lists is on disk as generated, else undefined. */
export function pristineSummary(
  workspace: Workspace,
  manifestFile: string,
  indexFile: string,
): PristineSummary | undefined {
  const text = readText(workspace, manifestFile);
  if (text === undefined) return undefined;
  let manifest: RawManifest;
  try {
    manifest = JSON.parse(text) as RawManifest;
  } catch {
    return undefined;
  }
  const files = Object.entries(manifest.files ?? {});
  if (!files.some(([file]) => file === indexFile)) return undefined;
  for (const [file, record] of files) {
    if (record.deleted !== undefined || record.pending !== undefined) return undefined;
    const disk = readText(workspace, file);
    if (disk === undefined) return undefined;
    if (createHash('sha256').update(disk).digest('hex') !== record.sha256) return undefined;
  }
  const { name, authType, tokenPlacement, tokenName, flows = [] } = manifest.answers ?? {};
  const strings = [name, authType, tokenPlacement, tokenName];
  if (!strings.every((value) => typeof value === 'string')) return undefined;
  // a version 1 manifest has no flows: its connector has none after Authorize
  if (!Array.isArray(flows)) return undefined;
  return {
    name: name as string,
    flows: [
      ...GENERATED_FLOWS,
      ...flows.filter((flow): flow is string => GENERATED_OPTIONAL_FLOWS.has(flow as string)),
    ],
    authType: authType as string,
    tokenPlacement: tokenPlacement as string,
    tokenName: tokenName as string,
  };
}
