/** @module The commands the CLI suggests next: the generator's spelling, so `new`, `sandbox` and the README agree. */

import type { OptionalFlow } from '../generator/answers/flows.js';
import {
  checkCommandFor,
  runLinesFor,
  sandboxLineFor,
  testCommandFor,
} from '../generator/try-commands.js';

export {
  checkCommandFor,
  runCommandFor,
  sandboxCommandFor,
  SUGGESTED_SANDBOX_PORT,
  SUGGESTED_SANDBOX_URL,
} from '../generator/try-commands.js';

/** What `new` wrote that its suggestions name. */
export interface GeneratedConnector {
  readonly id: string;
  readonly name: string;
  readonly flows: readonly OptionalFlow[];
  readonly testFile?: string;
  readonly readme?: string;
}

/**
 * `new`'s closing lines: the exact commands that try the new connector — its sandbox, a `run` of
 * each of its flows against it, its tests — and where its README explains the rest.
 */
export function newNextSteps(connector: GeneratedConnector): string[] {
  return [
    '',
    `Generated ${connector.name} (${connector.id}). Next:`,
    `  ${sandboxLineFor(connector.id)}`,
    ...runLinesFor(connector.id, connector.flows).map((line) => `  ${line}`),
    `  ${checkCommandFor(connector.id)}`,
    ...(connector.testFile === undefined ? [] : [`  ${testCommandFor(connector.testFile)}`]),
    ...(connector.readme === undefined
      ? []
      : [`${connector.readme} shows its flows, how to record cassettes and what is left to you.`]),
  ];
}
