import { buildRack, getPreset, presetNames } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { BEZEL_FRONT_Z_M, RACK_UNIT_M, uBottomY } from '../units.ts';
import { buildOverlayPlacements } from './placement.ts';

describe('buildOverlayPlacements', () => {
  it.each(presetNames())(
    'frames every drawer of %s front and rear, inside its chassis',
    (preset) => {
      const rack = buildRack(getPreset(preset));
      const { frames, systems } = buildOverlayPlacements(rack);
      const drawers = rack.components.filter(
        (c) => c.kind === 'cpu' || c.kind === 'io' || c.kind === 'xio',
      );
      expect(frames).toHaveLength(drawers.length * 2);
      expect(systems).toHaveLength(rack.systems.length);
      for (const f of frames) {
        const spec = rack.components[f.owner];
        expect(['cpu', 'io', 'xio']).toContain(spec.kind);
        expect(f.side).toBe(spec.side);
        const sys = rack.systems[f.system];
        const bottom = uBottomY(sys.config.positionU);
        const top = bottom + sys.spec.heightU.value * RACK_UNIT_M;
        expect(f.y - f.h / 2).toBeGreaterThan(bottom);
        expect(f.y + f.h / 2).toBeLessThan(top);
      }
    },
  );

  it('floats the labels just above the chassis and puts the badge on the top drawer', () => {
    const rack = buildRack(getPreset('4300-dmr'));
    const [spot] = buildOverlayPlacements(rack).systems;
    const sys = rack.systems[0];
    const top = uBottomY(sys.config.positionU) + sys.spec.heightU.value * RACK_UNIT_M;
    expect(spot.labelY).toBeGreaterThan(top);
    expect(spot.labelY - top).toBeLessThan(0.01);
    expect(spot.labelZ).toBeGreaterThan(BEZEL_FRONT_Z_M);
    expect(rack.components[spot.badgeOwner].id).toBe(`${sys.config.id}.cpu-1`);
    expect(spot.badgeY).toBeCloseTo(top - RACK_UNIT_M / 2, 6);
  });
});
