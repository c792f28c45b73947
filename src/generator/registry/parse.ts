/**
 * @module The registry read with TypeScript's parser: the full path, for any text the scanner's
 * fast path does not cover. It reports syntax errors and a malformed `connectors` declaration
 * or entry as RegistryError, and otherwise gives the same layout the fast path gives.
 */

import type { ts as TsApi } from 'ts-morph';

import { RegistryError } from '../errors.js';
import type { TypeScript } from './load-typescript.js';
import type { EntryLayout, ImportClauseLayout, ImportLayout, RegistryLayout } from './layout.js';

function where(file: TsApi.SourceFile, position: number): string {
  const { line, character } = file.getLineAndCharacterOfPosition(position);
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
): EntryLayout {
  const extent = { pos: node.pos, start: node.getStart(file), end: node.end };
  if (ts.isShorthandPropertyAssignment(node) && node.objectAssignmentInitializer === undefined) {
    return { id: node.name.text, value: node.name.text, ...extent };
  }
  if (
    ts.isPropertyAssignment(node) &&
    (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
    ts.isIdentifier(node.initializer)
  ) {
    return { id: node.name.text, value: node.initializer.text, ...extent };
  }
  const { line } = file.getLineAndCharacterOfPosition(extent.start);
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

function readClause(
  ts: TypeScript,
  file: TsApi.SourceFile,
  clause: TsApi.ImportClause,
): ImportClauseLayout {
  const bindings = clause.namedBindings;
  return {
    typeOnly: clause.isTypeOnly,
    name: clause.name?.text,
    named:
      bindings !== undefined && ts.isNamedImports(bindings)
        ? bindings.elements.map((element) => ({
            name: element.name.text,
            typeOnly: element.isTypeOnly,
            start: element.getStart(file),
            end: element.end,
          }))
        : undefined,
  };
}

function readImport(
  ts: TypeScript,
  file: TsApi.SourceFile,
  declaration: TsApi.ImportDeclaration,
): ImportLayout {
  const clause = declaration.importClause;
  return {
    pos: declaration.pos,
    start: declaration.getStart(file),
    end: declaration.end,
    specifier: ts.isStringLiteral(declaration.moduleSpecifier)
      ? declaration.moduleSpecifier.text
      : undefined,
    clause: clause === undefined ? undefined : readClause(ts, file, clause),
  };
}

/** Parses the registry in full; throws RegistryError for a syntax error or a malformed object. */
export function parseRegistryLayout(ts: TypeScript, text: string): RegistryLayout {
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
      `the registry does not parse: ${message} (${where(file, first.start)})`,
      [{ key: 'registry', rule: `syntax error: ${message}` }],
    );
  }
  const object = findConnectorsObject(ts, file);
  const entries = object.properties.map((node) => readEntry(ts, file, node));
  const imports = file.statements
    .filter(ts.isImportDeclaration)
    .map((declaration) => readImport(ts, file, declaration));
  const [firstStatement] = file.statements;
  const properties = object.properties;
  return {
    imports,
    // the connectors declaration is a statement, so there is a first one
    firstStatement: firstStatement === undefined ? text.length : firstStatement.getStart(file),
    open: object.getStart(file),
    close: object.end - 1,
    entries,
    trailingComma: properties.hasTrailingComma ? properties.end : undefined,
  };
}
