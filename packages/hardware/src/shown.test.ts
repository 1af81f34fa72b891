import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue, SHOWN_MAX_CHARS, safeText, shown } from './shown.ts';

const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must never pass
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('shown', () => {
  it('quotes short values as they are', () => {
    expect(shown('A.cpu-1')).toBe('"A.cpu-1"');
  });
  it('cuts long values with an ellipsis', () => {
    expect(shown('x'.repeat(100_000))).toBe(`"${'x'.repeat(SHOWN_MAX_CHARS)}…"`);
    expect(shown('abcdef', 3)).toBe('"abc…"');
  });
  it('escapes control and bidi characters', () => {
    expect(shown('a\u202eb\nc\u2066d\u0000')).toBe('"a\\u202eb\\u000ac\\u2066d\\u0000"');
  });
  it('never cuts a surrogate pair in half', () => {
    expect(shown('😀😀😀', 2)).toBe('"😀😀…"');
  });
  it('property: the result is bounded and has no unsafe character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.integer({ min: 1, max: 80 }),
        (s, max) => {
          const out = safeText(s, max);
          expect(UNSAFE.test(out)).toBe(false);
          // Each kept character becomes at most 6 (an escape), plus the ellipsis.
          expect(out.length).toBeLessThanOrEqual(max * 6 + 1);
        },
      ),
    );
  });
});

describe('describeValue', () => {
  it.each([
    ['yes', '"yes"'],
    [3, '3'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity (a number too large to represent)'],
    [Number.NEGATIVE_INFINITY, '-Infinity (a number too large to represent)'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'nothing (undefined)'],
    [10n, 'a BigInt (10n)'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    [[1, 2], 'an array of 2 items'],
    [[1], 'an array of 1 item'],
    [{ a: 1 }, 'an object'],
    [new Map(), 'a Map object'],
  ])('describes %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it('describes cycles, proxies and revoked proxies without reading them', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('an object');
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(describeValue(trap)).toBe('an object that cannot be read');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe('an object that cannot be read');
  });

  it('property: never throws, never shows an unsafe character', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true }), (value) => {
        expect(UNSAFE.test(describeValue(value))).toBe(false);
      }),
    );
  });
});
