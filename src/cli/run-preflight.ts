/**
 * @module Builds the Authorize request of `run` before anything is sent: a payment the connector
 * refuses (a required field missing) must not cost a session token first.
 */

import {
  authorize,
  isIntegrationError,
  type AmountType,
  type CallOptions,
  type Connector,
  type HttpClient,
  type PaymentInput,
} from '../runtime/index.js';

/** Stands in for the network: the request was built, so the preflight is over. */
class NotSent extends Error {
  override readonly name = 'NotSent';
}

const NEVER_SEND: HttpClient = {
  send: () => Promise.reject(new NotSent('preflight: requests are built, never sent')),
};

/**
 * Runs Authorize as the runtime would, with a placeholder session token and a client that sends
 * nothing. Throws the connector's IntegrationError when it cannot build the request.
 */
export async function preflightAuthorize(
  connector: Connector<AmountType>,
  payment: PaymentInput,
  call: CallOptions,
): Promise<void> {
  const { onEvent: _ignored, ...quiet } = call;
  try {
    await authorize(
      connector,
      { ...payment, sessionToken: payment.sessionToken ?? 'preflight-session-token' },
      { ...quiet, http: NEVER_SEND, runSessionStep: false },
    );
  } catch (error) {
    // anything else is the missing answer of NEVER_SEND, as the runtime reports it
    if (isIntegrationError(error)) throw error;
  }
}
