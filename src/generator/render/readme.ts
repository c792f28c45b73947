/**
 * @module The connector's README (`templates/connector/README.md.hbs`): what the template reads
 * besides the answers — the flows it has with their requests, the answers as a table, the
 * commands that try it and the `TODO(you)`s left in the files rendered with it.
 */

import { ANSWER_KEYS, type Answers } from '../answers/index.js';
import { FLOW_ENDPOINT_KEYS, OPTIONAL_FLOWS, type OptionalFlow } from '../answers/flows.js';
import type { Names } from '../answers/names.js';
import {
  OPTIONAL_FLOW_FLAGS,
  recordCommandFor,
  regenerateCommandFor,
  checkCommandFor,
  runLinesFor,
  sandboxLineFor,
  SUGGESTED_SANDBOX_URL,
  testCommandFor,
  type FlowFlag,
} from '../try-commands.js';
import { GENERIC_FLOW_METHODS } from '../../sandbox/generic/routes.js';
import { codeSpan, markdownText, type MarkdownTable } from './markdown.js';

/** Where the README sends the reader, workspace-relative. */
export interface ReadmePaths {
  /** The connector's folder. */
  readonly dir: string;
  readonly test: string;
  /** The cassettes `record` writes, as a pattern: `<tests>/<folder>/cassettes/<flow>-<scenario>.json`. */
  readonly cassettes: string;
}

/** A generated file the README scans for what is left to the user. */
export interface ScannedFile {
  readonly path: string;
  readonly content: string;
}

interface FlowFacts {
  readonly method: 'GET' | 'POST';
  /** The runtime function that calls it. */
  readonly call: string;
}

/** The generic wire contract's method of each flow (DESIGN §4, §4b) and how to call it. */
const FLOW_FACTS: { readonly [F in 'CreateSessionToken' | 'Authorize' | OptionalFlow]: FlowFacts } =
  {
    CreateSessionToken: { method: 'POST', call: 'createSessionToken' },
    Authorize: { method: 'POST', call: 'authorize' },
    PSync: { method: GENERIC_FLOW_METHODS.PSync, call: 'sync' },
    Capture: { method: GENERIC_FLOW_METHODS.Capture, call: 'capture' },
    Void: { method: GENERIC_FLOW_METHODS.Void, call: 'voidPayment' },
    Refund: { method: GENERIC_FLOW_METHODS.Refund, call: 'refund' },
    RSync: { method: GENERIC_FLOW_METHODS.RSync, call: 'refundSync' },
  };

export interface ReadmeView {
  /** Which optional flows the connector has: the template's sections and diagram steps. */
  readonly has: { readonly [F in OptionalFlow]: boolean };
  readonly flows: MarkdownTable;
  readonly answers: MarkdownTable;
  readonly todos: MarkdownTable;
  readonly hasTodos: boolean;
  readonly commands: {
    readonly sandbox: string;
    /** One `run` line per flow, each with what payment.json needs. */
    readonly run: readonly string[];
    readonly record: readonly string[];
    /** Recording against the gateway's own sandbox (the baseUrl answer). */
    readonly recordGateway: string;
    readonly test: string;
    readonly regenerate: string;
    readonly check: string;
  };
  readonly paths: ReadmePaths;
}

const TODO = /TODO\(you\):?\s*(.*?)\s*(?:\*\/\s*)?$/;

/** Every `TODO(you)` left in the files, in file order: the file and what to do. */
export function openTodos(
  files: readonly ScannedFile[],
): Array<{ file: string; line: number; text: string }> {
  return files.flatMap((file) =>
    file.content.split('\n').flatMap((line, index) => {
      const match = TODO.exec(line);
      return match === null ? [] : [{ file: file.path, line: index + 1, text: match[1] ?? '' }];
    }),
  );
}

function answerCell(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((item) => codeSpan(String(item))).join(', ');
  }
  return codeSpan(String(value));
}

/** The README's view of a connector whose other files are `files`. */
export function readmeView(input: {
  readonly answers: Answers;
  readonly names: Names;
  readonly paths: ReadmePaths;
  readonly files: readonly ScannedFile[];
}): ReadmeView {
  const { answers, names, paths } = input;
  const chosen = OPTIONAL_FLOWS.filter((flow) => answers.flows.includes(flow));
  const url = SUGGESTED_SANDBOX_URL;
  type FlowRow = readonly [keyof typeof FLOW_FACTS, string, FlowFlag];
  const flowRows: readonly FlowRow[] = [
    ['CreateSessionToken', answers.sessionTokenEndpoint, 'session'],
    ['Authorize', answers.authorizeEndpoint, 'authorize'],
    ...chosen.map((flow): FlowRow => [
      flow,
      answers[FLOW_ENDPOINT_KEYS[flow]] ?? '',
      OPTIONAL_FLOW_FLAGS[flow],
    ]),
  ];
  const answerValues: Readonly<Record<string, unknown>> = answers;
  const todos = openTodos(input.files);
  return {
    has: Object.fromEntries(OPTIONAL_FLOWS.map((flow) => [flow, chosen.includes(flow)])) as {
      [F in OptionalFlow]: boolean;
    },
    flows: {
      header: ['Flow', 'Request', 'Runtime call', '`run --flow`'],
      rows: flowRows.map(([flow, endpoint, flag]) => [
        flow,
        codeSpan(`${FLOW_FACTS[flow].method} ${endpoint}`),
        codeSpan(FLOW_FACTS[flow].call),
        codeSpan(flag),
      ]),
    },
    answers: {
      header: ['Answer', 'Value'],
      rows: ANSWER_KEYS.filter((key) => answerValues[key] !== undefined).map((key) => [
        codeSpan(key),
        answerCell(answerValues[key]),
      ]),
    },
    todos: {
      header: ['File', 'What to do'],
      rows: todos.map((todo) => [codeSpan(todo.file), markdownText(todo.text)]),
    },
    hasTodos: todos.length > 0,
    commands: {
      sandbox: sandboxLineFor(names.id),
      run: runLinesFor(names.id, chosen),
      record: flowRows
        .filter(([flow]) => flow !== 'CreateSessionToken')
        .map(([, , flag]) => recordCommandFor(names.id, url, flag)),
      recordGateway: recordCommandFor(names.id, answers.baseUrl, 'authorize'),
      test: testCommandFor(paths.test),
      regenerate: regenerateCommandFor(names.id),
      check: checkCommandFor(names.id),
    },
    paths,
  };
}
