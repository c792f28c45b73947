/**
 * @module A gateway emulator's HTTP shell: binds 127.0.0.1 only, records every request, answers
 * through a handler, and is bounded (body size, request count, optional lifetime) so a test's
 * server can never outlive or overload its run.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly target: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface GatewayReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A reply, or a misbehaviour: never answer, or drop the connection. */
export type ScriptedReply = GatewayReply | { readonly hang: true } | { readonly destroy: true };

export type RequestMatcher = string | ((request: RecordedRequest) => boolean);

export type GatewayHandler = (request: RecordedRequest) => GatewayReply | Promise<GatewayReply>;

export interface LoopbackOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** After this many requests the server answers 503 and stops (default 10,000). */
  readonly maxRequests?: number;
  /** Stops by itself after this long (default: never, for `create-connector sandbox`). */
  readonly lifetimeMs?: number;
  /** Request bodies above this size get 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Keep the process alive while serving (default false, so tests never hang on it). */
  readonly keepProcessAlive?: boolean;
  /** Told of each answered request with the status it got (`sandbox` logs one line each). */
  readonly onReply?: (request: Pick<RecordedRequest, 'method' | 'path'>, status: number) => void;
}

export interface LoopbackGateway {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The newest request whose path ends with `pathSuffix` (or any, without one). */
  lastRequest(pathSuffix?: string): RecordedRequest | undefined;
  /** Answers the next request matching `match` with `reply` instead of the handler (once). */
  enqueue(match: RequestMatcher, reply: ScriptedReply): void;
  /** Forgets recorded requests and queued replies. */
  reset(): void;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

export function jsonReply(status: number, body: unknown): GatewayReply {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

export function matchesRequest(match: RequestMatcher, request: RecordedRequest): boolean {
  return typeof match === 'string' ? request.path.endsWith(match) : match(request);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function record(req: IncomingMessage, body: string): RecordedRequest {
  const target = req.url ?? '/';
  // Prefix, not resolve: a target such as `//v3/order/status` must stay a path, not become a host.
  const url = new URL(`http://127.0.0.1${target.startsWith('/') ? '' : '/'}${target}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    target,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
}

export async function startLoopbackGateway(
  handler: GatewayHandler,
  options: LoopbackOptions = {},
): Promise<LoopbackGateway> {
  const maxRequests = options.maxRequests ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const requests: RecordedRequest[] = [];
  const queue: Array<{ match: RequestMatcher; reply: ScriptedReply }> = [];
  let served = 0;

  const send = (
    res: ServerResponse,
    reply: GatewayReply,
    request: Pick<RecordedRequest, 'method' | 'path'> | undefined = undefined,
  ): void => {
    if (request !== undefined) options.onReply?.(request, reply.status);
    res.writeHead(reply.status, {
      ...reply.headers,
      'content-length': Buffer.byteLength(reply.body),
    });
    res.end(reply.body);
  };

  const server = createServer((req, res) => {
    served += 1;
    if (served > maxRequests) {
      send(res, { status: 503, body: 'request limit reached' });
      void stop();
      return;
    }
    void (async () => {
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined) {
        send(res, { status: 413, body: 'request body too large' });
        return;
      }
      const request = record(req, body);
      requests.push(request);
      const index = queue.findIndex((entry) => matchesRequest(entry.match, request));
      const scripted = index >= 0 ? queue.splice(index, 1)[0]!.reply : undefined;
      if (scripted !== undefined && 'hang' in scripted) return;
      if (scripted !== undefined && 'destroy' in scripted) {
        req.socket.destroy();
        return;
      }
      try {
        send(res, scripted ?? (await handler(request)), request);
      } catch (error) {
        send(res, { status: 500, body: `emulator error: ${(error as Error).message}` }, request);
      }
    })();
  });
  // Connections left open by keep-alive or a hung reply must not hold close() up.
  const stop = async (): Promise<void> => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  if (options.keepProcessAlive !== true) server.unref();
  if (options.lifetimeMs !== undefined) setTimeout(() => void stop(), options.lifetimeMs).unref();

  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    requests,
    lastRequest: (pathSuffix) =>
      [...requests].reverse().find((r) => pathSuffix === undefined || r.path.endsWith(pathSuffix)),
    enqueue: (match, reply) => {
      queue.push({ match, reply });
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: stop,
  };
}
