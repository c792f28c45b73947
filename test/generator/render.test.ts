import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import * as prettier from 'prettier';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';

import type { Answers } from '../../src/generator/answers/index.js';
import { hashTemplates, templateHash } from '../../src/generator/render/template-hash.js';
import {
  checkTemplate,
  RenderError,
  renderConnector,
  type RenderedFile,
  type TemplateContext,
} from '../../src/generator/render/index.js';
import { names, type Names } from '../../src/generator/answers/names.js';
import { templatesRoot } from '../../src/generator/package-info.js';
import { TEMPLATE_BINDINGS } from '../../src/generator/answers/template-bindings.js';
import {
  defaultFlowEndpoint,
  FLOW_ENDPOINT_KEYS,
  OPTIONAL_FLOWS,
  type OptionalFlow,
} from '../../src/generator/answers/flows.js';
import { answerCombinations, flowSubsets } from './combinations-cases.js';

const HOUSE_STYLE = { parser: 'typescript', singleQuote: true, printWidth: 100 } as const;
const combinations = answerCombinations();
const subsets = flowSubsets();
const base = combinations[0]!;

/** The flows the templates generate so far. */
const GENERATED_FLOWS: readonly OptionalFlow[] = OPTIONAL_FLOWS;
/** Every flow endpoint answer left out, for contexts that choose their own flows. */
const OMITTED_ENDPOINTS = Object.fromEntries(
  OPTIONAL_FLOWS.map((flow) => [FLOW_ENDPOINT_KEYS[flow], undefined]),
);

/** `base` with some members replaced (or removed, with `undefined`). */
function contextWith(changes: {
  answers?: Record<string, unknown>;
  names?: Record<string, unknown>;
  imports?: Record<string, unknown>;
}): TemplateContext {
  return {
    answers: { ...base.answers, ...changes.answers },
    names: { ...base.names, ...changes.names },
    imports: { ...base.imports, ...changes.imports },
  } as TemplateContext;
}

function fileOf(files: readonly RenderedFile[], output: RenderedFile['output']): string {
  return files.find((file) => file.output === output)!.content;
}

function parse(content: string): ts.SourceFile {
  const source = ts.createSourceFile('x.ts', content, ts.ScriptTarget.ES2022, true);
  const { parseDiagnostics } = source as unknown as { parseDiagnostics: ts.Diagnostic[] };
  expect(parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual(
    [],
  );
  return source;
}

/** Every string literal initializing a property or const named `name`, as TypeScript reads it. */
function literalsNamed(source: ts.SourceFile, name: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) &&
      node.name.getText(source) === name &&
      node.initializer !== undefined
    ) {
      found.push(ts.isStringLiteral(node.initializer) ? node.initializer.text : '<not a literal>');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function topLevelNames(source: ts.SourceFile): string[] {
  const declared: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        declared.push(...bindings.elements.map((element) => element.name.text));
      }
    } else if (ts.isVariableStatement(statement)) {
      declared.push(...statement.declarationList.declarations.map((d) => d.name.getText(source)));
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      declared.push(statement.name.text);
    }
  }
  return declared;
}

