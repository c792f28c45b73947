/**
 * The registry's two readers: the scanner's fast path must be taken for the generator's own
 * format, and wherever it is taken it must give exactly what the full parse gives (listings,
 * edits and refusals alike).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { workspaceFiles } from '../../src/cli/commands/init.js';
import { parseAnswers } from '../../src/generator/answers/index.js';
import { planNewConnector, registeredIds } from '../../src/generator/lifecycle/index.js';
import { PRESETS } from '../../src/generator/answers/presets.js';
import {
  parseRegistry,
  parseRegistryInFull,
  parseRegistryWithScanner,
  registryReads,
  type ParsedRegistry,
  type RegistryEntry,
} from '../../src/generator/registry/source.js';
import {
  addToRegistry,
  listRegistry,
  registryEditsWith,
  removeFromRegistry,
  type RegistryStyle,
} from '../../src/generator/registry/wire.js';
import { LEXER_KEYWORDS, LEXER_KINDS, RegistryLexer } from '../../src/generator/registry/lex.js';
import { loadTypeScript } from '../../src/generator/registry/load-typescript.js';
import { DEFAULT_WORKSPACE_CONFIG } from '../../src/generator/workspace.js';
import { testdir } from './helpers/testdir.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const style: RegistryStyle = { quote: 'single', indent: '  ' };
const satisfies = 'satisfies Readonly<Record<string, Connector<AmountType>>>';

const fast = registryEditsWith(parseRegistry);
const full = registryEditsWith(parseRegistryInFull);
const scanner = registryEditsWith(parseRegistryWithScanner);

const camel = (id: string) => id.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
const entryFor = (id: string, value = camel(id)): RegistryEntry => ({
  id,
  value,
  importPath: `./${id.replace(/_/g, '-')}/index.js`,
});

/** What an edit gave: its result, or everything a caller can see of its error. */
function outcome(run: () => unknown): unknown {
  try {
    return { result: run() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const { name, message } = error;
    const { reason, kind, issues } = error as Error & Record<string, unknown>;
    return { error: { name, message, reason, kind, issues } };
  }
}

/** What a read gives, whichever reader gave it: the layout, bindings and comment positions. */
function layoutOf(parsed: ParsedRegistry) {
  const { leadingCommentStart, readBy: _readBy, ...layout } = parsed;
  const nodes = [...parsed.imports, ...parsed.entries];
  return { ...layout, comments: nodes.map((node) => leadingCommentStart(node.pos)) };
}

const reads = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);

/** The registry `create-connector init` writes. */
const INIT_REGISTRY = workspaceFiles('registry-readers')['src/connectors/registry.ts'] ?? '';

/** The registry `init` writes after `count` connectors were added with `new`. */
function generatorRegistry(count: number): string {
  const ids = Array.from(
    { length: count },
    (_, index) => `connector_${String(index).padStart(4, '0')}`,
  );
  const imports = ids.map(
    (id) => `import { ${camel(id)} } from './${id.replace(/_/g, '-')}/index.js';\n`,
  );
  const entries = ids.map((id) => `  ${id}: ${camel(id)},\n`);
  const object = count === 0 ? '{}' : `{\n${entries.join('')}}`;
  return INIT_REGISTRY.replace(
    "'create-connector/runtime';\n",
    `'create-connector/runtime';\n${imports.join('')}`,
  ).replace('connectors = {}', `connectors = ${object}`);
}

