/**
 * @module The recorder: runs one flow call against any base URL (a gateway's real sandbox, or an
 * emulator), watches its exchanges (the executor's events for the flow of each, an HTTP client
 * wrapper for the bytes and the answer's headers), and writes them as a cassette: secrets
 * masked (mask.ts), volatile request members replaced by rules (volatile.ts).
 */

import {
  createHttpClient,
  type AmountType,
  type ConnectorAuthType,
  type Connector,
  type ConnectorEvent,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from '../../runtime/index.js';
import { callCassetteFlow, type CassetteInputs, type FlowCallResult } from './flow-call.js';
import type {
  Cassette,
  CassetteAnswer,
  CassetteBody,
  CassetteExchange,
  CassetteFlow,
  CassetteOutcome,
  CassetteRequest,
  JsonValue,
} from './format.js';
import { cassetteSchema } from './format.js';
import {
  describeInput,
  maskAnswerValue,
  maskText,
  namedSecrets,
  secretRule,
  type NamedSecret,
} from './mask.js';
import { answerValues, volatileRule, type AnswerValue } from './volatile.js';

export interface RecordOptions<F extends CassetteFlow> {
  readonly connector: Connector<AmountType>;
  readonly flow: F;
  readonly input: CassetteInputs[F];
  readonly auth: ConnectorAuthType;
  readonly baseUrl: string;
  /** Lower-case letters, digits and dashes; defaults to one read from the outcome (`charged`). */
  readonly scenario?: string;
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** The client to send with (default: the runtime's). */
  readonly http?: HttpClient;
}

export interface Recording {
  readonly cassette: Cassette;
  readonly result: FlowCallResult;
  /** The executor's (masked) events, one per exchange. */
  readonly events: readonly ConnectorEvent[];
}

/** Nothing to record: the call sent nothing, or an exchange got no answer. */
export class RecordingError extends Error {
  constructor(
    message: string,
    readonly result: FlowCallResult,
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}

/** Headers of the transport, not of the gateway's answer. */
const TRANSPORT_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

interface Raw {
  readonly request: HttpRequest;
  response?: HttpResponse;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1] ?? '';
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** A body as the cassette holds it: JSON or form as a tree when it reads as one, else text. */
function bodyOf(text: string | undefined, contentType: string): CassetteBody | undefined {
  if (text === undefined || text === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const pairs = [...new URLSearchParams(text)];
    if (new Set(pairs.map(([key]) => key)).size === pairs.length) {
      return { form: Object.fromEntries(pairs) };
    }
  }
  const json = parseJson(text);
  if (json !== undefined && typeof json === 'object' && json !== null) return { json };
  return { text };
}

interface RequestContext {
  readonly secrets: readonly NamedSecret[];
  readonly nowMs: number;
  readonly earlier: readonly AnswerValue[];
  readonly fixed: ReadonlySet<string>;
}

/**
 * A request member: a secret's rule when it is one, else its volatile rule, else the rule of a
 * secret inside it (`Bearer <key>`), else its value. Times and hashes are read before secrets
 * inside text: a short secret (a CVC) turns up in them by chance, which would make the cassette
 * depend on the clock.
 */
function requestLeaf(key: string, value: unknown, context: RequestContext): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const text = String(value);
  const whole = context.secrets.find((secret) => secret.value === text);
  if (whole !== undefined) return { $match: 'secret', name: whole.name };
  return volatileRule(key, value, context) ?? secretRule(text, context.secrets) ?? value;
}

function requestTree(node: unknown, key: string, context: RequestContext): unknown {
  if (Array.isArray(node)) return node.map((item) => requestTree(item, key, context));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([name, child]) => [name, requestTree(child, name, context)]),
    );
  }
  return requestLeaf(key, node, context);
}

function recordRequest(raw: Raw, basePath: string, context: RequestContext): CassetteRequest {
  const url = new URL(raw.request.url);
  const path = url.pathname.startsWith(basePath)
    ? url.pathname.slice(basePath.length)
    : url.pathname;
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw.request.headers)) {
    headers[name.toLowerCase()] = requestLeaf(name.toLowerCase(), value, context);
  }
  const query = Object.fromEntries(
    [...url.searchParams].map(([name, value]) => [name, requestLeaf(name, value, context)]),
  );
  const body = bodyOf(raw.request.body, headerValue(raw.request.headers, 'content-type'));
  const treeBody =
    body === undefined
      ? undefined
      : 'text' in body
        ? { text: maskText(body.text, context.secrets) }
        : 'json' in body
          ? { json: requestTree(body.json, '', context) }
          : { form: requestTree(body.form, '', context) };
  return {
    method: raw.request.method,
    path: maskText(path.startsWith('/') ? path : `/${path}`, context.secrets),
    ...(Object.keys(query).length === 0 ? {} : { query }),
    headers,
    ...(treeBody === undefined ? {} : { body: treeBody }),
  } as CassetteRequest;
}

