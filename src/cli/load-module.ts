/** @module Imports a workspace's TypeScript module (its registry, its connectors) at run time. */

import { pathToFileURL } from 'node:url';

let tsxRegistered = false;

function isUnknownExtension(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_UNKNOWN_FILE_EXTENSION';
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
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (!isUnknownExtension(error) || tsxRegistered) throw error;
  }
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
  return (await import(url)) as Record<string, unknown>;
}