describe('renderConnector', () => {
  it('takes the answers and names as answers.ts and names.ts declare them', () => {
    expectTypeOf<TemplateContext['answers']>().toEqualTypeOf<Answers>();
    expectTypeOf<TemplateContext['names']>().toEqualTypeOf<Names>();
  });

  it('renders the index, transformers and test files from their templates', () => {
    const files = renderConnector(base);
    expect(files.map(({ template, output }) => [template, output])).toEqual([
      ['connector/index.ts.hbs', 'index'],
      ['connector/transformers.ts.hbs', 'transformers'],
      ['connector/transformers-payments.ts.hbs', 'payments'],
      ['connector/transformers-refunds.ts.hbs', 'refunds'],
      ['connector/test.ts.hbs', 'test'],
    ]);
    expect(fileOf(files, 'index')).toContain(
      `export const ${base.names.value} = defineConnector({`,
    );
    expect(fileOf(files, 'test')).toContain(
      `import { ${base.names.value} as connector } from '${base.imports.connector}';`,
    );
    expect(renderConnector(base)).toEqual(files);
  });

  // prettier-ignore
  it.each([
    [[],                 ['index', 'transformers', 'test']],
    [['PSync'],          ['index', 'transformers', 'payments', 'test']],
    [['Void', 'RSync'],  ['index', 'transformers', 'payments', 'refunds', 'test']],
    [['Refund', 'RSync'], ['index', 'transformers', 'refunds', 'test']],
    [['RSync'],          ['index', 'transformers', 'refunds', 'test']],
  ] as const)('renders the transformers of flows %j only: %j', (flows, outputs) => {
    const endpoints = Object.fromEntries(
      flows.map((flow) => [FLOW_ENDPOINT_KEYS[flow], defaultFlowEndpoint(flow, 'v1/payments')]),
    );
    const context = {
      ...base,
      answers: { ...base.answers, ...OMITTED_ENDPOINTS, flows: [...flows], ...endpoints },
    } as TemplateContext;
    const files = renderConnector(context);
    expect(files.map((file) => file.output)).toEqual(outputs);
    const index = fileOf(files, 'index');
    for (const flow of OPTIONAL_FLOWS) {
      expect(index.includes(`${flow}: defineFlow('${flow}'`), flow).toBe(
        flows.some((chosen) => chosen === flow),
      );
    }
  });

  describe('strict mode', () => {
    it.each([
      ['answers', 'tokenName'],
      ['answers', 'baseUrl'],
      ['names', 'value'],
      ['names', 'type'],
      ['imports', 'sandbox'],
      ['imports', 'runtimeFromTest'],
    ] as const)('refuses a context without %s.%s', (group, key) => {
      expect(() => renderConnector(contextWith({ [group]: { [key]: undefined } }))).toThrow(
        /needs a string, got undefined/,
      );
    });

    it.each(['tokenPlacement', 'authType', 'amountType'])(
      'refuses a missing or unknown %s instead of taking no branch',
      (key) => {
        for (const value of [undefined, 'Other']) {
          const render = () => renderConnector(contextWith({ answers: { [key]: value } }));
          expect(render).toThrow(RenderError);
          expect(render).toThrow(new RegExp(`answers\\.${key} must be one of`));
        }
      },
    );
  });

  describe('identifiers', () => {
    it.each([
      ['names', 'value', 'new-payment'],
      ['names', 'value', 'class'],
      ['names', 'type', '1Pay'],
      ['names', 'type', 'New Payment'],
    ] as const)('refuses %s.%s %j', (group, key, value) => {
      expect(() => renderConnector(contextWith({ [group]: { [key]: value } }))).toThrow(
        /is not a usable identifier/,
      );
    });

    it('refuses a connector value that the generated files already declare', () => {
      const render = () => renderConnector(contextWith({ names: { value: 'defineConnector' } }));
      expect(render).toThrow(RenderError);
      expect(render).toThrow(/would clash/);
    });

    it('declares no other top-level name in the index than those it reserves and the value', () => {
      for (const context of combinations) {
        const files = renderConnector(context);
        const declared = topLevelNames(parse(fileOf(files, 'index')));
        const unlisted = declared.filter(
          (name) => name !== context.names.value && !TEMPLATE_BINDINGS.has(name),
        );
        expect(unlisted, context.names.folder).toEqual([]);
        const testNames = topLevelNames(parse(fileOf(files, 'test')));
        expect(testNames).toContain('connector');
        expect(testNames).not.toContain(context.names.value);
      }
    });

    it('lists exactly the names some combination declares (none stale)', () => {
      const declared = new Set<string>();
      for (const context of combinations) {
        const index = topLevelNames(parse(fileOf(renderConnector(context), 'index')));
        for (const name of index) if (name !== context.names.value) declared.add(name);
      }
      expect([...declared].sort()).toEqual([...TEMPLATE_BINDINGS].sort());
    });

    it('lets the connector value be any name the test file also uses', () => {
      const files = renderConnector(contextWith({ names: { value: 'describe' } }));
      expect(fileOf(files, 'test')).toContain('import { describe as connector } from');
    });
  });

  describe('quoting', () => {
    const awkward = [
      "https://api.example.com/it's",
      'https://api.example.com/back\\slash\\',
      "https://api.example.com/'); process.exit(1); ('",
      'https://api.example.com/"double" and \'single\'',
      'https://api.example.com/*/${process.exit(1)}/*',
      'https://api.example.com/line\nbreak\u2028',
    ];

    it.each(awkward)('keeps baseUrl %j a single literal with the exact value', async (baseUrl) => {
      const files = renderConnector(contextWith({ answers: { baseUrl } }));
      const index = fileOf(files, 'index');
      const source = parse(index);
      expect(literalsNamed(source, 'sandbox')).toEqual([baseUrl]);
      expect(literalsNamed(source, 'production')).toEqual([baseUrl]);
      expect(await prettier.format(index, HOUSE_STYLE)).toBe(index);
    });

    it('quotes endpoints, token names and import specifiers the same way', () => {
      const files = renderConnector(
        contextWith({
          answers: {
            sessionTokenEndpoint: "v1/it's",
            authorizeEndpoint: 'v1\\pay',
            tokenPlacement: 'header',
            tokenName: "X-'Token'",
          },
          imports: {
            runtime: "../run'time.js",
            testing: '../test\ning.js',
            cassettes: "./it's/cassettes/",
          },
        }),
      );
      const index = parse(fileOf(files, 'index'));
      expect(literalsNamed(index, 'SESSION_TOKEN_ENDPOINT')).toEqual(["v1/it's"]);
      expect(literalsNamed(index, 'AUTHORIZE_ENDPOINT')).toEqual(['v1\\pay']);
      expect(literalsNamed(index, 'SESSION_TOKEN_NAME')).toEqual(["X-'Token'"]);
      const specifiers = (source: ts.SourceFile) =>
        source.statements
          .filter(ts.isImportDeclaration)
          .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text);
      expect(specifiers(index)).toContain("../run'time.js");
      const test = parse(fileOf(files, 'test'));
      expect(specifiers(test)).toContain('../test\ning.js');
      const cassettesUrl = (node: ts.Node): string[] =>
        ts.isNewExpression(node) &&
        node.expression.getText(test) === 'URL' &&
        node.arguments?.[0] !== undefined &&
        ts.isStringLiteral(node.arguments[0])
          ? [node.arguments[0].text]
          : node.getChildren(test).flatMap(cassettesUrl);
      expect(cassettesUrl(test)).toEqual(["./it's/cassettes/"]);
    });

    it('quotes a body token name that is not an identifier as a property key', () => {
      const files = renderConnector(
        contextWith({ answers: { tokenPlacement: 'body', tokenName: 'session-token' } }),
      );
      const transformers = fileOf(files, 'transformers');
      parse(transformers);
      expect(transformers).toContain("readonly 'session-token': string;");
      expect(transformers).toContain("'session-token': token,");
    });
  });

  describe('prettier stability (house style)', () => {
    it(`holds for all ${combinations.length} combinations and the flow subsets`, async () => {
      for (const context of [...combinations, ...subsets]) {
        for (const file of renderConnector(context)) {
          const formatted = await prettier.format(file.content, HOUSE_STYLE);
          expect(formatted, `${context.names.folder} ${file.output}`).toBe(file.content);
        }
      }
      // 432 prettier runs: over 30 s on a shared 2-core machine under load
    }, 120_000);

    it('holds for values at their longest', async () => {
      const name = `Pay${'Ab'.repeat(30)}X`;
      const derived = names(name);
      const long = {
        baseUrl: `https://${'sub.'.repeat(40)}example.com/${'path/'.repeat(20)}`,
        sessionTokenEndpoint: 'session/'.repeat(20) + 'token',
        authorizeEndpoint: 'authorize/'.repeat(20) + 'now',
        syncEndpoint: 'sync/'.repeat(20) + '{connectorTransactionId}',
        captureEndpoint: 'capture/'.repeat(20) + '{connectorTransactionId}',
        voidEndpoint: 'void/'.repeat(20) + '{connectorTransactionId}',
        refundEndpoint: 'refund/'.repeat(20) + '{connectorTransactionId}',
        refundSyncEndpoint: 'refunds/'.repeat(20) + '{connectorRefundId}',
      };
      const tokenNames = {
        body: `token${'_x'.repeat(50)}`,
        header: `X-${'Long-'.repeat(20)}Token`,
        query: `t${'oken'.repeat(30)}`,
      } as const;
      for (const tokenPlacement of ['body', 'header', 'query'] as const) {
        for (const contentType of ['application/json', 'application/x-www-form-urlencoded']) {
          const context = contextWith({
            answers: { ...long, name, tokenPlacement, tokenName: tokenNames[tokenPlacement] },
            names: { ...derived },
            imports: {
              runtime: `../../${'deeper/'.repeat(12)}runtime/index.js`,
              testing: `../../${'deeper/'.repeat(12)}testing/index.js`,
              connector: `../../${'deeper/'.repeat(12)}connector/index.js`,
              cassettes: `./${'deeper-folder-'.repeat(8)}/cassettes/`,
            },
          });
          for (const file of renderConnector({
            ...context,
            answers: { ...context.answers, contentType } as TemplateContext['answers'],
          })) {
            const formatted = await prettier.format(file.content, HOUSE_STYLE);
            expect(formatted, `${tokenPlacement} ${contentType} ${file.output}`).toBe(file.content);
          }
        }
      }
    });
  });
});

