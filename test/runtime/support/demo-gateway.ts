/** A loopback gateway for the demo connector: issues tokens and checks Authorize carries one. */

import {
  jsonReply,
  startLoopbackGateway,
  type LoopbackGateway,
} from '../../../src/sandbox/loopback.js';

export async function startDemoGateway(): Promise<LoopbackGateway> {
  const issued = new Set<string>();
  let counter = 0;
  return startLoopbackGateway(
    (request) => {
      if (request.path === '/session') {
        counter += 1;
        const token = `tok_${counter}_${Date.now().toString(36)}`;
        issued.add(token);
        return jsonReply(200, { status: 'SUCCESS', sessionToken: token });
      }
      if (request.path === '/pay') {
        const body = JSON.parse(request.body) as Record<string, unknown>;
        const token =
          (body['sessionToken'] as string | undefined) ??
          request.headers['x-session-token'] ??
          request.query['sessionToken'];
        if (token === undefined || !issued.has(token)) {
          return jsonReply(200, {
            status: 'ERROR',
            errorCode: '1069',
            errorMessage: 'Invalid session',
          });
        }
        return jsonReply(200, {
          status: 'SUCCESS',
          transactionId: 'txn_1',
          transactionStatus: 'APPROVED',
        });
      }
      return jsonReply(404, { errorCode: 'NOT_FOUND', errorMessage: request.path });
    },
    { lifetimeMs: 120_000 },
  );
}
