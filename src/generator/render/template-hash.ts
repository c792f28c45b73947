/**
 * @module The templates' hash, which every manifest records (so regenerate knows which templates
 * wrote a file): SHA-256 over the files of `templates/`.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { templatesRoot } from '../package-info.js';

let hash: string | undefined;

/**
 * SHA-256 over template files sorted by path: each contributes its path, its byte length and
 * its bytes, so moving bytes between files or renaming one changes the hash.
 */
export function hashTemplates(
  files: ReadonlyArray<{ readonly path: string; readonly bytes: string | Uint8Array }>,
): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes;
    hash.update(`${file.path}\0${bytes.byteLength}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * hashTemplates over every file under `dir` (posix paths relative to it; dotfiles and the
 * top-level folders in `skip` left out).
 */
export function hashTemplateDir(dir: string, skip: readonly string[] = []): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((file) => !file.split('/').some((segment) => segment.startsWith('.')))
    .filter((file) => !skip.includes(file.split('/')[0] ?? ''))
    .map((file) => ({ path: file, bytes: readFileSync(path.join(dir, ...file.split('/'))) }));
  return hashTemplates(files);
}

/**
 * The hash manifests record for the templates the renderer uses: `hashTemplates` over the
 * `templates/` folder (computed once per process), without the Rust target's `ucs/`.
 */
export function templateHash(): string {
  hash ??= hashTemplateDir(templatesRoot(), ['ucs']);
  return hash;
}
