/**
 * `verify`: green on this repository; red, naming the file, after one byte of a sample, of a
 * template or of a preset's generated connector changes, and after the registry is edited by hand.
 * Tampering happens on copies (samples, a package copy, temporary workspaces), never the repo.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it, onTestFinished } from 'vitest';

import { nuvei } from '../../src/connectors/nuvei/index.js';
import { paytm } from '../../src/connectors/paytm/index.js';
import { parseAnswers } from '../../src/generator/answers/index.js';
import {
  compareFingerprints,
  fingerprintConnector,
  relativeEndpoint,
} from '../../src/generator/verify/fingerprint.js';
import { applyPlan, planNewConnector } from '../../src/generator/lifecycle/index.js';
import { packageRoot } from '../../src/generator/package-info.js';
import { defaultSamplesDir } from '../../src/generator/verify/samples.js';
import {
  verify,
  VERIFY_CHECKS,
  type VerifyCheck,
  type VerifyOptions,
  type VerifyReport,
} from '../../src/generator/verify/verify.js';
import { DEFAULT_WORKSPACE_CONFIG } from '../../src/generator/workspace.js';
import { testdir } from './helpers/testdir.js';

const REPO_ROOT = packageRoot();
const CASE = 'query-json-signature-key';
const CASE_DIR = `src/connectors/${CASE}`;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The samples copied to a temp dir, with `edit` applied to one of the case's files. */
function tamperedSamples(file: string, edit: (text: string) => string): string {
  const dir = tempDir('cc-verify-samples-');
  cpSync(defaultSamplesDir(), dir, { recursive: true });
  const target = path.join(dir, ...file.split('/'));
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after, 'the edit should change the file').not.toBe(before);
  writeFileSync(target, after);
  return dir;
}

function only(report: VerifyReport, name: VerifyCheck['name']): VerifyCheck {
  expect(report.checks.map((found) => found.name)).toEqual([name]);
  return report.checks[0]!;
}

describe('verify on this repository', () => {
  it('passes every check', async () => {
    const progress: string[] = [];
    const report = await verify({ cwd: REPO_ROOT, onProgress: (line) => progress.push(line) });
    const failures = report.checks.flatMap((found) =>
      found.problems.map(
        (problem) =>
          `${found.name}: ${problem.file ?? ''} ${problem.message}\n${problem.detail ?? ''}`,
      ),
    );
    expect(failures.join('\n')).toBe('');
    expect(report.ok).toBe(true);
    expect(report.checks.map((found) => found.name)).toEqual([...VERIFY_CHECKS]);
    expect(Object.keys(report.timings.samples)).toHaveLength(7);
    expect(progress[0]).toBe('rendering 7 samples…');
    // PSync is the references' own: the report says it is not compared
    expect(report.checks.find((found) => found.name === 'presets')?.notes).toEqual([
      expect.stringContaining('the reference nuvei also defines PSync'),
      expect.stringContaining('the reference paytm also defines PSync'),
    ]);
  }, 120_000);
});

describe('verify after a sample changes', () => {
  it('fails the render check on one changed byte, naming the file and showing the diff', async () => {
    const file = `${CASE}/${CASE_DIR}/transformers.ts`;
    const samplesDir = tamperedSamples(file, (text) => text.replace('wire order', 'wire-order'));
    const report = await verify({ cwd: REPO_ROOT, samplesDir, checks: ['samples-render'] });
    expect(report.ok).toBe(false);
    const render = only(report, 'samples-render');
    expect(render.problems).toHaveLength(1);
    expect(render.problems[0]!.file).toBe(path.join(samplesDir, ...file.split('/')));
    expect(render.problems[0]!.diff).toMatch(/^-.*wire-order/m);
    expect(render.problems[0]!.diff).toMatch(/^\+.*wire order/m);
  });

  it('fails the compile check on a sample that no longer type-checks, naming it', async () => {
    const file = `${CASE}/${CASE_DIR}/index.ts`;
    const samplesDir = tamperedSamples(file, (text) =>
      text.replace('shouldDoOrderCreate: () => false', "shouldDoOrderCreate: () => 'no'"),
    );
    const report = await verify({ cwd: REPO_ROOT, samplesDir, checks: ['samples-compile'] });
    const compile = only(report, 'samples-compile');
    expect(compile.ok).toBe(false);
    expect(compile.problems[0]!.file).toBe(path.join(samplesDir, ...file.split('/')));
    expect(compile.problems[0]!.message).toMatch(/TS\d+/);
  }, 60_000);

  it('fails the test check when a sample stops passing its generated tests, naming the test file', async () => {
    const samplesDir = tamperedSamples(`${CASE}/${CASE_DIR}/transformers.ts`, (text) =>
      text.replace("'Authorized' : 'Charged'", "'Authorized' : 'Pending'"),
    );
    const report = await verify({ cwd: REPO_ROOT, samplesDir, checks: ['samples-test'] });
    const tests = only(report, 'samples-test');
    expect(tests.ok).toBe(false);
    const testFile = path.join(samplesDir, CASE, 'test/connectors', `${CASE}.test.ts`);
    expect(tests.problems.map((problem) => problem.file)).toContain(testFile);
    expect(tests.problems[0]!.detail).toContain('Charged');
  }, 60_000);

  it("fails the presets check when a preset's connector no longer matches its reference", async () => {
    const file = 'nuvei/src/connectors/nuvei/index.ts';
    const samplesDir = tamperedSamples(file, (text) =>
      text.replace(
        "const AUTHORIZE_ENDPOINT = 'payment.do';",
        "const AUTHORIZE_ENDPOINT = 'payments.do';",
      ),
    );
    const report = await verify({ cwd: REPO_ROOT, samplesDir, checks: ['presets'] });
    const presets = only(report, 'presets');
    expect(presets.problems).toEqual([
      {
        file: path.join(samplesDir, ...file.split('/')),
        message:
          'the nuvei preset does not describe the reference connector: Authorize.endpoint is ' +
          '"payments.do", the reference has "payment.do"',
      },
    ]);
  });
});

