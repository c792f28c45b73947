/**
 * @module `check`: the seed's integration checklist over one registered connector. One ts-morph
 * Project reads its code (project.ts, definition.ts; an item per module), then its tests and the
 * conformance suite run under the workspace's vitest (test-runs.ts).
 */

import { checkAmounts } from './amounts.js';
import { checkAuth } from './auth.js';
import { checkBaseUrls } from './base-urls.js';
import { readDefinition } from './definition.js';
import { checkErrorResponses } from './error-responses.js';
import { checkFlows } from './flows.js';
import { loadConnectorSources } from './project.js';
import { CHECK_ITEMS, type CheckItem, type CheckReport } from './report.js';
import { checkSessionStep } from './session-step.js';
import { connectorTestFiles } from './test-files.js';
import { checkTestRuns } from './test-runs.js';
import { checkTodos } from './todos.js';
import { checkTokenRead, checkTokenStored } from './token-flow.js';

export { CHECK_ITEMS, hasFailure } from './report.js';
export type { CheckItem, CheckItemName, CheckReport, CheckStatus, CodeLocation } from './report.js';

export interface CheckOptions {
  readonly cwd: string;
  readonly id: string;
}

/** The checklist's code items, read from the connector's source alone. */
export const CODE_CHECKS = [
  checkFlows,
  checkSessionStep,
  checkTokenStored,
  checkTokenRead,
  checkAuth,
  checkErrorResponses,
  checkAmounts,
  checkBaseUrls,
] as const;

function inOrder(items: readonly CheckItem[]): CheckItem[] {
  return [...items].sort((a, b) => CHECK_ITEMS.indexOf(a.item) - CHECK_ITEMS.indexOf(b.item));
}

/** The items read from the code alone (no test run): every item but tests and conformance. */
export async function checkCode(options: CheckOptions): Promise<CheckItem[]> {
  const sources = await loadConnectorSources(options.cwd, options.id);
  const definition = readDefinition(sources);
  return inOrder([
    ...CODE_CHECKS.map((check) => check(definition)),
    checkTodos(sources, sources.files),
  ]);
}

export async function checkConnector(options: CheckOptions): Promise<CheckReport> {
  const sources = await loadConnectorSources(options.cwd, options.id);
  const definition = readDefinition(sources);
  const items = CODE_CHECKS.map((check) => check(definition));
  const tests = connectorTestFiles(sources);
  const testFiles = tests.map((file) => sources.project.addSourceFileAtPath(file));
  items.push(checkTodos(sources, [...sources.files, ...testFiles]));
  items.push(...(await checkTestRuns(definition, tests)));
  return { id: options.id, items: inOrder(items) };
}
