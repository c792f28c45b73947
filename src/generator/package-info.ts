/**
 * @module This package's root, its templates and its own package.json, found in one place. The
 * root is the nearest folder above this module whose package.json is create-connector's, so it
 * holds from src/ (vitest, tsx) and dist/ (built) at any depth: moving a module cannot break it.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OwnPackage {
  readonly name: string;
  readonly version: string;
  readonly devDependencies: Readonly<Record<string, string>>;
}

const PACKAGE_NAME = 'create-connector';

let root: { readonly dir: string; readonly own: OwnPackage } | undefined;

function findRoot(): { dir: string; own: OwnPackage } {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const own = JSON.parse(readFileSync(file, 'utf8')) as OwnPackage;
      if (own.name === PACKAGE_NAME) return { dir, own };
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no ${PACKAGE_NAME} package.json above ${import.meta.url}`);
    dir = parent;
  }
}

/** This package's root folder (where package.json, templates/ and generated-samples/ are). */
export function packageRoot(): string {
  root ??= findRoot();
  return root.dir;
}

/** `templates/`, with a trailing separator. */
export function templatesRoot(): string {
  return path.join(packageRoot(), 'templates') + path.sep;
}

export function ownPackage(): OwnPackage {
  root ??= findRoot();
  return root.own;
}
