/**
 * The connector README: its Mermaid diagram parses with the real Mermaid parser and shows exactly
 * the chosen flows, its commands parse with the CLI's real options, its TODO list is what the
 * rendered files leave, and it is already in the house style (prettier leaves it as it is).
 */

import * as prettier from 'prettier';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { parseAnswers, type Answers } from '../../src/generator/answers/index.js';
import { OPTIONAL_FLOWS, type OptionalFlow } from '../../src/generator/answers/flows.js';
import { names } from '../../src/generator/answers/names.js';
import { connectorFiles } from '../../src/generator/lifecycle/connector-files.js';
import { HOUSE_STYLE } from '../../src/generator/render/format.js';
import {
  codeSpan,
  fencedLine,
  markdownTable,
  markdownText,
  mermaidText,
} from '../../src/generator/render/markdown.js';
import { openTodos } from '../../src/generator/render/readme.js';
import { loadWorkspace } from '../../src/generator/workspace.js';
import { runMain } from '../cli/helpers/io.js';

// the commands the README prints are parsed by the real program; what they run is mocked
const ran = vi.hoisted(() => ({ commands: [] as string[] }));
vi.mock('../../src/cli/commands/run/index.js', () => ({
  runCommand: async () => (ran.commands.push('run'), 0),
}));
vi.mock('../../src/cli/commands/record/index.js', () => ({
  recordCommand: async () => (ran.commands.push('record'), 0),
}));
vi.mock('../../src/cli/commands/sandbox.js', () => ({
  sandboxCommand: async () => (ran.commands.push('sandbox'), 0),
}));
vi.mock('../../src/cli/commands/regenerate.js', () => ({
  regenerateCommand: async () => (ran.commands.push('regenerate'), 0),
}));
vi.mock('../../src/cli/commands/check.js', () => ({
  checkCommand: async () => (ran.commands.push('check'), 0),
}));

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  // Mermaid's sequence-diagram parser runs in node without a DOM (~0.5 s to load, once)
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
});

const workspace = loadWorkspace(process.cwd());

