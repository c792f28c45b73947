/** @module `run`'s output: one JSON document, or lines for a person; every known secret masked. */

import type { CliIo } from '../../io.js';
import type { RunFlow } from '../../run-flows.js';
import type { RunResult } from './flows.js';

/** `TYPE CODE`, or the code once when the gateway gave none of its own. */
function codes(error: NonNullable<RunResult['error']>): string {
  return error.type === error.code ? error.code : `${error.type} ${error.code}`;
}

function lines(result: RunResult, id: string, flow: RunFlow): string {
  const out = [`${id} ${flow} → ${result.status ?? '(no status)'}`];
  if (result.sessionToken !== undefined) out.push(`  session token   ${result.sessionToken}`);
  if (result.connectorTransactionId !== undefined)
    out.push(`  transaction id  ${result.connectorTransactionId}`);
  if (result.connectorRefundId !== undefined)
    out.push(`  refund id       ${result.connectorRefundId}`);
  if (result.redirection !== undefined)
    out.push(`  redirect        ${result.redirection.method} ${result.redirection.url}`);
  if (result.error !== undefined) {
    const status =
      result.error.httpStatus === undefined ? '' : ` (HTTP ${result.error.httpStatus})`;
    out.push(`  error           ${codes(result.error)}: ${result.error.message}${status}`);
    if (result.error.reason !== undefined && result.error.reason !== result.error.message) {
      out.push(`                  ${result.error.reason}`);
    }
  }
  if (result.exchanges.length > 0) out.push('  exchanges');
  for (const event of result.exchanges) {
    const answer =
      event.status === undefined ? (event.error?.code ?? 'no answer') : String(event.status);
    out.push(
      `    ${event.flow} ${event.method} ${event.url} → ${answer} (${event.latencyMs.toFixed(0)} ms)`,
    );
  }
  return out.join('\n');
}

/**
 * Prints the result. `scrub` masks every secret of the credentials and the payment file in the
 * whole text: the last line of defence, for a gateway that echoes one in a field the runtime
 * does not know to be secret.
 */
export function printResult(
  result: RunResult,
  context: { readonly id: string; readonly flow: RunFlow; readonly json: boolean },
  io: CliIo,
  scrub: (text: string) => string,
): void {
  io.stdout(scrub(context.json ? JSON.stringify(result) : lines(result, context.id, context.flow)));
}