describe('verify after a template changes', () => {
  /**
   * A copy of this package (sources, templates, samples, workspace config) whose verify renders
   * with the copy's templates; node_modules is linked.
   */
  async function packageCopy(editTemplate: (text: string) => string, template: string) {
    const root = tempDir('cc-verify-package-');
    for (const entry of ['src', 'templates', 'generated-samples']) {
      cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
    }
    for (const file of ['package.json', 'create-connector.json', '.prettierrc.json']) {
      cpSync(path.join(REPO_ROOT, file), path.join(root, file));
    }
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const file = path.join(root, 'templates/connector', template);
    const before = readFileSync(file, 'utf8');
    const after = editTemplate(before);
    expect(after, 'the edit should change the template').not.toBe(before);
    writeFileSync(file, after);
    const copied = (await import(
      pathToFileURL(path.join(root, 'src/generator/verify/verify.ts')).href
    )) as {
      verify: (options: VerifyOptions) => Promise<VerifyReport>;
    };
    return { root, verify: copied.verify };
  }

  it('fails naming every sample the changed byte reaches', async () => {
    const copy = await packageCopy(
      (text) => text.replace('members in wire order', 'members in wire-order'),
      'transformers.ts.hbs',
    );
    const report = await copy.verify({ cwd: copy.root, checks: ['samples-render'] });
    const render = only(report, 'samples-render');
    expect(render.ok).toBe(false);
    const files = render.problems.map((problem) => problem.file).sort();
    // each case's transformers.ts, and its manifest (the pristine copy and the template hash)
    expect(files).toHaveLength(14);
    expect(files).toContain(`generated-samples/${CASE}/${CASE_DIR}/transformers.ts`);
    expect(files).toContain(`generated-samples/${CASE}/${CASE_DIR}/manifest.json`);
    expect(files).toContain('generated-samples/paytm/src/connectors/paytm/transformers.ts');
  }, 60_000);

  it('fails through the template hash when the changed byte reaches no rendered file', async () => {
    // the branch for endpoints too long for one line: no sample takes it
    const copy = await packageCopy(
      (text) =>
        text.replace(
          'const SESSION_TOKEN_ENDPOINT =\n  {{str',
          'const SESSION_TOKEN_ENDPOINT  =\n  {{str',
        ),
      'index.ts.hbs',
    );
    const report = await copy.verify({ cwd: copy.root, checks: ['samples-render'] });
    const render = only(report, 'samples-render');
    expect(render.problems.map((problem) => problem.file)).toHaveLength(7);
    for (const problem of render.problems) {
      expect(problem.file).toMatch(
        /^generated-samples\/[^/]+\/src\/connectors\/[^/]+\/manifest\.json$/,
      );
      expect(problem.diff).toMatch(/^-\s+"templateHash"/m);
    }
  }, 60_000);
});

