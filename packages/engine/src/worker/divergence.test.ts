import { describe, expect, it } from 'vitest';
import { LANE_DEPTH, LaneFlag, MAX_LANE_ELEMENTS } from '../snapshot.ts';
import { findDivergence } from './divergence.ts';

function lanes(systems: number) {
  const n = systems * MAX_LANE_ELEMENTS * LANE_DEPTH;
  return {
    laneFlag: new Uint8Array(n),
    laneValue: new Int32Array(n),
    laneHead: new Uint32Array(systems),
  };
}

/** Writes compare number `compare` (1-based) of system `s` with per-element flags and values. */
function write(l: ReturnType<typeof lanes>, s: number, compare: number, flags: number[]) {
  const slot = (compare - 1) % LANE_DEPTH;
  flags.forEach((flag, e) => {
    l.laneFlag[(s * MAX_LANE_ELEMENTS + e) * LANE_DEPTH + slot] = flag;
    l.laneValue[(s * MAX_LANE_ELEMENTS + e) * LANE_DEPTH + slot] = 100 * compare + e;
  });
  l.laneHead[s] = Math.max(l.laneHead[s], compare);
}

describe('findDivergence', () => {
  it('finds the newest divergent compare written since the heads given', () => {
    const l = lanes(2);
    for (let c = 1; c <= 40; c++) write(l, 1, c, [LaneFlag.Agree, LaneFlag.Agree, LaneFlag.Agree]);
    write(l, 1, 37, [LaneFlag.Agree, LaneFlag.Outvoted, LaneFlag.Agree]);
    expect(findDivergence(l, new Uint32Array([0, 30]))).toEqual({
      system: 1,
      compare: 37,
      flags: [LaneFlag.Agree, LaneFlag.Outvoted, LaneFlag.Agree],
      values: [3700, 3701, 3702],
    });
    // Already seen: nothing new.
    expect(findDivergence(l, new Uint32Array([0, 37]))).toBeNull();
  });

  it('counts a held-back output as a divergence', () => {
    const l = lanes(1);
    write(l, 0, 1, [LaneFlag.Suppressed, LaneFlag.Suppressed, LaneFlag.Suppressed]);
    expect(findDivergence(l, new Uint32Array([0]))?.compare).toBe(1);
  });

  it('sees no further back than the lanes keep', () => {
    const l = lanes(1);
    write(l, 0, 1, [LaneFlag.Outvoted, LaneFlag.Agree, LaneFlag.None]);
    for (let c = 2; c <= LANE_DEPTH + 1; c++) write(l, 0, c, [1, 1, 0]);
    expect(findDivergence(l, new Uint32Array([0]))).toBeNull();
  });
});
