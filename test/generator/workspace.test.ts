import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/generator/errors.js';
import { names } from '../../src/generator/answers/names.js';
import {
  connectorPaths,
  DEFAULT_WORKSPACE_CONFIG,
  importSpecifier,
  loadWorkspace,
  parseWorkspaceConfig,
  relativeModuleSpecifier,
  resolveWorkspace,
  workspaceFile,
} from '../../src/generator/workspace.js';
import { testdir } from './helpers/testdir.js';

const initConfig = {
  connectorsDir: 'connectors',
  registry: 'connectors/registry.ts',
  testsDir: 'tests',
  imports: {
    runtime: 'create-connector/runtime',
    testing: 'create-connector/testing',
    sandbox: 'create-connector/sandbox',
  },
};

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('this repository', () => {
  it('has a create-connector.json with the default layout', () => {
    const workspace = loadWorkspace(path.join(import.meta.dirname, '..', 'fixtures'));
    expect(workspace.root).toBe(path.resolve(import.meta.dirname, '..', '..'));
    expect(workspace.config).toEqual(DEFAULT_WORKSPACE_CONFIG);
    expect(JSON.parse(readFileSync(workspace.configFile, 'utf8'))).toEqual(
      DEFAULT_WORKSPACE_CONFIG,
    );
  });
});

describe('loadWorkspace', () => {
  it('walks up to the nearest create-connector.json and resolves its paths', () => {
    const root = testdir({
      'create-connector.json': JSON.stringify(DEFAULT_WORKSPACE_CONFIG),
      'src/connectors/deep/x.txt': '',
    });
    const workspace = loadWorkspace(path.join(root, 'src', 'connectors', 'deep'));
    expect(workspace).toMatchObject({
      root,
      configFile: path.join(root, 'create-connector.json'),
      connectorsDir: 'src/connectors',
      registry: 'src/connectors/registry.ts',
      testsDir: 'test/connectors',
      imports: {
        runtime: { kind: 'path', path: 'src/runtime/index.ts' },
        testing: { kind: 'path', path: 'src/testing/index.ts' },
        sandbox: { kind: 'path', path: 'src/sandbox/index.ts' },
      },
    });
    expect(workspaceFile(workspace, workspace.registry)).toBe(
      path.join(root, 'src', 'connectors', 'registry.ts'),
    );
  });

  it('prefers the nearest config', () => {
    const root = testdir({
      'create-connector.json': JSON.stringify(DEFAULT_WORKSPACE_CONFIG),
      'inner/create-connector.json': JSON.stringify(initConfig),
    });
    expect(loadWorkspace(path.join(root, 'inner')).root).toBe(path.join(root, 'inner'));
  });

  it('says how to make a workspace when there is none', () => {
    const root = testdir({ 'a/b/.keep': '' });
    // os.tmpdir() has no create-connector.json above it on a sane machine
    const error = usageError(() => loadWorkspace(path.join(root, 'a', 'b')));
    expect(error.message).toContain('no create-connector.json found');
    expect(error.message).toContain('create-connector init');
    expect(error.issues[0]).toMatchObject({
      key: 'cwd',
      rule: 'has no create-connector.json above it',
    });
  });

  it('refuses invalid JSON', () => {
    const root = testdir({ 'create-connector.json': '{ "connectorsDir": ' });
    expect(usageError(() => loadWorkspace(root)).message).toMatch(
      /create-connector\.json is not valid JSON/,
    );
  });
});

