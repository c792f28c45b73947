import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// mocks @inquirer/prompts with its real prompts wired to an in-memory screen
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it, onTestFinished } from 'vitest';

import { CliError } from '../../src/cli/errors.js';
import type { PromptAdapter } from '../../src/cli/commands/new/prompts.js';
import {
  resolveAnswers,
  type ResolveAnswersContext,
  type ResolveAnswersInput,
} from '../../src/cli/commands/new/resolve-answers.js';
import { UsageError } from '../../src/generator/errors.js';
import { PRESETS } from '../../src/generator/answers/presets.js';

/** A temp directory holding `files`, removed when the test finishes. */
function workdir(files: Readonly<Record<string, string>> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'create-connector-answers-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(root, name), content);
  return root;
}

/** Fails the test if anything is asked. */
const NEVER_ASK: PromptAdapter = {
  input: (question) => Promise.reject(new Error(`asked: ${question.message}`)),
  select: (question) => Promise.reject(new Error(`asked: ${question.message}`)),
  checkbox: (question) => Promise.reject(new Error(`asked: ${question.message}`)),
  confirm: (message) => Promise.reject(new Error(`asked: ${message}`)),
};

function run(
  input: Partial<ResolveAnswersInput>,
  context: Partial<ResolveAnswersContext> = {},
): ReturnType<typeof resolveAnswers> {
  return resolveAnswers(
    { flags: {}, yes: false, interactive: false, ...input },
    { cwd: context.cwd ?? workdir(), existingIds: [], prompts: NEVER_ASK, ...context },
  );
}

async function failure(pending: Promise<unknown>): Promise<UsageError | CliError> {
  const error = await pending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof UsageError || error instanceof CliError) return error;
  throw new Error(`expected a usage error, got ${String(error)}`);
}

const REQUIRED = {
  baseUrl: 'https://api.example.com',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
};

/** The optional flows' defaults: all five, each endpoint below the Authorize endpoint. */
function allFlows(authorizeEndpoint: string) {
  const txn = `${authorizeEndpoint}/{connectorTransactionId}`;
  return {
    flows: ['PSync', 'Capture', 'Void', 'Refund', 'RSync'],
    syncEndpoint: txn,
    captureEndpoint: `${txn}/capture`,
    voidEndpoint: `${txn}/void`,
    refundEndpoint: `${txn}/refunds`,
    refundSyncEndpoint: `${txn}/refunds/{connectorRefundId}`,
  };
}

const DEFAULTS_WITHOUT_FLOWS = {
  amountType: 'StringMinorUnit',
  currencyUnit: 'Minor',
  contentType: 'application/json',
  authType: 'HeaderKey',
  tokenPlacement: 'body',
  tokenName: 'sessionToken',
};

const DEFAULTS = { ...DEFAULTS_WITHOUT_FLOWS, ...allFlows(REQUIRED.authorizeEndpoint) };

