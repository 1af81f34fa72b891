import { describe, expect, it } from 'vitest';
import {
  RACK_BASE_Y_M,
  RACK_HEIGHT_U,
  RACK_TOP_Y_M,
  RACK_UNIT_M,
  uBottomY,
  uHeight,
} from './units.ts';

describe('rack units', () => {
  it('follows EIA-310: 1U is 44.45 mm, U1 starts at the rack base', () => {
    expect(RACK_UNIT_M).toBeCloseTo(0.04445, 6);
    expect(uBottomY(1)).toBe(RACK_BASE_Y_M);
    expect(uBottomY(5) - uBottomY(1)).toBeCloseTo(uHeight(4), 9);
  });

  it('makes a 42U rack about 1.87 m of mounting space', () => {
    expect(RACK_TOP_Y_M - RACK_BASE_Y_M).toBeCloseTo(uHeight(RACK_HEIGHT_U), 9);
    expect(uHeight(RACK_HEIGHT_U)).toBeCloseTo(1.8669, 4);
  });
});
