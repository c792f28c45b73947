/**
 * @module Following the connector's values through the AST: what a name refers to, what an
 * expression evaluates to (a local constant, function or object, across the connector's files),
 * an object literal's members. The user's code can have any shape, so every step goes through
 * the compiler's symbols (aliases, re-exports, shorthand members), never through the text.
 */

import { Node, SyntaxKind, type ObjectLiteralExpression, type Symbol } from 'ts-morph';

import type { ConnectorSources } from './project.js';

export type FunctionNode = Node; // arrow, function expression or declaration, method

export const MAX_DEPTH = 16;

export function isFunctionLike(node: Node): boolean {
  return (
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isFunctionDeclaration(node) ||
    Node.isMethodDeclaration(node)
  );
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`. */
export function unwrap(node: Node): Node {
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

export function inProject(sources: ConnectorSources, node: Node): boolean {
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

/** What a function returns: its expression body, or each `return` of its own (not nested ones). */
export function returnedExpressions(fn: FunctionNode): Node[] {
  const body =
    Node.isArrowFunction(fn) ||
    Node.isFunctionExpression(fn) ||
    Node.isFunctionDeclaration(fn) ||
    Node.isMethodDeclaration(fn)
      ? fn.getBody()
      : undefined;
  if (body === undefined) return [];
  if (!Node.isBlock(body)) return [body];
  return body
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((statement) => statement.getFirstAncestor(isFunctionLike) === fn)
    .flatMap((statement) => {
      const expression = statement.getExpression();
      return expression === undefined ? [] : [expression];
    });
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
    // a local function that builds the object: what it returns
    const callee = functionOf(sources, value.getExpression());
    for (const returned of callee === undefined ? [] : returnedExpressions(callee)) {
      const found = objectOf(sources, returned, depth + 1);
      if (found !== undefined) return found;
    }
    // a wrapper around it: `defineConnector({…})`, `defineFlow('Authorize', {…})`
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

/** The string an expression gives literally (through constants); undefined when computed. */
export function stringValue(sources: ConnectorSources, node: Node | undefined): string | undefined {
  const value = node === undefined ? undefined : valueOf(sources, node);
  return value !== undefined &&
    (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))
    ? value.getLiteralText()
    : undefined;
}
