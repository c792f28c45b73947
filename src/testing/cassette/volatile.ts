/**
 * @module Which recorded request members change from one run to the next, and the rule each
 * becomes: a value an earlier answer gave (the session token) → `from-answer`; times →
 * `unix-seconds`, `unix-millis`, `compact-datetime`, `iso-datetime`; UUIDs → `uuid`; hashes →
 * `sha256-hex` / `hex`; a member named like a signature or checksum → `base64`, or
 * `non-empty-string` (it is computed over a secret and the time, so it never repeats).
 */

import type { CassetteRule } from './rules.js';

/** A string an earlier answer gave, and where. */
export interface AnswerValue {
  readonly answer: number;
  readonly path?: string;
  readonly header?: string;
  readonly value: string;
}

/** Shorter answer values (codes, statuses) are too likely to recur by chance. */
const MIN_CARRIED = 8;
/** How far from the recording's clock a value may be and still be read as a time. */
const TIME_WINDOW_MS = 2 * 86_400_000;
const SIGNATURE_NAME = /(sign|signature|checksum|hash|hmac|digest|mac)$/i;

export function answerValues(
  answer: number,
  json: unknown,
  headers: Readonly<Record<string, string>>,
): AnswerValue[] {
  const found: AnswerValue[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string' && node.length >= MIN_CARRIED)
      found.push({ answer, path, value: node });
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node))
        walk(child, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(json, '');
  for (const [header, value] of Object.entries(headers)) {
    if (value.length >= MIN_CARRIED && !/^(content-type|cache-control|etag|vary)$/.test(header)) {
      found.push({ answer, header, value });
    }
  }
  return found;
}

function carried(value: string, earlier: readonly AnswerValue[]): CassetteRule | undefined {
  const best = earlier
    .filter((candidate) => value.includes(candidate.value))
    .sort((a, b) => b.value.length - a.value.length)[0];
  if (best === undefined) return undefined;
  const at = value.indexOf(best.value);
  const prefix = value.slice(0, at);
  const suffix = value.slice(at + best.value.length);
  return {
    $match: 'from-answer',
    answer: best.answer,
    ...(best.header === undefined ? { path: best.path! } : { header: best.header }),
    ...(prefix === '' ? {} : { prefix }),
    ...(suffix === '' ? {} : { suffix }),
  };
}

function near(ms: number, nowMs: number): boolean {
  return Math.abs(ms - nowMs) <= TIME_WINDOW_MS;
}

function timeRule(text: string, nowMs: number): CassetteRule | undefined {
  if (/^\d{10}$/.test(text) && near(Number(text) * 1000, nowMs)) return { $match: 'unix-seconds' };
  if (/^\d{13}$/.test(text) && near(Number(text), nowMs)) return { $match: 'unix-millis' };
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (compact !== null) {
    const [, y, mo, d, h, mi, s] = compact.map(Number) as number[];
    if (near(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!), nowMs)) return { $match: 'compact-datetime' };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && near(Date.parse(text), nowMs)) {
    return { $match: 'iso-datetime' };
  }
  return undefined;
}

/**
 * The rule for a request member, or undefined to keep its value. `key` is its member or header
 * name; `fixed` holds the call's own input values, which are never read as carried tokens.
 */
export function volatileRule(
  key: string,
  value: string | number,
  context: {
    readonly nowMs: number;
    readonly earlier: readonly AnswerValue[];
    readonly fixed: ReadonlySet<string>;
  },
): CassetteRule | undefined {
  const text = String(value);
  if (text === '') return undefined;
  if (typeof value === 'string' && !context.fixed.has(text)) {
    const token = carried(text, context.earlier);
    if (token !== undefined) return token;
  }
  const time = timeRule(text, context.nowMs);
  if (time !== undefined) return time;
  if (typeof value !== 'string') return undefined;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(text)) {
    return { $match: 'uuid' };
  }
  if (/^[0-9a-f]{64}$/i.test(text)) return { $match: 'sha256-hex' };
  if ([32, 40, 96, 128].includes(text.length) && /^[0-9a-f]+$/i.test(text) && /[a-f]/i.test(text)) {
    return { $match: 'hex', length: text.length };
  }
  if (SIGNATURE_NAME.test(key) && !context.fixed.has(text)) {
    return text.length >= 16 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? { $match: 'base64' }
      : { $match: 'non-empty-string' };
  }
  return undefined;
}
