/**
 * @module Reading the connector registry: one parse with the TypeScript parser, then the
 * `connectors` object, its entries and the imports that bind them, refusing anything malformed.
 */

import type { ts as TsApi } from 'ts-morph';

import { RegistryError } from './errors.js';
import { loadTypeScript, type TypeScript } from './load-typescript.js';

export interface RegistryEntry {
  /** snake_case id, the key in `connectors`. */
  readonly id: string;
  /** The imported connector value. */
  readonly value: string;
  /** Module specifier of the import that binds `value`. */
  readonly importPath: string;
}

export interface ImportBinding {
  readonly declaration: TsApi.ImportDeclaration;
  readonly path: string;
}

export interface ParsedEntry {
  readonly id: string;
  readonly value: string;
  readonly node: TsApi.ObjectLiteralElementLike;
}

export interface ParsedRegistry {
  readonly ts: TypeScript;
  readonly file: TsApi.SourceFile;
  readonly text: string;
  readonly object: TsApi.ObjectLiteralExpression;
  readonly entries: readonly ParsedEntry[];
  readonly bindings: ReadonlyMap<string, ImportBinding>;
}

function where(parsed: Pick<ParsedRegistry, 'file'>, position: number): string {
  const { line, character } = parsed.file.getLineAndCharacterOfPosition(position);
  return `line ${line + 1}, column ${character + 1}`;
}

function unwrapInitializer(ts: TypeScript, node: TsApi.Expression): TsApi.Expression {
  let current = node;
  while (
    ts.isSatisfiesExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function findConnectorsObject(
  ts: TypeScript,
  file: TsApi.SourceFile,
): TsApi.ObjectLiteralExpression {
  const declarations = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations)
    .filter(
      (declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === 'connectors',
    );
  const [declaration, second] = declarations;
  if (declaration === undefined) {
    throw new RegistryError(
      'missing-declaration',
      'the registry has no top-level `connectors` declaration',
      [{ key: 'registry', rule: 'must declare `export const connectors = { … }`' }],
    );
  }
  if (second !== undefined) {
    throw new RegistryError('duplicate-declaration', '`connectors` is declared more than once', [
      { key: 'registry', rule: 'must declare `connectors` exactly once' },
    ]);
  }
  const initializer =
    declaration.initializer === undefined
      ? undefined
      : unwrapInitializer(ts, declaration.initializer);
  if (initializer === undefined || !ts.isObjectLiteralExpression(initializer)) {
    throw new RegistryError(
      'not-object-literal',
      '`connectors` is not initialised with an object literal',
      [{ key: 'registry', rule: '`connectors` must be an object literal' }],
    );
  }
  return initializer;
}

function readEntry(
  ts: TypeScript,
  file: TsApi.SourceFile,
  node: TsApi.ObjectLiteralElementLike,
): ParsedEntry {
  if (ts.isShorthandPropertyAssignment(node) && node.objectAssignmentInitializer === undefined) {
    return { id: node.name.text, value: node.name.text, node };
  }
  if (
    ts.isPropertyAssignment(node) &&
    (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
    ts.isIdentifier(node.initializer)
  ) {
    return { id: node.name.text, value: node.initializer.text, node };
  }
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  throw new RegistryError(
    'unsupported-entry',
    `registry entry at line ${line + 1} is not \`id: value\` or \`id\`: ${node.getText(file)}`,
    [
      {
        key: 'registry',
        value: node.getText(file),
        rule: 'entries must be `id: value` or shorthand `id`',
      },
    ],
  );
}

function readBindings(ts: TypeScript, file: TsApi.SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const declaration of file.statements) {
    if (!ts.isImportDeclaration(declaration) || !ts.isStringLiteral(declaration.moduleSpecifier))
      continue;
    const clause = declaration.importClause;
    if (clause === undefined || clause.isTypeOnly) continue;
    const binding = { declaration, path: declaration.moduleSpecifier.text };
    if (clause.name !== undefined) bindings.set(clause.name.text, binding);
    if (clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) {
        if (!element.isTypeOnly) bindings.set(element.name.text, binding);
      }
    }
  }
  return bindings;
}

/** Parses and checks a registry; throws RegistryError when it is malformed. */
export function parseRegistry(text: string): ParsedRegistry {
  const ts = loadTypeScript();
  // no parent pointers and no JSDoc parsing: positions are all we need
  const file = ts.createSourceFile(
    'registry.ts',
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    ts.ScriptKind.TS,
  );
  // parse errors are not public API but have been on SourceFile for every TypeScript release
  const diagnostics =
    (file as { parseDiagnostics?: readonly TsApi.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const [first] = diagnostics;
  if (first !== undefined) {
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    throw new RegistryError(
      'syntax',
      `the registry does not parse: ${message} (${where({ file }, first.start)})`,
      [{ key: 'registry', rule: `syntax error: ${message}` }],
    );
  }
  const object = findConnectorsObject(ts, file);
  const entries = object.properties.map((node) => readEntry(ts, file, node));
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) {
      throw new RegistryError('duplicate-id', `the registry lists "${entry.id}" more than once`, [
        { key: 'registry', value: entry.id, rule: 'each id must appear exactly once' },
      ]);
    }
    seen.add(entry.id);
  }
  const bindings = readBindings(ts, file);
  for (const entry of entries) {
    if (!bindings.has(entry.value)) {
      throw new RegistryError(
        'unknown-import',
        `registry entry "${entry.id}" refers to "${entry.value}", which no import declares`,
        [
          {
            key: 'registry',
            value: entry.id,
            rule: 'each entry must refer to an imported connector',
          },
        ],
      );
    }
  }
  return { ts, file, text, object, entries, bindings };
}

/** The connectors the registry lists, in source order. */
export function listRegistry(source: string): RegistryEntry[] {
  const parsed = parseRegistry(source);
  return parsed.entries.map(({ id, value }) => ({
    id,
    value,
    importPath: parsed.bindings.get(value)?.path ?? '',
  }));
}
