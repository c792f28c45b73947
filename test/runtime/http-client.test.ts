/**
 * The two transports of createHttpClient answer alike: node:http(s) (the default) and undici over
 * a caller's dispatcher. Each case runs against a loopback server for both.
 */

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHttpClient, type HttpClient } from '../../src/runtime/index.js';

/** A header's bytes (UTF-8 "café") read one byte per character, as both transports read them. */
const LATIN1_TEXT = Buffer.from('café', 'utf8').toString('latin1');

type Route = (res: ServerResponse, body: string) => void;

const ROUTES: Record<string, Route> = {
  '/echo': (res, body) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-repeat', ['a', 'b']);
    res.setHeader('x-text', LATIN1_TEXT);
    res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body || '{}')]));
  },
  '/status': (res) => {
    res.statusCode = 503;
    res.end('unavailable');
  },
  '/hang': () => undefined,
  '/slow-body': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first part');
  },
  '/drop': (res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('partial');
    setTimeout(() => res.socket?.destroy(), 10);
  },
  '/large': (res) => res.end('x'.repeat(5_000)),
};

let server: Server;
let base: string;
const connections = new Set<Socket>();
let accepted = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const route = ROUTES[req.url ?? ''];
      if (route === undefined) res.writeHead(404).end();
      else route(res, body);
    });
  });
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of connections) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  await dispatcher.close();
});

const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
const TRANSPORTS: ReadonlyArray<[string, (limits?: { maxResponseBytes: number }) => HttpClient]> = [
  ['node:http (default)', (limits) => createHttpClient(undefined, limits)],
  ['undici (a dispatcher)', (limits) => createHttpClient(dispatcher, limits)],
];

const post = (path: string, extra: { body?: string; timeoutMs?: number } = {}) => ({
  method: 'POST' as const,
  url: `${base}${path}`,
  headers: { 'content-type': 'application/json' },
  timeoutMs: extra.timeoutMs ?? 2_000,
  ...(extra.body === undefined ? {} : { body: extra.body }),
});

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Record<string, unknown>,
  );
}

describe.each(TRANSPORTS)('createHttpClient over %s', (_name, client) => {
  it('sends the body and reads status, headers (lower-cased, repeats joined, latin1) and text without a BOM', async () => {
    const answer = await client().send(post('/echo', { body: '{"amount":"10.00"}' }));
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"amount":"10.00"}');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-repeat']).toBe('a, b');
    expect(answer.headers['x-text']).toBe(LATIN1_TEXT);
  });

  it('returns a non-2xx answer as it came', async () => {
    const answer = await client().send({ ...post('/status'), method: 'GET' });
    expect(answer).toMatchObject({ status: 503, body: 'unavailable' });
  });

  it('reuses its connection for the next request (keep-alive)', async () => {
    const http = client();
    await http.send(post('/echo'));
    const before = accepted;
    await http.send(post('/echo'));
    expect(accepted).toBe(before);
  });

  it.each([
    ['no answer', '/hang'],
    ['a body that stops', '/slow-body'],
  ])('times out on %s within the deadline', async (_label, path) => {
    const started = performance.now();
    const error = await failure(client().send(post(path, { timeoutMs: 150 })));
    expect(error).toMatchObject({ kind: 'network', code: 'TIMEOUT' });
    expect(error['message']).toContain('no answer within 150 ms');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('reports a connection dropped mid-body as CONNECTION_FAILED', async () => {
    const error = await failure(client().send(post('/drop')));
    expect(error).toMatchObject({ kind: 'network', code: 'CONNECTION_FAILED' });
  });

  it('reports a refused connection as CONNECTION_FAILED naming ECONNREFUSED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(
      client().send({ ...post('/echo'), url: `http://127.0.0.1:${port}/echo` }),
    );
    expect(error).toMatchObject({ kind: 'network', code: 'CONNECTION_FAILED' });
    expect(error['message']).toContain('ECONNREFUSED');
  });

  it('refuses an answer over the size cap while reading it, with its status', async () => {
    const error = await failure(client({ maxResponseBytes: 1_000 }).send(post('/large')));
    expect(error).toMatchObject({
      kind: 'connector',
      code: 'RESPONSE_DESERIALIZATION_FAILED',
      httpStatus: 200,
    });
    expect(error['message']).toContain('larger than 1000 bytes');
  });
});
