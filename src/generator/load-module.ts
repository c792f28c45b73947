/** @module Imports a workspace's TypeScript module (its registry, its connectors) at run time. */

import { pathToFileURL } from 'node:url';

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

/**
 * Plain `import()` first (a test runner or a built workspace can already load it); for `.ts`
 * sources under plain Node, registers tsx's loader once and retries.
 */
export async function importWorkspaceModule(
  absolutePath: string,
): Promise<Record<string, unknown>> {
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