describe('checkTemplate', () => {
  it.each([
    ['a raw value', '{{answers.baseUrl}}', /without a quoting helper/],
    ['an unescaped raw value', '{{{answers.baseUrl}}}', /without a quoting helper/],
    ['an output helper without a value', '{{str}}', /needs a value/],
    ['a predicate written out', "{{eq answers.authType 'BodyKey'}}", /without a quoting helper/],
    ['a built-in block', '{{#with answers}}x{{/with}}', /not a block helper of ours/],
    ['a lookup', '{{lookup answers "baseUrl"}}', /without a quoting helper/],
    ['a partial', '{{> header}}', /PartialStatement is not allowed/],
    ['an output helper as a condition', '{{#if (str answers.name)}}x{{/if}}', /not a predicate/],
  ])('refuses %s', (_label, source, message) => {
    expect(() => checkTemplate('t.hbs', source)).toThrow(message);
  });

  it('names the template and line', () => {
    expect(() => checkTemplate('connector/x.hbs', 'ok\n{{answers.name}}')).toThrow(
      /^connector\/x\.hbs:2: /,
    );
  });

  it('accepts helpers, predicates and our blocks', () => {
    const source =
      "{{#if (or (eq answers.authType 'BodyKey') (not (eq answers.tokenPlacement 'body')))}}" +
      '{{str answers.baseUrl}}{{else}}{{ident names.value}}{{/if}}{{#fits}}{{key answers.tokenName}}{{/fits}}';
    expect(() => checkTemplate('t.hbs', source)).not.toThrow();
  });
});

