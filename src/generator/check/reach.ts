/**
 * @module The code a flow runs: the connector's own functions its members reach by calling or
 * passing them on, across its files, and the toolkit functions that code calls.
 */

import { Node, SyntaxKind, type CallExpression } from 'ts-morph';

import {
  declarationsOf,
  inProject,
  isFunctionLike,
  unwrap,
  type FunctionNode,
} from './code-graph.js';
import type { ConnectorSources } from './project.js';
import { isRuntime } from './toolkit-names.js';

/** The identifiers in `node` that refer to something (not member names after a dot). */
function references(node: Node): Node[] {
  return node.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => {
    const parent = identifier.getParent();
    return !(Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier);
  });
}

/** The connector's functions `node` names directly; kept per node, every item walks the same code. */
const edges = new WeakMap<Node, readonly FunctionNode[]>();

function namedFunctions(sources: ConnectorSources, node: Node): readonly FunctionNode[] {
  const known = edges.get(node);
  if (known !== undefined) return known;
  const named = [
    ...references(node),
    ...node.getDescendantsOfKind(SyntaxKind.ShorthandPropertyAssignment),
  ];
  const found = new Set<FunctionNode>();
  for (const reference of named) {
    for (const declaration of declarationsOf(reference)) {
      if (!inProject(sources, declaration)) continue;
      const target = Node.isVariableDeclaration(declaration)
        ? declaration.getInitializer()
        : declaration;
      if (target !== undefined && isFunctionLike(unwrap(target))) found.add(unwrap(target));
    }
  }
  const result = [...found];
  edges.set(node, result);
  return result;
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
    for (const fn of namedFunctions(sources, queue.shift()!)) {
      if (!seen.has(fn)) {
        seen.add(fn);
        queue.push(fn);
      }
    }
  }
  return [...seen];
}

const calls = new WeakMap<Node, readonly CallExpression[]>();

/** Every call in `nodes` (nested functions included), each once. */
export function callsIn(nodes: readonly Node[]): CallExpression[] {
  const found = new Set<CallExpression>();
  for (const node of nodes) {
    let inNode = calls.get(node);
    if (inNode === undefined) {
      inNode = node.getDescendantsOfKind(SyntaxKind.CallExpression);
      calls.set(node, inNode);
    }
    for (const call of inNode) found.add(call);
  }
  return [...found];
}

/** The calls in `nodes` of the runtime's `name`. */
export function runtimeCalls(sources: ConnectorSources, nodes: readonly Node[], name: string) {
  return callsIn(nodes).filter((call) => isRuntime(sources, call.getExpression(), name));
}