function recordAnswer(response: HttpResponse, secrets: readonly NamedSecret[]): CassetteAnswer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!TRANSPORT_HEADERS.has(name.toLowerCase()))
      headers[name.toLowerCase()] = maskText(value, secrets);
  }
  const body = bodyOf(response.body, headerValue(response.headers, 'content-type'));
  const masked =
    body === undefined
      ? undefined
      : 'text' in body
        ? { text: maskAnswerValue(body.text, secrets) as string }
        : 'json' in body
          ? { json: maskAnswerValue(body.json, secrets) as JsonValue }
          : { form: maskAnswerValue(body.form, secrets) as Record<string, string> };
  return { status: response.status, headers, ...(masked === undefined ? {} : { body: masked }) };
}

/** `Charged` → `charged`, `AuthenticationPending` → `authentication-pending`. */
function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '');
}

export function defaultScenario(outcome: CassetteOutcome): string {
  return (
    kebab(
      outcome.error?.code ??
        outcome.errorCode ??
        outcome.refundStatus ??
        outcome.status ??
        'recorded',
    ) || 'recorded'
  );
}

/** The call's own string values: a token carried from an answer is never one of them. */
function inputStrings(node: unknown, into = new Set<string>()): Set<string> {
  if (typeof node === 'string' && node !== '') into.add(node);
  else if (typeof node === 'object' && node !== null) {
    for (const child of Object.values(node)) inputStrings(child, into);
  }
  return into;
}

export async function recordCassette<F extends CassetteFlow>(
  options: RecordOptions<F>,
): Promise<Recording> {
  const inner = options.http ?? createHttpClient();
  const raws: Raw[] = [];
  const http: HttpClient = {
    send: async (request) => {
      const raw: Raw = { request };
      raws.push(raw);
      raw.response = await inner.send(request);
      return raw.response;
    },
  };
  const events: ConnectorEvent[] = [];
  const now = options.now ?? Date.now;
  const result = await callCassetteFlow(options.connector, options.flow, options.input, {
    auth: options.auth,
    baseUrl: options.baseUrl,
    http,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    onEvent: (event) => events.push(event),
  });
  if (raws.length === 0) {
    throw new RecordingError(
      `${options.flow} sent no request${result.outcome.error === undefined ? '' : ` (${result.outcome.error.code})`}: nothing to record`,
      result,
    );
  }
  const unanswered = raws.findIndex((raw) => raw.response === undefined);
  if (unanswered >= 0) {
    throw new RecordingError(
      `request ${unanswered} (${events[unanswered]?.flow ?? options.flow}) got no answer` +
        `${result.outcome.error === undefined ? '' : ` (${result.outcome.error.code})`}: nothing to record`,
      result,
    );
  }

  const inputName =
    options.flow === 'session' || options.flow === 'authorize' ? 'payment' : 'input';
  const secrets = namedSecrets(options.auth, options.input, inputName);
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  const earlier: AnswerValue[] = [];
  const fixed = inputStrings(describeInput(options.input, inputName));
  const exchanges: CassetteExchange[] = raws.map((raw, index) => {
    const request = recordRequest(raw, basePath, { secrets, nowMs: now(), earlier, fixed });
    const answer = recordAnswer(raw.response!, secrets);
    const json = answer.body !== undefined && 'json' in answer.body ? answer.body.json : undefined;
    earlier.push(...answerValues(index, json, answer.headers ?? {}));
    return { flow: events[index]?.flow ?? options.flow, request, answer };
  });
  const recorded = cassetteSchema.parse({
    cassette: 1,
    connector: options.connector.id,
    flow: options.flow,
    scenario: options.scenario ?? defaultScenario(result.outcome),
    recordedAt: new Date(now()).toISOString(),
    input: describeInput(options.input, inputName),
    outcome: result.outcome,
    exchanges,
  });
  // the last line of defence: no secret long enough to recognise survives anywhere in the file
  const cassette = cassetteSchema.parse(JSON.parse(maskText(JSON.stringify(recorded), secrets)));
  return { cassette, result, events };
}