describe('urls', () => {
  it("joins endpoints with the runtime's joinUrl, not a helper of the connector's own", () => {
    for (const context of combinations) {
      const index = fileOf(renderConnector(context), 'index');
      const source = parse(index);
      const imported = source.statements
        .filter(ts.isImportDeclaration)
        .filter(
          (statement) =>
            (statement.moduleSpecifier as ts.StringLiteral).text === context.imports.runtime,
        )
        .flatMap((statement) => {
          const bindings = statement.importClause?.namedBindings;
          return bindings !== undefined && ts.isNamedImports(bindings)
            ? bindings.elements.map((element) => element.name.text)
            : [];
        });
      expect(imported, context.names.folder).toContain('joinUrl');
      expect(source.statements.filter(ts.isFunctionDeclaration), context.names.folder).toEqual([]);
      const generated = context.answers.flows.filter((flow) => GENERATED_FLOWS.includes(flow));
      expect(index.match(/joinUrl\(baseUrl, /g), context.names.folder).toHaveLength(
        2 + generated.length,
      );
      // every flow after Authorize fills its endpoint's placeholders with the runtime's helper
      expect(index.match(/joinUrl\(baseUrl, fillEndpoint\(/g) ?? []).toHaveLength(generated.length);
    }
  });

  it('keeps the query string of a query-placed token on the joined path', () => {
    const query = combinations.find((context) => context.answers.tokenPlacement === 'query')!;
    expect(fileOf(renderConnector(query), 'index')).toContain(
      'return joinUrl(baseUrl, `${AUTHORIZE_ENDPOINT}?${query.toString()}`);',
    );
  });
});

describe('templateHash', () => {
  /** The templates folder as hashTemplates takes it: posix paths, dotfiles skipped. */
  async function templateFiles(): Promise<Array<{ path: string; bytes: Buffer }>> {
    const root = templatesRoot();
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((path) => !path.startsWith('ucs/'));
    return Promise.all(
      files.map(async (path) => ({ path, bytes: await readFile(join(root, path)) })),
    );
  }

  it("is manifest.ts's hashTemplates over the renderer's templates, the same on every call", async () => {
    const files = await templateFiles();
    expect(files.map((file) => file.path).sort()).toEqual([
      'connector/README.md.hbs',
      'connector/index.ts.hbs',
      'connector/test.ts.hbs',
      'connector/transformers-payments.ts.hbs',
      'connector/transformers-refunds.ts.hbs',
      'connector/transformers.ts.hbs',
    ]);
    expect(templateHash()).toBe(hashTemplates(files));
    expect(templateHash()).toBe(templateHash());
  });
});
