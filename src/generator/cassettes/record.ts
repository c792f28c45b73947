/**
 * @module Records the day-one cassettes: every scenario of the flows the rendered connector
 * declares, run against the generic emulator built from the same answers, as repeatable files.
 * What would differ from one run to the next is made fixed or left to the cassette's rules:
 * tokens come from a counter, ids from the emulator's counters (scenarios run in one order),
 * times, checksums and secrets are rules (the recorder's), the recording time is left out, and
 * the emulator's address in an answer (a redirect URL) reads as the gateway's base URL.
 */

import {
  createHttpClient,
  type AmountType,
  type Connector,
  type HttpClient,
} from '../../runtime/index.js';
import {
  genericSandboxAuth,
  startGenericEmulator,
  type GenericGatewaySpec,
} from '../../sandbox/generic.js';
import type { Cassette } from '../../testing/cassette/format.js';
import { recordCassette, RecordingError } from '../../testing/cassette/record.js';
import { InternalError } from '../errors.js';
import { scenariosOf } from './scenarios.js';

/** One cassette file of a connector: its name in the cassettes folder, and the cassette. */
export interface RecordedCassette {
  readonly name: string;
  readonly cassette: Cassette;
}

const CALL_TIMEOUT_MS = 5_000;

/**
 * The runtime's client, with the emulator's address in each answer read as the gateway's: the
 * port changes every run (and could even hold a short secret's digits, which masking would hit).
 */
function asGateway(emulatorUrl: string, gatewayUrl: string): HttpClient {
  const inner = createHttpClient();
  const rewrite = (text: string) => text.split(emulatorUrl).join(gatewayUrl);
  return {
    send: async (request) => {
      const response = await inner.send(request);
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([name, value]) => [name, rewrite(value)]),
      );
      return { ...response, headers, body: rewrite(response.body) };
    },
  };
}

/** Records the scenarios of `connector` against the emulator of `answers` (a connector's). */
export async function recordScenarios(
  connector: Connector<AmountType>,
  answers: GenericGatewaySpec & { readonly baseUrl: string },
): Promise<RecordedCassette[]> {
  let issued = 0;
  const emulator = await startGenericEmulator(answers, {
    issueToken: () => `st_${String((issued += 1)).padStart(6, '0')}`,
    lifetimeMs: 60_000,
  });
  const auth = genericSandboxAuth(answers.authType);
  const call = { auth, baseUrl: emulator.baseUrl, timeoutMs: CALL_TIMEOUT_MS };
  const http = asGateway(emulator.baseUrl, answers.baseUrl.replace(/\/+$/, ''));
  const recorded: RecordedCassette[] = [];
  try {
    for (const scenario of scenariosOf(connector)) {
      const input = await scenario.input({ connector, call, emulator });
      let cassette: Cassette;
      try {
        ({ cassette } = await recordCassette({
          connector,
          flow: scenario.flow,
          input,
          ...call,
          http,
          scenario: scenario.name,
        }));
      } catch (error) {
        if (!(error instanceof RecordingError)) throw error;
        throw new InternalError(`${scenario.flow}-${scenario.name}: ${error.message}`, {
          cause: error,
        });
      }
      const { recordedAt: _time, ...repeatable } = cassette;
      recorded.push({ name: `${scenario.flow}-${scenario.name}.json`, cassette: repeatable });
    }
  } finally {
    await emulator.close();
  }
  return recorded;
}
