import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseAnswers, type Answers } from '../../src/generator/answers/index.js';
import { InternalError, UsageError } from '../../src/generator/errors.js';
import {
  createManifest,
  generatorVersion,
  MANIFEST_MIGRATIONS,
  MANIFEST_VERSION,
  migrateManifest,
  parseManifest,
  registerManifestMigration,
  serializeManifest,
  sha256,
  type ManifestMigration,
} from '../../src/generator/lifecycle/manifest.js';
import { PRESETS } from '../../src/generator/answers/presets.js';
import { hashTemplateDir, hashTemplates } from '../../src/generator/render/template-hash.js';
import { testdir } from './helpers/testdir.js';

const answers = (parseAnswers(PRESETS.paytm) as { ok: true; answers: Answers }).answers;
const files = [
  {
    path: 'test/connectors/paytm.test.ts',
    content: "import { paytm } from '../../src/connectors/paytm/index.js';\n",
  },
  { path: 'src/connectors/paytm/index.ts', content: 'export const paytm = 1;\n' },
  { path: 'src/connectors/paytm/transformers.ts', content: 'export {};\n' },
];
const templateHash = hashTemplates([{ path: 'connector/index.ts.hbs', bytes: 'x' }]);
const manifest = createManifest({ answers, templateHash, files, version: '0.1.0' });

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('createManifest and serializeManifest', () => {
  it('records generator, template hash, answers and each file with hash and pristine copy', () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.generator).toEqual({ name: 'create-connector', version: '0.1.0' });
    expect(manifest.files['src/connectors/paytm/index.ts']).toEqual({
      sha256: sha256('export const paytm = 1;\n'),
      pristine: 'export const paytm = 1;\n',
    });
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('writes stable JSON: fixed key order, sorted files, 2-space indent, final newline', () => {
    const text = serializeManifest(manifest);
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text.startsWith(
        '{\n  "manifestVersion": 2,\n  "generator": {\n    "name": "create-connector",',
      ),
    ).toBe(true);
    const json = JSON.parse(text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json)).toEqual([
      'manifestVersion',
      'generator',
      'templateHash',
      'answers',
      'files',
    ]);
    expect(Object.keys(json['answers'] ?? {})).toEqual([
      'name',
      'baseUrl',
      'amountType',
      'currencyUnit',
      'contentType',
      'authType',
      'sessionTokenEndpoint',
      'authorizeEndpoint',
      'tokenPlacement',
      'tokenName',
      'flows',
    ]);
    expect(Object.keys(json['files'] ?? {})).toEqual([
      'src/connectors/paytm/index.ts',
      'src/connectors/paytm/transformers.ts',
      'test/connectors/paytm.test.ts',
    ]);
    // the order of the input never shows
    const reordered = createManifest({
      answers: { ...answers },
      templateHash,
      files: [...files].reverse(),
      version: '0.1.0',
    });
    expect(serializeManifest(reordered)).toBe(text);
  });

  it('is already in prettier house style, so format checks leave it alone', async () => {
    const prettier = await import('prettier');
    const text = serializeManifest(manifest);
    expect(
      await prettier.format(text, { parser: 'json', singleQuote: true, printWidth: 100 }),
    ).toBe(text);
  });

  it('round-trips through parseManifest', () => {
    const text = serializeManifest(manifest);
    expect(parseManifest(text)).toEqual(manifest);
    expect(serializeManifest(parseManifest(text))).toBe(text);
  });

  it("takes the generator version from this package's package.json", () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(generatorVersion()).toBe(pkg.version);
    expect(createManifest({ answers, templateHash, files }).generator.version).toBe(pkg.version);
  });
});

describe('parseManifest refuses', () => {
  const valid = JSON.parse(serializeManifest(manifest)) as Record<string, unknown>;
  /** The valid manifest with the value at `keys` replaced (or deleted when `value` is undefined). */
  const edit = (keys: readonly string[], value: unknown): string => {
    const copy = structuredClone(valid);
    let target = copy;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const last = keys.at(-1) as string;
    if (value === undefined) delete target[last];
    else target[last] = value;
    return JSON.stringify(copy);
  };

  it.each([
    ['bad JSON', '{"manifestVersion": 1,', '(manifest)', /is not valid JSON/],
    [
      'a wrong hash',
      edit(['files', 'src/connectors/paytm/index.ts', 'pristine'], 'edited'),
      'files.src/connectors/paytm/index.ts',
      /sha256 does not match the pristine content/,
    ],
    [
      'a malformed hash',
      edit(['templateHash'], 'ABC'),
      'templateHash',
      /must be a lowercase hex SHA-256/,
    ],
    ['an unknown key', edit(['extra'], true), '(manifest)', /unknown keys extra/],
    ['another generator', edit(['generator', 'name'], 'plop'), 'generator.name', /./],
    ['bad answers', edit(['answers', 'authType'], 'MultiAuthKey'), 'answers.authType', /./],
    [
      'a path outside the workspace',
      edit(['files', '../x.ts'], { sha256: sha256(''), pristine: '' }),
      'files.../x.ts',
      /./,
    ],
    ['a missing version', edit(['manifestVersion'], undefined), 'manifestVersion', /./],
  ])('%s', (_case, text, key, message) => {
    const error = usageError(() => parseManifest(text, 'src/connectors/paytm/manifest.json'));
    expect(error.message).toMatch(message);
    expect(error.message.startsWith('src/connectors/paytm/manifest.json ')).toBe(true);
    expect(error.issues.map((issue) => issue.key)).toContain(key);
  });

  it('a manifest from a newer generator, saying so', () => {
    const error = usageError(() => parseManifest(edit(['manifestVersion'], 3)));
    expect(error.message).toBe(
      'the manifest has version 3; this create-connector reads up to version 2 (upgrade it)',
    );
  });
});

