/**
 * @module Runs one flow: build the request, send it, route the answer. The only place where a
 * connector's I/O happens. 2xx → schema → the flow's mapper; 5xx → the server-error builder;
 * any other status → `buildErrorResponse`; every failure leaves as a typed error.
 */

import type { AmountType } from '../amount.js';
import { expectAuth } from '../auth.js';
import type { Connector, FlowContext, FlowSpec, HeaderList, HttpResponse } from '../connector.js';
import type { ErrorResponse } from '../error-response.js';
import {
  ConnectorError,
  IntegrationError,
  NetworkError,
  isConnectorError,
  isIntegrationError,
  isNetworkError,
  isRuntimeError,
  type AnyRuntimeError,
  type ConnectorRuntimeError,
} from '../errors.js';
import { createScrubber, truncateForLog, type EventListener } from '../events.js';
import type { FlowName } from '../flows.js';
import type { RouterData } from '../router-data.js';
import { isSecret } from '../secret.js';
import { requireFlow } from '../flow-presence.js';
import type { HttpClient } from './client.js';
import { isRedirect, redirectRefused } from './redirect.js';
import { scrubResult, scrubRuntimeError } from './scrub-errors.js';
import { encodeBody, encodeMaskedBody } from './wire.js';

export interface ExecuteOptions {
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly timeoutMs: number;
  readonly onEvent?: EventListener;
}

export interface BuiltRequest {
  readonly url: string;
  readonly headers: HeaderList;
  readonly body?: string;
  readonly maskedBody?: string;
}

function flowSpec<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  flow: F,
): FlowSpec<F, A, unknown> {
  requireFlow(connector, flow);
  return connector.flows[flow] as FlowSpec<F, A, unknown>;
}

function flowContext<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  routerData: RouterData<F>,
  baseUrl: string,
): FlowContext<F, A> {
  return {
    routerData,
    connector,
    baseUrl,
    convertAmount: (minorAmount, currency) =>
      connector.amountConverter.convert(minorAmount, currency),
  };
}

/**
 * Runs a flow's transformers without I/O: builds the request as it would be sent, then reads
 * `response` as if the gateway had answered it. For unit tests of transformers and for benchmarks.
 */
export function simulateFlow<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  routerData: RouterData<F>,
  options: { readonly baseUrl: string; readonly response: HttpResponse },
): { readonly request: BuiltRequest; readonly method: string; readonly routerData: RouterData<F> } {
  const context = { connector: connector.id, flow: routerData.flow };
  const spec = flowSpec(connector, routerData.flow);
  const ctx = flowContext(connector, routerData, options.baseUrl);
  const request = buildRequest(spec, ctx, context, true);
  try {
    const next = routeResponse(spec, { ...ctx, http: options.response }, context);
    return { request, method: spec.method, routerData: next };
  } catch (error) {
    throw asRuntimeError(error, context, options.response.status);
  }
}

/**
 * Builds a flow's request without sending it: an IntegrationError here is what sending would
 * have failed with before any HTTP.
 */
export function prepareRequest<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  routerData: RouterData<F>,
  baseUrl: string,
): BuiltRequest {
  const context = { connector: connector.id, flow: routerData.flow };
  const spec = flowSpec(connector, routerData.flow);
  return buildRequest(spec, flowContext(connector, routerData, baseUrl), context, false);
}

export async function executeFlow<F extends FlowName, A extends AmountType>(
  connector: Connector<A>,
  routerData: RouterData<F>,
  options: ExecuteOptions,
): Promise<RouterData<F>> {
  const flow = routerData.flow;
  const context = { connector: connector.id, flow };
  const spec = flowSpec(connector, flow);
  const ctx = flowContext(connector, routerData, options.baseUrl);

  const { onEvent } = options;
  // The masked body and the scrubber only serve the event: without a listener, skip both.
  const built = buildRequest(spec, ctx, context, onEvent !== undefined);
  if (!URL.canParse(built.url)) {
    throw new NetworkError(
      'URL_PARSING_FAILED',
      `cannot send to an invalid URL (${flow})`,
      context,
    );
  }

  // Built only when needed: for the event, or to mask an error or an in-band failure.
  let scrubber: ((text: string) => string) | undefined;
  const scrub = (text: string): string =>
    (scrubber ??= createScrubber(routerData.auth, routerData.request))(text);
  const started = performance.now();
  let response: HttpResponse | undefined;
  let failure: ConnectorRuntimeError | undefined;
  try {
    response = await options.http.send({
      method: spec.method,
      url: built.url,
      headers: exposeHeaders(built.headers),
      ...(built.body === undefined ? {} : { body: built.body }),
      timeoutMs: options.timeoutMs,
    });
    const next = routeResponse(spec, { ...ctx, http: response }, context);
    return next.response?.ok === false ? scrubResult(next, scrub) : next;
  } catch (error) {
    failure = scrubRuntimeError(
      asRuntimeError(error, context, response?.status) as AnyRuntimeError,
      scrub,
    );
    throw failure;
  } finally {
    if (onEvent !== undefined) {
      onEvent({
        connector: connector.id,
        flow,
        method: spec.method,
        url: scrub(built.url),
        requestHeaders: maskHeaders(built.headers, scrub),
        ...(built.maskedBody === undefined ? {} : { requestBody: scrub(built.maskedBody) }),
        ...(response === undefined
          ? {}
          : { status: response.status, responseBody: scrub(truncateForLog(response.body)) }),
        latencyMs: performance.now() - started,
        ...(failure === undefined ? {} : { error: { kind: failure.kind, code: failure.code } }),
      });
    }
  }
}

