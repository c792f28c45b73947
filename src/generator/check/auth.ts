/**
 * @module Checklist: credentials narrowed with a clear error. The code that builds requests reads
 * credentials only after `expectAuth(auth, [...types], id)` (or its own throw of
 * FAILED_TO_OBTAIN_AUTH_TYPE), never by a cast, and accepts the types `authTypes` declares.
 */

import { Node, SyntaxKind } from 'ts-morph';

import { AUTH_TYPE_NAMES } from '../../runtime/auth.js';
import { functionOf, valueOf } from './code-graph.js';
import type { ConnectorDefinition } from './definition.js';
import { locationOf } from './project.js';
import { reachableFunctions, runtimeCalls } from './reach.js';
import { fail, pass, warn, type CheckItem } from './report.js';
import { isRuntime, toolkitName } from './toolkit-names.js';

const CREDENTIAL_MEMBERS: ReadonlySet<string> = new Set(['apiKey', 'key1', 'apiSecret', 'key2']);
const AUTH_TYPES: ReadonlySet<string> = new Set(AUTH_TYPE_NAMES);
const CONNECTOR_MEMBERS = ['authHeaders', 'buildHeaders'] as const;
const FLOW_MEMBERS = ['url', 'headers', 'body', 'handleResponse'] as const;

/** Every function of the connector that runs with credentials at hand. */
function credentialCode(definition: ConnectorDefinition): Node[] {
  const { sources } = definition;
  const values = [
    ...CONNECTOR_MEMBERS.map((member) => definition.members.get(member)?.value),
    ...(definition.flows ?? []).flatMap((flow) =>
      FLOW_MEMBERS.map((member) => flow.specMembers.get(member)?.value),
    ),
  ];
  const roots = values.flatMap((value) => {
    const fn = value === undefined ? undefined : functionOf(sources, value);
    return fn === undefined ? [] : [fn];
  });
  return reachableFunctions(sources, roots);
}

/** The string literals of an array expression (followed through constants). */
function stringsOf(definition: ConnectorDefinition, node: Node | undefined): string[] | undefined {
  const value = node === undefined ? undefined : valueOf(definition.sources, node);
  if (value === undefined || !Node.isArrayLiteralExpression(value)) return undefined;
  const texts = value.getElements().map((element) => {
    const item = valueOf(definition.sources, element);
    return item !== undefined && Node.isStringLiteral(item) ? item.getLiteralText() : undefined;
  });
  return texts.every((text) => text !== undefined) ? (texts as string[]) : undefined;
}

/** `x as SignatureKey`: credentials taken for a type without asking them. */
function casts(definition: ConnectorDefinition, code: readonly Node[]): Node[] {
  return code
    .flatMap((node) => [
      ...node.getDescendantsOfKind(SyntaxKind.AsExpression),
      ...node.getDescendantsOfKind(SyntaxKind.TypeAssertionExpression),
    ])
    .filter((cast) => {
      const type = cast.getTypeNode();
      if (type === undefined || !Node.isTypeReference(type)) return false;
      const name = type.getTypeName();
      const found = toolkitName(definition.sources, name);
      return found?.target === 'runtime' && AUTH_TYPES.has(found.name);
    });
}

/** `throw new IntegrationError('FAILED_TO_OBTAIN_AUTH_TYPE', …)`: narrowing written by hand. */
function ownNarrowing(definition: ConnectorDefinition, code: readonly Node[]): Node[] {
  return code
    .flatMap((node) => node.getDescendantsOfKind(SyntaxKind.NewExpression))
    .filter((created) => {
      const [code0] = created.getArguments();
      return (
        isRuntime(definition.sources, created.getExpression(), 'IntegrationError') &&
        code0 !== undefined &&
        Node.isStringLiteral(code0) &&
        code0.getLiteralText() === 'FAILED_TO_OBTAIN_AUTH_TYPE'
      );
    });
}

export function checkAuth(definition: ConnectorDefinition): CheckItem {
  const { sources } = definition;
  const code = credentialCode(definition);
  const cast = casts(definition, code);
  if (cast.length > 0) {
    return fail(
      'auth',
      `credentials are cast (${cast[0]!.getText()}) instead of narrowed: use expectAuth(auth, [...types], id)`,
      cast.map((node) => locationOf(sources, node)),
    );
  }
  const narrowings = runtimeCalls(sources, code, 'expectAuth');
  const own = ownNarrowing(definition, code);
  const reads = code
    .flatMap((node) => node.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression))
    .filter((access) => CREDENTIAL_MEMBERS.has(access.getName()));
  if (narrowings.length === 0 && own.length === 0) {
    if (reads.length === 0) {
      return warn('auth', 'the connector never reads credentials; nothing is narrowed');
    }
    return fail(
      'auth',
      `credentials are read (.${reads[0]!.getName()}) without narrowing: a wrong credential type fails with no clear error; use expectAuth(auth, [...types], id)`,
      [locationOf(sources, reads[0]!)],
    );
  }
  const declared = stringsOf(definition, definition.members.get('authTypes')?.value);
  const accepted = narrowings.map((call) => stringsOf(definition, call.getArguments()[1]));
  if (declared !== undefined && accepted.every((list) => list !== undefined)) {
    const acceptedTypes = new Set(accepted.flat());
    const refused = declared.filter((type) => !acceptedTypes.has(type));
    if (refused.length > 0 && own.length === 0) {
      return warn(
        'auth',
        `authTypes declares ${refused.join(', ')}, which no expectAuth accepts: such credentials pass the executor and fail in the flow`,
        [locationOf(sources, narrowings[0]!)],
      );
    }
  }
  const at = locationOf(sources, narrowings[0] ?? own[0]!);
  const how = narrowings.length > 0 ? 'expectAuth' : 'FAILED_TO_OBTAIN_AUTH_TYPE';
  return pass('auth', `credentials narrowed with ${how} (${at.file}:${at.line})`);
}
