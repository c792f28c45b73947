/**
 * @module Paytm's checksum, implemented here on its own (not shared with src/connectors) so the
 * emulator checks the connector's: AES-CBC over `sha256(payload|salt) + salt`.
 */

import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';

import { sha256Hex } from '../emulator-kit.js';

const IV = Buffer.from('@@@@&&&&####$$$$', 'latin1');

function aes(merchantKey: string): { algorithm: string; key: Buffer } {
  const bytes = Buffer.from(merchantKey, 'utf8');
  if (bytes.length === 16 || bytes.length === 24) {
    return { algorithm: `aes-${bytes.length * 8}-cbc`, key: bytes };
  }
  const key = Buffer.alloc(32);
  bytes.copy(key, 0, 0, Math.min(bytes.length, 32));
  return { algorithm: 'aes-256-cbc', key };
}

function checksumPlaintext(payload: string, salt: string): string {
  return sha256Hex(`${payload}|${salt}`) + salt;
}

/** Signs `payload` with a fresh salt, as Paytm signs its answers. */
export function signPayload(payload: string, merchantKey: string): string {
  const { algorithm, key } = aes(merchantKey);
  const cipher = createCipheriv(algorithm, key, IV);
  const plaintext = checksumPlaintext(payload, randomBytes(3).toString('base64'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** Decrypts, takes the last 4 characters as the salt, recomputes: paytmchecksum's `verifySignature`. */
export function verifyPaytmSignature(
  payload: string,
  merchantKey: string,
  signature: string,
): boolean {
  const { algorithm, key } = aes(merchantKey);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv(algorithm, key, IV);
    plaintext = Buffer.concat([decipher.update(signature, 'base64'), decipher.final()]);
  } catch {
    return false;
  }
  const salt = plaintext.subarray(Math.max(0, plaintext.length - 4)).toString('utf8');
  const expected = Buffer.from(checksumPlaintext(payload, salt), 'utf8');
  return expected.length === plaintext.length && timingSafeEqual(expected, plaintext);
}
