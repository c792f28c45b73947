import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { InjectedFailure } from '../../src/generator/changes/apply.js';
import { ConflictError, InternalError, IoError } from '../../src/generator/errors.js';
import {
  applyChanges,
  ChangeTree,
  normalizeTreePath,
  refuseExisting,
  unifiedDiff,
  type FileChange,
} from '../../src/generator/changes/tree.js';
import { snapshotDir, testdir } from './helpers/testdir.js';

describe('ChangeTree', () => {
  it('reads through to disk and sees its own writes and deletes', () => {
    const root = testdir({ 'a.txt': 'A', 'dir/b.txt': 'B' });
    const tree = new ChangeTree(root);
    expect(tree.read('a.txt')).toBe('A');
    expect(tree.exists('dir/b.txt')).toBe(true);
    expect(tree.read('missing.txt')).toBeUndefined();
    tree.write('a.txt', 'A2');
    tree.write('new/c.txt', 'C');
    tree.delete('dir/b.txt');
    expect(tree.read('a.txt')).toBe('A2');
    expect(tree.read('new/c.txt')).toBe('C');
    expect(tree.exists('dir/b.txt')).toBe(false);
    expect(tree.original('a.txt')).toBe('A');
    expect(tree.listChanges()).toEqual([
      { path: 'a.txt', type: 'update', content: 'A2' },
      { path: 'new/c.txt', type: 'create', content: 'C' },
      { path: 'dir/b.txt', type: 'delete' },
    ]);
    // nothing touched the disk
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('A');
  });

  it('drops a write equal to what is on disk, and a create then delete', () => {
    const root = testdir({ 'a.txt': 'same' });
    const tree = new ChangeTree(root);
    tree.write('a.txt', 'changed');
    tree.write('a.txt', 'same');
    tree.write('tmp.txt', 'x');
    tree.delete('tmp.txt');
    tree.delete('never-existed.txt');
    expect(tree.listChanges()).toEqual([]);
  });

  it('normalises paths and refuses ones outside the workspace', () => {
    const tree = new ChangeTree(testdir());
    tree.write('./src//x.ts', '1');
    expect(tree.listChanges()).toEqual([{ path: 'src/x.ts', type: 'create', content: '1' }]);
    expect(normalizeTreePath('a\\b.ts')).toBe('a/b.ts');
    for (const bad of ['', '.', '../x', 'a/../../x', '/etc/passwd', 'C:/x', 'dir/']) {
      expect(() => tree.write(bad, 'x')).toThrow(InternalError);
    }
  });
});

describe('refuseExisting', () => {
  const changes: FileChange[] = [
    { path: 'src/connectors/x/index.ts', type: 'update', content: '' },
    { path: 'src/connectors/registry.ts', type: 'update', content: '' },
    { path: 'src/connectors/x/transformers.ts', type: 'create', content: '' },
  ];

  it('lists the existing targets except the files the plan means to edit', () => {
    expect(() =>
      refuseExisting(changes, { force: false, allowUpdate: ['src/connectors/registry.ts'] }),
    ).toThrow(ConflictError);
    try {
      refuseExisting(changes, { force: false, allowUpdate: ['src/connectors/registry.ts'] });
    } catch (error) {
      expect((error as ConflictError).paths).toEqual(['src/connectors/x/index.ts']);
      expect((error as ConflictError).kind).toBe('conflict');
      expect((error as ConflictError).issues).toEqual([
        { key: 'src/connectors/x/index.ts', rule: 'already exists' },
      ]);
    }
  });

  it('passes with force, or when nothing exists', () => {
    expect(() => refuseExisting(changes, { force: true })).not.toThrow();
    expect(() => refuseExisting([changes[2] as FileChange], { force: false })).not.toThrow();
  });
});

describe('unifiedDiff', () => {
  it('shows creates, updates and deletes git-style', async () => {
    expect(await unifiedDiff({ path: 'a.ts', type: 'create', content: 'x\n' }, undefined)).toBe(
      '--- /dev/null\n+++ b/a.ts\n@@ -0,0 +1,1 @@\n+x\n',
    );
    expect(await unifiedDiff({ path: 'a.ts', type: 'update', content: 'a\nc\n' }, 'a\nb\n')).toBe(
      '--- a/a.ts\n+++ b/a.ts\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n',
    );
    expect(await unifiedDiff({ path: 'a.ts', type: 'delete' }, 'gone\n')).toBe(
      '--- a/a.ts\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-gone\n',
    );
  });
});