describe('precedence: flag > answers file > preset > default', () => {
  const cases: ReadonlyArray<{
    readonly title: string;
    readonly input: Partial<ResolveAnswersInput>;
    readonly file?: Record<string, unknown>;
    readonly expected: Record<string, unknown>;
  }> = [
    {
      title: 'positional name and flags; defaults for the rest',
      input: { positionalName: 'NewPayment', flags: REQUIRED },
      expected: { name: 'NewPayment', ...REQUIRED, ...DEFAULTS },
    },
    {
      title: 'the token name default follows a header placement',
      input: { positionalName: 'NewPayment', flags: { ...REQUIRED, tokenPlacement: 'header' } },
      expected: {
        name: 'NewPayment',
        ...REQUIRED,
        ...DEFAULTS,
        tokenPlacement: 'header',
        tokenName: 'X-Session-Token',
      },
    },
    {
      title: 'the answers file gives what flags do not; a flag beats the file',
      input: { flags: { amountType: 'FloatMajorUnit' } },
      file: {
        name: 'FileName',
        ...REQUIRED,
        baseUrl: 'https://file.example.com/',
        amountType: 'MinorUnit',
      },
      expected: {
        name: 'FileName',
        ...REQUIRED,
        ...DEFAULTS,
        baseUrl: 'https://file.example.com',
        amountType: 'FloatMajorUnit',
      },
    },
    {
      title: "the positional name beats the file's name",
      input: { positionalName: 'Positional' },
      file: { name: 'FileName', ...REQUIRED },
      expected: { name: 'Positional', ...REQUIRED, ...DEFAULTS },
    },
    {
      title: 'a preset gives every key; the positional name overrides it',
      input: { positionalName: 'PaytmCopy', preset: 'paytm' },
      expected: { ...PRESETS.paytm, name: 'PaytmCopy' },
    },
    {
      title: 'file beats preset and flag beats file, key by key',
      input: { positionalName: 'Mine', preset: 'nuvei', flags: { authType: 'HeaderKey' } },
      file: {
        authType: 'BodyKey',
        tokenName: 'token',
        contentType: 'application/x-www-form-urlencoded',
      },
      expected: {
        ...PRESETS.nuvei,
        name: 'Mine',
        authType: 'HeaderKey',
        tokenName: 'token',
        contentType: 'application/x-www-form-urlencoded',
      },
    },
    {
      title: "options commander left undefined and options that are not answers don't count",
      input: {
        positionalName: 'NewPayment',
        flags: { ...REQUIRED, amountType: undefined, dryRun: true, json: false, cwd: 'elsewhere' },
      },
      file: { amountType: 'MinorUnit' },
      expected: { name: 'NewPayment', ...REQUIRED, ...DEFAULTS, amountType: 'MinorUnit' },
    },
    {
      title: '--yes on a terminal takes the defaults without asking',
      input: { positionalName: 'NewPayment', flags: REQUIRED, yes: true, interactive: true },
      expected: { name: 'NewPayment', ...REQUIRED, ...DEFAULTS },
    },
    {
      title: 'a terminal with every answer given asks nothing',
      input: { positionalName: 'Acme', preset: 'nuvei', interactive: true },
      expected: { ...PRESETS.nuvei, name: 'Acme' },
    },
  ];

  const capture = 'v1/payments/{connectorTransactionId}/capture';
  const refund = 'v1/payments/{connectorTransactionId}/refunds';
  const someFlows = {
    flows: ['Capture', 'Refund'],
    captureEndpoint: capture,
    refundEndpoint: refund,
  };
  const noFlows = { flows: [] };
  const base = { name: 'NewPayment', ...REQUIRED, ...DEFAULTS_WITHOUT_FLOWS };
  const flowCases: typeof cases = [
    {
      title: '--flows as commander splits it',
      input: { flags: { flows: ['Refund', 'Capture'] } },
      expected: { ...base, ...someFlows },
    },
    {
      title: '--flows as typed: a comma list',
      input: { flags: { flows: 'Capture, Refund' } },
      expected: { ...base, ...someFlows },
    },
    {
      title: '--flows none',
      input: { flags: { flows: 'none' } },
      expected: { ...base, ...noFlows },
    },
    { title: "--flows ''", input: { flags: { flows: '' } }, expected: { ...base, ...noFlows } },
    {
      title: 'the file: a JSON array, with an endpoint',
      input: {},
      file: { flows: ['Refund'], refundEndpoint: 'refunds' },
      expected: { ...base, flows: ['Refund'], refundEndpoint: 'refunds' },
    },
    {
      title: "a flag beats the file's flows",
      input: { flags: { flows: [] } },
      file: { flows: ['Refund'] },
      expected: { ...base, ...noFlows },
    },
  ];

  it.each(flowCases)('flows: $title', async ({ input, file, expected }) => {
    const cwd = workdir(file === undefined ? {} : { 'answers.json': JSON.stringify(file) });
    const answers = await run(
      {
        positionalName: 'NewPayment',
        ...input,
        flags: { ...REQUIRED, ...input.flags },
        ...(file === undefined ? {} : { answersFile: 'answers.json' }),
      },
      { cwd },
    );
    expect(answers).toEqual(expected);
  });

  it.each(cases)('$title', async ({ input, file, expected }) => {
    const cwd = workdir(file === undefined ? {} : { 'answers.json': JSON.stringify(file) });
    const answers = await run(
      { ...input, ...(file === undefined ? {} : { answersFile: 'answers.json' }) },
      { cwd },
    );
    expect(answers).toEqual(expected);
  });

  it('reads the answers file relative to the cwd, and accepts a byte-order mark', async () => {
    const cwd = workdir();
    mkdirSync(path.join(cwd, 'config'));
    writeFileSync(
      path.join(cwd, 'config', 'a.json'),
      `\uFEFF${JSON.stringify({ name: 'Bom', ...REQUIRED })}`,
    );
    const answers = await run({ answersFile: 'config/a.json' }, { cwd });
    expect(answers.name).toBe('Bom');
  });
});

