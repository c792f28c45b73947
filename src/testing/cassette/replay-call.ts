/**
 * @module Replays a cassette against a connector: starts the replay server, makes the cassette's
 * flow call against it (the same call the recorder made), stops the server, and fails with the
 * replay report when a request differed or an exchange was never requested.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type {
  AmountType,
  Connector,
  ConnectorAuthType,
  PaymentInput,
} from '../../runtime/index.js';
import { callCassetteFlow, type CassetteInputs, type FlowCallResult } from './flow-call.js';
import { parseCassette, type Cassette } from './format.js';
import { namedSecrets } from './mask.js';
import { startCassetteReplay } from './replay.js';
import { isRuleObject } from './rules.js';

export interface ReplayCallOptions {
  readonly connector: Connector<AmountType>;
  /** Credentials: `secret` rules are compared with them. */
  readonly auth: ConnectorAuthType;
  /** Session and Authorize: the payment, with its card (which the cassette holds masked). */
  readonly payment?: PaymentInput;
  /** The other flows: their input, instead of the cassette's `input`. */
  readonly input?: CassetteInputs['psync' | 'capture' | 'void' | 'refund' | 'rsync'];
  /** The clock time rules compare with (default `Date.now`). */
  readonly now?: () => number;
}

export interface ReplayResult extends FlowCallResult {
  readonly cassette: Cassette;
}

/** A cassette file (path or file URL) read and checked, or a cassette already read. */
export function loadCassette(source: Cassette | string | URL): {
  cassette: Cassette;
  file: string;
} {
  if (typeof source === 'object' && !(source instanceof URL)) {
    return { cassette: source, file: `${source.flow}-${source.scenario}` };
  }
  const file = source instanceof URL ? fileURLToPath(source) : source;
  return { cassette: parseCassette(readFileSync(file, 'utf8'), file), file };
}

function hasRule(node: unknown): boolean {
  if (isRuleObject(node)) return true;
  return typeof node === 'object' && node !== null && Object.values(node).some(hasRule);
}

function inputFor(cassette: Cassette, options: ReplayCallOptions, file: string): unknown {
  const paymentFlow = cassette.flow === 'session' || cassette.flow === 'authorize';
  const given = paymentFlow ? options.payment : options.input;
  if (given !== undefined) return given;
  if (hasRule(cassette.input)) {
    throw new TypeError(
      `cassette ${file} replays ${cassette.flow} with masked input: give ${paymentFlow ? 'options.payment' : 'options.input'}`,
    );
  }
  return cassette.input;
}

export async function replayCassette(
  source: Cassette | string | URL,
  options: ReplayCallOptions,
): Promise<ReplayResult> {
  const { cassette, file } = loadCassette(source);
  const input = inputFor(cassette, options, file);
  const inputName =
    cassette.flow === 'session' || cassette.flow === 'authorize' ? 'payment' : 'input';
  const secrets = Object.fromEntries(
    namedSecrets(options.auth, input, inputName).map(({ name, value }) => [name, value]),
  );
  const replay = await startCassetteReplay(cassette, {
    secrets,
    file,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  try {
    const result = await callCassetteFlow(
      options.connector,
      cassette.flow,
      input as CassetteInputs[typeof cassette.flow],
      { auth: options.auth, baseUrl: replay.baseUrl, timeoutMs: 5_000 },
    );
    replay.assertReplayed();
    return { ...result, cassette };
  } finally {
    await replay.close();
  }
}
