/**
 * @module The connector's definition as the checks read it: the object given to
 * `defineConnector`, its members, and one spec per flow it declares.
 */

import { Node, type ObjectLiteralExpression } from 'ts-morph';

import { UsageError } from '../errors.js';
import { membersOf, objectOf, type Member } from './code-graph.js';
import type { ConnectorSources } from './project.js';

export interface FlowDefinition {
  /** The key in `flows`. */
  readonly name: string;
  readonly member: Member;
  /** The spec's object literal, when it can be followed there. */
  readonly spec: ObjectLiteralExpression | undefined;
  readonly specMembers: ReadonlyMap<string, Member>;
  /** The flow name given to `defineFlow(name, …)`, when the spec is made so. */
  readonly definedAs: string | undefined;
}

export interface ConnectorDefinition {
  readonly sources: ConnectorSources;
  /** The `defineConnector({…})` call, or the object standing for the connector. */
  readonly node: Node;
  readonly object: ObjectLiteralExpression;
  readonly members: ReadonlyMap<string, Member>;
  /** Undefined when `flows` is missing or cannot be followed to an object. */
  readonly flows: readonly FlowDefinition[] | undefined;
}

function definedAs(value: Node): string | undefined {
  const call = Node.isCallExpression(value) ? value : undefined;
  const first = call?.getArguments()[0];
  return first !== undefined && Node.isStringLiteral(first) ? first.getLiteralText() : undefined;
}

function flowsOf(
  sources: ConnectorSources,
  members: ReadonlyMap<string, Member>,
): FlowDefinition[] | undefined {
  const flows = members.get('flows');
  const object = flows === undefined ? undefined : objectOf(sources, flows.value);
  if (object === undefined) return undefined;
  return [...membersOf(sources, object)].map(([name, member]) => {
    const spec = objectOf(sources, member.value);
    return {
      name,
      member,
      spec,
      specMembers: spec === undefined ? new Map() : membersOf(sources, spec),
      definedAs: definedAs(member.value),
    };
  });
}

/** The exported connector's definition; a usage error when it is not built from an object. */
export function readDefinition(sources: ConnectorSources): ConnectorDefinition {
  const { entryFile, exportName } = sources;
  const declaration = entryFile.getExportedDeclarations().get(exportName)?.[0];
  const initializer =
    declaration !== undefined && Node.isVariableDeclaration(declaration)
      ? declaration.getInitializer()
      : undefined;
  const object = initializer === undefined ? undefined : objectOf(sources, initializer);
  if (initializer === undefined || object === undefined) {
    const file = entryFile.getBaseName();
    throw new UsageError(
      `${sources.id}: ${file} does not export "${exportName}" as defineConnector({ … })`,
      {
        issues: [
          {
            key: 'id',
            value: sources.id,
            rule: `its module must export const ${exportName} = defineConnector({ … })`,
          },
        ],
      },
    );
  }
  const members = membersOf(sources, object);
  return {
    sources,
    node: initializer,
    object,
    members,
    flows: flowsOf(sources, members),
  };
}
