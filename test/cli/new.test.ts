/**
 * `create-connector new` in this process over temporary workspaces: the --json report, dry runs
 * that leave every byte alone, the no-terminal refusals, answers files and presets, re-running,
 * --force, malformed registries, rollback of a failing write, and --timings.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it, onTestFinished, vi } from 'vitest';

import type * as ApplyChangesModule from '../../src/generator/changes/apply.js';
import { PHASES } from '../../src/generator/timings.js';
import { findWorkspaceRoot } from '../../src/generator/workspace.js';
import { runMain } from './helpers/io.js';
import { filesOf, treeSnapshot, workspaceForTest } from './helpers/workspace.js';

// failure injection through the library's own hook: the real writes happen, then one fails
const injected = vi.hoisted(() => ({ failAfter: undefined as number | undefined }));
vi.mock('../../src/generator/changes/apply.js', async (importOriginal) => {
  const real = await importOriginal<typeof ApplyChangesModule>();
  return {
    ...real,
    applyChanges: (...[root, changes, options]: Parameters<typeof real.applyChanges>) =>
      real.applyChanges(root, changes, {
        ...options,
        ...(injected.failAfter === undefined ? {} : { failAfter: injected.failAfter }),
      }),
  };
});

interface Change {
  path: string;
  type: 'create' | 'update' | 'delete';
  diff?: string;
}
interface NewReport {
  connector: { id: string; name: string; dir: string };
  changes: Change[];
  dryRun: boolean;
}
interface ErrorReport {
  error: {
    kind: string;
    message: string;
    issues: Array<{ key: string; value?: unknown; rule: string }>;
    hint?: string;
  };
}

const NUVEI_FILES = [
  'src/connectors/nuvei/index.ts',
  'src/connectors/nuvei/transformers.ts',
  'test/connectors/nuvei.test.ts',
  'src/connectors/nuvei/README.md',
  'src/connectors/nuvei/manifest.json',
];

const isCassette = (file: string) => /^test\/connectors\/[a-z0-9-]+\/cassettes\//.test(file);

const ACME = [
  'Acme',
  '--base-url',
  'https://api.acme.test',
  '--session-token-endpoint',
  'v1/session',
  '--authorize-endpoint',
  'v1/pay',
  '--yes',
];

function read(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

/** Splits the suggested one-line command the way a POSIX shell would (single quotes only). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map(
    (match) => match[2] ?? match[1]!.replaceAll("'\\''", "'"),
  );
}

describe('--json', () => {
  it('reports the connector and every change, workspace-relative, then writes them', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', '--preset', 'nuvei', '--yes', '--json', '--cwd', root], {
      cwd: '/',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = result.json<NewReport>();
    expect(Object.keys(report).sort()).toEqual(['changes', 'connector', 'dryRun']);
    expect(report.connector).toEqual({ id: 'nuvei', name: 'Nuvei', dir: 'src/connectors/nuvei' });
    expect(report.dryRun).toBe(false);
    const cassettes = report.changes.filter((change) => isCassette(change.path));
    expect(report.changes.filter((change) => !cassettes.includes(change))).toEqual([
      ...NUVEI_FILES.map((file) => ({ path: file, type: 'create' })),
      { path: 'src/connectors/registry.ts', type: 'update' },
    ]);
    // the day-one cassettes, recorded by running the new connector against its emulator
    expect(cassettes).toContainEqual({
      path: 'test/connectors/nuvei/cassettes/authorize-charged.json',
      type: 'create',
    });
    expect(cassettes.every((change) => change.type === 'create')).toBe(true);
    for (const change of report.changes) {
      expect(Object.keys(change).sort()).toEqual(['path', 'type']);
      expect(read(root, change.path).length).toBeGreaterThan(0);
    }
    expect(read(root, 'src/connectors/registry.ts')).toContain(
      "import { nuvei } from './nuvei/index.js';",
    );
    const manifest = JSON.parse(read(root, 'src/connectors/nuvei/manifest.json')) as {
      answers: Record<string, unknown>;
    };
    expect(manifest.answers).toMatchObject({ name: 'Nuvei', authType: 'SignatureKey' });
  });

  it('paths stay relative to the workspace root when --cwd is deeper inside it', async () => {
    const root = await workspaceForTest();
    const result = await runMain(
      ['new', ...ACME, '--json', '--dry-run', '--cwd', 'src/connectors'],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    const report = result.json<NewReport>();
    expect(report.connector.dir).toBe('src/connectors/acme');
    expect(report.changes.map((change) => change.path)).toContain('test/connectors/acme.test.ts');
  });

  it('--dry-run adds a unified diff to every change and writes nothing', async () => {
    const root = await workspaceForTest();
    const before = treeSnapshot(root);
    const result = await runMain(['new', '--preset', 'paytm', '--yes', '--json', '--dry-run'], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    const report = result.json<NewReport>();
    expect(report.dryRun).toBe(true);
    expect(report.connector.id).toBe('paytm');
    expect(report.changes.filter((change) => !isCassette(change.path))).toHaveLength(6);
    for (const change of report.changes) {
      expect(typeof change.diff).toBe('string');
      if (change.type === 'create') {
        expect(change.diff).toMatch(
          new RegExp(`^--- /dev/null\\n\\+\\+\\+ b/${change.path}\\n@@ -0,0 `),
        );
      }
    }
    const registry = report.changes.find((change) => change.path === 'src/connectors/registry.ts')!;
    expect(registry.type).toBe('update');
    expect(registry.diff).toContain(
      '--- a/src/connectors/registry.ts\n+++ b/src/connectors/registry.ts',
    );
    expect(registry.diff).toContain("+import { paytm } from './paytm/index.js';");
    // the manifest is one summary line, not its pristine copies of every file
    const manifest = report.changes.find((change) => change.path.endsWith('manifest.json'))!;
    const added = manifest
      .diff!.split('\n')
      .filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    expect(added).toEqual([
      expect.stringMatching(
        /^\+manifest of Paytm; create-connector@\d+\.\d+\.\d+; templates [0-9a-f]{12}; SignatureKey, token in body "txnToken"; files: src\/connectors\/paytm\/README\.md [0-9a-f]{8}, src\/connectors\/paytm\/index\.ts [0-9a-f]{8}, /,
      ),
    ]);
    // a recorded cassette is its scenario and exchanges, not its JSON
    const charged = report.changes.find((change) =>
      change.path.endsWith('/cassettes/authorize-charged.json'),
    )!;
    expect(charged.diff).toBe(
      [
        '--- /dev/null',
        '+++ b/test/connectors/paytm/cassettes/authorize-charged.json',
        '@@ -0,0 +1,3 @@',
        '+cassette paytm authorize-charged → Charged',
        '+  CreateSessionToken POST /theia/api/v1/initiateTransaction → 200',
        '+  Authorize POST /theia/api/v1/processTransaction → 200',
        '',
      ].join('\n'),
    );
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('a refusal is one JSON document on stdout with the kind and the issues', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', 'lowercase', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    const { error } = result.json<ErrorReport>();
    expect(error.kind).toBe('usage');
    expect(error.issues.map((issue) => issue.key)).toEqual([
      'name',
      'baseUrl',
      'sessionTokenEndpoint',
      'authorizeEndpoint',
    ]);
    expect(error.issues[0]).toEqual({
      key: 'name',
      value: 'lowercase',
      rule: expect.stringMatching(/upper-case/),
    });
  });
});

describe('--dry-run', () => {
  it('prints the plan and a diff per file and leaves the tree byte-identical', async () => {
    const root = await workspaceForTest({ references: true });
    const before = treeSnapshot(root);
    const result = await runMain(['new', ...ACME, '--dry-run'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE src/connectors/acme/index.ts');
    expect(result.stdout).toContain('UPDATE src/connectors/registry.ts');
    expect(result.stdout).toContain('+++ b/test/connectors/acme.test.ts');
    expect(result.stdout).toContain("+import { acme } from './acme/index.js';");
    expect(result.stdout.trimEnd().endsWith('Dry run: nothing was written.')).toBe(true);
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('--force --dry-run over an edited connector shows the update and still writes nothing', async () => {
    const root = await workspaceForTest();
    expect((await runMain(['new', ...ACME], { cwd: root })).code).toBe(0);
    const index = 'src/connectors/acme/index.ts';
    writeFileSync(path.join(root, index), `${read(root, index)}// my edit\n`);
    const before = treeSnapshot(root);
    const result = await runMain(['new', ...ACME, '--force', '--dry-run', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    const { changes } = result.json<NewReport>();
    expect(changes.map(({ path: file, type }) => ({ path: file, type }))).toEqual([
      { path: index, type: 'update' },
    ]);
    expect(changes[0]!.diff).toContain('-// my edit');
    expect(treeSnapshot(root)).toEqual(before);
  });
});

describe('errors are reported once', () => {
  it('a usage error prints the field and the rule; --verbose adds the stack', async () => {
    const root = await workspaceForTest();
    const args = ['new', 'lowercase', '--preset', 'nuvei', '--yes'];
    const plain = await runMain(args, { cwd: root });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toBe(
      'error: the answers were refused\n' +
        '  - name: must start with an upper-case ASCII letter (PascalCase) (got "lowercase")\n',
    );
    const verbose = await runMain([...args, '--verbose'], { cwd: root });
    expect(verbose.code).toBe(1);
    expect(verbose.stderr.startsWith(plain.stderr)).toBe(true);
    expect(verbose.stderr).toMatch(/^UsageError: the answers were refused\n\s+at /m);
  });
});

describe('without a terminal', () => {
  it('missing answers: exit 1, every missing key listed, and a one-line command that works', async () => {
    const root = await workspaceForTest();
    const before = treeSnapshot(root);
    const result = await runMain(['new'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    for (const key of ['name', 'baseUrl', 'sessionTokenEndpoint', 'authorizeEndpoint']) {
      expect(result.stderr).toContain(`  - ${key}: is required`);
    }
    expect(result.stderr).toContain('there is no terminal to ask on');
    expect(treeSnapshot(root)).toEqual(before);

    const lines = result.stderr.split('\n');
    const command = lines[lines.indexOf('A command that would work:') + 1]!.trim();
    const words = shellWords(command);
    expect(words.slice(0, 2)).toEqual(['create-connector', 'new']);
    const suggested = await runMain(words.slice(1), { cwd: root });
    expect(suggested.stderr).toBe('');
    expect(suggested.code).toBe(0);
    expect(suggested.stdout).toContain('Generated NewPayment (new_payment)');
    // Next: the emulator on a fixed port and the exact run command against it
    expect(suggested.stdout).toContain('  npx create-connector sandbox new_payment --port 4010');
    expect(suggested.stdout).toContain(
      '  npx create-connector run new_payment --auth auth.json --payment payment.json --base-url http://127.0.0.1:4010   # session token, then the payment',
    );
    expect(suggested.stdout).toContain('  npx create-connector check new_payment');
  });

  it('Next: the sandbox, a run of each chosen flow against it, the tests and the README', async () => {
    const root = await workspaceForTest();
    const result = await runMain(
      [
        'new',
        'Acme',
        '--base-url',
        'https://api.acme.test',
        '--session-token-endpoint',
        'v1/session',
        '--authorize-endpoint',
        'v1/pay',
        '--flows',
        'Capture,Refund',
        '--yes',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('Generated Acme (acme). Next:'));
    const run =
      'npx create-connector run acme --auth auth.json --payment payment.json --base-url http://127.0.0.1:4010';
    expect(next.split('\n').map((line) => line.replace(/ {3}# .*$/, ''))).toEqual([
      'Generated Acme (acme). Next:',
      '  npx create-connector sandbox acme --port 4010',
      `  ${run}`,
      `  ${run} --flow capture`,
      `  ${run} --flow refund`,
      '  npx create-connector check acme',
      '  npx vitest run test/connectors/acme.test.ts',
      'src/connectors/acme/README.md shows its flows, how to record cassettes and what is left to you.',
      '',
    ]);
    // each line says what payment.json needs for it
    expect(next).toContain('--flow refund   # connectorTransactionId of a charged payment');
    // the same commands as the README's
    const readme = read(root, 'src/connectors/acme/README.md');
    for (const line of next
      .split('\n')
      .filter((each) => each.startsWith('  npx create-connector'))) {
      expect(readme).toContain(line.trim());
    }
  });

  it('the suggestion keeps what was given and fills only what is missing', async () => {
    const root = await workspaceForTest();
    const result = await runMain(
      [
        'new',
        'Acme',
        '--base-url',
        'https://api.acme.test',
        '--token-placement',
        'header',
        '--json',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(1);
    const { error } = result.json<ErrorReport>();
    expect(error.issues).toEqual([
      { key: 'sessionTokenEndpoint', rule: 'is required' },
      { key: 'authorizeEndpoint', rule: 'is required' },
    ]);
    expect(error.hint).toBe(
      'A command that would work:\n  create-connector new Acme --base-url https://api.acme.test ' +
        '--session-token-endpoint v1/session-token --authorize-endpoint v1/payments ' +
        '--token-placement header --yes',
    );
  });

  it('takes the defaults of keys that have one, without --yes', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', ...ACME.filter((word) => word !== '--yes')], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    const { answers } = JSON.parse(read(root, 'src/connectors/acme/manifest.json')) as {
      answers: Record<string, unknown>;
    };
    expect(answers).toMatchObject({
      amountType: 'StringMinorUnit',
      currencyUnit: 'Minor',
      contentType: 'application/json',
      authType: 'HeaderKey',
      tokenPlacement: 'body',
      tokenName: 'sessionToken',
    });
  });
});

describe('answers from a file, a preset and flags', () => {
  it('--answers reads a file relative to --cwd, and flags override it', async () => {
    const root = await workspaceForTest();
    writeFileSync(
      path.join(root, 'answers.json'),
      JSON.stringify({
        name: 'FromFile',
        baseUrl: 'https://file.test',
        sessionTokenEndpoint: 'session',
        authorizeEndpoint: 'authorize',
        authType: 'BodyKey',
      }),
    );
    const result = await runMain(
      ['new', '--answers', 'answers.json', '--auth-type', 'SignatureKey', '--json', '--cwd', root],
      { cwd: '/' },
    );
    expect(result.code).toBe(0);
    expect(result.json<NewReport>().connector).toEqual({
      id: 'from_file',
      name: 'FromFile',
      dir: 'src/connectors/from-file',
    });
    const { answers } = JSON.parse(read(root, 'src/connectors/from-file/manifest.json')) as {
      answers: Record<string, unknown>;
    };
    expect(answers).toMatchObject({ baseUrl: 'https://file.test', authType: 'SignatureKey' });
  });

  it('an answers file with an unknown key or a bad value is refused naming the key', async () => {
    const root = await workspaceForTest();
    writeFileSync(
      path.join(root, 'answers.json'),
      JSON.stringify({ name: 'Acme', amountType: 'Cents', colour: 'red' }),
    );
    const before = treeSnapshot(root);
    const result = await runMain(['new', '--answers', 'answers.json', '--yes', '--json'], {
      cwd: root,
    });
    expect(result.code).toBe(1);
    const keys = result.json<ErrorReport>().error.issues.map((issue) => issue.key);
    expect(keys).toEqual(expect.arrayContaining(['amountType', 'colour']));
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('--preset with a flag on top: the flag wins, the rest is the preset', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', '--preset', 'paytm', '--name', 'PaytmCopy', '--yes'], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    const { answers } = JSON.parse(read(root, 'src/connectors/paytm-copy/manifest.json')) as {
      answers: Record<string, unknown>;
    };
    expect(answers).toMatchObject({
      name: 'PaytmCopy',
      tokenName: 'txnToken',
      sessionTokenEndpoint: 'theia/api/v1/initiateTransaction',
    });
  });

  it('a positional name and a different --name are refused, naming the key', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', 'Acme', '--name', 'Other', '--preset', 'nuvei', '--yes'], {
      cwd: root,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '  - name: differs from the positional name "Acme" (got "Other")',
    );
  });
});

describe('an existing connector', () => {
  it('re-running new is refused (exit 1), pointing at regenerate and --force', async () => {
    const root = await workspaceForTest();
    expect((await runMain(['new', '--preset', 'nuvei', '--yes'], { cwd: root })).code).toBe(0);
    const before = treeSnapshot(root);
    const text = await runMain(['new', '--preset', 'nuvei', '--yes'], { cwd: root });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(
      'error: connector "nuvei" already exists: run "create-connector regenerate nuvei" to update it, or pass --force',
    );
    const json = await runMain(['new', '--preset', 'nuvei', '--yes', '--json'], { cwd: root });
    expect(json.code).toBe(1);
    expect(json.json<ErrorReport>().error).toMatchObject({
      kind: 'conflict',
      issues: [{ key: 'name', value: 'Nuvei' }],
    });
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('--force with the same answers plans nothing and writes nothing', async () => {
    const root = await workspaceForTest();
    expect((await runMain(['new', ...ACME], { cwd: root })).code).toBe(0);
    const before = treeSnapshot(root);
    const json = await runMain(['new', ...ACME, '--force', '--json'], { cwd: root });
    expect(json.code).toBe(0);
    expect(json.json<NewReport>()).toEqual({
      connector: { id: 'acme', name: 'Acme', dir: 'src/connectors/acme' },
      changes: [],
      dryRun: false,
    });
    const text = await runMain(['new', ...ACME, '--force'], { cwd: root });
    expect(text.stdout).toContain(
      'Nothing to do: acme is already as these answers and templates make it.',
    );
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('--force with other answers rewrites the generated files', async () => {
    const root = await workspaceForTest();
    expect((await runMain(['new', ...ACME], { cwd: root })).code).toBe(0);
    const result = await runMain(
      ['new', ...ACME, '--token-placement', 'header', '--force', '--json'],
      {
        cwd: root,
      },
    );
    expect(result.code).toBe(0);
    const types = Object.fromEntries(result.json<NewReport>().changes.map((c) => [c.path, c.type]));
    expect(types).toMatchObject({
      'src/connectors/acme/index.ts': 'update',
      'src/connectors/acme/manifest.json': 'update',
    });
    expect(types['src/connectors/registry.ts']).toBeUndefined();
    expect(read(root, 'src/connectors/acme/manifest.json')).toContain('"tokenPlacement": "header"');
  });

  it('a hand-written connector is never overwritten, not even with --force', async () => {
    const root = await workspaceForTest({ references: true });
    const before = treeSnapshot(root);
    for (const force of [[], ['--force']]) {
      const result = await runMain(['new', '--preset', 'nuvei', '--yes', '--json', ...force], {
        cwd: root,
      });
      expect(result.code).toBe(1);
      const { error } = result.json<ErrorReport>();
      expect(error.kind).toBe('conflict');
      expect(error.message).toBe(
        '"nuvei" is a hand-written connector (it has no manifest): choose another name',
      );
    }
    expect(treeSnapshot(root)).toEqual(before);
  });
});

describe('a malformed registry is refused before anything is written', () => {
  // prettier-ignore
  const REGISTRIES: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['a syntax error', 'export const connectors = { a: ', /registry does not parse/],
    ['no connectors declaration', 'export const others = {};\n', /no top-level `connectors` declaration/],
    ['a duplicate id', "import { a } from './a/index.js';\nexport const connectors = { a, a };\n", /lists "a" more than once/],
  ];
  it.each(REGISTRIES)('%s', async (_title, registry, message) => {
    const root = await workspaceForTest({ registry });
    const before = treeSnapshot(root);
    const result = await runMain(['new', ...ACME], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('  - registry: ');
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('a missing registry', async () => {
    const root = await workspaceForTest();
    rmSync(path.join(root, 'src/connectors/registry.ts'));
    const before = treeSnapshot(root);
    const result = await runMain(['new', ...ACME, '--json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.json<ErrorReport>().error.issues[0]).toMatchObject({ key: 'registry' });
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('no workspace at all', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'cc-no-workspace-'));
    onTestFinished(() => rmSync(outside, { recursive: true, force: true }));
    expect(findWorkspaceRoot(outside)).toBeUndefined();
    const result = await runMain(['new', ...ACME, '--json'], { cwd: outside });
    expect(result.code).toBe(1);
    expect(result.json<ErrorReport>().error.message).toContain('run "create-connector init"');
  });
});

describe('a failing write', () => {
  // the plan writes 5 files; fail before the first, between any two, and after the last
  it.each([0, 1, 2, 3, 4, 5])(
    'failing after %i writes rolls every file back (exit 3)',
    async (count) => {
      const root = await workspaceForTest({ references: true });
      const before = treeSnapshot(root);
      injected.failAfter = count;
      try {
        const result = await runMain(['new', ...ACME, '--json'], { cwd: root });
        expect(result.code).toBe(3);
        const { error } = result.json<ErrorReport>();
        expect(error.kind).toBe('io');
        expect(error.message).toContain('every touched file was restored');
      } finally {
        injected.failAfter = undefined;
      }
      expect(treeSnapshot(root)).toEqual(before);
    },
  );

  it('a path blocked on disk is an I/O failure that writes nothing', async () => {
    const root = await workspaceForTest();
    // a directory where the generated test file goes
    mkdirSync(path.join(root, 'test/connectors/acme.test.ts'), { recursive: true });
    const before = treeSnapshot(root);
    const result = await runMain(['new', ...ACME], { cwd: root });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: /);
    expect(treeSnapshot(root)).toEqual(before);
  });
});

describe('--timings', () => {
  it('prints the phases as one JSON document on stderr', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', ...ACME, '--timings', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.json<NewReport>().connector.id).toBe('acme');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { phases } = JSON.parse(lines[0]!) as { phases: Record<string, number> };
    expect(Object.keys(phases)).toEqual(
      PHASES.filter((phase) =>
        ['registry', 'validate', 'render', 'prettier', 'cassettes', 'write'].includes(phase),
      ),
    );
    for (const ms of Object.values(phases)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('a dry run has no write phase', async () => {
    const root = await workspaceForTest();
    const result = await runMain(['new', ...ACME, '--timings', '--dry-run'], { cwd: root });
    const { phases } = JSON.parse(result.stderr) as { phases: Record<string, number> };
    expect(phases['write']).toBeUndefined();
    expect(phases['render']).toBeGreaterThanOrEqual(0);
  });
});

describe('the files new writes', () => {
  it('are exactly the reported ones', async () => {
    const root = await workspaceForTest();
    const before = new Set(filesOf(treeSnapshot(root)));
    const result = await runMain(['new', '--preset', 'nuvei', '--yes', '--json'], { cwd: root });
    const after = filesOf(treeSnapshot(root)).filter((file) => !before.has(file));
    const created = result
      .json<NewReport>()
      .changes.filter((change) => change.type === 'create')
      .map((change) => change.path);
    expect(after.sort()).toEqual([...created].sort());
  });
});
