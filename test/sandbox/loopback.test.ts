import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  jsonReply,
  startLoopbackGateway,
  type LoopbackGateway,
} from '../../src/sandbox/loopback.js';

describe('the loopback gateway', () => {
  let gateway: LoopbackGateway;

  beforeAll(async () => {
    gateway = await startLoopbackGateway((req) => jsonReply(200, { path: req.path }), {
      maxRequests: 5,
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('binds 127.0.0.1 only', () => {
    expect(gateway.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('records a double-slash target as a path, with its query', async () => {
    const response = await request(`${gateway.baseUrl}//v3/order/status?mid=M&orderId=O`, {
      method: 'POST',
      body: '{}',
    });
    expect(await response.body.json()).toEqual({ path: '//v3/order/status' });
    const recorded = gateway.lastRequest()!;
    expect(recorded).toMatchObject({
      target: '//v3/order/status?mid=M&orderId=O',
      path: '//v3/order/status',
    });
    expect(recorded.query).toEqual({ mid: 'M', orderId: 'O' });
  });

  it('answers a queued reply once, then the handler again', async () => {
    gateway.enqueue('/x', { status: 418, body: 'teapot' });
    expect((await request(`${gateway.baseUrl}/x`)).statusCode).toBe(418);
    expect((await request(`${gateway.baseUrl}/x`)).statusCode).toBe(200);
  });

  it('stops by itself past its request limit', async () => {
    const limited = await startLoopbackGateway(() => jsonReply(200, {}), { maxRequests: 1 });
    expect((await request(`${limited.baseUrl}/a`)).statusCode).toBe(200);
    expect((await request(`${limited.baseUrl}/b`)).statusCode).toBe(503);
    await limited.close();
  });

  it('refuses oversized bodies', async () => {
    const small = await startLoopbackGateway(() => jsonReply(200, {}), { maxBodyBytes: 10 });
    const response = await request(`${small.baseUrl}/a`, { method: 'POST', body: 'x'.repeat(100) });
    expect(response.statusCode).toBe(413);
    await response.body.text();
    await small.close();
  });
});
