/**
 * @module `create-connector run <id>`: the payment sequence of a registered connector against any
 * base URL, printed for a person or as one JSON document. Exit 0 when a result came back (a
 * decline included), 1 for bad input (nothing sent), 2 for a connector or network error.
 */

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import {
  authorize,
  createSessionToken,
  isRuntimeError,
  parseAuth,
  psync,
  type AnyRuntimeError,
  type AttemptStatus,
  type ConnectorEvent,
  type ErrorResponse,
  type PaymentsResponseData,
  type RedirectForm,
} from '../../../runtime/index.js';
import { loadConnector } from '../../connectors.js';
import { usageError, type ExitCode } from '../../errors.js';
import type { CliIo } from '../../io.js';
import { parsePaymentFile } from './payment-file.js';

export type RunFlow = 'authorize' | 'session' | 'psync';

export interface RunOptions {
  readonly baseUrl?: string;
  readonly auth: string;
  readonly payment: string;
  readonly flow: RunFlow;
  readonly json: boolean;
  readonly timeoutMs?: number;
}

export interface RunResult {
  readonly status: AttemptStatus;
  readonly sessionToken?: string;
  readonly connectorTransactionId?: string;
  readonly redirection?: {
    url: string;
    method: 'GET' | 'POST';
    formFields?: Record<string, string>;
  };
  readonly error?: {
    kind: 'integration' | 'connector' | 'network';
    type: string;
    code: string;
    message: string;
    reason?: string;
    httpStatus?: number;
  };
  readonly exchanges: readonly ConnectorEvent[];
}

