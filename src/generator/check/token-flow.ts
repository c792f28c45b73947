/**
 * @module Checklist: the token's way. CreateSessionToken's answer handler stores the token in
 * the flow data (`withSuccess(…, { sessionToken })`), and Authorize reads it back with
 * `getSessionToken(flowData)`, which refuses a missing token before any HTTP.
 */

import { type Node, SyntaxKind } from 'ts-morph';

import { functionOf, membersOf, objectOf, stringValue } from './code-graph.js';
import type { ConnectorDefinition, FlowDefinition } from './definition.js';
import { locationOf } from './project.js';
import { reachableFunctions, runtimeCalls } from './reach.js';
import { fail, pass, warn, type CheckItem } from './report.js';

/** The connector's functions behind a flow's members (`body`, `url`, …), and all they reach. */
export function flowCode(
  definition: ConnectorDefinition,
  flow: FlowDefinition,
  members: readonly string[],
): Node[] {
  const roots = members.flatMap((member) => {
    const value = flow.specMembers.get(member)?.value;
    const fn = value === undefined ? undefined : functionOf(definition.sources, value);
    return fn === undefined ? [] : [fn];
  });
  return reachableFunctions(definition.sources, roots);
}

/** The members of a flow spec that build its request. */
export const REQUEST_MEMBERS = ['url', 'headers', 'body'] as const;

function flowNamed(definition: ConnectorDefinition, name: string): FlowDefinition | undefined {
  return definition.flows?.find((flow) => flow.name === name);
}

export function checkTokenStored(definition: ConnectorDefinition): CheckItem {
  const { sources } = definition;
  const flow = flowNamed(definition, 'CreateSessionToken');
  if (flow === undefined)
    return fail('token-stored', 'there is no CreateSessionToken flow to store a token');
  const code = flowCode(definition, flow, ['handleResponse']);
  if (code.length === 0) {
    return warn(
      'token-stored',
      "CreateSessionToken's handleResponse is not a function the check can follow",
      [locationOf(sources, flow.member.node)],
    );
  }
  const patches = runtimeCalls(sources, code, 'withSuccess').flatMap((call) => {
    const patch = call.getArguments()[2];
    const object = patch === undefined ? undefined : objectOf(sources, patch);
    const members = object === undefined ? undefined : membersOf(sources, object);
    return members?.has('sessionToken') === true ? [{ call, members }] : [];
  });
  const stores = patches.map((patch) => patch.call);
  if (stores.length === 0) {
    return fail(
      'token-stored',
      "CreateSessionToken's handleResponse never stores the token: return withSuccess(routerData, { sessionToken }, { sessionToken })",
      [locationOf(sources, code[0]!)],
    );
  }
  // the seed's pitfall: a session answer is not a payment result, so Pending, never Charged
  const settled = patches.flatMap(({ members }) => {
    const status = members.get('status');
    const value = status === undefined ? undefined : stringValue(sources, status.value);
    return status !== undefined && value !== undefined && value !== 'Pending'
      ? [{ node: status.node, value }]
      : [];
  });
  if (settled.length > 0) {
    return warn(
      'token-stored',
      `CreateSessionToken stores the token but sets the payment's status to ${settled[0]!.value}: a session answer leaves it Pending`,
      settled.map((entry) => locationOf(sources, entry.node)),
    );
  }
  const at = locationOf(sources, stores[0]!);
  return pass(
    'token-stored',
    `CreateSessionToken stores the token in flowData.sessionToken (${at.file}:${at.line})`,
  );
}

export function checkTokenRead(definition: ConnectorDefinition): CheckItem {
  const { sources } = definition;
  const flow = flowNamed(definition, 'Authorize');
  if (flow === undefined) return fail('token-read', 'there is no Authorize flow to read the token');
  const code = flowCode(definition, flow, REQUEST_MEMBERS);
  const reads = runtimeCalls(sources, code, 'getSessionToken');
  if (reads.length > 0) {
    const at = locationOf(sources, reads[0]!);
    return pass(
      'token-read',
      `Authorize reads the token with getSessionToken (${at.file}:${at.line})`,
    );
  }
  const direct = code.flatMap((node) => [
    ...node
      .getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)
      .filter((access) => access.getName() === 'sessionToken'),
    ...node
      .getDescendantsOfKind(SyntaxKind.BindingElement)
      .filter(
        (element) =>
          (element.getPropertyNameNode()?.getText() ?? element.getName()) === 'sessionToken',
      ),
  ]);
  if (direct.length > 0) {
    return warn(
      'token-read',
      'Authorize reads flowData.sessionToken directly: a missing token is not refused before HTTP; use getSessionToken(flowData)',
      [locationOf(sources, direct[0]!)],
    );
  }
  return fail(
    'token-read',
    'Authorize never reads the session token: send getSessionToken(routerData.flowData) where the gateway expects it',
    [locationOf(sources, flow.member.node)],
  );
}
