/** @module This package's own package.json (src/ and dist/ sit at the same depth), read once. */

import { readFileSync } from 'node:fs';

export interface OwnPackage {
  readonly version: string;
  readonly devDependencies: Readonly<Record<string, string>>;
}

let own: OwnPackage | undefined;

export function ownPackage(): OwnPackage {
  own ??= JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as OwnPackage;
  return own;
}
