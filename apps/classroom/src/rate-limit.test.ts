import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket, WindowCounter } from './rate-limit.ts';

describe('TokenBucket', () => {
  it('allows a burst, then the refill rate', () => {
    let t = 0;
    const b = new TokenBucket(10, 5, () => t);
    for (let i = 0; i < 5; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    t += 100; // one token back at 10/s
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    t += 10_000; // never more than the burst
    let n = 0;
    while (b.take()) n++;
    expect(n).toBe(5);
  });
  it('never lets more through than burst + rate × time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 200 }),
        (perS, burst, steps) => {
          let t = 0;
          const b = new TokenBucket(perS, burst, () => t);
          let passed = 0;
          for (const dt of steps) {
            t += dt;
            if (b.take()) passed++;
          }
          expect(passed).toBeLessThanOrEqual(burst + Math.floor((t / 1000) * perS) + 1);
        },
      ),
    );
  });
});

describe('WindowCounter', () => {
  it('counts per key and resets with the window', () => {
    let t = 0;
    const c = new WindowCounter(2, 1000, () => t);
    expect(c.add('a')).toBe(true);
    expect(c.add('a')).toBe(true);
    expect(c.add('a')).toBe(false);
    expect(c.exceeded('a')).toBe(true);
    expect(c.exceeded('b')).toBe(false);
    t = 1000;
    expect(c.exceeded('a')).toBe(false);
    expect(c.add('a')).toBe(true);
  });
  it('keeps at most maxKeys keys', () => {
    const t = 0;
    const c = new WindowCounter(1, 1000, () => t, 3);
    for (const k of ['a', 'b', 'c', 'd', 'e']) c.add(k);
    expect(c.count('a')).toBe(0); // evicted
    expect(c.count('e')).toBe(1);
  });
});