describe('the fast path', () => {
  it('is given what `new` writes (the registries below are built the same way)', () => {
    let text = INIT_REGISTRY;
    for (const id of ['connector_0002', 'connector_0000', 'connector_0001']) {
      text = addToRegistry(text, entryFor(id), style);
    }
    expect(text).toBe(generatorRegistry(3));
  });

  it("is taken for the generator's own registries, and reads what the full parse reads", () => {
    const texts = [
      generatorRegistry(0),
      generatorRegistry(3),
      generatorRegistry(3).replace(/\n/g, '\r\n'),
      readFileSync(path.join(REPO, 'src/connectors/registry.ts'), 'utf8'),
      'export const connectors = {};\n',
    ];
    for (const text of texts) {
      const before = registryReads();
      const parsed = parseRegistry(`${text}// ${uniqueMarker()}\n`);
      expect(parsed.readBy).toBe('lexer');
      expect(registryReads()).toEqual({ ...before, lexer: before.lexer + 1 });
      const layout = layoutOf(parsed);
      const scanned = parseRegistryWithScanner(parsed.text);
      expect(scanned.readBy).toBe('scanner');
      expect(layout).toEqual(layoutOf(scanned));
      expect(layout).toEqual(layoutOf(parseRegistryInFull(parsed.text)));
    }
  });

  it('reads a registry of 1,000 connectors in one pass and edits it like the full parse', () => {
    const text = generatorRegistry(1000);
    expect(parseRegistry(text).readBy).toBe('lexer');
    const added = entryFor('connector_0500_b');
    expect(fast.add(text, added, style)).toBe(full.add(text, added, style));
    expect(fast.remove(text, 'connector_0999')).toBe(full.remove(text, 'connector_0999'));
    expect(fast.list(text)).toHaveLength(1000);
  });

  it.each([
    ['a non-exported declaration', 'const connectors = {};\n'],
    ['a parenthesised object', 'export const connectors = ({});\n'],
    ['a type annotation', 'export const connectors: Registry = {};\n'],
    ['another statement', 'export const connectors = {};\nexport function other() {}\n'],
    ['a keyword as a key', "import { x } from './x.js';\nexport const connectors = { new: x };\n"],
    [
      'an escaped string key',
      "import { x } from './x.js';\nexport const connectors = { 'a\\x62': x };\n",
    ],
    [
      'import attributes',
      "import x from './x.json' with { type: 'json' };\nexport const connectors = { x };\n",
    ],
    ['a conditional type', 'export const connectors = {};\nexport type X = A extends B ? C : D;\n'],
    ['a decorator', 'export const connectors = {};\n@dec class A {}\n'],
  ])('leaves %s to the full parse, which still reads it', (_case, text) => {
    const before = registryReads();
    const parsed = parseRegistry(text);
    expect(parsed.readBy).toBe('parser');
    expect(registryReads().parser).toBe(before.parser + 1);
    expect(outcome(() => fast.list(text))).toEqual(outcome(() => full.list(text)));
  });

  it('leaves invalid registries to the full parse, which refuses them with the same errors', () => {
    for (const text of [
      'export const connectors = { a,, };\n',
      'export const connectors = {\n',
      'export const connectors = {} satisfies Record<string>>;\n',
      'export const connectors = {}\nsatisfies X;\n',
      "import { a } from './a.js'\nexport const connectors = { a } as const satisfies X\n<Y>;\n",
      'export type X = ;\nexport const connectors = {};\n',
      "import { a } from './a.js';\nexport const connectors = { a }; /* open\n",
      "import { a } from './a.js;\nexport const connectors = { a };\n",
    ]) {
      const error = outcome(() => fast.list(text));
      expect(error).toMatchObject({ error: { reason: 'syntax' } });
      expect(error).toEqual(outcome(() => full.list(text)));
    }
  });
});

