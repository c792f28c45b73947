/**
 * @module The plumbing every gateway emulator shares: serving a handler on the loopback base
 * with the options it passes through, reading a JSON object body, HTML and time-stamp answers.
 * Checksums and signatures stay with each emulator: they verify with their own code on purpose.
 */

import { createHash } from 'node:crypto';

import {
  startLoopbackGateway,
  type GatewayReply,
  type LoopbackGateway,
  type LoopbackOptions,
  type RecordedRequest,
} from './loopback.js';

/** The loopback options an emulator passes through to its server. */
export type EmulatorLoopbackOptions = Pick<
  LoopbackOptions,
  'port' | 'lifetimeMs' | 'keepProcessAlive' | 'onReply'
>;

/** Answers a request; `baseUrl` is the emulator's own, for links in its answers. */
export type EmulatorHandler = (request: RecordedRequest, baseUrl: string) => GatewayReply;

/** Starts `handle` on 127.0.0.1 with only the options that are set. */
export async function serveEmulator(
  handle: EmulatorHandler,
  options: EmulatorLoopbackOptions,
): Promise<LoopbackGateway> {
  // Known once the server listens, which is before any request arrives.
  let baseUrl = '';
  const gateway = await startLoopbackGateway((request) => handle(request, baseUrl), {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.lifetimeMs === undefined ? {} : { lifetimeMs: options.lifetimeMs }),
    ...(options.keepProcessAlive === undefined
      ? {}
      : { keepProcessAlive: options.keepProcessAlive }),
    ...(options.onReply === undefined ? {} : { onReply: options.onReply }),
  });
  baseUrl = gateway.baseUrl;
  return gateway;
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A body read as a JSON object, or why it is not one. */
export type JsonObjectRead =
  | { readonly ok: true; readonly value: JsonObject }
  | { readonly ok: false; readonly problem: 'not JSON' | 'not a JSON object' };

export function readJsonObject(text: string): JsonObjectRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  return isJsonObject(value) ? { ok: true, value } : { ok: false, problem: 'not a JSON object' };
}

export function htmlReply(status: number, html: string): GatewayReply {
  return { status, headers: { 'content-type': 'text/html' }, body: html };
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, the way gateways date their transactions. */
export function isoDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