describe('parseWorkspaceConfig', () => {
  it('accepts the default and the init layout', () => {
    expect(parseWorkspaceConfig(DEFAULT_WORKSPACE_CONFIG)).toEqual(DEFAULT_WORKSPACE_CONFIG);
    expect(parseWorkspaceConfig(initConfig)).toEqual(initConfig);
  });

  it.each([
    [
      { ...initConfig, connectorsDir: '/abs' },
      'connectorsDir',
      '/abs',
      'must be relative to the workspace root',
    ],
    [
      { ...initConfig, registry: '../registry.ts' },
      'registry',
      '../registry.ts',
      'must stay inside the workspace (no "..")',
    ],
    [{ ...initConfig, testsDir: 'a\\b' }, 'testsDir', 'a\\b', 'must use "/" as the separator'],
    [{ ...initConfig, testsDir: '' }, 'testsDir', '', 'must not be empty'],
    [{ ...initConfig, testsDir: 3 }, 'testsDir', 3, 'must be a string'],
    [
      { ...initConfig, imports: { ...initConfig.imports, runtime: './src/runtime' } },
      'imports.runtime',
      './src/runtime',
      'a workspace path must end in ".ts"; anything else is a package specifier',
    ],
    [
      { ...initConfig, imports: { ...initConfig.imports, testing: '../x.ts' } },
      'imports.testing',
      '../x.ts',
      'must stay inside the workspace (no "..")',
    ],
  ])('refuses %j naming %s', (config, key, value, rule) => {
    const error = usageError(() => parseWorkspaceConfig(config, 'ws/create-connector.json'));
    expect(error.issues).toEqual([{ key, value, rule }]);
    expect(error.message).toBe(`ws/create-connector.json is invalid:\n  ${key}: ${rule}`);
  });

  it('names missing and unknown keys', () => {
    const { registry: _registry, ...withoutRegistry } = initConfig;
    const error = usageError(() =>
      parseWorkspaceConfig({
        ...withoutRegistry,
        extra: 1,
        imports: { ...initConfig.imports, other: 'x' },
      }),
    );
    expect(error.issues).toEqual([
      { key: 'registry', rule: 'is required' },
      { key: 'imports.other', rule: 'is not a known key' },
      { key: 'extra', rule: 'is not a known key' },
    ]);
  });
});

describe('connector paths and import specifiers', () => {
  const repo = resolveWorkspace('/ws', DEFAULT_WORKSPACE_CONFIG);
  const initWs = resolveWorkspace('/ws', initConfig);

  it('places the generated files', () => {
    expect(connectorPaths(repo, names('NewPayment'))).toEqual({
      dir: 'src/connectors/new-payment',
      index: 'src/connectors/new-payment/index.ts',
      transformers: 'src/connectors/new-payment/transformers.ts',
      payments: 'src/connectors/new-payment/transformers-payments.ts',
      refunds: 'src/connectors/new-payment/transformers-refunds.ts',
      manifest: 'src/connectors/new-payment/manifest.json',
      readme: 'src/connectors/new-payment/README.md',
      test: 'test/connectors/new-payment.test.ts',
      testDir: 'test/connectors/new-payment',
      cassettes: 'test/connectors/new-payment/cassettes',
    });
  });

  it('turns workspace paths into relative .js specifiers from each file', () => {
    const paths = connectorPaths(repo, names('NewPayment'));
    expect(importSpecifier(repo, paths.index, 'runtime')).toBe('../../runtime/index.js');
    expect(importSpecifier(repo, paths.transformers, 'runtime')).toBe('../../runtime/index.js');
    expect(importSpecifier(repo, paths.test, 'testing')).toBe('../../src/testing/index.js');
    expect(importSpecifier(repo, paths.test, 'sandbox')).toBe('../../src/sandbox/index.js');
    expect(relativeModuleSpecifier(repo.registry, paths.index)).toBe('./new-payment/index.js');
    expect(relativeModuleSpecifier(paths.test, paths.index)).toBe(
      '../../src/connectors/new-payment/index.js',
    );
  });

  it('uses package specifiers verbatim', () => {
    const paths = connectorPaths(initWs, names('NewPayment'));
    expect(paths.test).toBe('tests/new-payment.test.ts');
    expect(importSpecifier(initWs, paths.index, 'runtime')).toBe('create-connector/runtime');
    expect(importSpecifier(initWs, paths.test, 'testing')).toBe('create-connector/testing');
    expect(importSpecifier(initWs, paths.test, 'sandbox')).toBe('create-connector/sandbox');
  });

  it('normalises configured paths', () => {
    const ws = resolveWorkspace('/ws', { ...initConfig, connectorsDir: './src//connectors/' });
    expect(ws.connectorsDir).toBe('src/connectors');
    expect(connectorPaths(ws, names('Paytm')).index).toBe('src/connectors/paytm/index.ts');
  });
});
