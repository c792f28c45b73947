import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// mocks @inquirer/prompts with its real prompts wired to an in-memory screen
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it, onTestFinished } from 'vitest';

import { CliError } from '../../src/cli/errors.js';
import {
  cancelledError,
  createPromptAdapter,
  type PromptFunctions,
} from '../../src/cli/commands/new/prompts.js';

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

const CTRL_C = { name: 'c', ctrl: true } as const;

describe('input', () => {
  it('shows the question with its default, and Enter takes the default', async () => {
    const answer = createPromptAdapter().input({ message: 'Token name', default: 'sessionToken' });
    expect(await screenShowing('Token name')).toBe('? Token name (sessionToken)');
    screen.keypress('enter');
    expect(await answer).toBe('sessionToken');
  });

  it('shows the broken rule and asks again until the value passes', async () => {
    const answer = createPromptAdapter().input({
      message: 'Connector name',
      validate: (value) => (value === 'Class' ? 'derives a reserved word' : true),
    });
    await screenShowing('Connector name');
    screen.type('Class');
    screen.keypress('enter');
    expect(await screenShowing('derives a reserved word')).toBe(
      '? Connector name Class\n> derives a reserved word',
    );
    for (let count = 0; count < 'Class'.length; count++) screen.keypress('backspace');
    screen.type('NewPayment');
    screen.keypress('enter');
    expect(await answer).toBe('NewPayment');
  });
});

describe('select', () => {
  it('lists every choice, starts on the default and moves with the arrows', async () => {
    const answer = createPromptAdapter().select({
      message: 'Token placement',
      choices: ['body', 'header', 'query'],
      default: 'header',
    });
    expect(await screenShowing('Token placement')).toContain(
      '? Token placement\n  body\n❯ header\n  query',
    );
    screen.keypress('down');
    expect(screen.getScreen()).toContain('❯ query');
    screen.keypress('enter');
    expect(await answer).toBe('query');
  });

  it('starts on the first choice without a default', async () => {
    const answer = createPromptAdapter().select({ message: 'Unit', choices: ['Major', 'Minor'] });
    expect(await screenShowing('Unit')).toContain('❯ Major\n  Minor');
    screen.keypress('enter');
    expect(await answer).toBe('Major');
  });
});

describe('checkbox', () => {
  const FLOWS = ['PSync', 'Capture', 'Void', 'Refund', 'RSync'];

  it('opens with the checked choices ticked, and Enter takes them', async () => {
    const answer = createPromptAdapter().checkbox({
      message: 'Flows',
      choices: FLOWS,
      checked: FLOWS,
    });
    expect(await screenShowing('Flows')).toContain(
      '? Flows\n❯◉ PSync\n ◉ Capture\n ◉ Void\n ◉ Refund\n ◉ RSync',
    );
    screen.keypress('enter');
    expect(await answer).toEqual(FLOWS);
  });

  it('space unticks the choice under the cursor; the answer keeps the choices order', async () => {
    const answer = createPromptAdapter().checkbox({
      message: 'Flows',
      choices: FLOWS,
      checked: ['RSync', 'PSync', 'Void'],
    });
    expect(await screenShowing('Flows')).toContain('❯◉ PSync\n ◯ Capture\n ◉ Void');
    screen.keypress('down');
    screen.keypress('space'); // ticks Capture
    screen.keypress('down');
    screen.keypress('space'); // unticks Void
    expect(await screenShowing('◯ Void')).toContain(' ◉ Capture');
    screen.keypress('enter');
    expect(await answer).toEqual(['PSync', 'Capture', 'RSync']);
  });

  it('nothing ticked is an answer: the empty list', async () => {
    const answer = createPromptAdapter().checkbox({
      message: 'Flows',
      choices: FLOWS,
      checked: [],
    });
    await screenShowing('Flows');
    screen.keypress('enter');
    expect(await answer).toEqual([]);
  });
});

describe('confirm', () => {
  it('Enter takes the default (yes)', async () => {
    const answer = createPromptAdapter().confirm('Write 6 files?', true);
    expect(await screenShowing('Write 6 files?')).toBe('? Write 6 files? (Y/n)');
    screen.keypress('enter');
    expect(await answer).toBe(true);
  });

  it('a typed "n" says no, and a "no" default shows as y/N', async () => {
    const answer = createPromptAdapter().confirm('Overwrite?', false);
    expect(await screenShowing('Overwrite?')).toBe('? Overwrite? (y/N)');
    screen.type('n');
    screen.keypress('enter');
    expect(await answer).toBe(false);
  });
});

