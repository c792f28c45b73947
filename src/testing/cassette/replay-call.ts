/**
 * @module Replays a cassette against a connector: starts the replay server, makes the cassette's
 * flow call against it (the same call the recorder made), stops the server, and fails with the
 * replay report when a request differed or an exchange was never requested.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  isSecret,
  Secret,
  type AmountType,
  type Connector,
  type ConnectorAuthType,
  type PaymentInput,
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
  /**
   * Session and Authorize: a payment whose card fills the cassette input's masked members
   * (`payment.paymentMethod.number`, …); the cassette's literal members are used as recorded.
   */
  readonly payment?: PaymentInput;
  /** The other flows: likewise, for an input whose members the cassette holds masked. */
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

/** The value at a secret rule's name (`payment.paymentMethod.number`) in what the test gave. */
function givenValue(name: string, given: Readonly<Record<string, unknown>>): unknown {
  let node: unknown = given;
  for (const key of name.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The cassette's input as the call takes it: its literal members as recorded, each masked one
 * (a `secret` rule) filled from the payment or input the test gave, at the same path.
 */
function resolveInput(
  node: unknown,
  given: Readonly<Record<string, unknown>>,
  file: string,
): unknown {
  if (isRuleObject(node)) {
    const name = typeof node['name'] === 'string' ? node['name'] : undefined;
    const value =
      node['$match'] === 'secret' && name !== undefined ? givenValue(name, given) : undefined;
    if (value === undefined) {
      const option = name?.startsWith('payment.') === true ? 'options.payment' : 'options.input';
      throw new TypeError(
        `cassette ${file} replays its input's masked ${name ?? 'member'}: give it in ${option}`,
      );
    }
    return isSecret(value) ? value : new Secret(String(value));
  }
  if (Array.isArray(node)) return node.map((item) => resolveInput(item, given, file));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => [key, resolveInput(child, given, file)]),
    );
  }
  return node;
}

function inputFor(cassette: Cassette, options: ReplayCallOptions, file: string): unknown {
  return resolveInput(cassette.input, { payment: options.payment, input: options.input }, file);
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
