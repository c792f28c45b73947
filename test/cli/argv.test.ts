/**
 * argv → the options each command receives (changesets' cli.test.ts): every command module is
 * mocked, so these tests see only what the program parses and hands over.
 */

import path from 'node:path';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { CliIo } from '../../src/cli/io.js';
import { runMain } from './helpers/io.js';

const commands = vi.hoisted(() => ({
  newCommand: vi.fn(async () => 0 as const),
  listCommand: vi.fn(async () => 0 as const),
  removeCommand: vi.fn(async () => 0 as const),
  regenerateCommand: vi.fn(async () => 0 as const),
  verifyCommand: vi.fn(async () => 0 as const),
  runCommand: vi.fn(async () => 0 as const),
  sandboxCommand: vi.fn(async () => 0 as const),
  initCommand: vi.fn(async () => 0 as const),
}));

vi.mock('../../src/cli/commands/new/index.js', () => ({ newCommand: commands.newCommand }));
vi.mock('../../src/cli/commands/list.js', () => ({ listCommand: commands.listCommand }));
vi.mock('../../src/cli/commands/remove.js', () => ({ removeCommand: commands.removeCommand }));
vi.mock('../../src/cli/commands/regenerate.js', () => ({
  regenerateCommand: commands.regenerateCommand,
}));
vi.mock('../../src/cli/commands/verify.js', () => ({ verifyCommand: commands.verifyCommand }));
vi.mock('../../src/cli/commands/run/index.js', () => ({ runCommand: commands.runCommand }));
vi.mock('../../src/cli/commands/sandbox.js', () => ({ sandboxCommand: commands.sandboxCommand }));
vi.mock('../../src/cli/commands/init.js', () => ({ initCommand: commands.initCommand }));

type CommandName = keyof typeof commands;

const CWD = path.resolve('/work/somewhere');

beforeEach(() => {
  for (const command of Object.values(commands)) command.mockClear();
});

/** The one command that ran, with its arguments (io reduced to its cwd). */
async function parsed(argv: readonly string[]): Promise<{ name: CommandName; args: unknown[] }> {
  const result = await runMain(argv, { cwd: CWD });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const called = Object.entries(commands).filter(([, command]) => command.mock.calls.length > 0);
  expect(called).toHaveLength(1);
  const [name, command] = called[0]!;
  expect(command.mock.calls).toHaveLength(1);
  const args = [...(command.mock.calls[0] as unknown[])];
  const io = args.pop() as CliIo;
  return { name: name as CommandName, args: [...args, { cwd: io.cwd }] };
}

const at = (cwd = CWD) => ({ cwd });