export async function readJsonFile(path: string, key: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw usageError(`cannot read ${key} file ${path}`, [
      { key, rule: 'must be a readable JSON file' },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw usageError(`${key} file ${path} is not valid JSON`, [
      { key, rule: 'must hold one JSON document' },
    ]);
  }
}

function redirectionOf(form: RedirectForm | undefined): RunResult['redirection'] {
  if (form === undefined) return undefined;
  if (form.type === 'uri') return { url: form.uri, method: 'GET' };
  return {
    url: form.endpoint,
    method: form.method,
    ...(Object.keys(form.formFields).length === 0 ? {} : { formFields: { ...form.formFields } }),
  };
}

function fromErrorResponse(error: ErrorResponse): NonNullable<RunResult['error']> {
  return {
    kind: 'connector',
    type: 'CONNECTOR_ERROR_RESPONSE',
    code: error.code,
    message: error.message,
    ...(error.reason === undefined ? {} : { reason: error.reason }),
    httpStatus: error.statusCode,
  };
}

function fromRuntimeError(error: AnyRuntimeError): NonNullable<RunResult['error']> {
  const gateway = error.kind === 'connector' ? error.errorResponse : undefined;
  const httpStatus = error.kind === 'connector' ? error.httpStatus : undefined;
  return {
    kind: error.kind,
    type: error.code,
    code: gateway?.code ?? error.code,
    message: gateway?.message ?? error.message,
    ...(gateway?.reason === undefined ? {} : { reason: gateway.reason }),
    ...(httpStatus === undefined ? {} : { httpStatus }),
  };
}

function paymentResult(
  status: AttemptStatus,
  response:
    { ok: true; value: PaymentsResponseData } | { ok: false; error: ErrorResponse } | undefined,
  sessionToken: string | undefined,
  exchanges: readonly ConnectorEvent[],
): RunResult {
  const value = response?.ok === true ? response.value : undefined;
  const transactionId =
    value?.resourceId.type === 'ConnectorTransactionId'
      ? value.resourceId.id
      : response?.ok === false
        ? response.error.connectorTransactionId
        : undefined;
  const redirection = redirectionOf(value?.redirection);
  return {
    status,
    ...(sessionToken === undefined ? {} : { sessionToken }),
    ...(transactionId === undefined ? {} : { connectorTransactionId: transactionId }),
    ...(redirection === undefined ? {} : { redirection }),
    ...(response?.ok === false ? { error: fromErrorResponse(response.error) } : {}),
    exchanges,
  };
}

export async function runCommand(id: string, options: RunOptions, io: CliIo): Promise<ExitCode> {
  const connector = await loadConnector(io.cwd, id);
  const authJson = await readJsonFile(resolve(io.cwd, options.auth), 'auth');
  const paymentJson = await readJsonFile(resolve(io.cwd, options.payment), 'payment');
  const credentials = (() => {
    try {
      return parseAuth(authJson, id);
    } catch (error) {
      throw usageError(`auth file ${options.auth}: ${(error as Error).message}`, [
        { key: 'auth', rule: (error as Error).message },
      ]);
    }
  })();
  const parsed = parsePaymentFile(paymentJson);
  if (!parsed.ok) {
    throw usageError(
      `payment file ${options.payment} is not a valid payment`,
      parsed.issues.map((issue) => ({ key: `payment.${issue.key}`, rule: issue.rule })),
    );
  }
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

  let result: RunResult;
  try {
    result = await runFlow(options.flow, connector, parsed.payment, call, exchanges);
  } catch (error) {
    if (!isRuntimeError(error)) throw error;
    result = { status: 'Failure', error: fromRuntimeError(error), exchanges };
    print(result, id, options, io);
    return error.kind === 'integration' ? 1 : 2;
  }
  print(result, id, options, io);
  return 0;
}

async function runFlow(
  flow: RunFlow,
  connector: Awaited<ReturnType<typeof loadConnector>>,
  payment: Parameters<typeof authorize>[1],
  call: Parameters<typeof authorize>[2],
  exchanges: readonly ConnectorEvent[],
): Promise<RunResult> {
  if (flow === 'session') {
    const session = await createSessionToken(connector, payment, call);
    if (session.response?.ok === true) {
      return { status: 'Pending', sessionToken: session.response.value.sessionToken, exchanges };
    }
    return {
      status: 'Failure',
      ...(session.response === undefined
        ? {}
        : { error: fromErrorResponse(session.response.error) }),
      exchanges,
    };
  }
  if (flow === 'psync') {
    const synced = await psync(connector, payment, call);
    return paymentResult(synced.flowData.status, synced.response, undefined, exchanges);
  }
  const outcome = await authorize(connector, payment, call);
  if (outcome.stage === 'CreateSessionToken') {
    return { status: outcome.status, error: fromErrorResponse(outcome.error), exchanges };
  }
  return paymentResult(
    outcome.status,
    outcome.authorize.response,
    outcome.authorize.flowData.sessionToken,
    exchanges,
  );
}

/** `TYPE CODE`, or the code once when the gateway gave none of its own. */
function codes(error: NonNullable<RunResult['error']>): string {
  return error.type === error.code ? error.code : `${error.type} ${error.code}`;
}

function print(result: RunResult, id: string, options: RunOptions, io: CliIo): void {
  if (options.json) {
    io.stdout(JSON.stringify(result));
    return;
  }
  const lines = [`${id} ${options.flow} → ${result.status}`];
  if (result.sessionToken !== undefined) lines.push(`  session token   ${result.sessionToken}`);
  if (result.connectorTransactionId !== undefined)
    lines.push(`  transaction id  ${result.connectorTransactionId}`);
  if (result.redirection !== undefined)
    lines.push(`  redirect        ${result.redirection.method} ${result.redirection.url}`);
  if (result.error !== undefined) {
    const status =
      result.error.httpStatus === undefined ? '' : ` (HTTP ${result.error.httpStatus})`;
    lines.push(`  error           ${codes(result.error)}: ${result.error.message}${status}`);
    if (result.error.reason !== undefined && result.error.reason !== result.error.message) {
      lines.push(`                  ${result.error.reason}`);
    }
  }
  if (result.exchanges.length > 0) lines.push('  exchanges');
  for (const event of result.exchanges) {
    const answer =
      event.status === undefined ? (event.error?.code ?? 'no answer') : String(event.status);
    lines.push(
      `    ${event.flow} ${event.method} ${event.url} → ${answer} (${event.latencyMs.toFixed(0)} ms)`,
    );
  }
  io.stdout(lines.join('\n'));
}
