/**
 * @module The default transport: node:http, and node:https once an https URL comes, each with
 * one keep-alive agent per process. Built in, so a process that sends two requests does not
 * load undici (~90 ms on a small machine) to do it; client.ts keeps undici for a caller's
 * dispatcher.
 */

import http from 'node:http';
import type https from 'node:https';

import type { HttpResponse } from '../connector.js';
import { ResponseTooLarge, bodyText, timeoutReason, type Transport } from './transport.js';

interface Protocol {
  readonly request: typeof http.request;
  readonly agent: http.Agent;
}

/** Idle sockets close after 10 s, as the undici Agent this replaced was configured. */
const KEEP_ALIVE = { keepAlive: true, timeout: 10_000 } as const;

let plain: Protocol | undefined;
let secure: Promise<Protocol> | undefined;

function protocolOf(url: URL): Protocol | Promise<Protocol> {
  if (url.protocol === 'https:') {
    secure ??= import('node:https').then((module: typeof https) => ({
      request: module.request,
      agent: new module.Agent(KEEP_ALIVE),
    }));
    return secure;
  }
  // anything but http: is refused by http.request itself (ERR_INVALID_PROTOCOL)
  plain ??= { request: http.request, agent: new http.Agent(KEEP_ALIVE) };
  return plain;
}

/** The answer's headers as undici gives them: names lower-cased, repeats joined with ", ". */
function headersOf(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** A connection that closed before the body's end, as node reports a dropped answer. */
function closedEarly(): Error {
  return Object.assign(new Error('the connection closed before the answer ended'), {
    code: 'ECONNRESET',
  });
}

export const nodeTransport: Transport = async (req, maxBytes, deadline) => {
  const url = new URL(req.url);
  const { request, agent } = await protocolOf(url);
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    let outgoing: http.ClientRequest | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const fail = (error: unknown) => settle(() => reject(error));
    // one deadline for connecting, the headers and the whole body
    const timer = setTimeout(() => {
      deadline.timedOut = true;
      const reason = timeoutReason();
      fail(reason);
      outgoing?.destroy(reason);
    }, req.timeoutMs);
    // Like AbortSignal.timeout's timer, never what keeps the process alive.
    timer.unref();
    try {
      outgoing = request(url, { method: req.method, headers: req.headers, agent }, (answer) => {
        const status = answer.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let length = 0;
        answer.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length <= maxBytes) {
            chunks.push(chunk);
            return;
          }
          chunks.length = 0;
          fail(new ResponseTooLarge(status, maxBytes));
          outgoing?.destroy();
        });
        answer.on('end', () =>
          settle(() =>
            resolve({
              status,
              headers: headersOf(answer.rawHeaders),
              body: bodyText(chunks, length),
            }),
          ),
        );
        answer.on('error', fail);
        answer.on('close', () => fail(closedEarly()));
      });
      outgoing.on('error', fail);
      outgoing.end(req.body);
    } catch (error) {
      fail(error);
    }
  });
};
