/**
 * @module Compares a request a connector sent with the one a cassette expects: method, path,
 * query, the headers the cassette lists, and the body member by member. Each difference names
 * its JSON path (`body.paymentMethod.number`, `headers.authorization`) and never shows a secret.
 */

import { MASK } from '../../runtime/index.js';
import type { RecordedRequest } from '../../sandbox/loopback.js';
import type { CassetteBody, CassetteRequest, JsonValue } from './format.js';
import { cassetteRuleSchema, isRuleObject, ruleProblem, type RuleContext } from './rules.js';

export interface Difference {
  /** Where, from the request: `method`, `path`, `query.x`, `headers.x`, `body.a.b[0]`. */
  readonly path: string;
  readonly problem: string;
}

const MAX_SHOWN = 80;

/** A value for a report: JSON, shortened, with every known secret masked. */
export function showValue(value: unknown, secrets: readonly string[]): string {
  let text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  for (const secret of secrets) text = text.split(secret).join(MASK);
  return text.length <= MAX_SHOWN
    ? text
    : `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)`;
}

interface Walk {
  readonly context: RuleContext;
  readonly secrets: readonly string[];
  readonly into: Difference[];
}

function compareValue(expected: unknown, actual: unknown, path: string, walk: Walk): void {
  const differ = (problem: string): void => {
    walk.into.push({ path, problem });
  };
  if (isRuleObject(expected)) {
    const rule = cassetteRuleSchema.parse(expected);
    const problem = ruleProblem(rule, actual, walk.context);
    if (problem !== undefined) {
      // a secret's actual value is never shown, nor what a rule says nothing more about
      const shown = rule.$match === 'secret' ? '' : `, got ${showValue(actual, walk.secrets)}`;
      differ(`${problem}${problem.includes(', got') ? '' : shown}`);
    }
    return;
  }
  if (actual === undefined) {
    differ(`missing (expected ${showValue(expected, walk.secrets)})`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return differ(`expected an array, got ${showValue(actual, walk.secrets)}`);
    if (actual.length !== expected.length) {
      differ(`expected ${expected.length} items, got ${actual.length}`);
    }
    expected.forEach((item, index) => {
      if (index < actual.length) compareValue(item, actual[index], `${path}[${index}]`, walk);
    });
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return differ(`expected an object, got ${showValue(actual, walk.secrets)}`);
    }
    compareMembers(
      expected as Record<string, unknown>,
      actual as Record<string, unknown>,
      path,
      walk,
      true,
    );
    return;
  }
  if (expected !== actual) {
    differ(`expected ${showValue(expected, walk.secrets)}, got ${showValue(actual, walk.secrets)}`);
  }
}

function compareMembers(
  expected: Readonly<Record<string, unknown>>,
  actual: Readonly<Record<string, unknown>>,
  path: string,
  walk: Walk,
  exact: boolean,
): void {
  for (const [key, value] of Object.entries(expected)) {
    compareValue(
      value,
      Object.hasOwn(actual, key) ? actual[key] : undefined,
      `${path}.${key}`,
      walk,
    );
  }
  if (!exact) return;
  for (const key of Object.keys(actual)) {
    if (!Object.hasOwn(expected, key)) {
      walk.into.push({
        path: `${path}.${key}`,
        problem: `not in the cassette (got ${showValue(actual[key], walk.secrets)})`,
      });
    }
  }
}

/** A body as the cassette's kind reads it, or why it cannot be read so. */
function readBody(
  kind: 'json' | 'form' | 'text',
  body: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (kind === 'text') return { ok: true, value: body };
  if (kind === 'form') return { ok: true, value: Object.fromEntries(new URLSearchParams(body)) };
  try {
    return { ok: true, value: JSON.parse(body) as JsonValue };
  } catch {
    return {
      ok: false,
      problem: `expected a JSON body, got ${body.length} bytes that are not JSON`,
    };
  }
}

function compareBody(expected: CassetteBody | undefined, actual: string, walk: Walk): void {
  if (expected === undefined) {
    if (actual !== '')
      walk.into.push({ path: 'body', problem: `expected no body, got ${actual.length} bytes` });
    return;
  }
  const kind = 'json' in expected ? 'json' : 'form' in expected ? 'form' : 'text';
  const read = readBody(kind, actual);
  if (!read.ok) {
    walk.into.push({ path: 'body', problem: read.problem });
    return;
  }
  const want =
    'json' in expected ? expected.json : 'form' in expected ? expected.form : expected.text;
  compareValue(want, read.value, 'body', walk);
}

/** Every difference between what was sent and what the cassette expects, in request order. */
export function compareRequest(
  expected: CassetteRequest,
  actual: RecordedRequest,
  context: RuleContext,
  secrets: readonly string[],
): Difference[] {
  const walk: Walk = { context, secrets, into: [] };
  if (actual.method !== expected.method) {
    walk.into.push({
      path: 'method',
      problem: `expected ${expected.method}, got ${actual.method}`,
    });
  }
  if (actual.path !== expected.path) {
    walk.into.push({
      path: 'path',
      problem: `expected ${showValue(expected.path, secrets)}, got ${showValue(actual.path, secrets)}`,
    });
  }
  compareMembers(expected.query ?? {}, actual.query, 'query', walk, true);
  // other headers (host, user-agent, content-length) are the HTTP client's, not the connector's
  compareMembers(expected.headers ?? {}, actual.headers, 'headers', walk, false);
  compareBody(expected.body, actual.body, walk);
  return walk.into.map((difference) => ({
    ...difference,
    path: difference.path.replace(/^\./, ''),
  }));
}
