/**
 * @module Checklist: error responses built for every flow. The connector builds an ErrorResponse
 * from a non-2xx answer (`buildErrorResponse`, or a flow's own), and each flow's answer handler
 * records the gateway's in-band refusals with `withError` rather than passing them as success.
 */

import type { Node } from 'ts-morph';

import { functionOf } from './code-graph.js';
import type { ConnectorDefinition, FlowDefinition } from './definition.js';
import { locationOf } from './project.js';
import { runtimeCalls } from './reach.js';
import { fail, pass, type CheckItem, type CodeLocation } from './report.js';
import { flowCode } from './token-flow.js';
import { toolkitName } from './toolkit-names.js';

/** A builder is the connector's own function or one the toolkit exports. */
function isBuilder(definition: ConnectorDefinition, value: Node | undefined): boolean {
  if (value === undefined) return false;
  return (
    functionOf(definition.sources, value) !== undefined ||
    toolkitName(definition.sources, value) !== undefined
  );
}

function handlesRefusals(definition: ConnectorDefinition, flow: FlowDefinition): boolean {
  const code = flowCode(definition, flow, ['handleResponse']);
  return runtimeCalls(definition.sources, code, 'withError').length > 0;
}

export function checkErrorResponses(definition: ConnectorDefinition): CheckItem {
  const { sources } = definition;
  const shared = definition.members.get('buildErrorResponse');
  const problems: string[] = [];
  const locations: CodeLocation[] = [];
  const flows = definition.flows ?? [];
  const withoutBuilder = flows.filter(
    (flow) => !isBuilder(definition, flow.specMembers.get('buildErrorResponse')?.value),
  );
  if (!isBuilder(definition, shared?.value) && withoutBuilder.length > 0) {
    problems.push(
      `no buildErrorResponse: non-2xx answers of ${withoutBuilder.map((flow) => flow.name).join(', ')} have no ErrorResponse`,
    );
    locations.push(locationOf(sources, shared?.node ?? definition.object));
  }
  const silent = flows.filter((flow) => !handlesRefusals(definition, flow));
  if (silent.length > 0) {
    problems.push(
      `${silent.map((flow) => flow.name).join(', ')}: handleResponse never returns withError(…), so a refusal in a 2xx answer passes as success`,
    );
    locations.push(
      ...silent.map((flow) =>
        locationOf(sources, flow.specMembers.get('handleResponse')?.node ?? flow.member.node),
      ),
    );
  }
  if (problems.length > 0) return fail('error-responses', problems.join('; '), locations);
  return pass(
    'error-responses',
    `non-2xx answers and in-band refusals become ErrorResponses in ${flows.map((flow) => flow.name).join(', ')}`,
  );
}
