import { describe, expect, it } from 'vitest';

import { InternalError } from '../../src/generator/errors.js';
import {
  checkHouseStyle,
  formatFiles,
  HOUSE_STYLE,
  isHouseStyle,
  PRETTIER_DEFAULTS,
} from '../../src/generator/render/format.js';
import { testdir } from './helpers/testdir.js';

// deliberately not prettier-formatted: only prettier changes it
const messy = 'const   greeting = "hi" ;\nexport const x = { a: 1,\n  b: greeting }\n';
const house = JSON.stringify(HOUSE_STYLE);

describe('isHouseStyle', () => {
  it.each([
    [{ singleQuote: true, printWidth: 100 }, true],
    [{ printWidth: 100, singleQuote: true, semi: true, trailingComma: 'all', tabWidth: 2 }, true],
    [
      { $schema: 'https://json.schemastore.org/prettierrc', singleQuote: true, printWidth: 100 },
      true,
    ],
    [{ singleQuote: true }, false],
    [{ singleQuote: true, printWidth: 100, semi: false }, false],
    [{ singleQuote: true, printWidth: 100, overrides: [] }, false],
    [{ singleQuote: true, printWidth: 100, plugins: ['x'] }, false],
    ['shared-config-package', false],
    [null, false],
  ])('%j → %s', (config, expected) => {
    expect(isHouseStyle(config)).toBe(expected);
  });

  it("knows prettier's own defaults", async () => {
    const prettier = await import('prettier');
    const info = await prettier.getSupportInfo();
    const defaults = Object.fromEntries(
      info.options
        .filter((option) => option.category !== 'Special' || (option.name ?? '').endsWith('Pragma'))
        .filter((option) => option.default !== undefined && !Array.isArray(option.default))
        .map((option) => [option.name, option.default]),
    );
    expect(PRETTIER_DEFAULTS).toEqual(defaults);
  });
});

describe('checkHouseStyle (without prettier)', () => {
  it('finds the nearest config like prettier does', () => {
    const root = testdir({
      '.prettierrc.json': house,
      'a/package.json': JSON.stringify({ name: 'no-prettier-key' }),
      'b/package.json': JSON.stringify({ prettier: { singleQuote: true } }),
      'c/.prettierrc': house,
      'd/.prettierrc': 'singleQuote: true\nprintWidth: 100\n',
      'e/.prettierrc.yaml': 'singleQuote: true\n',
      'f/package.json': JSON.stringify({ prettier: HOUSE_STYLE }),
      'f/.prettierrc.json': '{}',
    });
    expect(checkHouseStyle(root)).toEqual({ house: true, configFile: `${root}/.prettierrc.json` });
    expect(checkHouseStyle(`${root}/a`)).toMatchObject({
      house: true,
      configFile: `${root}/.prettierrc.json`,
    });
    expect(checkHouseStyle(`${root}/b`)).toEqual({
      house: false,
      reason: `${root}/b/package.json differs from the house style`,
    });
    expect(checkHouseStyle(`${root}/c`)).toMatchObject({ house: true });
    expect(checkHouseStyle(`${root}/d`)).toEqual({
      house: false,
      reason: `${root}/d/.prettierrc is not plain JSON`,
    });
    expect(checkHouseStyle(`${root}/e`)).toMatchObject({ house: false });
    // package.json comes first in prettier's search order
    expect(checkHouseStyle(`${root}/f`)).toMatchObject({
      house: true,
      configFile: `${root}/f/package.json`,
    });
  });

  it('distrusts an .editorconfig and a missing config', () => {
    expect(
      checkHouseStyle(testdir({ '.prettierrc.json': house, '.editorconfig': 'root = true\n' })),
    ).toMatchObject({
      house: false,
      reason: 'an .editorconfig may change the style',
    });
    expect(checkHouseStyle(testdir())).toMatchObject({
      house: false,
      reason: 'no prettier config (prettier defaults apply)',
    });
  });
});

describe('formatFiles', () => {
  const files = [
    { path: 'src/connectors/x/index.ts', content: messy },
    { path: 'src/connectors/x/manifest.json', content: '{"a":1,\n"b":[1,2]}' },
  ];

  it('returns house-style renders untouched without running prettier', async () => {
    const root = testdir({ '.prettierrc.json': house });
    const result = await formatFiles(root, files);
    expect(result).toEqual({ files, formatted: [] });
  });

  it("formats with the workspace's config when it is not the house style", async () => {
    const root = testdir({ '.prettierrc.json': JSON.stringify({ semi: false, printWidth: 100 }) });
    const result = await formatFiles(root, files);
    expect(result.formatted).toEqual([
      'src/connectors/x/index.ts',
      'src/connectors/x/manifest.json',
    ]);
    expect(result.files[0]?.content).toBe(
      'const greeting = "hi"\nexport const x = { a: 1, b: greeting }\n',
    );
    expect(result.files[1]?.content).toBe('{ "a": 1, "b": [1, 2] }\n');
  });

  it('formats with the house style from a YAML config, and with prettier defaults when there is none', async () => {
    const yaml = await formatFiles(
      testdir({ '.prettierrc': 'singleQuote: true\nprintWidth: 100\n' }),
      files,
    );
    expect(yaml.files[0]?.content).toBe(
      "const greeting = 'hi';\nexport const x = { a: 1, b: greeting };\n",
    );
    const none = await formatFiles(testdir(), files);
    expect(none.files[0]?.content).toBe(
      'const greeting = "hi";\nexport const x = { a: 1, b: greeting };\n',
    );
  });

  it('honours .editorconfig like the prettier CLI', async () => {
    const root = testdir({
      '.prettierrc.json': house,
      '.editorconfig': 'root = true\n[*]\nindent_style = space\nindent_size = 4\n',
    });
    const result = await formatFiles(root, [
      { path: 'a.ts', content: 'function f() {\nreturn 1;\n}\n' },
    ]);
    expect(result.files[0]?.content).toBe('function f() {\n    return 1;\n}\n');
  });

  it('leaves ignored files and files prettier cannot parse alone', async () => {
    const root = testdir({ '.prettierignore': 'generated/\n' });
    const input = [
      { path: 'generated/x.ts', content: messy },
      { path: 'notes.unknownext', content: 'a   b' },
    ];
    expect((await formatFiles(root, input)).files).toEqual(input);
  });

  it('reports a render prettier cannot parse as an internal error naming the file', async () => {
    const root = testdir({ '.prettierrc.json': '{}' });
    await expect(
      formatFiles(root, [{ path: 'src/bad.ts', content: 'export const = ;' }]),
    ).rejects.toThrow(InternalError);
    await expect(
      formatFiles(root, [{ path: 'src/bad.ts', content: 'export const = ;' }]),
    ).rejects.toThrow(/prettier could not format src\/bad\.ts/);
  });
});
