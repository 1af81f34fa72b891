import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from './stats.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
  it('is a sample, between min and max, and grows with p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1 }),
        fc.integer({ min: 0, max: 99 }),
        (xs, p) => {
          const a = percentile(xs, p);
          expect(xs).toContain(a);
          expect(percentile(xs, p + 1)).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});
