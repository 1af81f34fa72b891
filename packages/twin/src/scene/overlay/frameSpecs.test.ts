import { buildRack, getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { FrameRole, SPINE_X_M, buildFrameInstances } from './frameSpecs.ts';
import { buildOverlayPlacements } from './placement.ts';

describe('buildFrameInstances', () => {
  const rack = buildRack(getPreset('4300-dmr'));
  const placements = buildOverlayPlacements(rack);
  const g = buildFrameInstances(placements);

  it('frames every drawer face with four bars and one wash that ride with the drawer', () => {
    const framed = g.specs.filter((s) => s.owner >= 0);
    expect(framed).toHaveLength(placements.frames.length * 5);
    expect(Array.from(g.wash).filter((w) => w === 1)).toHaveLength(placements.frames.length);
  });

  it('stands each spine on its own side of the chassis, ticking its drawers only', () => {
    const statics = g.specs.map((s, i) => ({ s, i })).filter(({ s }) => s.owner < 0);
    for (const { s, i } of statics) {
      if (g.role[i] === FrameRole.MergeBus) continue;
      // Production (position 1) draws on the left, upgrade (2) on the right.
      if (g.position[i] === 1) expect(s.x).toBeLessThan(0);
      if (g.position[i] === 2) expect(s.x).toBeGreaterThan(0);
      expect(Math.abs(s.x) + s.sx / 2).toBeLessThanOrEqual(SPINE_X_M + 0.002);
    }
    // 4300: two drawers per side, so per side and position one spine, two ticks and a bus.
    expect(statics).toHaveLength(2 * 2 * 4);
    expect(statics.filter(({ i }) => g.role[i] === FrameRole.MergeBus)).toHaveLength(4);
  });
});
