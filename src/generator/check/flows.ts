/**
 * @module Checklist: flows declared and implemented. Every flow in `flows` has a spec the
 * executor can run (method, url, responseSchema, handleResponse) made for that flow, the session
 * pattern's two flows are there, and a generated connector still has the flows it was made with.
 */

import { Node } from 'ts-morph';

import { OPTIONAL_FLOWS } from '../answers/flows.js';
import { functionOf } from './code-graph.js';
import type { ConnectorDefinition, FlowDefinition } from './definition.js';
import { locationOf } from './project.js';
import { fail, pass, warn, worst, type CheckItem, type CodeLocation } from './report.js';

const REQUIRED_FLOWS = ['CreateSessionToken', 'Authorize'] as const;
const SPEC_MEMBERS = ['method', 'url', 'responseSchema', 'handleResponse'] as const;
/** The spec members that run code: one that only throws leaves the flow unimplemented. */
const CODE_MEMBERS = ['url', 'body', 'headers', 'handleResponse'] as const;

interface Finding {
  /** warn: the check cannot read it, or it may be on purpose; fail: it cannot work. */
  readonly status: 'warn' | 'fail';
  readonly message: string;
  readonly location: CodeLocation;
}

/** A function whose whole body is one `throw`: a stub, not an implementation. */
function onlyThrows(fn: Node): boolean {
  const body =
    Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) ? fn.getBody() : undefined;
  const block =
    body ?? (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) ? fn.getBody() : undefined);
  if (block === undefined || !Node.isBlock(block)) return false;
  const statements = block.getStatements();
  return statements.length === 1 && Node.isThrowStatement(statements[0]);
}

function flowProblems(definition: ConnectorDefinition, flow: FlowDefinition): Finding[] {
  const { sources } = definition;
  const at = locationOf(sources, flow.member.node);
  if (flow.spec === undefined) {
    const message = `${flow.name}: its spec is not an object the check can follow`;
    return [{ status: 'warn', message, location: at }];
  }
  const found: Finding[] = [];
  if (flow.definedAs !== undefined && flow.definedAs !== flow.name) {
    found.push({
      status: 'fail',
      message: `${flow.name} is made by defineFlow('${flow.definedAs}', …)`,
      location: at,
    });
  }
  const missing = SPEC_MEMBERS.filter((member) => !flow.specMembers.has(member));
  if (missing.length > 0) {
    found.push({
      status: 'fail',
      message: `${flow.name} has no ${missing.join(', ')}`,
      location: at,
    });
  }
  for (const member of CODE_MEMBERS) {
    const value = flow.specMembers.get(member)?.value;
    const fn = value === undefined ? undefined : functionOf(sources, value);
    if (fn !== undefined && onlyThrows(fn)) {
      found.push({
        status: 'fail',
        message: `${flow.name}'s ${member} only throws: the flow is declared but not implemented`,
        location: locationOf(sources, fn),
      });
    }
  }
  return found;
}

/** Flows answered when the connector was generated that its code no longer has. */
function answeredButMissing(definition: ConnectorDefinition, declared: ReadonlySet<string>) {
  const answers = definition.sources.manifest?.answers;
  if (answers === undefined) return [];
  return OPTIONAL_FLOWS.filter((flow) => answers.flows.includes(flow) && !declared.has(flow));
}

export function checkFlows(definition: ConnectorDefinition): CheckItem {
  const { sources, flows } = definition;
  const where = locationOf(sources, definition.object);
  if (flows === undefined) {
    const member = definition.members.get('flows');
    const message =
      member === undefined
        ? 'the definition has no flows'
        : 'flows is not an object the check can follow: no flow is checked';
    return member === undefined
      ? fail('flows', message, [where])
      : warn('flows', message, [locationOf(sources, member.node)]);
  }
  const declared = new Set(flows.map((flow) => flow.name));
  const absent = REQUIRED_FLOWS.filter((flow) => !declared.has(flow));
  const missing = answeredButMissing(definition, declared);
  const findings: Finding[] = [
    ...(absent.length > 0
      ? [
          {
            status: 'fail',
            message: `${absent.join(' and ')} missing from flows`,
            location: where,
          } as const,
        ]
      : []),
    ...flows.flatMap((flow) => flowProblems(definition, flow)),
    ...(missing.length > 0
      ? [
          {
            status: 'warn',
            message: `answered at generation but not in the code: ${missing.join(', ')}`,
            location: where,
          } as const,
        ]
      : []),
  ];
  const names = flows.map((flow) => flow.name).join(', ');
  if (findings.length === 0) return pass('flows', `${names} declared and implemented`);
  const status = worst(findings.map((finding) => finding.status));
  const messages = findings.map((finding) => finding.message);
  const locations = findings.map((finding) => finding.location);
  return status === 'fail'
    ? fail('flows', messages.join('; '), locations)
    : warn('flows', [`${names} implemented`, ...messages].join('; '), locations);
}
