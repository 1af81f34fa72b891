import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnsafeChars, normalizeName, quoteValue } from './text.ts';

describe('quoteValue', () => {
  it('escapes quotes and new lines', () => {
    expect(quoteValue('a"b\n')).toBe('"a\\"b\\n"');
  });
  it('cuts long values with an ellipsis', () => {
    expect(quoteValue('x'.repeat(100), 8)).toBe('"xxxxxx…');
  });
  it('never throws and never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: 2, max: 80 }), (value, max) => {
        const q = quoteValue(value, max);
        expect(q.length).toBeLessThanOrEqual(Math.max(max, 'undefined'.length, '[bigint]'.length));
      }),
    );
  });
  it('describes values JSON cannot hold', () => {
    expect(quoteValue(10n)).toBe('[bigint]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(quoteValue(cyclic)).toBe('[object]');
  });
});

describe('names', () => {
  it('collapses white space', () => {
    expect(normalizeName('  Ada \t Lovelace ')).toBe('Ada Lovelace');
  });
  it('refuses controls and bidi overrides', () => {
    expect(hasUnsafeChars('Ada')).toBe(false);
    expect(hasUnsafeChars('Zoë Ørsted 李')).toBe(false);
    expect(hasUnsafeChars('a\u0007b')).toBe(true);
    expect(hasUnsafeChars('evil\u202Etxt.exe')).toBe(true);
    expect(hasUnsafeChars('a\u2066b')).toBe(true);
  });
});