describe('an answers file is refused, naming the key and the rule', () => {
  it.each([
    [
      'a missing file',
      undefined,
      { key: 'answers', value: 'answers.json', rule: 'cannot be read (no such file)' },
    ],
    [
      'a directory',
      'dir',
      { key: 'answers', value: 'answers.json', rule: 'cannot be read (is a directory)' },
    ],
    [
      'JSON that is not an object',
      '[1, 2]',
      { key: 'answers', value: [1, 2], rule: 'must be an object of answers' },
    ],
    ['null', 'null', { key: 'answers', value: null, rule: 'must be an object of answers' }],
  ])('%s', async (_title, content, issue) => {
    const cwd = workdir();
    if (content === 'dir') mkdirSync(path.join(cwd, 'answers.json'));
    else if (content !== undefined) writeFileSync(path.join(cwd, 'answers.json'), content);
    const error = await failure(run({ answersFile: 'answers.json' }, { cwd }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.issues).toEqual([issue]);
  });

  it('bad JSON', async () => {
    const cwd = workdir({ 'answers.json': '{ "name": ' });
    const error = await failure(run({ answersFile: 'answers.json' }, { cwd }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('the answers file answers.json is not valid JSON');
    expect(error.issues).toEqual([
      {
        key: 'answers',
        value: 'answers.json',
        rule: expect.stringMatching(/^must be valid JSON \(.+\)$/),
      },
    ]);
  });

  it('an unknown key, a wrong type and a bad enum value, all at once in key order', async () => {
    const cwd = workdir({
      'answers.json': JSON.stringify({
        colour: 'blue',
        amountType: 'Cents',
        baseUrl: 42,
        name: 'Ok',
      }),
    });
    const error = await failure(run({ answersFile: 'answers.json', flags: REQUIRED }, { cwd }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('the answers file answers.json was refused');
    expect(error.issues).toEqual([
      { key: 'baseUrl', value: 42, rule: 'must be a string' },
      {
        key: 'amountType',
        value: 'Cents',
        rule: 'must be one of MinorUnit, StringMinorUnit, StringMajorUnit, FloatMajorUnit',
      },
      {
        key: 'colour',
        value: 'blue',
        rule: expect.stringMatching(/^is not an answer key \(expected one of name, baseUrl, /),
      },
    ]);
  });

  it.each([
    ['a comma list', 'Capture,Refund', 'must be an array'],
    [
      'an unknown flow',
      ['Capture', 'Settle'],
      'must be one of PSync, Capture, Void, Refund, RSync',
    ],
    ['a flow twice', ['Void', 'Void'], 'lists Void twice'],
  ])('flows as %s', async (_title, flows, rule) => {
    const cwd = workdir({ 'answers.json': JSON.stringify({ flows }) });
    const error = await failure(
      run({ answersFile: 'answers.json', positionalName: 'A1', flags: REQUIRED }, { cwd }),
    );
    expect(error.issues).toEqual([{ key: 'flows', value: flows, rule }]);
  });

  it('a bad value in the file is refused even when a flag overrides it', async () => {
    const cwd = workdir({ 'answers.json': JSON.stringify({ tokenPlacement: 'cookie' }) });
    const error = await failure(
      run(
        {
          answersFile: 'answers.json',
          positionalName: 'A1',
          flags: { ...REQUIRED, tokenPlacement: 'query' },
        },
        { cwd },
      ),
    );
    expect(error.issues).toEqual([
      { key: 'tokenPlacement', value: 'cookie', rule: 'must be one of body, header, query' },
    ]);
  });

  it("a file's token name is checked against the placement a flag gives", async () => {
    const cwd = workdir({ 'answers.json': JSON.stringify({ tokenName: 'X-Token' }) });
    const answers = await run(
      {
        answersFile: 'answers.json',
        positionalName: 'A1',
        flags: { ...REQUIRED, tokenPlacement: 'header' },
      },
      { cwd },
    );
    expect(answers.tokenName).toBe('X-Token');
  });
});

describe('given values pass the same rules as typed ones', () => {
  it('bad flags: every issue, the generator UsageError', async () => {
    const error = await failure(
      run({
        positionalName: 'NewPayment',
        flags: {
          ...REQUIRED,
          baseUrl: 'http://api.example.com',
          authorizeEndpoint: '/v1/payments',
        },
      }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('the answers were refused');
    expect(error.issues).toEqual([
      {
        key: 'baseUrl',
        value: 'http://api.example.com',
        rule: 'must use https (http only for localhost, 127.0.0.1 or [::1])',
      },
      {
        key: 'authorizeEndpoint',
        value: '/v1/payments',
        rule: 'must be a relative path (no leading "/")',
      },
    ]);
  });

  it('a name whose id is already registered, from the positional or from a preset', async () => {
    const rule = 'derives id "nuvei", which an existing connector already uses';
    for (const input of [
      { positionalName: 'Nuvei', flags: REQUIRED },
      { preset: 'nuvei' as const },
    ]) {
      const error = await failure(run(input, { existingIds: ['nuvei', 'paytm'] }));
      expect(error.issues).toEqual([{ key: 'name', value: 'Nuvei', rule }]);
    }
  });

  it('a token name that breaks the rule of its placement', async () => {
    const error = await failure(
      run({
        positionalName: 'NewPayment',
        flags: { ...REQUIRED, tokenPlacement: 'header', tokenName: 'Authorization' },
      }),
    );
    expect(error.issues).toEqual([
      {
        key: 'tokenName',
        value: 'Authorization',
        rule: 'must not be "Authorization", a header the connector or HTTP client already sets',
      },
    ]);
  });

  it('a refused base URL never echoes its credentials', async () => {
    const error = await failure(
      run({
        positionalName: 'NewPayment',
        flags: { ...REQUIRED, baseUrl: 'https://user:hunter2@x.example' },
      }),
    );
    expect(JSON.stringify(error.issues)).not.toContain('hunter2');
    expect(error.issues).toEqual([
      { key: 'baseUrl', value: 'https://***@x.example', rule: 'must not contain credentials' },
    ]);
  });
});

describe('missing answers without a terminal (or with --yes)', () => {
  const ALL_MISSING = ['name', 'baseUrl', 'sessionTokenEndpoint', 'authorizeEndpoint'].map(
    (key) => ({
      key,
      rule: 'is required',
    }),
  );
  const EXAMPLE_COMMAND =
    'create-connector new NewPayment --base-url https://api.example.com ' +
    '--session-token-endpoint v1/session-token --authorize-endpoint v1/payments --yes';

  it('lists every missing key and a one-line command that would work', async () => {
    const error = await failure(run({}));
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      kind: 'usage',
      exitCode: 1,
      message:
        'missing required answers: name, baseUrl, sessionTokenEndpoint, authorizeEndpoint ' +
        '(there is no terminal to ask on)',
      issues: ALL_MISSING,
      hint: `A command that would work:\n  ${EXAMPLE_COMMAND}`,
    });
  });

  it('the suggested command does resolve', async () => {
    const error = await failure(run({}));
    const words = (error as CliError).hint?.split('\n')[1]?.trim().split(' ') ?? [];
    expect(words.slice(0, 2)).toEqual(['create-connector', 'new']);
    const flags: Record<string, string> = {};
    for (let index = 3; index < words.length - 1; index += 2) {
      const flag = words[index] ?? '';
      flags[flag.slice(2).replace(/-(.)/g, (_match, letter: string) => letter.toUpperCase())] =
        words[index + 1] ?? '';
    }
    const answers = await run({ positionalName: words[2] ?? '', flags, yes: true });
    expect(answers).toEqual({ name: 'NewPayment', ...REQUIRED, ...DEFAULTS });
  });

  it('--yes on a terminal fails the same way instead of asking', async () => {
    const error = await failure(run({ yes: true, interactive: true }));
    expect(error.message).toBe(
      'missing required answers: name, baseUrl, sessionTokenEndpoint, authorizeEndpoint ' +
        '(--yes takes defaults, and these have none)',
    );
    expect((error as CliError).hint).toBe(`A command that would work:\n  ${EXAMPLE_COMMAND}`);
  });

  it('the command keeps what was given (name, preset-free file, flags) and quotes for the shell', async () => {
    const cwd = workdir({
      "it's answers.json": JSON.stringify({ baseUrl: 'https://file.example.com' }),
    });
    const error = await failure(
      run(
        {
          positionalName: 'Acme',
          answersFile: "it's answers.json",
          flags: {
            contentType: 'application/x-www-form-urlencoded',
            sessionTokenEndpoint: 'auth/token',
          },
        },
        { cwd },
      ),
    );
    expect(error.message).toBe(
      'missing required answer: authorizeEndpoint (there is no terminal to ask on)',
    );
    expect(error.issues).toEqual([{ key: 'authorizeEndpoint', rule: 'is required' }]);
    expect((error as CliError).hint).toBe(
      'A command that would work:\n' +
        "  create-connector new Acme --answers 'it'\\''s answers.json' " +
        '--content-type application/x-www-form-urlencoded --session-token-endpoint auth/token ' +
        '--authorize-endpoint v1/payments --yes',
    );
  });

  it('the command spells the flows as their flag does, none included', async () => {
    for (const [flows, spelled] of [
      [[], 'none'],
      [['Capture', 'RSync'], 'Capture,RSync'],
    ] as const) {
      const error = await failure(run({ positionalName: 'Acme', flags: { flows } }));
      const command = (error as CliError).hint?.split('\n')[1] ?? '';
      expect(command).toContain(` --flows ${spelled} `);
      const resolved = await run({
        positionalName: 'Acme',
        flags: { ...REQUIRED, flows: spelled },
        yes: true,
      });
      expect(resolved.flows).toEqual(flows);
    }
  });

  it('refused values are listed with the missing keys and left out of the command', async () => {
    const error = await failure(
      run({
        flags: { baseUrl: 'http://api.example.com', tokenPlacement: 'header', authType: 'BodyKey' },
      }),
    );
    expect(error.message).toBe(
      'missing required answers: name, sessionTokenEndpoint, authorizeEndpoint (there is no terminal to ask on)',
    );
    expect(error.issues).toEqual([
      { key: 'name', rule: 'is required' },
      {
        key: 'baseUrl',
        value: 'http://api.example.com',
        rule: 'must use https (http only for localhost, 127.0.0.1 or [::1])',
      },
      { key: 'sessionTokenEndpoint', rule: 'is required' },
      { key: 'authorizeEndpoint', rule: 'is required' },
    ]);
    expect((error as CliError).hint).toBe(
      'A command that would work:\n' +
        '  create-connector new NewPayment --base-url https://api.example.com --auth-type BodyKey ' +
        '--session-token-endpoint v1/session-token --authorize-endpoint v1/payments ' +
        '--token-placement header --yes',
    );
  });
});

/** Waits (by polling, without asserting on time) until the screen shows `text`. */
async function screenShowing(text: string): Promise<string> {
  for (let poll = 0; poll < 2_000; poll++) {
    const shown = screen.getScreen();
    if (shown.includes(text)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(
    `the screen never showed ${JSON.stringify(text)}; it shows:\n${screen.getScreen()}`,
  );
}

/** Types `text` into the input prompt showing `question` and presses Enter. */
async function answer(question: string, text = ''): Promise<void> {
  await screenShowing(`? ${question}`);
  screen.type(text);
  screen.keypress('enter');
}

/** Types a refused value, checks the rule shown, then replaces it with `good`. */
async function answerAfterRefusal(question: string, bad: string, rule: string, good: string) {
  await answer(question, bad);
  const [asked, shownRule] = (await screenShowing(rule)).split('\n');
  expect(asked).toBe(`? ${question} ${bad}`);
  expect(shownRule).toMatch(/^> /);
  expect(shownRule).toContain(rule);
  for (let count = 0; count < bad.length; count++) screen.keypress('backspace');
  screen.type(good);
  screen.keypress('enter');
}

/** On the select list showing `question`, checks the pre-selected default, moves and picks. */
async function pick(question: string, preselected: string, downs = 0): Promise<void> {
  expect(await screenShowing(`? ${question}`)).toContain(`❯ ${preselected}`);
  for (let count = 0; count < downs; count++) screen.keypress('down');
  screen.keypress('enter');
}

const FLOWS_QUESTION = 'Which flows does the connector have besides session token and authorize?';
const OPTIONAL_FLOWS = ['PSync', 'Capture', 'Void', 'Refund', 'RSync'];

/** On the flows checkbox (all ticked when it opens), leaves exactly `chosen` ticked. */
async function tickFlows(chosen: readonly string[]): Promise<void> {
  expect(await screenShowing(`? ${FLOWS_QUESTION}`)).toContain('❯◉ PSync');
  for (const [index, flow] of OPTIONAL_FLOWS.entries()) {
    if (index > 0) screen.keypress('down');
    if (!chosen.includes(flow)) screen.keypress('space');
  }
  screen.keypress('enter');
}

describe('on a terminal, every key not given is asked', () => {
  const interactive = { interactive: true, yes: false } as const;

  it('asks in declaration order, re-asks refused values, pre-selects defaults', async () => {
    const pending = resolveAnswers(
      { flags: {}, ...interactive },
      { cwd: workdir(), existingIds: ['nuvei', 'paytm'] },
    );
    await answerAfterRefusal(
      'Connector name (PascalCase, e.g. NewPayment)',
      'Class',
      'a JavaScript/TypeScript reserved word',
      'NewPayment',
    );
    await answerAfterRefusal(
      'Base URL of the gateway (sandbox)',
      'http://api.example.com',
      'must use https (http only for localhost, 127.0.0.1 or [::1])',
      'https://api.example.com/',
    );
    await pick('Amount type', 'StringMinorUnit', 1); // → StringMajorUnit
    await pick('Currency unit', 'Minor');
    await pick('Content type', 'application/json');
    await pick('Auth type', 'HeaderKey', 2); // → SignatureKey
    await answerAfterRefusal(
      'Session token endpoint (relative path)',
      '/v1/session',
      'must be a relative path (no leading "/")',
      'v1/session-token',
    );
    await answer('Authorize endpoint (relative path)', 'v1/payments');
    await pick('Where does Authorize carry the session token?', 'body', 1); // → header
    expect(await screenShowing('Name of the field')).toContain('(X-Session-Token)');
    screen.keypress('enter');
    // every flow ticked; each endpoint pre-filled below the Authorize endpoint
    expect(await screenShowing(`? ${FLOWS_QUESTION}`)).toContain(
      '❯◉ PSync\n ◉ Capture\n ◉ Void\n ◉ Refund\n ◉ RSync',
    );
    screen.keypress('enter');
    for (const [question, preFilled] of [
      ['PSync endpoint', 'v1/payments/{connectorTransactionId}'],
      ['Capture endpoint', 'v1/payments/{connectorTransactionId}/capture'],
      ['Void endpoint', 'v1/payments/{connectorTransactionId}/void'],
      ['Refund endpoint', 'v1/payments/{connectorTransactionId}/refunds'],
      ['RSync endpoint', 'v1/payments/{connectorTransactionId}/refunds/{connectorRefundId}'],
    ] as const) {
      expect(await screenShowing(`? ${question} (relative path)`)).toContain(`(${preFilled})`);
      screen.keypress('enter');
    }

    expect(await pending).toEqual({
      name: 'NewPayment',
      baseUrl: 'https://api.example.com',
      amountType: 'StringMajorUnit',
      currencyUnit: 'Minor',
      contentType: 'application/json',
      authType: 'SignatureKey',
      sessionTokenEndpoint: 'v1/session-token',
      authorizeEndpoint: 'v1/payments',
      tokenPlacement: 'header',
      tokenName: 'X-Session-Token',
      ...allFlows('v1/payments'),
    });
  });

  it('asks only what was not given, and the token default follows a given placement', async () => {
    const cwd = workdir({ 'a.json': JSON.stringify({ authorizeEndpoint: 'pay' }) });
    const pending = resolveAnswers(
      {
        positionalName: 'Acme',
        answersFile: 'a.json',
        flags: {
          baseUrl: 'https://acme.example',
          tokenPlacement: 'query',
          amountType: 'MinorUnit',
        },
        ...interactive,
      },
      { cwd, existingIds: [] },
    );
    await pick('Currency unit', 'Minor', 1); // the list wraps: Minor → Major
    await pick('Content type', 'application/json', 1);
    await pick('Auth type', 'HeaderKey', 1);
    await answer('Session token endpoint (relative path)', 'token');
    expect(await screenShowing('Name of the field')).toContain('(sessionToken)');
    screen.type('txnToken');
    screen.keypress('enter');
    await tickFlows(['Capture', 'Refund']);
    // only the chosen flows' endpoints are asked; a refused one is asked again
    await answerAfterRefusal(
      'Capture endpoint (relative path)',
      'pay/{refundId}/capture',
      'may name only the placeholder {connectorTransactionId}, not {refundId}',
      'capture/{connectorTransactionId}',
    );
    expect(await screenShowing('? Refund endpoint')).toContain(
      '(pay/{connectorTransactionId}/refunds)',
    );
    screen.keypress('enter');

    expect(await pending).toEqual({
      name: 'Acme',
      baseUrl: 'https://acme.example',
      amountType: 'MinorUnit',
      currencyUnit: 'Major',
      contentType: 'application/x-www-form-urlencoded',
      authType: 'BodyKey',
      sessionTokenEndpoint: 'token',
      authorizeEndpoint: 'pay',
      tokenPlacement: 'query',
      tokenName: 'txnToken',
      flows: ['Capture', 'Refund'],
      captureEndpoint: 'capture/{connectorTransactionId}',
      refundEndpoint: 'pay/{connectorTransactionId}/refunds',
    });
    const transcript = await screen.getFullOutput();
    for (const flow of ['PSync', 'Void', 'RSync'])
      expect(transcript).not.toContain(`${flow} endpoint`);
    expect(transcript).not.toContain('Connector name');
    expect(transcript).not.toContain('Base URL');
    expect(transcript).not.toContain('Amount type');
    expect(transcript).not.toContain('Authorize endpoint');
  });

  it('with no flow ticked, no endpoint is asked', async () => {
    const pending = resolveAnswers(
      { positionalName: 'Acme', flags: { ...REQUIRED, ...DEFAULTS_WITHOUT_FLOWS }, ...interactive },
      { cwd: workdir(), existingIds: [] },
    );
    await tickFlows([]);
    expect(await pending).toEqual({
      name: 'Acme',
      ...REQUIRED,
      ...DEFAULTS_WITHOUT_FLOWS,
      flows: [],
    });
    expect(await screen.getFullOutput()).not.toContain('endpoint');
  });

  it('flows given as a flag are not asked; their endpoints are', async () => {
    const pending = resolveAnswers(
      {
        positionalName: 'Acme',
        flags: { ...REQUIRED, ...DEFAULTS_WITHOUT_FLOWS, flows: 'Void' },
        ...interactive,
      },
      { cwd: workdir(), existingIds: [] },
    );
    await answer('Void endpoint (relative path)', 'cancel');
    expect(await pending).toMatchObject({ flows: ['Void'], voidEndpoint: 'cancel' });
    expect(await screen.getFullOutput()).not.toContain(FLOWS_QUESTION);
  });

  it('an endpoint given for a flow left unticked is refused, naming both keys', async () => {
    const pending = resolveAnswers(
      {
        positionalName: 'Acme',
        flags: { ...REQUIRED, ...DEFAULTS_WITHOUT_FLOWS, voidEndpoint: 'cancel' },
        ...interactive,
      },
      { cwd: workdir(), existingIds: [] },
    );
    await tickFlows(['PSync']);
    await screenShowing('? PSync endpoint');
    screen.keypress('enter');
    const error = await failure(pending);
    expect(error.issues).toEqual([
      {
        key: 'voidEndpoint',
        value: 'cancel',
        rule: 'is given but flows does not include Void (add Void to flows or drop voidEndpoint)',
      },
    ]);
  });

  it('re-asks a name whose id is already registered', async () => {
    const pending = resolveAnswers(
      { flags: { ...REQUIRED, ...DEFAULTS }, ...interactive },
      { cwd: workdir(), existingIds: ['new_payment'] },
    );
    await answerAfterRefusal(
      'Connector name (PascalCase, e.g. NewPayment)',
      'NewPayment',
      'derives id "new_payment", which an existing connector already uses',
      'OtherPayment',
    );
    expect((await pending).name).toBe('OtherPayment');
  });

  describe('a token name given while the placement is still to ask', () => {
    const flags = { ...REQUIRED, ...DEFAULTS, tokenPlacement: undefined, tokenName: 'X-Token' };

    it('is accepted for the placement chosen', async () => {
      const pending = resolveAnswers(
        { positionalName: 'A1', flags, ...interactive },
        { cwd: workdir(), existingIds: [] },
      );
      await pick('Where does Authorize carry the session token?', 'body', 1); // → header
      expect(await pending).toMatchObject({ tokenPlacement: 'header', tokenName: 'X-Token' });
    });

    it('is refused at the end when the chosen placement does not fit it', async () => {
      const pending = resolveAnswers(
        { positionalName: 'A1', flags, ...interactive },
        { cwd: workdir(), existingIds: [] },
      );
      await pick('Where does Authorize carry the session token?', 'body');
      const error = await failure(pending);
      expect(error).toBeInstanceOf(UsageError);
      expect(error.issues).toEqual([
        {
          key: 'tokenName',
          value: 'X-Token',
          rule: 'must be an identifier ([A-Za-z_][A-Za-z0-9_]*) for body placement',
        },
      ]);
    });
  });

  it('refuses bad given values before asking anything', async () => {
    const error = await failure(
      run({ positionalName: 'lower', ...interactive }, { prompts: NEVER_ASK }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.issues).toEqual([
      {
        key: 'name',
        value: 'lower',
        rule: 'must start with an upper-case ASCII letter (PascalCase)',
      },
    ]);
  });

  it('Ctrl-C cancels cleanly: usage error, exit 1', async () => {
    const pending = resolveAnswers(
      { flags: {}, ...interactive },
      { cwd: workdir(), existingIds: [] },
    );
    await screenShowing('Connector name');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await failure(pending);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 1, message: 'Cancelled; nothing was written.' });
  });
});
