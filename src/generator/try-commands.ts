/**
 * @module The commands that try a connector, spelled in one place: the generated README and the
 * CLI's suggestions (`new`'s "Next:" lines, `sandbox`'s banner) print the same ones. The flags
 * are `run`'s, `record`'s and `sandbox`'s own (src/cli/main.ts).
 */

import type { CassetteFlow } from '../testing/cassette/flow-flags.js';
import type { OptionalFlow } from './answers/flows.js';

/** The port the suggestions give the emulator, so the sandbox and run lines fit together. */
export const SUGGESTED_SANDBOX_PORT = 4010;

/** Where the suggested sandbox listens. */
export const SUGGESTED_SANDBOX_URL = `http://127.0.0.1:${SUGGESTED_SANDBOX_PORT}`;

/** A flow as `run --flow` and `record --flow` name it. */
export type FlowFlag = CassetteFlow;

export const OPTIONAL_FLOW_FLAGS: {
  readonly [F in OptionalFlow]: Exclude<FlowFlag, 'session' | 'authorize'>;
} = {
  PSync: 'psync',
  Capture: 'capture',
  Void: 'void',
  Refund: 'refund',
  RSync: 'rsync',
};

/** What payment.json needs for each flow a try runs, said after its `run` line. */
const RUN_NEEDS: { readonly [F in Exclude<FlowFlag, 'session'>]: string } = {
  authorize: 'session token, then the payment (captureMethod manual to capture or void it later)',
  psync: 'connectorTransactionId from authorize',
  capture: 'connectorTransactionId of a manual-capture authorize, amount to capture',
  void: 'connectorTransactionId of a manual-capture authorize, before any capture',
  refund: 'connectorTransactionId of a charged payment, refundId, amount, paymentAmount',
  rsync: 'refundId and connectorRefundId from refund',
};

/** A shell comment after a command. */
function commented(command: string, comment: string): string {
  return `${command}   # ${comment}`;
}

/** The sandbox line of a try, with what to do with what it prints. */
export function sandboxLineFor(id: string): string {
  return commented(
    sandboxCommandFor(id),
    'another terminal: prints the credentials to save as auth.json',
  );
}

/** One `run` line per flow a connector with `flows` has (authorize first), each with its needs. */
export function runLinesFor(id: string, flows: readonly OptionalFlow[]): string[] {
  const flags: ReadonlyArray<Exclude<FlowFlag, 'session'>> = [
    'authorize',
    ...flows.map((flow) => OPTIONAL_FLOW_FLAGS[flow]),
  ];
  return flags.map((flag) =>
    commented(runCommandFor(id, SUGGESTED_SANDBOX_URL, flag), RUN_NEEDS[flag]),
  );
}

/** Serves the connector's emulator (it prints the credentials for auth.json). */
export function sandboxCommandFor(id: string, port = SUGGESTED_SANDBOX_PORT): string {
  return `npx create-connector sandbox ${id} --port ${port}`;
}

/** Runs one flow (authorize: the session step, then Authorize) against `baseUrl`. */
export function runCommandFor(id: string, baseUrl: string, flow: FlowFlag = 'authorize'): string {
  const flag = flow === 'authorize' ? '' : ` --flow ${flow}`;
  return `npx create-connector run ${id} --auth auth.json --payment payment.json --base-url ${baseUrl}${flag}`;
}

/** Records one flow against `baseUrl` as a cassette beside the connector's test. */
export function recordCommandFor(id: string, baseUrl: string, flow: FlowFlag): string {
  return `npx create-connector record ${id} --base-url ${baseUrl} --auth auth.json --payment payment.json --flow ${flow}`;
}

/** Re-renders the connector, keeping the user's edits. */
export function regenerateCommandFor(id: string): string {
  return `npx create-connector regenerate ${id}`;
}

/** The seed's integration checklist over the connector: what is left to do. */
export function checkCommandFor(id: string): string {
  return `npx create-connector check ${id}`;
}

const SHELL_SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;

/** A word as a POSIX shell reads it back: bare when safe, else single-quoted. */
export function shellWord(word: string): string {
  return SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Runs the connector's generated tests. */
export function testCommandFor(testFile: string): string {
  return `npx vitest run ${shellWord(testFile)}`;
}
