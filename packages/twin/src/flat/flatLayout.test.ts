import { buildRack, getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { buildFlatLayout, U_PX } from './flatLayout.ts';

describe('buildFlatLayout', () => {
  it('draws every front CRU of the mixed rack once, inside its system, with all its LEDs', () => {
    const rack = buildRack(getPreset('mixed'));
    const flat = buildFlatLayout(rack);
    const front = rack.components.filter((c) => ['cpu', 'io', 'xio', 'disk'].includes(c.kind));
    expect(flat.parts.map((p) => p.id).sort()).toEqual(front.map((c) => c.id).sort());
    for (const part of flat.parts) {
      const sys = flat.systems.find((s) => part.id.startsWith(`${s.id}.`));
      expect(sys).toBeDefined();
      if (!sys) continue;
      expect(part.y).toBeGreaterThanOrEqual(sys.y);
      expect(part.y + part.h).toBeLessThanOrEqual(sys.y + sys.h);
    }
    const ledCount = front.reduce((n, c) => n + c.leds.length, 0);
    expect(flat.leds).toHaveLength(ledCount);
  });

  it('stacks systems by rack unit: a higher position is drawn higher up', () => {
    const flat = buildFlatLayout(buildRack(getPreset('rack-8x4300')));
    const ys = flat.systems.map((s) => s.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1]);
    expect(flat.height).toBe(32 * U_PX + 16);
  });
});
