/**
 * A small seeded PRNG (mulberry32) for drawing lesson variables: the same seed draws the same
 * values in every browser, in Node and on the classroom server. Not the engine's PRNG: drawing
 * variables must not disturb the engine's own sequence.
 */

/**
 * A generator of floats in [0, 1) for `seed`.
 *
 * @example
 * const next = mulberry32(7);
 * next(); // same value for seed 7, everywhere
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in 0..n-1 from the generator. */
export function pick(next: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(next() * n));
}
