/** @module Gateway emulators on 127.0.0.1: the loopback base and the nuvei, paytm and generic gateways. */

export * from './generic.js';
export * from './loopback.js';
export * from './nuvei/index.js';
export * from './paytm/index.js';
