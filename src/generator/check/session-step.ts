/**
 * @module Checklist: the session step is wired. `validation.shouldDoSessionToken()` returns true
 * (UCS's ValidationTrait; without it the router never runs CreateSessionToken), the
 * CreateSessionToken flow exists, and `sessionToken` says where Authorize carries the token.
 */

import { Node } from 'ts-morph';

import {
  functionOf,
  membersOf,
  objectOf,
  returnedExpressions,
  stringValue,
  valueOf,
} from './code-graph.js';
import type { ConnectorDefinition } from './definition.js';
import { locationOf, type ConnectorSources } from './project.js';
import { fail, pass, warn, type CheckItem } from './report.js';

type Returns = 'true' | 'false' | 'unknown';

/** What a function returns, when every return of it is a boolean literal (through constants). */
function returnedBoolean(sources: ConnectorSources, fn: Node): Returns {
  const values = returnedExpressions(fn).map((expression): Returns => {
    const value = valueOf(sources, expression);
    if (value !== undefined && Node.isTrueLiteral(value)) return 'true';
    if (value !== undefined && Node.isFalseLiteral(value)) return 'false';
    return 'unknown';
  });
  if (values.length === 0 || values.includes('unknown')) return 'unknown';
  return values.every((value) => value === 'true') ? 'true' : 'false';
}

export function checkSessionStep(definition: ConnectorDefinition): CheckItem {
  const { sources, members } = definition;
  const here = locationOf(sources, definition.object);
  const validation = members.get('validation');
  const hooks = validation === undefined ? undefined : objectOf(sources, validation.value);
  const hook =
    hooks === undefined ? undefined : membersOf(sources, hooks).get('shouldDoSessionToken');
  const fn = hook === undefined ? undefined : functionOf(sources, hook.value);
  if (hook === undefined || fn === undefined) {
    return fail(
      'session-step',
      'no validation.shouldDoSessionToken(): the session step never runs',
      [validation === undefined ? here : locationOf(sources, validation.node)],
    );
  }
  const returns = returnedBoolean(sources, fn);
  if (returns === 'false') {
    return fail(
      'session-step',
      'validation.shouldDoSessionToken() returns false: CreateSessionToken never runs before Authorize',
      [locationOf(sources, fn)],
    );
  }
  if (
    definition.flows !== undefined &&
    !definition.flows.some((flow) => flow.name === 'CreateSessionToken')
  ) {
    return fail(
      'session-step',
      'shouldDoSessionToken() is set but flows has no CreateSessionToken',
      [here],
    );
  }
  const usage = members.get('sessionToken');
  const usageObject = usage === undefined ? undefined : objectOf(sources, usage.value);
  if (usageObject === undefined) {
    return fail(
      'session-step',
      'no sessionToken: { placement, name }: nothing says where Authorize carries the token',
      [here],
    );
  }
  const usageMembers = membersOf(sources, usageObject);
  const placement = stringValue(sources, usageMembers.get('placement')?.value);
  const name = stringValue(sources, usageMembers.get('name')?.value);
  const carried =
    placement !== undefined && name !== undefined
      ? `; Authorize carries it in ${placement} "${name}"`
      : '';
  if (returns === 'unknown') {
    return warn(
      'session-step',
      `validation.shouldDoSessionToken() does not return a plain true; the check cannot tell whether the session step runs${carried}`,
      [locationOf(sources, fn)],
    );
  }
  return pass('session-step', `validation.shouldDoSessionToken() returns true${carried}`);
}
