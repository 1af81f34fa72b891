import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './protocol.ts';
import { hashSecret, newId, newJoinCode, newSecret } from './secrets.ts';

describe('secrets', () => {
  it('makes 43-character base64url secrets, all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = newSecret();
      expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(200);
  });
  it('hashes deterministically and never returns the secret', () => {
    const s = newSecret();
    expect(hashSecret(s)).toBe(hashSecret(s));
    expect(hashSecret(s)).not.toContain(s);
    expect(hashSecret(s)).not.toBe(hashSecret(newSecret()));
  });
  it('makes join codes from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
  it('makes url-safe ids', () => {
    expect(newId()).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
