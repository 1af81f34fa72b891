import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ci95, histogram, mean, normalQuantile, studentTQuantile } from './stats.ts';

describe('quantiles', () => {
  it('match tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    // Student t, two-sided 95%: df 1, 2, 5, 9, 29, 99.
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182, 3);
    expect(studentTQuantile(0.975, 99)).toBeCloseTo(1.984, 3);
    expect(studentTQuantile(0.975, 200)).toBeCloseTo(studentTQuantile(0.975, 201), 3);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262, 3);
  });
});

describe('ci95', () => {
  it('is null for one value and contains the mean', () => {
    expect(ci95([0.5])).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (xs) => {
          const [lo, hi] = ci95(xs) ?? [0, 0];
          const m = mean(xs);
          expect(lo).toBeLessThanOrEqual(m + 1e-12);
          expect(hi).toBeGreaterThanOrEqual(m - 1e-12);
        },
      ),
    );
    const [lo, hi] = ci95([1, 2, 3, 4]) ?? [0, 0];
    expect(lo).toBeCloseTo(0.4457, 3);
    expect(hi).toBeCloseTo(4.5543, 3);
  });
});

describe('histogram', () => {
  it('counts every value once, in the bin of its lower edge', () => {
    const h = histogram([0, 0.5, 1, 59, 60, 1e9], [0, 1, 60]);
    expect(h).toEqual({ edgesS: [0, 1, 60], counts: [2, 2, 2] });
  });
});