function answersWith(input: Record<string, unknown>): Answers {
  const parsed = parseAnswers({
    name: 'AcmePay',
    baseUrl: 'https://api.acme.test/v2',
    sessionTokenEndpoint: 'v1/session-token',
    authorizeEndpoint: 'v1/payments',
    ...input,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.answers;
}

async function rendered(answers: Answers) {
  const files = await connectorFiles(workspace, answers);
  const readme = files.sources.find((file) => file.path === files.paths.readme);
  if (readme === undefined) throw new Error('no README rendered');
  return { files, readme: readme.content };
}

function mermaidBlock(readme: string): string {
  const match = /```mermaid\n([\s\S]*?)```/.exec(readme);
  if (match === null) throw new Error('no mermaid block');
  return match[1]!;
}

/** Every subset of the optional flows. */
const SUBSETS: OptionalFlow[][] = Array.from({ length: 2 ** OPTIONAL_FLOWS.length }, (_, bits) =>
  OPTIONAL_FLOWS.filter((_flow, index) => (bits & (1 << index)) !== 0),
);

describe('the sequence diagram', () => {
  it('parses with Mermaid for every subset of flows and every token placement', async () => {
    const cases = [
      ...SUBSETS.map((flows) => answersWith({ flows })),
      answersWith({ tokenPlacement: 'header', tokenName: 'X-#Tok' }),
      answersWith({ tokenPlacement: 'query' }),
    ];
    for (const answers of cases) {
      const diagram = mermaidBlock((await rendered(answers)).readme);
      await expect(mermaid.parse(diagram), diagram).resolves.toMatchObject({
        diagramType: 'sequence',
      });
    }
  });

  it('the real parser refuses a broken diagram (the check can fail)', async () => {
    await expect(mermaid.parse('sequenceDiagram\n    App->>Connector authorize\n')).rejects.toThrow(
      /Parse error/,
    );
  });

  it("shows the session step, Authorize and each chosen flow's request, and no other", async () => {
    const answers = answersWith({
      flows: ['Capture', 'RSync'],
      captureEndpoint: 'pay/{connectorTransactionId}/settle',
    });
    const diagram = mermaidBlock((await rendered(answers)).readme);
    const requests = diagram
      .split('\n')
      .filter((line) => line.includes('Connector->>Gateway'))
      .map((line) => line.trim());
    expect(requests).toEqual([
      'Connector->>Gateway: POST v1/session-token',
      'Connector->>Gateway: POST v1/payments (token in the body)',
      'Connector->>Gateway: POST pay/{connectorTransactionId}/settle',
      'Connector->>Gateway: GET v1/payments/{connectorTransactionId}/refunds/{connectorRefundId}',
    ]);
    expect(diagram).not.toMatch(/Void|PSync|opt Refund/);
  });

  it('a token name Mermaid would read as syntax is written as entity codes', async () => {
    expect(mermaidText('a#b;c')).toBe('a#35;b#59;c');
    expect(() => mermaidText('a\nb')).toThrow(/line break/);
  });
});

describe('the README text', () => {
  it('is prettier-stable in the house style for every subset of flows and odd answers', async () => {
    const cases = [
      // no flow, each flow alone, all of them: every section and table shape
      ...SUBSETS.filter((flows) => flows.length <= 1 || flows.length === OPTIONAL_FLOWS.length).map(
        (flows) => answersWith({ flows }),
      ),
      answersWith({ tokenPlacement: 'header', tokenName: 'X-|`Tok`|' }),
      answersWith({ authType: 'SignatureKey', contentType: 'application/x-www-form-urlencoded' }),
    ];
    for (const answers of cases) {
      const { readme } = await rendered(answers);
      expect(await prettier.format(readme, { ...HOUSE_STYLE, parser: 'markdown' })).toBe(readme);
    }
  });

  it('lists every answer in a table, the flows as the flag would', async () => {
    const { readme } = await rendered(answersWith({ flows: ['Refund'] }));
    expect(readme).toContain('| `flows`                | `Refund`');
    expect(readme).toContain(
      '| `refundEndpoint`       | `v1/payments/{connectorTransactionId}/refunds` |',
    );
    expect(readme).not.toContain('captureEndpoint');
    const none = (await rendered(answersWith({ flows: [] }))).readme;
    expect(none).toMatch(/\| `flows` +\| none +\|/);
  });

  it('lists each TODO(you) of the rendered code, with its file', async () => {
    const { files, readme } = await rendered(answersWith({}));
    const code = files.sources.filter((file) => file.path !== files.paths.readme);
    const todos = openTodos(code);
    const count = code.reduce((sum, file) => sum + file.content.split('TODO(you)').length - 1, 0);
    expect(todos).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    const section = readme.slice(readme.indexOf('## Left to you'));
    for (const todo of todos) {
      expect(section).toContain(`| ${codeSpan(todo.file)}`);
      expect(section).toContain(markdownText(todo.text));
    }
    expect(section.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(count);
  });

  it('every command it prints parses with the CLI, and names the chosen flows only', async () => {
    const { readme } = await rendered(answersWith({ flows: ['PSync', 'Void'] }));
    const commands = readme
      .split('\n')
      .filter((line) => line.startsWith('npx create-connector ') || line.startsWith('`npx create'))
      .map((line) => line.replace(/^`|`.*$/g, '').replace(/\s+#.*$/, ''));
    expect(commands.length).toBeGreaterThan(6);
    const flowsNamed = new Set<string>();
    for (const command of commands) {
      const argv = command.split(' ').slice(2);
      const flow = argv.indexOf('--flow');
      if (flow !== -1) flowsNamed.add(argv[flow + 1]!);
      ran.commands.length = 0;
      const result = await runMain(argv, { cwd: process.cwd() });
      expect(result.stderr, command).toBe('');
      expect(result.code, command).toBe(0);
      expect(ran.commands).toEqual([argv[0]]);
    }
    expect([...flowsNamed].sort()).toEqual(['authorize', 'psync', 'void']);
  });
});

describe('Markdown helpers', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`edge`', '`` `edge` ``'],
    ['', '` `'],
  ])('codeSpan(%j) = %s', (text, span) => {
    expect(codeSpan(text)).toBe(span);
  });

  it('escapes prose punctuation, refuses a line that would close a fence', () => {
    expect(markdownText('a *b* _c_ <d> [e] `f` |g|')).toBe(
      'a \\*b\\* \\_c\\_ \\<d\\> \\[e\\] \\`f\\` \\|g\\|',
    );
    expect(() => fencedLine('```')).toThrow(/code fence/);
    expect(fencedLine('npx create-connector run x')).toBe('npx create-connector run x');
  });

  it('lays a table out as prettier does, pipes in cells escaped', async () => {
    const table = markdownTable({
      header: ['Key', 'A longer header'],
      rows: [
        [codeSpan('a|b'), 'x'],
        ['y', codeSpan('a value wider than the header')],
      ],
    });
    expect(table).toContain('`a\\|b`');
    expect(await prettier.format(`${table}\n`, { ...HOUSE_STYLE, parser: 'markdown' })).toBe(
      `${table}\n`,
    );
    expect(() => markdownTable({ header: ['a'], rows: [['1', '2']] })).toThrow(/2 cells, not 1/);
  });
});

describe('where it goes', () => {
  it('src/connectors/<folder>/README.md, recorded in the manifest like every generated file', async () => {
    const { files } = await rendered(answersWith({}));
    expect(files.paths.readme).toBe(`src/connectors/${names('AcmePay').folder}/README.md`);
    expect(Object.keys(files.manifest.files)).toContain(files.paths.readme);
  });
});
