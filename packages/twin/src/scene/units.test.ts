import { describe, expect, it } from 'vitest';
import { MAX_RACK_HEIGHT_U } from '@ft/hardware';
import {
  drawnRackU,
  frameTopY,
  RACK_BASE_Y_M,
  RACK_FRAME_TOP_M,
  rackTopY,
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

  it('grows the drawn cabinet to a taller rack, as far as the parser accepts (one rule)', () => {
    expect(drawnRackU(12)).toBe(RACK_HEIGHT_U);
    expect(drawnRackU(RACK_HEIGHT_U)).toBe(RACK_HEIGHT_U);
    expect(drawnRackU(MAX_RACK_HEIGHT_U)).toBe(MAX_RACK_HEIGHT_U);
    expect(rackTopY(48) - rackTopY(42)).toBeCloseTo(uHeight(6), 9);
    expect(frameTopY(42)).toBe(RACK_FRAME_TOP_M);
    expect(frameTopY(48) - frameTopY(42)).toBeCloseTo(uHeight(6), 9);
  });
});