describe('the hand lexer', () => {
  it("knows TypeScript's keywords, under the kinds the grammar tests for", () => {
    const ts = loadTypeScript();
    const words: string[] = [];
    for (let kind = ts.SyntaxKind.FirstKeyword; kind <= ts.SyntaxKind.LastKeyword; kind += 1) {
      words.push(ts.tokenToString(kind) ?? '');
    }
    expect([...LEXER_KEYWORDS].sort()).toEqual(words.sort());
    const kinds = LEXER_KINDS as unknown as Record<string, number>;
    for (const word of [...words, 'connectors', '$x', '_1']) {
      const name = ts.SyntaxKind[ts.createScanner(ts.ScriptTarget.Latest, true, 0, word).scan()];
      const lexed = new RegistryLexer(word).scan() as number;
      // a keyword the grammar never tests for has a kind of its own, not Identifier's
      if (name !== undefined && name in kinds) expect(lexed).toBe(kinds[name]);
      else expect(lexed).not.toBe(kinds.Identifier);
    }
  });

  const entry = "import { a } from './a.js';\n";
  it.each([
    [
      'a block comment with a line break before `satisfies`',
      'refused',
      `${entry}export const connectors = { a } /*\n*/ satisfies X;\n`,
    ],
    [
      'a block comment without one',
      'lexer',
      `${entry}export const connectors = { a } /* */ satisfies X;\n`,
    ],
    ['a shebang', 'lexer', `#!/usr/bin/env node\n${entry}export const connectors = { a };\n`],
    ['CRLF, tabs, VT and FF', 'lexer', `${entry}\r\nexport\tconst\vconnectors\f= { a };\r\n`],
    ['non-ASCII comments', 'lexer', `// é\n${entry}/* ü\n */ export const connectors = { a };\n`],
    [
      'comments above imports and entries',
      'lexer',
      `/* h */\n// x\n${entry}export const connectors = {\n  // c\n  a,\n};\n`,
    ],
    [
      '`>>` closing type arguments',
      'lexer',
      `${entry}export const connectors = { a } satisfies A<B<C>>;\n`,
    ],
    ['a conflict marker', 'refused', `${entry}>>>>>>> theirs\nexport const connectors = { a };\n`],
    ['LS in a line comment', 'scanner', `// x \u2028\n${entry}export const connectors = { a };\n`],
    [
      'a non-ASCII string',
      'scanner',
      `import { a } from './é.js';\nexport const connectors = { a };\n`,
    ],
    ['NBSP', 'scanner', `${entry}export\u00a0const connectors = { a };\n`],
    ['a BOM', 'scanner', `\ufeff${entry}export const connectors = { a };\n`],
  ])("gives what TypeScript's scanner gives with %s", (_case, reader, text) => {
    const read = `${text}// ${uniqueMarker()}\n`;
    const taken = outcome(() => parseRegistry(read).readBy);
    if (reader === 'refused') expect(taken).toMatchObject({ error: { reason: 'syntax' } });
    else expect(taken).toEqual({ result: reader });
    expect(outcome(() => layoutOf(parseRegistry(read)))).toEqual(
      outcome(() => layoutOf(parseRegistryWithScanner(read))),
    );
  });

  it('has every kind the grammar tests for', () => {
    const grammar = ['scan.ts', 'scan-tokens.ts']
      .map((file) => readFileSync(path.join(REPO, 'src/generator/registry', file), 'utf8'))
      .join('\n');
    const used = new Set([...grammar.matchAll(/\b(?:k|kind)\.([A-Z]\w+)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(30);
    const kinds = LEXER_KINDS as unknown as Record<string, number>;
    for (const name of used) expect(kinds[name ?? ''], name).toBeTypeOf('number');
  });
});

describe('one registry read serves a whole command', () => {
  it('`new` reads the registry once for the taken ids, the check and the edit', async () => {
    const root = testdir({
      'create-connector.json': `${JSON.stringify(DEFAULT_WORKSPACE_CONFIG, null, 2)}\n`,
      '.prettierrc.json': `${JSON.stringify({ singleQuote: true, printWidth: 100 })}\n`,
      // a comment unique to this test, so no earlier read of the same text is reused
      'src/connectors/registry.ts': `// ${uniqueMarker()}\n${generatorRegistry(2)}`,
    });
    const parsed = parseAnswers(PRESETS.paytm);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const before = registryReads();
    const { ids } = registeredIds(root);
    const plan = await planNewConnector({ cwd: root, answers: parsed.answers });
    const after = registryReads();
    expect(ids).toEqual(['connector_0000', 'connector_0001']);
    expect(reads(after) - reads(before)).toBe(1);
    expect(after.lexer).toBe(before.lexer + 1);
    const registry = plan.changes.find((change) => change.path === 'src/connectors/registry.ts');
    expect(listRegistry(registry?.content ?? '').map((entry) => entry.id)).toEqual([
      'connector_0000',
      'connector_0001',
      'paytm',
    ]);
  });

  it('reuses a read only for the very same text', () => {
    const text = `${generatorRegistry(1)}// ${uniqueMarker()}\n`;
    const before = registryReads();
    expect(listRegistry(text)).toEqual(listRegistry(text));
    addToRegistry(text, entryFor('zeta_pay'), style);
    removeFromRegistry(text, 'connector_0000');
    expect(registryReads().lexer).toBe(before.lexer + 1);
    listRegistry(`${text} `);
    expect(registryReads().lexer).toBe(before.lexer + 2);
  });
});

let markers = 0;
function uniqueMarker(): string {
  markers += 1;
  return `read ${markers} ${process.pid}`;
}

// ---- generated registries ----

const ID = /^[a-z][a-z0-9]{0,3}_[a-z0-9]{1,3}$/;
/** Plain ids, and a few that are keywords (the fast path leaves those to the full parse). */
const anyId = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(ID) },
  { weight: 1, arbitrary: fc.constantFrom('new', 'type', 'as', 'default', 'of', 'if') },
);

const entryShape = fc.record({
  id: fc.stringMatching(ID),
  form: fc.constantFrom('shorthand', 'pair', 'quoted'),
  comment: fc.constantFrom(undefined, '// note', '/* block */', '/** doc */'),
  note: fc.boolean(),
});

const registryShape = fc.record({
  entries: fc.array(entryShape, { maxLength: 7 }),
  header: fc.constantFrom(
    '',
    '/** @module The registry. */\n\n',
    '// registry\n',
    '#!/usr/bin/env node\n',
  ),
  typeImport: fc.constantFrom('none', 'import type', 'inline type'),
  groups: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 7, maxLength: 7 }),
  defaultImport: fc.boolean(),
  importComments: fc.boolean(),
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
  after: fc.constantFrom('', ' as const', ` ${satisfies}`, ` as const ${satisfies}`),
  semicolons: fc.boolean(),
  alias: fc.constantFrom(
    undefined,
    'keyof typeof connectors',
    '(typeof connectors)[ConnectorKey]',
    "| 'a'\n  | [string, number[]]\n  | Map<string, Set<ns.Value>>",
  ),
  crlf: fc.boolean(),
});