describe('Ctrl-C', () => {
  it.each([
    ['input', () => createPromptAdapter().input({ message: 'Question' })],
    ['select', () => createPromptAdapter().select({ message: 'Question', choices: ['a', 'b'] })],
    [
      'checkbox',
      () => createPromptAdapter().checkbox({ message: 'Question', choices: ['a'], checked: [] }),
    ],
    ['confirm', () => createPromptAdapter().confirm('Question', true)],
  ])('on %s becomes a clean cancel: usage error, exit 1', async (_kind, ask) => {
    const answer = ask();
    await screenShowing('Question');
    screen.keypress(CTRL_C);
    const error = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      kind: 'usage',
      exitCode: 1,
      message: 'Cancelled; nothing was written.',
      cause: { name: 'ExitPromptError' },
    });
  });

  it('cancelledError carries no issues and no hint', () => {
    expect(cancelledError()).toMatchObject({
      kind: 'usage',
      exitCode: 1,
      issues: [],
      hint: undefined,
    });
  });
});

describe('loading', () => {
  it('loads the prompt functions once, on the first question', async () => {
    let loads = 0;
    const adapter = createPromptAdapter({
      load: async () => {
        loads += 1;
        return import('@inquirer/prompts');
      },
    });
    expect(loads).toBe(0);
    const first = adapter.confirm('First?', true);
    await screenShowing('First?');
    screen.keypress('enter');
    await first;
    const second = adapter.confirm('Second?', false);
    await screenShowing('Second?');
    screen.keypress('enter');
    expect(await second).toBe(false);
    expect(loads).toBe(1);
  });

  it('passes on failures other than a cancel', async () => {
    const broken = new Error('prompt module missing');
    const adapter = createPromptAdapter({ load: () => Promise.reject(broken) });
    await expect(adapter.input({ message: 'x' })).rejects.toBe(broken);
  });

  it('uses the functions it is given', async () => {
    const real = await import('@inquirer/prompts');
    const asked: string[] = [];
    const functions: PromptFunctions = {
      ...real,
      input: ((config, context) => {
        asked.push(config.message);
        return real.input(config, context);
      }) as PromptFunctions['input'],
    };
    const answer = createPromptAdapter({ load: async () => functions }).input({ message: 'Via' });
    await screenShowing('Via');
    screen.type('x');
    screen.keypress('enter');
    expect(await answer).toBe('x');
    expect(asked).toEqual(['Via']);
  });
});

describe('without a question asked, @inquirer/prompts is never imported', () => {
  const root = path.join(import.meta.dirname, '..', '..');

  function probe(script: string): { status: number | null; stdout: string; stderr: string } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'create-connector-prompts-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const hooks = path.join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  if (/^@inquirer\\//.test(specifier)) throw new Error('prompt module imported: ' + specifier);
  return next(specifier, context);
}
`,
    );
    const guard = path.join(dir, 'guard.mjs');
    writeFileSync(
      guard,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', guard, '--input-type=module', '-e', script],
      { encoding: 'utf8', cwd: root },
    );
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  }

  const prelude = `
const { createPromptAdapter } = await import('./src/cli/commands/new/prompts.ts');
const { resolveAnswers } = await import('./src/cli/commands/new/resolve-answers.ts');
const prompts = createPromptAdapter();
const answers = await resolveAnswers(
  { positionalName: 'NewPayment', yes: false, interactive: true,
    flags: { baseUrl: 'https://api.example.com', sessionTokenEndpoint: 'a', authorizeEndpoint: 'b',
      amountType: 'MinorUnit', currencyUnit: 'Minor', contentType: 'application/json',
      authType: 'HeaderKey', tokenPlacement: 'body', tokenName: 'token', flows: ['Capture'],
      captureEndpoint: 'b/capture' } },
  { cwd: process.cwd(), existingIds: [], prompts },
);
process.stdout.write(answers.name);
`;

  it('creating the adapter and resolving answers that are all given loads no prompt code', () => {
    const result = probe(prelude);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('NewPayment');
  });

  it('the guard does catch the import once a question is asked', () => {
    const result = probe(`${prelude}\nawait prompts.confirm('Generate?', true);`);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('prompt module imported: @inquirer/prompts');
  });
});
