/** @module A cassette's answer as the bytes a loopback server sends. */

import type { GatewayReply } from '../../sandbox/loopback.js';
import type { CassetteAnswer, CassetteBody } from './format.js';

export function bodyText(body: CassetteBody | undefined): string {
  if (body === undefined) return '';
  if ('json' in body) return JSON.stringify(body.json);
  if ('form' in body) return new URLSearchParams(body.form as Record<string, string>).toString();
  return body.text;
}

/** A cassette answer as a loopback reply (e.g. a conformance suite's `sessionFailure`). */
export function answerReply(answer: CassetteAnswer): GatewayReply {
  const headers = { ...answer.headers };
  if (answer.body !== undefined && 'json' in answer.body && !('content-type' in headers)) {
    headers['content-type'] = 'application/json';
  }
  return { status: answer.status, headers, body: bodyText(answer.body) };
}
