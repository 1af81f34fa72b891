import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_CHARS, quote } from './issues.ts';

describe('quote', () => {
  it('shows values JSON-quoted, with control, bidirectional and invisible characters escaped', () => {
    expect(quote('A.cpu-1')).toBe('"A.cpu-1"');
    expect(quote('a\nb')).toBe('"a\\nb"');
    expect(quote('<b>\u202eevil')).toBe('"<b>\\u202eevil"');
    expect(quote('x\u200by\u2066z\ufeff')).toBe('"x\\u200by\\u2066z\\ufeff"');
    expect(quote({ id: '\u202e' })).toBe('{"id":"\\u202e"}');
    expect(quote(undefined)).toBe('nothing');
    expect(quote(12)).toBe('12');
  });

  it('cuts long values to a sensible length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const q = quote(s);
        expect(q.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
        const hidden = [...q].filter((c) => {
          const code = c.charCodeAt(0);
          return code < 0x20 || /[\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/.test(c);
        });
        expect(hidden).toEqual([]);
      }),
    );
  });
});