describe('applyChanges', () => {
  const before = {
    'keep.txt': 'untouched',
    'src/registry.ts': 'export const connectors = {};\n',
    'src/old/remove-me.ts': 'old\n',
    'src/old/also.ts': 'also\n',
    'script.sh': '#!/bin/sh\n',
  };
  const changes: FileChange[] = [
    { path: 'src/connectors/new-payment/index.ts', type: 'create', content: 'index\n' },
    {
      path: 'src/connectors/new-payment/transformers.ts',
      type: 'create',
      content: 'transformers\n',
    },
    { path: 'src/registry.ts', type: 'update', content: 'export const connectors = { x };\n' },
    { path: 'test/connectors/new-payment.test.ts', type: 'create', content: 'test\n' },
    { path: 'src/old/remove-me.ts', type: 'delete' },
    { path: 'script.sh', type: 'update', content: '#!/bin/sh\necho hi\n' },
  ];

  it('writes every change, creating directories and keeping file modes', async () => {
    const root = testdir(before);
    chmodSync(path.join(root, 'script.sh'), 0o755);
    await applyChanges(root, changes);
    const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
    expect(read('src/connectors/new-payment/index.ts')).toBe('index\n');
    expect(read('test/connectors/new-payment.test.ts')).toBe('test\n');
    expect(read('src/registry.ts')).toBe('export const connectors = { x };\n');
    expect(() => read('src/old/remove-me.ts')).toThrow();
    expect(read('src/old/also.ts')).toBe('also\n');
    expect(statSync(path.join(root, 'script.sh')).mode & 0o777).toBe(0o755);
    // no temp files left behind
    expect(Object.keys(snapshotDir(root)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('removes directories a delete leaves empty', async () => {
    const root = testdir({ 'a/b/only.ts': 'x', 'a/keep.ts': 'y' });
    await applyChanges(root, [{ path: 'a/b/only.ts', type: 'delete' }]);
    expect(snapshotDir(root)).toEqual({
      'a/': '',
      'a/keep.ts': Buffer.from('y').toString('base64'),
    });
  });

  it('keeps the directories it is told to keep, and their parents, even when emptied', async () => {
    const root = testdir({
      'test/connectors/acme.test.ts': 'x',
      'src/connectors/acme/index.ts': 'y',
    });
    await applyChanges(
      root,
      [
        { path: 'test/connectors/acme.test.ts', type: 'delete' },
        { path: 'src/connectors/acme/index.ts', type: 'delete' },
      ],
      { keepDirs: ['test/connectors', 'src/connectors'] },
    );
    expect(snapshotDir(root)).toEqual({
      'src/': '',
      'src/connectors/': '',
      'test/': '',
      'test/connectors/': '',
    });
  });

  it('restores everything when a failure is injected after each write position', async () => {
    for (let position = 0; position <= changes.length; position += 1) {
      const root = testdir(before);
      chmodSync(path.join(root, 'script.sh'), 0o755);
      const original = snapshotDir(root);
      const failure = applyChanges(root, changes, { failAfter: position });
      await expect(failure, `failAfter ${position}`).rejects.toThrow(IoError);
      const error = (await failure.catch((caught: unknown) => caught)) as IoError;
      expect(error.rolledBack).toBe(true);
      expect(error.kind).toBe('io');
      expect(error.cause).toBeInstanceOf(InjectedFailure);
      expect(error.message).toContain(`injected failure after ${position} file operation(s)`);
      expect(snapshotDir(root), `failAfter ${position}`).toEqual(original);
      expect(statSync(path.join(root, 'script.sh')).mode & 0o777).toBe(0o755);
    }
  });

  it('restores everything after a real I/O failure half-way', async () => {
    // "blocker" is a file, so creating blocker/x.ts fails after the first two changes succeeded
    const root = testdir({ ...before, blocker: 'a file' });
    const original = snapshotDir(root);
    const failing: FileChange[] = [
      changes[0] as FileChange,
      changes[2] as FileChange,
      { path: 'blocker/x.ts', type: 'create', content: 'x' },
      changes[3] as FileChange,
    ];
    await expect(applyChanges(root, failing)).rejects.toThrow(
      /applying the changes failed .*every touched file was restored/,
    );
    expect(snapshotDir(root)).toEqual(original);
  });

  it('restores a file written twice to its first bytes', async () => {
    const root = testdir({ 'a.txt': 'v0' });
    const twice: FileChange[] = [
      { path: 'a.txt', type: 'update', content: 'v1' },
      { path: 'a.txt', type: 'update', content: 'v2' },
    ];
    await expect(applyChanges(root, twice, { failAfter: 2 })).rejects.toThrow(IoError);
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('v0');
  });

  it('refuses a path outside the workspace before touching anything', async () => {
    const root = testdir({ 'a.txt': 'A' });
    const original = snapshotDir(root);
    await expect(
      applyChanges(root, [
        { path: 'a.txt', type: 'update', content: 'B' },
        { path: '../escape.txt', type: 'create', content: 'x' },
      ]),
    ).rejects.toThrow(InternalError);
    expect(snapshotDir(root)).toEqual(original);
  });

  it('applies what a ChangeTree plans', async () => {
    const root = testdir({ 'a.txt': 'A' });
    mkdirSync(path.join(root, 'empty'));
    const tree = new ChangeTree(root);
    tree.write('a.txt', 'B');
    tree.write('empty/n.txt', 'N');
    await applyChanges(root, tree.listChanges());
    expect(new ChangeTree(root).read('a.txt')).toBe('B');
    expect(readFileSync(path.join(root, 'empty', 'n.txt'), 'utf8')).toBe('N');
    writeFileSync(path.join(root, 'a.txt'), 'B');
    const again = new ChangeTree(root);
    again.write('a.txt', 'B');
    expect(again.listChanges()).toEqual([]);
  });
});
