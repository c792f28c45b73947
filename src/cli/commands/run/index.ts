/**
 * @module `create-connector run <id>`: one flow of a registered connector against any base URL,
 * printed for a person or as one JSON document. Exit 0 when a result came back (a decline or an
 * in-band error included), 1 for bad input (nothing sent), 2 for a connector or network error.
 */

import { createScrubber, isRuntimeError, type ConnectorEvent } from '../../../runtime/index.js';
import { loadConnector } from '../../connectors.js';
import { usageError, type ExitCode } from '../../errors.js';
import type { CliIo } from '../../io.js';
import type { RunFlow } from '../../run-flows.js';
import { runFlow, type RunResult } from './flows.js';
import { readRunInputs } from './inputs.js';
import { printResult } from './print.js';

export type { RunFlow } from '../../run-flows.js';
export type { RunResult } from './flows.js';

export interface RunOptions {
  readonly baseUrl?: string;
  readonly auth: string;
  readonly payment: string;
  readonly flow: RunFlow;
  readonly json: boolean;
  readonly timeoutMs?: number;
}

export async function runCommand(id: string, options: RunOptions, io: CliIo): Promise<ExitCode> {
  const connector = await loadConnector(io.cwd, id, (line) => io.stderr(line));
  const { credentials, payment } = await readRunInputs(io.cwd, id, options);
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
    throw usageError('--base-url is not a URL', [
      { key: 'baseUrl', value: options.baseUrl, rule: 'an absolute URL' },
    ]);
  }

  const exchanges: ConnectorEvent[] = [];
  const call = {
    auth: credentials,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    onEvent: (event: ConnectorEvent) => exchanges.push(event),
  };
  const print = (result: RunResult) =>
    printResult(result, { id, flow: options.flow, json: options.json }, io, scrub);
  // every credential and every secret of the payment file (card number, CVC, expiry, vpa)
  const scrub = createScrubber(credentials, payment);

  try {
    print(await runFlow(options.flow, connector, payment, call, exchanges));
    return 0;
  } catch (error) {
    if (!isRuntimeError(error)) throw error;
    const gateway = error.kind === 'connector' ? error.errorResponse : undefined;
    const httpStatus = error.kind === 'connector' ? error.httpStatus : undefined;
    print({
      status: 'Failure',
      error: {
        kind: error.kind,
        type: error.code,
        code: gateway?.code ?? error.code,
        message: gateway?.message ?? error.message,
        ...(gateway?.reason === undefined ? {} : { reason: gateway.reason }),
        ...(httpStatus === undefined ? {} : { httpStatus }),
      },
      exchanges,
    });
    return error.kind === 'integration' ? 1 : 2;
  }
}
