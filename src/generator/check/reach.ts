/**
 * @module The code a flow runs: the connector's own functions its members reach by calling or
 * passing them on, across its files, and the toolkit functions that code calls.
 */

import { Node, SyntaxKind } from 'ts-morph';

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
