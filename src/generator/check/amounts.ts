/**
 * @module Checklist: amounts converted by the declared converter. `amountConverter` is one of the
 * runtime's converters, `flowDefiner` is bound to the same one, and each flow that reads an
 * amount from its request converts it (`ctx.convertAmount`, or the declared converter) before
 * it goes on the wire.
 */

import { Node, SyntaxKind } from 'ts-morph';

import { AMOUNT_TYPES } from '../../runtime/amount.js';
import type { ConnectorDefinition, FlowDefinition } from './definition.js';
import { locationOf } from './project.js';
import { callsIn } from './reach.js';
import { fail, pass, warn, type CheckItem, type CodeLocation } from './report.js';
import { flowCode, REQUEST_MEMBERS } from './token-flow.js';
import { toolkitName } from './toolkit-names.js';

const CONVERTERS: ReadonlySet<string> = new Set(AMOUNT_TYPES);
/** The request members that hold an amount in minor units. */
const AMOUNT_MEMBERS: ReadonlySet<string> = new Set([
  'amount',
  'amountToCapture',
  'refundAmount',
  'paymentAmount',
]);

/** `request` or `….request`: the flow's request data. */
function isRequestData(node: Node): boolean {
  if (Node.isIdentifier(node)) return node.getText() === 'request';
  return Node.isPropertyAccessExpression(node) && node.getName() === 'request';
}

/** Where a flow's code reads an amount of its request data. */
function amountReads(code: readonly Node[]): Node[] {
  const accesses = code
    .flatMap((node) => node.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression))
    .filter(
      (access) => AMOUNT_MEMBERS.has(access.getName()) && isRequestData(access.getExpression()),
    );
  const bindings = code
    .flatMap((node) => node.getDescendantsOfKind(SyntaxKind.BindingElement))
    .filter((element) => {
      const name = element.getPropertyNameNode()?.getText() ?? element.getName();
      const declaration = element.getParent().getParent();
      const source = Node.isVariableDeclaration(declaration)
        ? declaration.getInitializer()
        : undefined;
      return AMOUNT_MEMBERS.has(name) && source !== undefined && isRequestData(source);
    });
  return [...accesses, ...bindings];
}

interface Conversions {
  /** `ctx.convertAmount(…)`, or the declared converter's `convert`. */
  readonly declared: Node[];
  /** Another converter's `convert`, with its name. */
  readonly other: Array<{ readonly node: Node; readonly converter: string }>;
}

function conversions(
  definition: ConnectorDefinition,
  code: readonly Node[],
  declared: string | undefined,
): Conversions {
  const result: Conversions = { declared: [], other: [] };
  for (const call of callsIn(code)) {
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee)
      ? callee.getName()
      : Node.isIdentifier(callee)
        ? callee.getText()
        : '';
    if (name === 'convertAmount') {
      result.declared.push(call);
    } else if (Node.isPropertyAccessExpression(callee) && name === 'convert') {
      const converter = toolkitName(definition.sources, callee.getExpression());
      if (converter?.target !== 'runtime' || !CONVERTERS.has(converter.name)) continue;
      if (converter.name === declared) result.declared.push(call);
      else result.other.push({ node: call, converter: converter.name });
    }
  }
  return result;
}

function declaredConverter(definition: ConnectorDefinition): string | undefined {
  const member = definition.members.get('amountConverter');
  const found = member === undefined ? undefined : toolkitName(definition.sources, member.value);
  return found?.target === 'runtime' && CONVERTERS.has(found.name) ? found.name : undefined;
}

/** `flowDefiner(X)` calls whose converter is not the declared one. */
function definerMismatches(definition: ConnectorDefinition, declared: string): Node[] {
  return definition.sources.files
    .flatMap((file) => file.getDescendantsOfKind(SyntaxKind.CallExpression))
    .filter((call) => toolkitName(definition.sources, call.getExpression())?.name === 'flowDefiner')
    .filter((call) => {
      const [argument] = call.getArguments();
      const converter =
        argument === undefined ? undefined : toolkitName(definition.sources, argument);
      return converter !== undefined && converter.name !== declared;
    });
}

export function checkAmounts(definition: ConnectorDefinition): CheckItem {
  const { sources } = definition;
  const member = definition.members.get('amountConverter');
  if (member === undefined) {
    return fail('amounts', 'no amountConverter: amounts go on the wire in no declared format', [
      locationOf(sources, definition.object),
    ]);
  }
  const declared = declaredConverter(definition);
  const problems: string[] = [];
  const locations: CodeLocation[] = [];
  if (declared !== undefined) {
    for (const call of definerMismatches(definition, declared)) {
      problems.push(
        `${call.getText()} is bound to another converter than amountConverter ${declared}`,
      );
      locations.push(locationOf(sources, call));
    }
  }
  const converting: string[] = [];
  for (const flow of definition.flows ?? []) {
    const finding = flowAmounts(definition, flow, declared);
    if (finding === 'converts') converting.push(flow.name);
    else if (finding !== 'none') {
      problems.push(finding.message);
      locations.push(finding.location);
    }
  }
  if (problems.length > 0) return fail('amounts', problems.join('; '), locations);
  const used =
    converting.length === 0
      ? 'no flow sends an amount'
      : `${converting.join(', ')} ${converting.length === 1 ? 'converts' : 'convert'} with it`;
  if (declared === undefined) {
    return warn(
      'amounts',
      `amountConverter is not one of the runtime's (${[...CONVERTERS].join(', ')}); ${used}`,
      [locationOf(sources, member.node)],
    );
  }
  return pass('amounts', `${declared} declared; ${used}`);
}

function flowAmounts(
  definition: ConnectorDefinition,
  flow: FlowDefinition,
  declared: string | undefined,
): 'none' | 'converts' | { message: string; location: CodeLocation } {
  const code = flowCode(definition, flow, REQUEST_MEMBERS);
  const found = conversions(definition, code, declared);
  const wrong = found.other[0];
  if (wrong !== undefined) {
    return {
      message: `${flow.name} converts with ${wrong.converter}, but the connector declares ${declared ?? 'another converter'}: use ctx.convertAmount`,
      location: locationOf(definition.sources, wrong.node),
    };
  }
  if (found.declared.length > 0) return 'converts';
  const reads = amountReads(code);
  if (reads.length === 0) return 'none';
  return {
    message: `${flow.name} sends the amount unconverted (${reads[0]!.getText()}): use ctx.convertAmount(amount, currency)`,
    location: locationOf(definition.sources, reads[0]!),
  };
}