// prettier-ignore
const CASES: ReadonlyArray<readonly [string, readonly string[], CommandName, readonly unknown[]]> = [
  ['no arguments runs new', [], 'newCommand', [undefined, {}, at()]],
  ['a bare name runs new', ['Acme'], 'newCommand', ['Acme', {}, at()]],
  ['new with its name', ['new', 'Acme'], 'newCommand', ['Acme', {}, at()]],
  ['every answer key as a kebab-case flag', [
    'new', '--name', 'Acme', '--base-url', 'https://api.acme.test', '--amount-type', 'MinorUnit',
    '--currency-unit', 'Major', '--content-type', 'application/x-www-form-urlencoded',
    '--auth-type', 'BodyKey', '--session-token-endpoint', 'v1/session',
    '--authorize-endpoint', 'v1/pay', '--token-placement', 'query', '--token-name', 'tok',
  ], 'newCommand', [undefined, {
    name: 'Acme', baseUrl: 'https://api.acme.test', amountType: 'MinorUnit', currencyUnit: 'Major',
    contentType: 'application/x-www-form-urlencoded', authType: 'BodyKey',
    sessionTokenEndpoint: 'v1/session', authorizeEndpoint: 'v1/pay', tokenPlacement: 'query',
    tokenName: 'tok',
  }, at()]],
  ['the switches of new', [
    'new', 'Acme', '--answers', 'a.json', '--preset', 'paytm', '--yes', '--dry-run', '--force',
    '--json', '--timings', '--verbose',
  ], 'newCommand', ['Acme', {
    answers: 'a.json', preset: 'paytm', yes: true, dryRun: true, force: true, json: true,
    timings: true, verbose: true,
  }, at()]],
  ['--cwd scopes the io, relative to the cwd', ['new', '--preset', 'nuvei', '--cwd', 'ws'],
    'newCommand', [undefined, { preset: 'nuvei', cwd: 'ws' }, at(path.join(CWD, 'ws'))]],
  ['--cwd absolute', ['list', '--cwd', '/tmp/elsewhere'],
    'listCommand', [{ cwd: '/tmp/elsewhere' }, at('/tmp/elsewhere')]],
  ['list', ['list'], 'listCommand', [{}, at()]],
  ['list --json', ['list', '--json'], 'listCommand', [{ json: true }, at()]],
  ['remove', ['remove', 'acme'], 'removeCommand', ['acme', {}, at()]],
  ['remove --dry-run --json', ['remove', 'acme', '--dry-run', '--json'],
    'removeCommand', ['acme', { dryRun: true, json: true }, at()]],
  ['regenerate with an answer override', [
    'regenerate', 'acme', '--base-url', 'https://v2.acme.test', '--dry-run', '--timings',
  ], 'regenerateCommand', ['acme', { baseUrl: 'https://v2.acme.test', dryRun: true, timings: true }, at()]],
  ['--flows: a comma list, as a list', ['new', '--flows', 'Capture,Refund'],
    'newCommand', [undefined, { flows: ['Capture', 'Refund'] }, at()]],
  ['--flows none: no optional flow', ['new', '--flows', 'none'], 'newCommand', [undefined, { flows: [] }, at()]],
  ["--flows '': no optional flow", ['new', '--flows', ''], 'newCommand', [undefined, { flows: [] }, at()]],
  ['regenerate --flows', ['regenerate', 'acme', '--flows', 'PSync,RSync'],
    'regenerateCommand', ['acme', { flows: ['PSync', 'RSync'] }, at()]],
  ['verify --json', ['verify', '--json'], 'verifyCommand', [{ json: true }, at()]],
  ['run with the defaults', ['run', 'nuvei', '--auth', 'auth.json', '--payment', 'pay.json'],
    'runCommand', ['nuvei', { auth: 'auth.json', payment: 'pay.json', flow: 'authorize', json: false }, at()]],
  ['run with everything', [
    'run', 'paytm', '--base-url', 'http://127.0.0.1:9/', '--auth', 'a.json', '--payment', 'p.json',
    '--flow', 'psync', '--timeout', '2500', '--json',
  ], 'runCommand', ['paytm', {
    auth: 'a.json', payment: 'p.json', flow: 'psync', json: true, baseUrl: 'http://127.0.0.1:9/',
    timeoutMs: 2500,
  }, at()]],
  ['run --flow session', ['run', 'x', '--auth', 'a', '--payment', 'p', '--flow', 'session'],
    'runCommand', ['x', { auth: 'a', payment: 'p', flow: 'session', json: false }, at()]],
  ['sandbox', ['sandbox', 'nuvei'], 'sandboxCommand', ['nuvei', {}, at()]],
  ['sandbox with a port and JSON', ['sandbox', 'answers.json', '--port', '8123', '--json'],
    'sandboxCommand', ['answers.json', { port: 8123, json: true }, at()]],
  ['init defaults to the current directory', ['init'], 'initCommand', ['.', {}, at()]],
  ['init a directory with --force --json', ['init', 'ws', '--force', '--json'],
    'initCommand', ['ws', { force: true, json: true }, at()]],
];

describe('argv → the options each command receives', () => {
  it.each(CASES)('%s', async (_title, argv, command, expected) => {
    const { name, args } = await parsed(argv);
    expect(name).toBe(command);
    expect(args).toEqual(expected);
  });
});

