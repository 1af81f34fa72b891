import { describe, expect, it } from 'vitest';
import { BENCH, BenchSlots, pullOffset, shelfTopY, stepPhase } from './motion.ts';

describe('pullOffset', () => {
  const out = new Float32Array(3);

  it('is zero at home and reaches the shelf at the end', () => {
    pullOffset(0, 1, 0.8, 0.7, 0.1, 0.05, out);
    expect([...out]).toEqual([0, 0, 0]);
    pullOffset(1, 1, 0.8, 0.7, 0.1, 0.05, out);
    expect(out[0]).toBeCloseTo(0.7);
    expect(out[1]).toBeCloseTo(0.1);
    expect(out[2]).toBeCloseTo(0.05);
  });

  it('slides straight out along the rails first: forwards at the front, backwards at the rear', () => {
    pullOffset(0.2, 1, 0.8, 0.7, 0.1, 0.05, out);
    expect(out[0]).toBe(0);
    expect(out[2]).toBeGreaterThan(0);
    pullOffset(0.2, -1, 0.5, 0.7, 0.1, -0.05, out);
    expect(out[2]).toBeLessThan(0);
  });

  it('is clear of the chassis (fully slid out) before it moves sideways', () => {
    for (let p = 0; p <= 1; p += 0.01) {
      pullOffset(p, 1, 0.8, 0.7, 0.1, 0.05, out);
      if (out[0] > 0) expect(out[2]).toBeGreaterThan(0.05 - 1e-6);
      if (out[0] > 0 && out[0] < 0.7 - 1e-6) expect(out[2]).toBeCloseTo(0.8);
    }
  });
});

describe('stepPhase', () => {
  it('moves at the pull duration and jumps with reduced motion', () => {
    expect(stepPhase(0, 1, 0.6, false)).toBeCloseTo(0.5);
    expect(stepPhase(0.9, 1, 0.6, false)).toBe(1);
    expect(stepPhase(1, 0, 0.6, false)).toBeCloseTo(0.5);
    expect(stepPhase(0, 1, 0.01, true)).toBe(1);
  });
});

describe('BenchSlots', () => {
  it('gives the free shelf nearest the part height, front and rear halves apart', () => {
    const slots = new BenchSlots();
    const a = slots.acquire(shelfTopY(3), 1);
    expect(a >> 1).toBe(3);
    const b = slots.acquire(shelfTopY(3), 1);
    expect(Math.abs((b >> 1) - 3)).toBe(1);
    const rear = slots.acquire(shelfTopY(3), -1);
    expect(rear >> 1).toBe(3);
    expect(BenchSlots.position(rear)[2]).toBeLessThan(0);
    slots.release(a);
    expect(slots.acquire(shelfTopY(3), 1)).toBe(a);
  });

  it('keeps handing out a slot when every shelf is taken', () => {
    const slots = new BenchSlots();
    for (let k = 0; k < BENCH.shelves + 3; k++)
      expect(slots.acquire(1, 1)).toBeGreaterThanOrEqual(0);
  });
});
