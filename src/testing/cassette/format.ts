/**
 * @module The cassette file: one JSON document per scenario, the requests a flow call is expected
 * to send and the answers to give, in order. Values are literal except where a rule (rules.ts)
 * stands in for a volatile or secret member. Read with {@link parseCassette}, which names the
 * file and the JSON path of whatever it refuses.
 *
 * ```json
 * {
 *   "cassette": 1,
 *   "connector": "acme_pay",
 *   "flow": "authorize",
 *   "scenario": "approved",
 *   "input": { "amount": 1000, "currency": "USD", "referenceId": "order_1" },
 *   "outcome": { "status": "Charged" },
 *   "exchanges": [
 *     {
 *       "flow": "CreateSessionToken",
 *       "request": {
 *         "method": "POST",
 *         "path": "/v1/session-token",
 *         "headers": { "authorization": { "$match": "secret", "name": "auth.apiKey", "prefix": "Bearer " } },
 *         "body": { "json": { "merchantId": { "$match": "secret", "name": "auth.apiKey" },
 *                             "timestamp": { "$match": "unix-seconds" } } }
 *       },
 *       "answer": { "status": 200, "headers": { "content-type": "application/json" },
 *                   "body": { "json": { "status": "SUCCESS", "sessionToken": "st_x" } } }
 *     }
 *   ]
 * }
 * ```
 * A body is `{ "json": tree }`, `{ "form": { key: value } }` (flat `a[b]` keys, decoded) or
 * `{ "text": "…" }`; no `body` means none. Request `path` is relative to the base URL; `query`
 * and `headers` (lower-case names) list what must be there (other headers are not checked).
 */

import { z } from '../../runtime/zod.cjs';

import { CASSETTE_FLOWS, type CassetteFlow } from './flow-flags.js';
import { cassetteRuleSchema, isRuleObject, RULE_NAMES } from './rules.js';

export { CASSETTE_FLOWS, type CassetteFlow };

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const tree = z.custom<JsonValue>(() => true);
const stringOrRule = z.union([z.string(), tree]);

const bodySchema = z.union([
  z.object({ json: tree }).strict(),
  z.object({ form: z.record(z.string(), stringOrRule) }).strict(),
  z.object({ text: z.string() }).strict(),
]);

const requestSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z.string().startsWith('/', 'must start with "/" (relative to the base URL)'),
    query: z.record(z.string(), stringOrRule).optional(),
    headers: z
      .record(
        z.string().regex(/^[!#$%&'*+.^_`|~0-9a-z-]+$/, 'lower-case header names'),
        stringOrRule,
      )
      .optional(),
    body: bodySchema.optional(),
  })
  .strict();

const answerSchema = z
  .object({
    status: z.number().int().min(100).max(599),
    headers: z.record(z.string(), z.string()).optional(),
    body: bodySchema.optional(),
  })
  .strict();

const outcomeSchema = z
  .object({
    status: z.string().optional(),
    refundStatus: z.string().optional(),
    /** The gateway's code of an in-band failure (an ErrorResponse in a 2xx answer). */
    errorCode: z.string().optional(),
    /** A typed runtime error the call threw. */
    error: z.object({ kind: z.string(), code: z.string() }).strict().optional(),
  })
  .strict();

export const cassetteSchema = z
  .object({
    cassette: z.literal(1),
    connector: z.string().min(1),
    flow: z.enum(CASSETTE_FLOWS),
    scenario: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    recordedAt: z.string().optional(),
    input: z.record(z.string(), tree),
    outcome: outcomeSchema,
    exchanges: z
      .array(
        z
          .object({
            flow: z.string().min(1),
            request: requestSchema,
            answer: answerSchema,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Cassette = z.infer<typeof cassetteSchema>;
export type CassetteExchange = Cassette['exchanges'][number];
export type CassetteRequest = CassetteExchange['request'];
export type CassetteAnswer = CassetteExchange['answer'];
export type CassetteBody = NonNullable<CassetteRequest['body']>;
export type CassetteOutcome = Cassette['outcome'];

export class CassetteFormatError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ReadonlyArray<{ readonly path: string; readonly rule: string }>,
  ) {
    super(
      `cassette ${file} is not valid:\n${issues.map((issue) => `  ${issue.path}: ${issue.rule}`).join('\n')}`,
    );
    this.name = 'CassetteFormatError';
  }
}

/** Every rule object in the requests, checked: where one is wrong, the issue names its path. */
function ruleIssues(
  node: unknown,
  path: string,
  exchange: number,
  into: Array<{ path: string; rule: string }>,
): void {
  if (isRuleObject(node)) {
    const parsed = cassetteRuleSchema.safeParse(node);
    if (parsed.success && parsed.data.$match === 'from-answer' && parsed.data.answer >= exchange) {
      into.push({ path, rule: `answer must name an earlier exchange (below ${exchange})` });
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const rule =
        issue.code === 'invalid_union'
          ? `unknown rule ${JSON.stringify(node.$match)} (one of ${RULE_NAMES.join(', ')})`
          : `${issue.path.length === 0 ? '' : `${issue.path.join('.')}: `}${issue.message}`;
      into.push({ path, rule });
    }
    return;
  }
  if (Array.isArray(node))
    node.forEach((item, index) => ruleIssues(item, `${path}[${index}]`, exchange, into));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, child] of Object.entries(node))
      ruleIssues(child, `${path}.${key}`, exchange, into);
  }
}

/** Reads a cassette's text; `file` names it in errors. */
export function parseCassette(text: string, file = '(cassette)'): Cassette {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CassetteFormatError(file, [
      { path: '(root)', rule: `not JSON: ${(error as Error).message}` },
    ]);
  }
  const parsed = cassetteSchema.safeParse(json);
  if (!parsed.success) {
    throw new CassetteFormatError(
      file,
      parsed.error.issues.map((issue) => ({
        path: issue.path.length === 0 ? '(root)' : issue.path.join('.'),
        rule: issue.message,
      })),
    );
  }
  const issues: Array<{ path: string; rule: string }> = [];
  parsed.data.exchanges.forEach((exchange, index) =>
    ruleIssues(exchange.request, `exchanges.${index}.request`, index, issues),
  );
  if (issues.length > 0) throw new CassetteFormatError(file, issues);
  return parsed.data;
}
