/**
 * @module Following the connector's code through the AST: what a name stands for (a local
 * function, an object, a toolkit import), which functions a flow reaches, which toolkit
 * functions those call. The user's code can have any shape, so every step goes through the
 * compiler's symbols (aliases, re-exports, shorthand members), never through the text.
 */

import { Node, SyntaxKind, type ObjectLiteralExpression, type Symbol } from 'ts-morph';

import type { ImportTarget } from '../workspace.js';
import { localFile, toolkitTarget, type ConnectorSources } from './project.js';

/** A name imported from one of the toolkit's modules: `expectAuth` from the runtime. */
export interface ToolkitName {
  readonly target: ImportTarget;
  readonly name: string;
}

export type FunctionNode = Node; // arrow, function expression or declaration, method

const MAX_DEPTH = 16;

function isFunctionLike(node: Node): boolean {
  return (
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isFunctionDeclaration(node) ||
    Node.isMethodDeclaration(node)
  );
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`. */
function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (
      Node.isParenthesizedExpression(current) ||
      Node.isAsExpression(current) ||
      Node.isSatisfiesExpression(current) ||
      Node.isNonNullExpression(current) ||
      Node.isTypeAssertion(current)
    ) {
      current = current.getExpression();
    } else {
      return current;
    }
  }
}

function symbolOf(node: Node): Symbol | undefined {
  if (Node.isShorthandPropertyAssignment(node)) return node.getValueSymbol();
  return node.getSymbol();
}

/** The declarations a name refers to, through imports between the connector's files. */
export function declarationsOf(node: Node): Node[] {
  const symbol = symbolOf(node);
  if (symbol === undefined) return [];
  const aliased = symbol.getAliasedSymbol();
  const declarations = (aliased ?? symbol).getDeclarations();
  // an import the project does not hold (the toolkit) resolves to nothing: keep the import itself
  return declarations.length > 0 ? declarations : symbol.getDeclarations();
}

/**
 * The toolkit name `imported` from `specifier` in `fromFile` is, following the connector's own
 * re-exports (`export * from`, `export { x as y } from`, `import { x }; export { x }`).
 */
function toolkitExport(
  sources: ConnectorSources,
  specifier: string,
  fromFile: string,
  imported: string,
  depth = 0,
): ToolkitName | undefined {
  const target = toolkitTarget(sources.workspace, specifier, fromFile);
  if (target !== undefined) return { target, name: imported };
  const local = depth < MAX_DEPTH ? localFile(sources.workspace, fromFile, specifier) : undefined;
  const file = local === undefined ? undefined : sources.project.getSourceFile(local);
  if (file === undefined) return undefined;
  const follow = (next: string, name: string) =>
    toolkitExport(sources, next, file.getFilePath(), name, depth + 1);
  for (const declaration of file.getExportDeclarations()) {
    const from = declaration.getModuleSpecifierValue();
    const named = declaration.getNamedExports();
    if (from !== undefined && named.length === 0 && !declaration.isNamespaceExport()) {
      const found = follow(from, imported);
      if (found !== undefined) return found;
    }
    for (const entry of named) {
      if ((entry.getAliasNode()?.getText() ?? entry.getName()) !== imported) continue;
      if (from !== undefined) return follow(from, entry.getName());
      const binding = file
        .getImportDeclarations()
        .flatMap((each) => each.getNamedImports())
        .find((each) => (each.getAliasNode()?.getText() ?? each.getName()) === entry.getName());
      if (binding !== undefined) {
        return follow(binding.getImportDeclaration().getModuleSpecifierValue(), binding.getName());
      }
    }
  }
  return undefined;
}

/** The toolkit name `node` stands for (`expectAuth`, `rt.expectAuth`), if any. */
export function toolkitName(sources: ConnectorSources, node: Node): ToolkitName | undefined {
  const target = unwrap(node);
  if (Node.isPropertyAccessExpression(target)) {
    const namespace = declarationsOf(target.getExpression())[0];
    if (namespace === undefined || !Node.isNamespaceImport(namespace)) return undefined;
    const declaration = namespace.getParentOrThrow().getParentOrThrow();
    if (!Node.isImportDeclaration(declaration)) return undefined;
    return toolkitExport(
      sources,
      declaration.getModuleSpecifierValue(),
      declaration.getSourceFile().getFilePath(),
      target.getName(),
    );
  }
  if (!Node.isIdentifier(target) && !Node.isShorthandPropertyAssignment(target)) return undefined;
  for (const declaration of declarationsOf(target)) {
    if (!Node.isImportSpecifier(declaration)) continue;
    const found = toolkitExport(
      sources,
      declaration.getImportDeclaration().getModuleSpecifierValue(),
      declaration.getSourceFile().getFilePath(),
      declaration.getName(),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether `node` is the runtime's `name` (under any local alias). */
export function isRuntime(sources: ConnectorSources, node: Node, name: string): boolean {
  const found = toolkitName(sources, node);
  return found?.target === 'runtime' && found.name === name;
}

function inProject(sources: ConnectorSources, node: Node): boolean {
  return sources.files.includes(node.getSourceFile());
}

/**
 * What an expression evaluates to, followed through local constants and imports between the
 * connector's files: an object literal, a function, a call, a literal. Undefined for parameters
 * and toolkit imports.
 */
export function valueOf(sources: ConnectorSources, node: Node, depth = 0): Node | undefined {
  const target = unwrap(node);
  if (depth > MAX_DEPTH) return undefined;
  if (!Node.isIdentifier(target) && !Node.isShorthandPropertyAssignment(target)) return target;
  for (const declaration of declarationsOf(target)) {
    if (!inProject(sources, declaration)) continue;
    if (Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      if (initializer !== undefined) return valueOf(sources, initializer, depth + 1);
    } else if (Node.isFunctionDeclaration(declaration)) {
      return declaration;
    }
  }
  return undefined;
}

/** The function an expression evaluates to, if it is one of the connector's own. */
export function functionOf(sources: ConnectorSources, node: Node): FunctionNode | undefined {
  const value = valueOf(sources, node);
  return value !== undefined && isFunctionLike(value) ? value : undefined;
}

/**
 * The object literal an expression evaluates to: the literal itself, or the object argument of
 * a call that wraps one (`defineConnector({…})`, `defineFlow('Authorize', {…})`).
 */
export function objectOf(
  sources: ConnectorSources,
  node: Node,
  depth = 0,
): ObjectLiteralExpression | undefined {
  const value = valueOf(sources, node);
  if (value === undefined || depth > MAX_DEPTH) return undefined;
  if (Node.isObjectLiteralExpression(value)) return value;
  if (Node.isCallExpression(value)) {
    for (const argument of [...value.getArguments()].reverse()) {
      const found = objectOf(sources, argument, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A member of an object literal: the node that names it and the node giving its value. */
export interface Member {
  readonly node: Node;
  /** The value expression, or the method itself. */
  readonly value: Node;
}

function memberName(node: Node): string | undefined {
  if (
    Node.isPropertyAssignment(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isShorthandPropertyAssignment(node)
  ) {
    const name = node.getNameNode();
    if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
    if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) {
      return name.getLiteralText();
    }
  }
  return undefined;
}

/** Every member of an object literal by name, spreads of known objects included; last wins. */
export function membersOf(
  sources: ConnectorSources,
  object: ObjectLiteralExpression,
  depth = 0,
): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const property of object.getProperties()) {
    if (Node.isSpreadAssignment(property)) {
      const spread = depth < MAX_DEPTH ? objectOf(sources, property.getExpression()) : undefined;
      if (spread !== undefined) {
        for (const [name, member] of membersOf(sources, spread, depth + 1)) {
          members.set(name, member);
        }
      }
      continue;
    }
    const name = memberName(property);
    if (name === undefined) continue;
    // a shorthand member and a method stand for their own value
    const value = Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : property;
    members.set(name, { node: property, value });
  }
  return members;
}

/** The identifiers in `node` that refer to something (not member names after a dot). */
function references(node: Node): Node[] {
  return node.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => {
    const parent = identifier.getParent();
    return !(Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier);
  });
}

/**
 * The connector's own functions `roots` reach by calling or passing them on, roots included:
 * the code a flow runs, across the connector's files.
 */
export function reachableFunctions(
  sources: ConnectorSources,
  roots: readonly Node[],
): FunctionNode[] {
  const seen = new Set<Node>(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const named = [
      ...references(current),
      ...current.getDescendantsOfKind(SyntaxKind.ShorthandPropertyAssignment),
    ];
    for (const reference of named) {
      for (const declaration of declarationsOf(reference)) {
        if (!inProject(sources, declaration)) continue;
        const target = Node.isVariableDeclaration(declaration)
          ? declaration.getInitializer()
          : declaration;
        if (target === undefined || !isFunctionLike(unwrap(target))) continue;
        const fn = unwrap(target);
        if (!seen.has(fn)) {
          seen.add(fn);
          queue.push(fn);
        }
      }
    }
  }
  return [...seen];
}

/** Every call in `nodes` (nested functions included). */
export function callsIn(nodes: readonly Node[]) {
  return nodes.flatMap((node) => node.getDescendantsOfKind(SyntaxKind.CallExpression));
}

/** The calls in `nodes` of the runtime's `name`. */
export function runtimeCalls(sources: ConnectorSources, nodes: readonly Node[], name: string) {
  return callsIn(nodes).filter((call) => isRuntime(sources, call.getExpression(), name));
}

/** The string an expression gives literally (through constants); undefined when computed. */
export function stringValue(sources: ConnectorSources, node: Node | undefined): string | undefined {
  const value = node === undefined ? undefined : valueOf(sources, node);
  return value !== undefined &&
    (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))
    ? value.getLiteralText()
    : undefined;
}
