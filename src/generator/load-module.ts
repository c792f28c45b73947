/**
 * @module Imports a workspace's TypeScript module (its registry, its connectors) at run time:
 * compiled through the per-user code cache (workspace-modules.ts), so a warm start loads plain
 * JavaScript with no loader hooks. tsx's loader remains for what the cache cannot address (a
 * cycle of local imports, a CommonJS module requiring a local one).
 */

import { pathToFileURL } from 'node:url';

import { UncacheableModuleError, importCompiled } from './workspace-modules.js';

let tsxRegistered = false;

/** URLs whose import failed before tsx was registered: Node keeps that failure cached by URL. */
const failedBeforeTsx = new Set<string>();

function isUnknownExtension(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_UNKNOWN_FILE_EXTENSION';
}

// a URL of its own for a module whose first import failed (the query reaches no file system)
function retryUrl(url: string): string {
  return failedBeforeTsx.has(url) ? `${url}?tsx` : url;
}

async function importWithTsx(absolutePath: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(absolutePath).href;
  try {
    return (await import(retryUrl(url))) as Record<string, unknown>;
  } catch (error) {
    if (!isUnknownExtension(error) || tsxRegistered) throw error;
    failedBeforeTsx.add(url);
  }
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
  return (await import(retryUrl(url))) as Record<string, unknown>;
}

/** A `.ts` module through the code cache; anything else (or what it cannot address) as before, tsx if needed. */
export async function importWorkspaceModule(
  absolutePath: string,
  /** The workspace root: error messages name files relative to it. */
  root?: string,
): Promise<Record<string, unknown>> {
  if (absolutePath.endsWith('.ts')) {
    try {
      return await importCompiled(absolutePath, root);
    } catch (error) {
      if (!(error instanceof UncacheableModuleError)) throw error;
    }
  }
  return importWithTsx(absolutePath);
}
