/**
 * @module Nuvei's wire format as Juspay's connector core builds and reads it, one module per job:
 * credentials, request bodies, answer schemas, answer mappers, error answers.
 */

export * from './auth.js';
export * from './errors.js';
export * from './handlers.js';
export * from './handlers-transaction.js';
export * from './request.js';
export * from './request-transaction.js';
export * from './response.js';
