/**
 * Pull and insert motion of a CRU, as pure maths: a pulled part slides out along its rails
 * (front parts towards the viewer, rear parts backwards), side-steps to a free shelf of the spares
 * rack beside the rack, then slides onto the shelf. Inserting plays the same path backwards.
 * `phase` runs 0 (home) → 1 (on its shelf); the frame loop advances it by `dt / PULL_DURATION_S`.
 */
import { RACK_OUTER_DEPTH_M, RACK_OUTER_WIDTH_M } from './units.ts';

export const PULL_DURATION_S = 1.2;
/** Fractions of the path spent sliding out, side-stepping, and sliding onto the shelf. */
const SLIDE_END = 0.38;
const STEP_END = 0.72;

export const BENCH = {
  gapM: 0.12,
  widthM: 0.62,
  depthM: RACK_OUTER_DEPTH_M,
  firstShelfY: 0.3,
  shelfPitchM: 0.16,
  shelves: 7,
  boardM: 0.012,
  heightM: 1.36,
} as const;

/** Centre x of the spares rack standing to the right of the rack. */
export const BENCH_X = RACK_OUTER_WIDTH_M / 2 + BENCH.gapM + BENCH.widthM / 2;

/** Top of shelf `k`, metres above the floor. */
export const shelfTopY = (k: number): number =>
  BENCH.firstShelfY + k * BENCH.shelfPitchM + BENCH.boardM / 2;

const ease = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/**
 * Offset from home of a part at `phase` along its path, written into `out` (no allocation).
 * `facing` is +1 for front parts, -1 for rear ones; `slide` the rail travel; `bench` the offset
 * (dx, dy, dz) of its shelf position from home.
 */
export function pullOffset(
  phase: number,
  facing: number,
  slide: number,
  benchDx: number,
  benchDy: number,
  benchDz: number,
  out: Float32Array,
  at = 0,
): void {
  const out1 = facing * slide;
  if (phase <= SLIDE_END) {
    out[at] = 0;
    out[at + 1] = 0;
    out[at + 2] = out1 * ease(phase / SLIDE_END);
  } else if (phase <= STEP_END) {
    const t = ease((phase - SLIDE_END) / (STEP_END - SLIDE_END));
    out[at] = benchDx * t;
    out[at + 1] = benchDy * t;
    out[at + 2] = out1;
  } else {
    const t = ease((phase - STEP_END) / (1 - STEP_END));
    out[at] = benchDx;
    out[at + 1] = benchDy;
    out[at + 2] = out1 + (benchDz - out1) * t;
  }
}

/** Moves `phase` towards `target` (0 or 1) by `dt`; instant when `reducedMotion`. */
export function stepPhase(
  phase: number,
  target: number,
  dtS: number,
  reducedMotion: boolean,
): number {
  if (reducedMotion) return target;
  const step = dtS / PULL_DURATION_S;
  return target > phase ? Math.min(target, phase + step) : Math.max(target, phase - step);
}

/**
 * Shelf slots of the spares rack: each shelf has a front half (for front CRUs) and a rear half
 * (power supplies, PCI adapters). A pulled part takes the free slot nearest its own height.
 */
export class BenchSlots {
  private readonly taken = new Uint8Array(BENCH.shelves * 2);

  acquire(homeY: number, facing: number): number {
    const half = facing > 0 ? 0 : 1;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let k = 0; k < BENCH.shelves; k++) {
      const slot = k * 2 + half;
      if (this.taken[slot]) continue;
      const d = Math.abs(shelfTopY(k) - homeY);
      if (d < bestD) {
        bestD = d;
        best = slot;
      }
    }
    if (best < 0) best = (BENCH.shelves - 1) * 2 + half;
    this.taken[best] = 1;
    return best;
  }

  release(slot: number): void {
    if (slot >= 0) this.taken[slot] = 0;
  }

  /** Face position on the slot: x centre, shelf top y, z of the shelf's front or rear edge. */
  static position(slot: number): [number, number, number] {
    const k = slot >> 1;
    const z = (slot & 1) === 0 ? BENCH.depthM / 2 : -BENCH.depthM / 2;
    return [BENCH_X, shelfTopY(k), z];
  }
}