describe('migrateManifest', () => {
  it('migrates version 1 to a connector without optional flows; passes a current one through', () => {
    expect([...MANIFEST_MIGRATIONS.keys()]).toEqual([1]);
    const { flows, ...before } = manifest.answers;
    expect(flows).toEqual([]);
    const migrated = migrateManifest({ ...manifest, manifestVersion: 1, answers: before });
    expect(migrated).toEqual({
      ...manifest,
      manifestVersion: 2,
      answers: { flows: [], ...before },
    });
    const json = JSON.parse(serializeManifest(manifest)) as unknown;
    expect(migrateManifest(json)).toBe(json);
  });

  it('applies registered migrations in order up to the target version', () => {
    const toV2: ManifestMigration = (json) => ({
      ...json,
      manifestVersion: 2,
      renamed: json['templateHash'],
    });
    const toV3: ManifestMigration = ({ renamed, ...json }) => ({
      ...json,
      manifestVersion: 3,
      templates: renamed,
    });
    const migrated = migrateManifest(
      { manifestVersion: 1, templateHash: 'h' },
      {
        migrations: new Map([
          [1, toV2],
          [2, toV3],
        ]),
        targetVersion: 3,
      },
    );
    expect(migrated).toEqual({ manifestVersion: 3, templateHash: 'h', templates: 'h' });
  });

  it('runs a globally registered migration inside parseManifest', () => {
    // a pre-release "version 0" manifest that called the answers "options"
    const { answers: legacyAnswers, ...rest } = JSON.parse(serializeManifest(manifest)) as Record<
      string,
      unknown
    >;
    const legacy = JSON.stringify({ ...rest, manifestVersion: 0, options: legacyAnswers });
    expect(() => parseManifest(legacy)).toThrow(InternalError);
    const unregister = registerManifestMigration(0, ({ options, ...json }) => ({
      ...json,
      manifestVersion: 1,
      answers: options,
    }));
    try {
      expect(parseManifest(legacy)).toEqual(manifest);
    } finally {
      unregister();
    }
    expect([...MANIFEST_MIGRATIONS.keys()]).toEqual([1]);
  });

  it('refuses a migration that does not advance the version', () => {
    expect(() =>
      migrateManifest(
        { manifestVersion: 1 },
        { migrations: new Map([[1, (json) => json]]), targetVersion: 2 },
      ),
    ).toThrow('the manifest migration from version 1 produced version 1');
  });
});

describe('template hash', () => {
  it('depends on paths and bytes, not on the order given', () => {
    const a = [
      { path: 'a.hbs', bytes: 'one' },
      { path: 'b.hbs', bytes: 'two' },
    ];
    const hash = hashTemplates(a);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTemplates([...a].reverse())).toBe(hash);
    expect(
      hashTemplates([
        { path: 'a.hbs', bytes: 'onet' },
        { path: 'b.hbs', bytes: 'wo' },
      ]),
    ).not.toBe(hash);
    expect(hashTemplates([{ path: 'c.hbs', bytes: 'one' }, a[1] as (typeof a)[number]])).not.toBe(
      hash,
    );
    expect(
      hashTemplates([{ path: 'a.hbs', bytes: Buffer.from('one') }, a[1] as (typeof a)[number]]),
    ).toBe(hash);
  });

  it('hashes a template directory recursively, skipping dotfiles', () => {
    const root = testdir({
      'a.hbs': 'one',
      'partials/b.hbs': 'two',
      '.DS_Store': 'junk',
      'partials/.swp': 'x',
    });
    expect(hashTemplateDir(root)).toBe(
      hashTemplates([
        { path: 'a.hbs', bytes: 'one' },
        { path: 'partials/b.hbs', bytes: 'two' },
      ]),
    );
  });
});