type RegistryShape = typeof registryShape extends fc.Arbitrary<infer T> ? T : never;

function registryText(shape: RegistryShape): string {
  const semi = shape.semicolons ? ';' : '';
  const entries = shape.entries.map((entry) => {
    const value = entry.form === 'shorthand' ? entry.id : camel(entry.id);
    const text =
      entry.form === 'shorthand'
        ? entry.id
        : entry.form === 'quoted'
          ? `'${entry.id}': ${value}`
          : `${entry.id}: ${value}`;
    return { ...entry, value, text };
  });
  const values = [...new Set(entries.map((entry) => entry.value))];
  const imports: string[] = [];
  if (shape.typeImport === 'import type') {
    imports.push(`import type { AmountType, Connector } from '../runtime/index.js'${semi}`);
  }
  for (let index = 0, group = 0; index < values.length; group += 1) {
    const size = shape.groups[group % shape.groups.length] ?? 1;
    const names = values.slice(index, index + size);
    index += size;
    const [first, ...rest] = names;
    let clause = `{ ${names.join(', ')} }`;
    if (shape.defaultImport && group === 0) {
      clause = rest.length === 0 ? `${first}` : `${first}, { ${rest.join(', ')} }`;
    } else if (shape.typeImport === 'inline type' && group === 0) {
      clause = `{ type AmountType, ${names.join(', ')}, type Connector }`;
    }
    if (shape.importComments) imports.push(`// group ${group}`);
    imports.push(`import ${clause} from './${String(first)}/index.js'${semi}`);
  }
  let object: string;
  if (entries.length === 0) {
    object = shape.multiline ? '{\n}' : '{}';
  } else if (shape.multiline) {
    const lines = entries.map((entry, index) => {
      const comma = index < entries.length - 1 || shape.trailingComma ? ',' : '';
      const comment = entry.comment === undefined ? '' : `  ${entry.comment}\n`;
      return `${comment}  ${entry.text}${comma}${entry.note ? ' // keep' : ''}\n`;
    });
    object = `{\n${lines.join('')}}`;
  } else {
    const items = entries.map(
      (entry) =>
        `${entry.comment?.startsWith('/*') === true ? `${entry.comment} ` : ''}${entry.text}`,
    );
    object = `{ ${items.join(', ')}${shape.trailingComma ? ',' : ''} }`;
  }
  const alias =
    shape.alias === undefined ? '' : `\nexport type ConnectorId =\n  ${shape.alias}${semi}\n`;
  const text = `${shape.header}${imports.join('\n')}\n\nexport const connectors = ${object}${shape.after}${semi}\n${alias}`;
  return shape.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const TOKENS = [
  ',',
  '}',
  '{',
  ';',
  ' as ',
  '(',
  ')',
  '<',
  '>',
  '[',
  '/*',
  '//',
  '\n',
  "'",
  '`',
  '@',
  ' satisfies ',
  'import ',
  'export ',
  ' x ',
  '.',
  '...',
  '=',
  ':',
  '#',
  '\\u0061',
  '1',
  ' type ',
  '*',
  '|',
  '?',
  '!',
  ' new ',
  // what the hand lexer leaves to TypeScript's scanner, or must flag as a line break
  '/*\n*/',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\r',
  '\t\v\f',
  '*/',
  '/* \u2028 */',
  '// é',
  "'é'",
  '>=',
  '==',
  '||',
  '&&',
  '<<<<<<< ours\n',
  '#!',
  ' keyof ',
  ' typeof ',
  ' bigint ',
  ' from ',
  '$',
  'x\u00e9',
];

/** A small damage to a registry: an inserted token, a deleted span, a line dropped or doubled. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('drop line'), at: fc.nat() }),
  fc.record({ kind: fc.constant('double line'), at: fc.nat() }),
);

function mutate(text: string, change: typeof mutation extends fc.Arbitrary<infer T> ? T : never) {
  const at = change.at % (text.length + 1);
  if (change.kind === 'insert') return text.slice(0, at) + change.token + text.slice(at);
  if (change.kind === 'delete') return text.slice(0, at) + text.slice(at + change.length);
  const lines = text.split('\n');
  const line = change.at % lines.length;
  if (change.kind === 'drop line') lines.splice(line, 1);
  else lines.splice(line, 0, lines[line] ?? '');
  return lines.join('\n');
}

// thousands of generated registries each: seconds on an idle machine, many times that on a busy one
describe(
  'generated registries: the fast path gives what the full parse gives',
  { timeout: 180_000 },
  () => {
    it('reads every generated registry with the hand lexer', () => {
      fc.assert(
        fc.property(registryShape, (shape) => {
          const text = `${registryText(shape)}// ${uniqueMarker()}\n`;
          const ids = shape.entries.map((entry) => entry.id);
          const before = registryReads();
          const read = outcome(() => parseRegistry(text).readBy);
          expect(registryReads()).toEqual({ ...before, lexer: before.lexer + 1 });
          if (new Set(ids).size === ids.length) {
            expect(read).toEqual({ result: 'lexer' });
            expect(layoutOf(parseRegistry(text))).toEqual(layoutOf(parseRegistryWithScanner(text)));
            expect(listRegistry(text).map((entry) => entry.id)).toEqual(ids);
          } else {
            // read by the lexer, then refused by the checks both readers share
            expect(read).toMatchObject({ error: { reason: 'duplicate-id' } });
          }
        }),
        { numRuns: 300 },
      );
    });

    it('lists, adds and removes alike, refusals included, intact or damaged', () => {
      fc.assert(
        fc.property(
          registryShape,
          fc.option(mutation, { freq: 2 }),
          anyId,
          fc.nat(),
          fc.boolean(),
          (shape, change, newId, pick, existing) => {
            const intact = registryText(shape);
            const text = change === null ? intact : mutate(intact, change);
            const ids = shape.entries.map((entry) => entry.id);
            const removeId = existing && ids.length > 0 ? (ids[pick % ids.length] ?? newId) : newId;
            const added = entryFor(newId, /_/.test(newId) ? camel(newId) : `${newId}Value`);
            expect(outcome(() => layoutOf(parseRegistry(text)))).toEqual(
              outcome(() => layoutOf(parseRegistryWithScanner(text))),
            );
            for (const edits of [fast, scanner]) {
              expect(outcome(() => edits.list(text))).toEqual(outcome(() => full.list(text)));
              expect(outcome(() => edits.add(text, added, style))).toEqual(
                outcome(() => full.add(text, added, style)),
              );
              expect(outcome(() => edits.remove(text, removeId))).toEqual(
                outcome(() => full.remove(text, removeId)),
              );
            }
          },
        ),
        { numRuns: 1500 },
      );
    });
  },
);
