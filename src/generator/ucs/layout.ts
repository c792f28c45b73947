/**
 * @module Which connector-service layout a checkout has. Only the seed era (`backend/`, the
 * `ConnectorAuthType` API, `CreateSessionToken`, `BodyDecoding`) is supported; anything else is
 * refused naming what was found, before anything is planned.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { UsageError } from './adapter.js';
import { seedSupertraits } from './flows.js';

export type Layout =
  { readonly kind: 'seed' } | { readonly kind: 'refused'; readonly found: string };

const read = (root: string, file: string): string | undefined => {
  const full = path.join(root, ...file.split('/'));
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

/** The supertraits in `pub trait ConnectorServiceTrait<…>: A + B<T> + … {`, without generics. */
export function serviceTraitBounds(source: string): string[] | undefined {
  const found = /pub trait ConnectorServiceTrait<[^>]*>\s*:([^{]*)\{/.exec(source);
  if (found === null) return undefined;
  return (found[1] as string)
    .split('+')
    .map((bound) => bound.trim().replace(/<.*$/s, ''))
    .filter((bound) => bound !== '');
}

export function detectLayout(root: string): Layout {
  if (!existsSync(root)) return { kind: 'refused', found: `no directory at ${root}` };
  if (existsSync(path.join(root, 'crates'))) {
    return { kind: 'refused', found: 'the crates/ layout (connector-service from 2026-03-24 on)' };
  }
  const connectors = read(root, 'backend/connector-integration/src/connectors.rs');
  const api = read(root, 'backend/interfaces/src/api.rs');
  if (connectors === undefined || api === undefined) {
    return {
      kind: 'refused',
      found:
        'no backend/connector-integration or backend/interfaces (not a connector-service checkout)',
    };
  }
  if (!/_auth_type:\s*&ConnectorAuthType/.test(api)) {
    return {
      kind: 'refused',
      found: 'the late backend/ layout with typed connector config (2026-02-27 … 03-23)',
    };
  }
  const flows = read(root, 'backend/domain_types/src/connector_flow.rs') ?? '';
  if (!/pub struct CreateSessionToken\s*;/.test(flows)) {
    return { kind: 'refused', found: 'a backend/ layout without the CreateSessionToken flow' };
  }
  const types = read(root, 'backend/interfaces/src/connector_types.rs') ?? '';
  if (!/pub trait VerifyRedirectResponse\s*:[^{]*\bBodyDecoding\b/.test(types)) {
    return {
      kind: 'refused',
      found:
        'a backend/ layout from before 2026-02-11 (VerifyRedirectResponse without BodyDecoding)',
    };
  }
  const bounds = serviceTraitBounds(types);
  if (bounds === undefined)
    return { kind: 'refused', found: 'a backend/ layout without ConnectorServiceTrait' };
  const known = new Set(seedSupertraits());
  const extra = bounds.filter((bound) => !known.has(bound));
  const missing = [...known].filter((bound) => !bounds.includes(bound));
  if (extra.length > 0 || missing.length > 0) {
    const parts = [
      extra.length > 0 ? `unknown flows ${extra.join(', ')}` : '',
      missing.length > 0 ? `no ${missing.join(', ')}` : '',
    ].filter((part) => part !== '');
    return {
      kind: 'refused',
      found: `a backend/ layout whose ConnectorServiceTrait has ${parts.join(' and ')}`,
    };
  }
  return { kind: 'seed' };
}

/** Refuses anything but the seed-era layout with a UsageError (exit 1) naming what was found. */
export function requireSeedLayout(root: string): void {
  const layout = detectLayout(root);
  if (layout.kind === 'refused') {
    const rule = `must be a seed-era connector-service checkout (backend/ layout, 2026-02-11 … 02-26); found ${layout.found}`;
    throw new UsageError(`--ucs-dir ${rule}`, { issues: [{ key: 'ucsDir', value: root, rule }] });
  }
}
