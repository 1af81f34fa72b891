import { describe, expect, it } from 'vitest';
import { ledLit } from './ledDrive.ts';

describe('ledLit', () => {
  it('follows the 2-bit drive: off, on, slow blink (1 Hz), fast blink (4 Hz)', () => {
    expect(ledLit(0, 0.1)).toBe(false);
    expect(ledLit(1, 0.7)).toBe(true);
    expect(ledLit(2, 0.2)).toBe(true);
    expect(ledLit(2, 0.7)).toBe(false);
    expect(ledLit(3, 0.05)).toBe(true);
    expect(ledLit(3, 0.2)).toBe(false);
    expect(ledLit(3, 0.3)).toBe(true);
  });
});
