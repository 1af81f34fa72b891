/**
 * Secrets and codes: instructor keys and trainee tokens are 32 random bytes (base64url, 43
 * characters) and are kept only as SHA-256 hashes, so a store dump reveals none of them. Join
 * codes are short and typed by people: six characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 8.9 × 10^8 codes; guessing is held back by the failed-join rate limit.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './protocol.ts';

/** A new instructor key or trainee token (43 base64url characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new random id for a class or a trainee (16 base64url characters). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * A new join code.
 *
 * @example
 * newJoinCode(); // e.g. 'K7QH3M'
 */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

/** The hash under which a secret is stored and looked up. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