describe('verify of the registry', () => {
  const REGISTRY = 'src/connectors/registry.ts';

  /** A workspace with one generated connector (acme_pay) and one hand-written one (manual). */
  async function workspace(): Promise<string> {
    const root = testdir({
      'create-connector.json': `${JSON.stringify(DEFAULT_WORKSPACE_CONFIG, null, 2)}\n`,
      '.prettierrc.json': `${JSON.stringify({ singleQuote: true, printWidth: 100 })}\n`,
      [REGISTRY]: [
        "import type { AmountType, Connector } from '../runtime/index.js';",
        "import { manual } from './manual/index.js';",
        '',
        'export const connectors = {',
        '  manual,',
        '} as const satisfies Readonly<Record<string, Connector<AmountType>>>;',
        '',
      ].join('\n'),
      'src/connectors/manual/index.ts': 'export const manual = {};\n',
    });
    const parsed = parseAnswers({
      name: 'AcmePay',
      baseUrl: 'https://api.acme-pay.example',
      sessionTokenEndpoint: 'v1/sessions',
      authorizeEndpoint: 'v1/payments',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await applyPlan(await planNewConnector({ cwd: root, answers: parsed.answers }));
    return root;
  }

  const registryOf = (cwd: string) =>
    verify({ cwd, checks: ['registry'] }).then((report) => only(report, 'registry'));
  const edit = (root: string, file: string, change: (text: string) => string) => {
    const target = path.join(root, ...file.split('/'));
    writeFileSync(target, change(readFileSync(target, 'utf8')));
  };

  it('passes for generated and hand-written connectors that are all registered', async () => {
    const result = await registryOf(await workspace());
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatch(/2 entries, 2 folders$/);
  });

  it('fails naming the folder after its registry entry is removed by hand', async () => {
    const root = await workspace();
    edit(root, REGISTRY, (text) =>
      text
        .replace('  acme_pay: acmePay,\n', '')
        .replace("import { acmePay } from './acme-pay/index.js';\n", ''),
    );
    expect((await registryOf(root)).problems).toEqual([
      { file: 'src/connectors/acme-pay', message: `is not registered in ${REGISTRY}` },
    ]);
  });

  it('fails naming the registry when an entry has no folder', async () => {
    const root = await workspace();
    rmSync(path.join(root, 'src/connectors/manual'), { recursive: true });
    expect((await registryOf(root)).problems).toEqual([
      {
        file: REGISTRY,
        message:
          'entry "manual" imports ./manual/index.js, but src/connectors/manual/index.ts does not exist',
      },
    ]);
  });

  it('fails naming the manifest when a file it lists is gone or it does not parse', async () => {
    const root = await workspace();
    rmSync(path.join(root, 'src/connectors/acme-pay/transformers.ts'));
    const manifest = 'src/connectors/acme-pay/manifest.json';
    expect((await registryOf(root)).problems).toEqual([
      {
        file: manifest,
        message: 'lists src/connectors/acme-pay/transformers.ts, which does not exist',
      },
    ]);
    edit(root, manifest, (text) => text.replace('"manifestVersion": 2', '"manifestVersion": "2"'));
    const problems = (await registryOf(root)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: manifest,
      message: expect.stringContaining('not a valid manifest'),
    });
  });

  it('fails naming the registry when it cannot be read as one', async () => {
    const root = await workspace();
    edit(root, REGISTRY, (text) =>
      text.replace('export const connectors', 'export const registered'),
    );
    const problems = (await registryOf(root)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(REGISTRY);
  });

  it('fails outside a workspace', async () => {
    const problems = (await registryOf(tempDir('cc-verify-nowhere-'))).problems;
    expect(problems[0]?.message).toContain('no create-connector.json found');
  });
});

describe('fingerprints', () => {
  it('read what the presets promise from the reference connectors themselves', () => {
    expect(fingerprintConnector(paytm)).toEqual({
      id: 'paytm',
      flows: ['CreateSessionToken', 'Authorize'],
      otherFlows: ['PSync'],
      shouldDoSessionToken: true,
      shouldDoOrderCreate: false,
      endpoints: {
        // built from the sandbox base URL (with its trailing '/') and the mid/orderId query
        CreateSessionToken: { method: 'POST', endpoint: 'theia/api/v1/initiateTransaction' },
        Authorize: { method: 'POST', endpoint: 'theia/api/v1/processTransaction' },
      },
      contentType: 'application/json',
      amountType: 'StringMajorUnit',
      currencyUnit: 'Minor',
      authType: 'SignatureKey',
      tokenPlacement: 'body',
    });
  });

  it('strip the base URL, one leading slash and the query from an endpoint', () => {
    expect(relativeEndpoint('https://a.example/v1/pay?x=1', 'https://a.example/v1')).toBe('pay');
    expect(relativeEndpoint('https://a.example/v1/pay', 'https://a.example/v1/')).toBe('pay');
    expect(relativeEndpoint('https://b.example/pay', 'https://a.example')).toBe(
      'https://b.example/pay',
    );
  });

  it('name every compared field that differs, and ignore flows templates do not generate', () => {
    expect(compareFingerprints(fingerprintConnector(nuvei), fingerprintConnector(paytm))).toEqual([
      { field: 'id', reference: 'nuvei', generated: 'paytm' },
      {
        field: 'CreateSessionToken.endpoint',
        reference: 'getSessionToken.do',
        generated: 'theia/api/v1/initiateTransaction',
      },
      {
        field: 'Authorize.endpoint',
        reference: 'payment.do',
        generated: 'theia/api/v1/processTransaction',
      },
    ]);
    const withoutPsync = { ...fingerprintConnector(nuvei), otherFlows: [] };
    expect(compareFingerprints(fingerprintConnector(nuvei), withoutPsync)).toEqual([]);
  });
});