function buildRequest<F extends FlowName, A extends AmountType>(
  spec: FlowSpec<F, A, unknown>,
  ctx: FlowContext<F, A>,
  context: { connector: string; flow: string },
  withMaskedBody: boolean,
): BuiltRequest {
  try {
    expectAuth(ctx.routerData.auth, ctx.connector.authTypes, ctx.connector.id);
    const contentType = spec.contentType ?? ctx.connector.contentType;
    const url = spec.url(ctx);
    const headers = spec.headers?.(ctx) ?? ctx.connector.buildHeaders(ctx);
    if (spec.body === undefined) return { url, headers };
    const tree = spec.body(ctx);
    const body = encodeBody(tree, contentType);
    if (!withMaskedBody) return { url, headers, body };
    return { url, headers, body, maskedBody: encodeMaskedBody(tree, contentType) };
  } catch (error) {
    if (isIntegrationError(error)) throw error.withContext(context);
    if (isRuntimeError(error)) throw error;
    throw new IntegrationError(
      'REQUEST_ENCODING_FAILED',
      `could not build the ${context.flow} request`,
      {
        ...context,
        cause: error,
      },
    );
  }
}

function routeResponse<F extends FlowName, A extends AmountType>(
  spec: FlowSpec<F, A, unknown>,
  ctx: FlowContext<F, A> & { readonly http: HttpResponse },
  context: { connector: string; flow: string },
): RouterData<F> {
  const { http } = ctx;
  if (isRedirect(http.status)) throw redirectRefused(http, context);
  if (!isSuccessStatus(http.status)) {
    const errorResponse = buildErrorResponse(spec, ctx, http);
    throw new ConnectorError(
      'CONNECTOR_ERROR_RESPONSE',
      `${context.connector} ${context.flow}: HTTP ${http.status} (${errorResponse.code}: ${errorResponse.message})`,
      { ...context, httpStatus: http.status, errorResponse },
    );
  }
  const json = parseJson(http.body);
  if (!json.ok) {
    throw ConnectorError.deserialization(`${context.flow} answer is not JSON: ${json.reason}`, {
      ...context,
      httpStatus: http.status,
    });
  }
  const parsed = spec.responseSchema.safeParse(json.value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw ConnectorError.deserialization(
      spec.unreadableMessage ?? `${context.flow} answer has an unexpected shape: ${issues}`,
      {
        ...context,
        httpStatus: http.status,
      },
    );
  }
  return spec.handleResponse(parsed.data, ctx);
}

/**
 * UCS's routing: these statuses reach the flow's mapper; 500–511 the server-error builder; the
 * rest `buildErrorResponse`. UCS also passes 302 to the mapper; we refuse every 3xx above.
 */
const SUCCESS_STATUSES: ReadonlySet<number> = new Set([200, 201, 202, 204]);

function isSuccessStatus(status: number): boolean {
  return SUCCESS_STATUSES.has(status);
}

function buildErrorResponse<F extends FlowName, A extends AmountType>(
  spec: FlowSpec<F, A, unknown>,
  ctx: FlowContext<F, A>,
  http: HttpResponse,
): ErrorResponse {
  if (http.status >= 500 && http.status <= 511) return ctx.connector.buildServerErrorResponse(http);
  return (spec.buildErrorResponse ?? ctx.connector.buildErrorResponse)(http);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: false, reason: 'empty body' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: `invalid JSON (${text.length} bytes)` };
  }
}

function asRuntimeError(
  error: unknown,
  context: { connector: string; flow: string },
  httpStatus: number | undefined,
): ConnectorRuntimeError {
  const status = httpStatus === undefined ? {} : { httpStatus };
  if (isConnectorError(error)) return error.withContext({ ...context, ...status });
  if (isNetworkError(error)) return error.withContext(context);
  // Only the answer can fail at this point: the request was sent, so nothing is an input error.
  const message = isIntegrationError(error)
    ? error.message
    : `${context.flow} answer could not be handled`;
  return ConnectorError.handling(message, {
    ...context,
    ...status,
    cause: error,
  });
}

function exposeHeaders(headers: HeaderList): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) result[name] = isSecret(value) ? value.expose() : value;
  return result;
}

function maskHeaders(headers: HeaderList, scrub: (text: string) => string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) result[name] = scrub(String(value));
  return result;
}
