/**
 * The golden samples: every case in generated-samples/ re-renders to exactly the stored bytes
 * (the check `verify` runs first), and the cases cover every variant the issue asks for.
 */

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it, onTestFinished } from 'vitest';

import { names } from '../../src/generator/answers/names.js';
import { PRESET_IDS, PRESETS } from '../../src/generator/answers/presets.js';
import {
  ANSWERS_FILE,
  checkSample,
  checkSamples,
  defaultSamplesDir,
  listSampleCases,
  readSampleFiles,
  writeSamples,
} from '../../src/generator/verify/samples.js';

const cases = await listSampleCases(defaultSamplesDir());

/** A copy of the samples in a temp dir, removed when the test finishes. */
function samplesCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-samples-copy-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(defaultSamplesDir(), dir, { recursive: true });
  return dir;
}

describe('generated-samples', () => {
  it.each(cases.map((sampleCase) => [sampleCase.name, sampleCase] as const))(
    '%s re-renders byte for byte',
    async (_name, sampleCase) => {
      const result = await checkSample(sampleCase);
      const report = result.drifts.map(
        (drift) => `${drift.path}: ${drift.message}\n${drift.diff ?? ''}`,
      );
      expect(report.join('\n')).toBe('');
      expect(result.rendered?.files.map((file) => file.path).sort()).toEqual(
        (await readSampleFiles(sampleCase.dir)).map((file) => file.path),
      );
    },
  );

  it('cover each token placement, content type, auth type, amount type, currency unit and preset', async () => {
    const answers = (await checkSamples()).map((result) => result.rendered?.answers);
    expect(answers.every((found) => found !== undefined)).toBe(true);
    const values = (
      key: 'tokenPlacement' | 'contentType' | 'authType' | 'amountType' | 'currencyUnit',
    ) => [...new Set(answers.map((found) => found?.[key]))].sort();
    expect(values('tokenPlacement')).toEqual(['body', 'header', 'query']);
    expect(values('contentType')).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    expect(values('authType')).toEqual(['BodyKey', 'HeaderKey', 'SignatureKey']);
    expect(values('amountType')).toEqual([
      'FloatMajorUnit',
      'MinorUnit',
      'StringMajorUnit',
      'StringMinorUnit',
    ]);
    expect(values('currencyUnit')).toEqual(['Major', 'Minor']);
    expect(
      answers.some(
        (found) => found?.authType === 'SignatureKey' && found.contentType !== 'application/json',
      ),
    ).toBe(true);
    for (const preset of PRESET_IDS) {
      expect(cases.find((sampleCase) => sampleCase.name === preset)?.preset).toBe(preset);
    }
    // one connector per case: distinct names, each case named after its connector's folder
    expect(new Set(answers.map((found) => found?.name)).size).toBe(cases.length);
    for (const found of answers)
      expect(cases.map((c) => c.name)).toContain(names(found!.name).folder);
  });

  it('store the files new writes: answers, README, index, transformers, manifest, test and cassettes', async () => {
    const files = await readSampleFiles(path.join(defaultSamplesDir(), 'nuvei'));
    const cassettes = files.filter((file) => file.path.includes('/cassettes/'));
    expect(files.filter((file) => !cassettes.includes(file)).map((file) => file.path)).toEqual([
      ANSWERS_FILE,
      'src/connectors/nuvei/README.md',
      'src/connectors/nuvei/index.ts',
      'src/connectors/nuvei/manifest.json',
      'src/connectors/nuvei/transformers.ts',
      'test/connectors/nuvei.test.ts',
    ]);
    expect(cassettes.map((file) => file.path)).toContain(
      'test/connectors/nuvei/cassettes/authorize-charged.json',
    );
    // a preset case's answers are the preset's
    expect(JSON.parse(files[0]!.content)).toEqual(PRESETS.nuvei);
  });
});

describe('checkSample and writeSamples', () => {
  const target = 'query-json-signature-key';
  const transformers = `src/connectors/${target}/transformers.ts`;

  it('report one changed byte as a diff of that file, and writeSamples puts it back', async () => {
    const dir = samplesCopy();
    const file = path.join(dir, target, ...transformers.split('/'));
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace('readonly currency: Currency;', 'readonly currency: Currency ;'),
    );

    const sampleCase = (await listSampleCases(dir)).find((c) => c.name === target)!;
    const { drifts } = await checkSample(sampleCase);
    expect(drifts).toHaveLength(1);
    expect(drifts[0]).toMatchObject({ case: target, path: transformers, kind: 'changed' });
    expect(drifts[0]!.diff).toContain('-  readonly currency: Currency ;');
    expect(drifts[0]!.diff).toContain('+  readonly currency: Currency;');

    const written = await writeSamples(dir);
    expect(written.map((drift) => `${drift.case}/${drift.path}`)).toEqual([
      `${target}/${transformers}`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(await writeSamples(dir)).toEqual([]);
  });

  it('report missing and extra files, a stale preset answers file and invalid answers', async () => {
    const dir = samplesCopy();
    rmSync(path.join(dir, target, 'test/connectors', `${target}.test.ts`));
    writeFileSync(path.join(dir, target, 'notes.txt'), 'mine\n');
    writeFileSync(
      path.join(dir, 'paytm', ANSWERS_FILE),
      JSON.stringify({ ...PRESETS.paytm, tokenName: 'token' }),
    );
    writeFileSync(
      path.join(dir, 'body-json-header-key', ANSWERS_FILE),
      JSON.stringify({ name: 'BodyJsonHeaderKey', baseUrl: 'ftp://nope' }),
    );

    const byCase = Object.fromEntries(
      (await checkSamples(dir)).map((result) => [
        result.case.name,
        result.drifts.map((drift) => [drift.kind, drift.path]),
      ]),
    );
    expect(byCase[target]).toEqual([
      ['missing', `test/connectors/${target}.test.ts`],
      ['extra', 'notes.txt'],
    ]);
    expect(byCase['paytm']).toEqual([['changed', ANSWERS_FILE]]);
    expect(byCase['body-json-header-key']).toEqual([['invalid', ANSWERS_FILE]]);

    // writing restores what it can and leaves the invalid case as it is
    const written = await writeSamples(dir);
    expect(written.map((drift) => [drift.kind, `${drift.case}/${drift.path}`])).toEqual([
      ['invalid', `body-json-header-key/${ANSWERS_FILE}`],
      ['changed', `paytm/${ANSWERS_FILE}`],
      ['missing', `${target}/test/connectors/${target}.test.ts`],
      ['extra', `${target}/notes.txt`],
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, 'paytm', ANSWERS_FILE), 'utf8'))).toEqual(
      PRESETS.paytm,
    );
    const after = await checkSamples(dir);
    expect(after.flatMap((result) => result.drifts.map((drift) => drift.kind))).toEqual([
      'invalid',
    ]);
  });

  it('removes a stale file and the folders it leaves empty', async () => {
    const dir = samplesCopy();
    const stale = path.join(dir, target, 'src/connectors/old-name/index.ts');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, 'export {};\n');
    expect((await writeSamples(dir)).map((drift) => drift.path)).toEqual([
      'src/connectors/old-name/index.ts',
    ]);
    expect(existsSync(path.join(dir, target, 'src/connectors/old-name'))).toBe(false);
    expect(existsSync(path.join(dir, target, 'src/connectors'))).toBe(true);
  });
});
