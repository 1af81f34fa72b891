import { LANE_DEPTH, MAX_LANE_ELEMENTS } from '@ft/engine/snapshot';
import { describe, expect, it } from 'vitest';
import { laneOffset, laneSlot } from './drawLanes.ts';

describe('lane indexing', () => {
  it('finds the newest compares in the ring', () => {
    expect(laneSlot(1, 0)).toBe(0);
    expect(laneSlot(LANE_DEPTH + 3, 0)).toBe(2);
    expect(laneSlot(LANE_DEPTH + 3, 3)).toBe(LANE_DEPTH - 1);
  });
  it('lays lanes out system by system, element by element', () => {
    expect(laneOffset(0, 0, 5)).toBe(5);
    expect(laneOffset(0, 1, 0)).toBe(LANE_DEPTH);
    expect(laneOffset(2, 1, 3)).toBe((2 * MAX_LANE_ELEMENTS + 1) * LANE_DEPTH + 3);
  });
});
