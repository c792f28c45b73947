/**
 * @module Paytm's request signature (`head.signature`, wire-formats §4.3):
 * `base64(AES-CBC(key = merchantKey, iv = "@@@@&&&&####$$$$", PKCS#7, sha256hex(payload + "|" + salt) + salt))`
 * where `payload` is the exact JSON text of the request's `body` member and `salt` is base64 of
 * 3 random bytes. The AES variant follows the key's byte length as UCS does: 16 → AES-128,
 * 24 → AES-192, anything else → AES-256 with the key zero-padded or truncated to 32 bytes.
 */

import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const IV = Buffer.from('@@@@&&&&####$$$$', 'latin1');
/** base64 of 3 bytes. */
const SALT_LENGTH = 4;

interface AesKey {
  readonly algorithm: 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc';
  readonly key: Buffer;
}

function aesKey(merchantKey: string): AesKey {
  const bytes = Buffer.from(merchantKey, 'utf8');
  if (bytes.length === 16) return { algorithm: 'aes-128-cbc', key: bytes };
  if (bytes.length === 24) return { algorithm: 'aes-192-cbc', key: bytes };
  const key = Buffer.alloc(32);
  bytes.copy(key, 0, 0, Math.min(bytes.length, 32));
  return { algorithm: 'aes-256-cbc', key };
}

/** base64 of 3 random bytes: always 4 characters, may contain `+` and `/`. */
export function randomSalt(): string {
  return randomBytes(3).toString('base64');
}

/** The AES plaintext: lowercase hex SHA-256 of `payload|salt`, followed by the salt. */
export function saltedHash(payload: string, salt: string): string {
  return createHash('sha256').update(`${payload}|${salt}`, 'utf8').digest('hex') + salt;
}

/**
 * Signs `payload` (the exact JSON text of the request's `body`) with the merchant key.
 * The salt is random unless given (fixed salts reproduce published test vectors).
 */
export function sign(payload: string, merchantKey: string, salt: string = randomSalt()): string {
  const { algorithm, key } = aesKey(merchantKey);
  const cipher = createCipheriv(algorithm, key, IV);
  const encrypted = Buffer.concat([
    cipher.update(saltedHash(payload, salt), 'utf8'),
    cipher.final(),
  ]);
  return encrypted.toString('base64');
}

/** True when `signature` was made over exactly `payload` with this merchant key. */
export function verifySignature(payload: string, merchantKey: string, signature: string): boolean {
  const { algorithm, key } = aesKey(merchantKey);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv(algorithm, key, IV);
    plaintext = Buffer.concat([decipher.update(signature, 'base64'), decipher.final()]);
  } catch {
    return false; // wrong key or not a signature: the padding does not check out
  }
  if (plaintext.length <= SALT_LENGTH) return false;
  const salt = plaintext.subarray(plaintext.length - SALT_LENGTH).toString('utf8');
  const expected = Buffer.from(saltedHash(payload, salt), 'utf8');
  return expected.length === plaintext.length && timingSafeEqual(expected, plaintext);
}
