import { describe, expect, it } from 'vitest';

import {
  ConflictError,
  GeneratorError,
  type GeneratorErrorKind,
  InternalError,
  IoError,
  isGeneratorError,
  RegistryError,
  UsageError,
} from '../../src/generator/errors.js';

describe('generator errors', () => {
  it.each([
    [
      new UsageError('bad', { issues: [{ key: 'name', value: 'class', rule: 'reserved' }] }),
      'usage',
      'UsageError',
    ],
    [new ConflictError('exists', ['a.ts']), 'conflict', 'ConflictError'],
    [new IoError('disk'), 'io', 'IoError'],
    [new InternalError('bug'), 'internal', 'InternalError'],
    [new RegistryError('syntax', 'does not parse'), 'usage', 'RegistryError'],
  ])('%s has kind %s', (error, kind, name) => {
    expect(error).toBeInstanceOf(GeneratorError);
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe(kind);
    expect(error.name).toBe(name);
    expect(isGeneratorError(error)).toBe(true);
    expect(isGeneratorError(error, kind as GeneratorErrorKind)).toBe(true);
  });

  it('carries issues as data', () => {
    expect(
      new UsageError('bad', { issues: [{ key: 'name', rule: 'is required' }] }).issues,
    ).toEqual([{ key: 'name', rule: 'is required' }]);
    expect(new ConflictError('exists', ['a.ts', 'b.ts']).issues).toEqual([
      { key: 'a.ts', rule: 'already exists' },
      { key: 'b.ts', rule: 'already exists' },
    ]);
    expect(new InternalError('bug').issues).toEqual([]);
  });

  it('keeps the cause and the rollback outcome', () => {
    const cause = new Error('ENOSPC');
    const error = new IoError('write failed', { cause, rolledBack: false, unrestored: ['a.ts'] });
    expect(error.cause).toBe(cause);
    expect(error.rolledBack).toBe(false);
    expect(error.unrestored).toEqual(['a.ts']);
    expect(new IoError('x').rolledBack).toBe(true);
  });

  it('tells generator errors from others', () => {
    expect(isGeneratorError(new Error('x'))).toBe(false);
    expect(isGeneratorError(new UsageError('x'), 'io')).toBe(false);
  });
});
