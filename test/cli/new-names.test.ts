/**
 * Names a workspace cannot take (issue #11): one whose value would clash with an identifier the
 * registry declares, and the order of refusals (a malformed name is reported as such, before
 * any "already exists").
 */

import { describe, expect, it } from 'vitest';

import { validateAnswer } from '../../src/generator/answers/index.js';
import { runMain } from './helpers/io.js';
import { treeSnapshot, workspaceForTest } from './helpers/workspace.js';

interface ErrorReport {
  readonly error: {
    readonly kind: string;
    readonly message: string;
    readonly issues: ReadonlyArray<{ key: string; value?: unknown; rule: string }>;
  };
}

const REGISTRY_WITH_HELPERS = `import type { AmountType, Connector } from '../runtime/index.js';
import { helpers } from './helpers.js';

export const connectors = {} as const satisfies Readonly<Record<string, Connector<AmountType>>>;

export type ConnectorId = keyof typeof connectors;
export const shared = helpers;
`;

describe('a name whose value the registry already declares', () => {
  it.each([
    ['connectors', 'Connectors', {}],
    ['an import', 'Helpers', { registry: REGISTRY_WITH_HELPERS }],
  ] as const)('is refused (%s), with the reason, writing nothing', async (_, name, options) => {
    const root = await workspaceForTest(options);
    const before = treeSnapshot(root);
    const result = await runMain(['new', name, '--preset', 'nuvei', '--yes', '--json'], {
      cwd: root,
    });
    expect(result.code).toBe(1);
    const value = name.charAt(0).toLowerCase() + name.slice(1);
    expect(result.json<ErrorReport>().error.issues).toEqual([
      {
        key: 'name',
        value: name,
        rule: `derives value "${value}", which the registry src/connectors/registry.ts already declares`,
      },
    ]);
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('is refused by the prompt validator with the same rule', () => {
    const declared = new Map([['connectors', 'the registry r.ts']]);
    expect(validateAnswer('name', 'Connectors', { declared }).issues).toEqual([
      {
        key: 'name',
        value: 'Connectors',
        rule: 'derives value "connectors", which the registry r.ts already declares',
      },
    ]);
    expect(validateAnswer('name', 'ConnectorsPlus', { declared }).ok).toBe(true);
  });
});

describe('a malformed name whose id is taken', () => {
  it.each([
    ['a generated connector', {}, ['new', 'ZetaPay', '--preset', 'nuvei', '--yes'], 'zeta-pay'],
    ['a hand-written connector', { references: true }, [], 'nuvei'],
  ] as const)(
    'reports the format error, not "already exists" (%s)',
    async (_, options, first, name) => {
      const root = await workspaceForTest(options);
      if (first.length > 0) expect((await runMain([...first], { cwd: root })).code).toBe(0);
      const before = treeSnapshot(root);
      const result = await runMain(['new', name, '--preset', 'nuvei', '--yes'], { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe('error: the answers were refused');
      expect(result.stderr).toContain('must start with an upper-case ASCII letter (PascalCase)');
      expect(result.stderr).not.toMatch(/already exists|hand-written/);
      expect(treeSnapshot(root)).toEqual(before);
    },
  );
});
