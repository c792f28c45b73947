/**
 * @module `create-connector record <id>`: runs one flow of a registered connector against any base
 * URL (its gateway's sandbox, or an emulator) and writes the exchanges as a cassette, every secret
 * masked. Exit 0 when a cassette was written (a decline included), 1 for bad input or a file that
 * exists (nothing written without --force), 2 when nothing could be recorded (no answer).
 */

import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { folderOfId } from '../../../generator/answers/index.js';
import { loadWorkspace } from '../../../generator/workspace.js';
import { isRuntimeError } from '../../../runtime/index.js';
import type { CassetteFlow } from '../../../testing/cassette/format.js';
import { formatCassette } from '../../../testing/cassette/text.js';
import { recordCassette, RecordingError } from '../../../testing/cassette/record.js';
import { loadConnector } from '../../connectors.js';
import { CliError, usageError, type ExitCode } from '../../errors.js';
import type { CliIo } from '../../io.js';
import { flowInput } from '../run/flows.js';
import { readRunInputs } from '../run/inputs.js';
import type { PaymentFile } from '../run/payment-file.js';

export interface RecordOptions {
  readonly baseUrl: string;
  readonly auth: string;
  readonly payment: string;
  readonly flow: CassetteFlow;
  readonly scenario?: string;
  readonly out?: string;
  readonly force: boolean;
  readonly json: boolean;
  readonly timeoutMs?: number;
}

/** run's mapping from payment.json; what the runtime refuses before any HTTP is bad input here. */
function inputOf(flow: CassetteFlow, payment: PaymentFile) {
  try {
    return flowInput(flow, payment);
  } catch (error) {
    if (!isRuntimeError(error)) throw error;
    throw usageError(`payment file: ${error.message}`, [{ key: 'payment', rule: error.message }]);
  }
}

/** `<tests>/<folder>/cassettes/<flow>-<scenario>.json`, beside the connector's generated test. */
function defaultFile(cwd: string, id: string, name: string): string {
  const workspace = loadWorkspace(cwd);
  return path.join(workspace.root, workspace.testsDir, folderOfId(id), 'cassettes', name);
}

/** Writes `text` to a new file, or over an old one only with `force` (atomically, by rename). */
async function writeCassette(file: string, text: string, force: boolean): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (!force) {
    try {
      await writeFile(file, text, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw usageError(`${file} already exists`, [
        { key: 'out', value: file, rule: 'an existing cassette is replaced only with --force' },
      ]);
    }
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function recordCommand(
  id: string,
  options: RecordOptions,
  io: CliIo,
): Promise<ExitCode> {
  if (!URL.canParse(options.baseUrl)) {
    throw usageError('--base-url is not a URL', [
      { key: 'baseUrl', value: options.baseUrl, rule: 'an absolute URL' },
    ]);
  }
  if (options.scenario !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(options.scenario)) {
    throw usageError('--scenario is not a scenario name', [
      { key: 'scenario', value: options.scenario, rule: 'lower-case letters, digits and dashes' },
    ]);
  }
  const connector = await loadConnector(io.cwd, id, (line) => io.stderr(line));
  const { credentials: auth, payment } = await readRunInputs(io.cwd, id, options);
  const input = inputOf(options.flow, payment);

  let recording;
  try {
    recording = await recordCassette({
      connector,
      flow: options.flow,
      input,
      auth,
      baseUrl: options.baseUrl,
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  } catch (error) {
    if (!(error instanceof RecordingError)) throw error;
    const kind = error.result.outcome.error?.kind;
    throw new CliError(
      `${id} ${options.flow}: ${error.message}`,
      'usage',
      kind === 'integration' ? 1 : 2,
      [{ key: 'flow', value: options.flow, rule: error.message }],
    );
  }
  const { cassette } = recording;
  const file =
    options.out === undefined
      ? defaultFile(io.cwd, id, `${cassette.flow}-${cassette.scenario}.json`)
      : path.resolve(io.cwd, options.out);
  await writeCassette(file, formatCassette(cassette), options.force);

  const shown = path.relative(io.cwd, file) || file;
  if (options.json) {
    io.stdout(
      JSON.stringify({
        file: shown,
        flow: cassette.flow,
        scenario: cassette.scenario,
        outcome: cassette.outcome,
        exchanges: cassette.exchanges.map((exchange) => ({
          flow: exchange.flow,
          method: exchange.request.method,
          path: exchange.request.path,
          status: exchange.answer.status,
        })),
      }),
    );
  } else {
    const outcome = cassette.outcome;
    const result =
      outcome.error?.code ??
      [outcome.status, outcome.refundStatus, outcome.errorCode].filter(Boolean).join(' ');
    io.stdout(
      [
        `${id} ${options.flow} → ${result}`,
        ...cassette.exchanges.map(
          (exchange) =>
            `  ${exchange.flow} ${exchange.request.method} ${exchange.request.path} → ${exchange.answer.status}`,
        ),
        `  cassette        ${shown}`,
      ].join('\n'),
    );
  }
  return 0;
}