// prettier-ignore
const REFUSED: ReadonlyArray<readonly [string, readonly string[], string, { key: string; value?: string; rule: RegExp }]> = [
  ['an unknown flag', ['new', '--colour', 'red'], "unknown option '--colour'",
    { key: '--colour', rule: /not an option/ }],
  ['a bad choice', ['new', '--amount-type', 'Cents'], "option '--amount-type <value>' argument 'Cents' is invalid",
    { key: '--amount-type', value: 'Cents', rule: /Allowed choices are MinorUnit, StringMinorUnit/ }],
  ['a bad flow in --flows', ['new', '--flows', 'Capture,Settle'], "'--flows <value>' argument 'Capture,Settle' is invalid",
    { key: '--flows', value: 'Capture,Settle', rule: /"Settle" is not one of PSync, Capture, Void, Refund, RSync \(comma-separated, or none\)/ }],
  ['a bad preset', ['new', '--preset', 'stripe'], "argument 'stripe' is invalid",
    { key: '--preset', value: 'stripe', rule: /nuvei, paytm/ }],
  ['a bad flow', ['run', 'x', '--auth', 'a', '--payment', 'p', '--flow', 'all'], "'--flow <flow>' argument 'all'",
    { key: '--flow', value: 'all', rule: /session, authorize, psync, capture, void, refund, rsync/ }],
  ['run without --auth', ['run', 'x', '--payment', 'p'], "required option '--auth <file>' not specified",
    { key: '--auth', rule: /is required/ }],
  ['a flag without its value', ['run', 'x', '--payment', 'p', '--auth'], "option '--auth <file>' argument missing",
    { key: '--auth', rule: /needs a value/ }],
  ['a timeout that is not a number', ['run', 'x', '--auth', 'a', '--payment', 'p', '--timeout', '5s'],
    "'--timeout <ms>' argument '5s' is invalid", { key: '--timeout', value: '5s', rule: /whole number from 1/ }],
  ['a port out of range', ['sandbox', 'nuvei', '--port', '70000'], "'--port <n>' argument '70000' is invalid",
    { key: '--port', value: '70000', rule: /from 0 to 65535/ }],
  ['sandbox without a target', ['sandbox'], "missing required argument 'target'",
    { key: 'target', rule: /is required/ }],
  ['too many arguments', ['list', 'extra'], 'too many arguments for', { key: 'arguments', rule: /Expected 0/ }],
];

describe('parse failures exit 1 before any command runs, naming the field', () => {
  it.each(REFUSED)('%s', async (_title, argv, message, issue) => {
    const text = await runMain(argv, { cwd: CWD });
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^error: /);
    expect(text.stderr).toContain(message);

    // right after the command name: a flag missing its value would take a trailing --json as one
    const json = await runMain([argv[0]!, '--json', ...argv.slice(1)], { cwd: CWD });
    expect(json.code).toBe(1);
    const { error } = json.json<{ error: { kind: string; message: string; issues: unknown[] } }>();
    expect(error.kind).toBe('usage');
    expect(error.message).toContain(message);
    expect(error.issues).toEqual([
      {
        key: issue.key,
        ...(issue.value === undefined ? {} : { value: issue.value }),
        rule: expect.stringMatching(issue.rule),
      },
    ]);
    for (const command of Object.values(commands)) expect(command).not.toHaveBeenCalled();
  });

  it('two different names for new are refused by the command, not guessed', async () => {
    // the program hands both over; newCommand (mocked here) is where they are compared
    const { args } = await parsed(['new', 'Acme', '--name', 'Other']);
    expect(args.slice(0, 2)).toEqual(['Acme', { name: 'Other' }]);
  });
});

describe('help and version', () => {
  it('--help lists every command and exits 0 without running one', async () => {
    const result = await runMain(['--help'], { cwd: CWD });
    expect(result.code).toBe(0);
    for (const name of [
      'new',
      'list',
      'remove',
      'regenerate',
      'verify',
      'run',
      'sandbox',
      'init',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    for (const command of Object.values(commands)) expect(command).not.toHaveBeenCalled();
  });

  it('new --help shows every answer flag with its choices and default', async () => {
    const result = await runMain(['new', '--help'], { cwd: CWD });
    expect(result.code).toBe(0);
    const help = result.stdout.replace(/\s+/g, ' ');
    for (const flag of [
      '--name',
      '--base-url',
      '--amount-type',
      '--currency-unit',
      '--content-type',
      '--auth-type',
      '--session-token-endpoint',
      '--authorize-endpoint',
      '--token-placement',
      '--token-name',
      '--answers',
      '--preset',
      '--yes',
      '--dry-run',
      '--force',
      '--json',
      '--cwd',
      '--timings',
    ]) {
      expect(help).toContain(`${flag} `);
    }
    expect(help).toContain('(default: StringMinorUnit)');
    expect(help).toContain('(default: HeaderKey)');
    expect(help).toContain('choices: "body", "header", "query"');
    expect(help).toContain('(comma-separated, or none) (default: PSync,Capture,Void,Refund,RSync)');
  });

  it('regenerate --help: every answer but the name, each unchanged when not given', async () => {
    const result = await runMain(['regenerate', '--help'], { cwd: CWD });
    expect(result.code).toBe(0);
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).not.toContain('--name ');
    expect(help).toContain('(comma-separated, or none) (unchanged when not given)');
    expect(help).toContain('--token-placement <value>');
    expect(help).not.toContain('(default: StringMinorUnit)');
  });

  it('--version prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    const result = await runMain(['--version'], { cwd: CWD });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });
});
