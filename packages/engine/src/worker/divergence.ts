/**
 * Finds the voter's newest divergence in the lockstep lanes, so that the worker can stop the
 * clock on it ("hold on divergence", for the slow-motion voter view): at 0.01× a compare scrolls
 * out of the 32-compare lanes in a tenth of a second of wall time, too fast to see. Pure: reads
 * the lane arrays, allocates nothing.
 */
import { LANE_DEPTH, LaneFlag, MAX_LANE_ELEMENTS } from '../snapshot.ts';

/** Where the voter diverged: the system, the compare (1-based count) and its elements' flags. */
export interface Divergence {
  system: number;
  /** The compare's number: `laneHead` once it was written. */
  compare: number;
  /** Per CPU element: the lane flag of that compare (LaneFlag). */
  flags: [number, number, number];
  /** Per CPU element: the output word it offered. */
  values: [number, number, number];
}

export interface Lanes {
  laneFlag: Uint8Array;
  laneValue: Int32Array;
  laneHead: Uint32Array;
}

/**
 * The newest compare written since `sinceHeads[s]` (per system) where an element was outvoted or
 * the output was held back, or null. Compares older than the lane depth are gone and not seen.
 *
 * @example
 * const heads = Uint32Array.from(world.laneHead);
 * engine.advance(0.25);
 * findDivergence(world, heads); // { system: 0, compare: 1234, ... } or null
 */
export function findDivergence(lanes: Lanes, sinceHeads: Uint32Array): Divergence | null {
  for (let s = 0; s < lanes.laneHead.length; s++) {
    const head = lanes.laneHead[s];
    const since = sinceHeads[s] ?? 0;
    const newest = Math.min(head - since, LANE_DEPTH);
    for (let k = 0; k < newest; k++) {
      const slot = (head - 1 - k) % LANE_DEPTH;
      let diverged = false;
      for (let e = 0; e < MAX_LANE_ELEMENTS; e++) {
        const flag = lanes.laneFlag[(s * MAX_LANE_ELEMENTS + e) * LANE_DEPTH + slot];
        if (flag === LaneFlag.Outvoted || flag === LaneFlag.Suppressed) diverged = true;
      }
      if (!diverged) continue;
      const at = (e: number) => (s * MAX_LANE_ELEMENTS + e) * LANE_DEPTH + slot;
      return {
        system: s,
        compare: head - k,
        flags: [lanes.laneFlag[at(0)], lanes.laneFlag[at(1)], lanes.laneFlag[at(2)]],
        values: [lanes.laneValue[at(0)], lanes.laneValue[at(1)], lanes.laneValue[at(2)]],
      };
    }
  }
  return null;
}
