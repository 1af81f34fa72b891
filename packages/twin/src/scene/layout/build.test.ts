import {
  buildRack,
  getPreset,
  MAX_RACK_HEIGHT_U,
  MODELS,
  parseRackConfig,
  presetNames,
  type RackConfig,
} from '@ft/hardware';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEZEL_FRONT_Z_M,
  RACK_BASE_Y_M,
  CHASSIS_REAR_Z_M,
  RACK_HEIGHT_U,
  RACK_UNIT_M,
  rackTopY,
  uBottomY,
} from '../units.ts';
import { buildLayout, freeUnits } from './build.ts';

const layoutOf = (preset: string) => {
  const rack = buildRack(getPreset(preset));
  return { rack, layout: buildLayout(rack) };
};

describe('buildLayout', () => {
  it.each(presetNames())('places every component of %s inside its chassis', (preset) => {
    const { rack, layout } = layoutOf(preset);
    const c = layout.components;
    expect(c.count).toBe(rack.components.length);
    rack.components.forEach((spec, i) => {
      const sys = rack.systems.find((s) => s.config.id === spec.systemId)!;
      const bottom = uBottomY(sys.config.positionU);
      const top = bottom + sys.spec.heightU.value * RACK_UNIT_M;
      const y = c.anchor[i * 3 + 1];
      expect(y, spec.id).toBeGreaterThan(bottom);
      expect(y, spec.id).toBeLessThan(top);
      expect(c.size[i * 3] * c.size[i * 3 + 1], spec.id).toBeGreaterThan(0);
      expect(c.kind[i]).toBe(spec.kind);
      const z = c.anchor[i * 3 + 2];
      if (c.facing[i] > 0) expect(z, spec.id).toBeGreaterThanOrEqual(BEZEL_FRONT_Z_M - 1e-6);
      else expect(z, spec.id).toBeLessThan(CHASSIS_REAR_Z_M);
    });
  });

  it('faces front CRUs forward and power supplies, adapters and ports backwards', () => {
    const { rack, layout } = layoutOf('mixed');
    rack.components.forEach((spec, i) => {
      const rear = spec.kind === 'psu' || spec.kind === 'pci' || spec.kind === 'nic';
      expect(layout.components.facing[i], spec.id).toBe(rear ? -1 : 1);
    });
  });

  it('links disks, adapters and ports to the element that holds them', () => {
    const { rack, layout } = layoutOf('5600-dmr');
    const index = new Map(rack.components.map((s, i) => [s.id, i]));
    rack.components.forEach((spec, i) => {
      if (spec.parentId)
        expect(layout.components.parent[i], spec.id).toBe(index.get(spec.parentId));
    });
  });

  it('places one LED per LED spec, in order, on its owner', () => {
    const { rack, layout } = layoutOf('6600-tmr');
    const expected = rack.components.reduce((n, s) => n + s.leds.length, 0);
    expect(layout.leds).toHaveLength(expected);
    const seen = new Map<number, number>();
    for (const led of layout.leds) {
      expect(led.led).toBe(seen.get(led.owner) ?? 0);
      seen.set(led.owner, led.led + 1);
      expect(led.color).toBe(rack.components[led.owner].leds[led.led].color.value);
    }
  });

  it('keeps the disk carriers of a core I/O element apart and on its bezel', () => {
    const { rack, layout } = layoutOf('4300-dmr');
    const xs = rack.components
      .map((s, i) => ({ s, x: layout.components.anchor[i * 3] }))
      .filter(({ s }) => s.kind === 'disk' && s.element === 10)
      .map(({ x }) => x)
      .sort((a, b) => a - b);
    expect(xs).toHaveLength(3);
    for (let k = 1; k < xs.length; k++) expect(xs[k] - xs[k - 1]).toBeGreaterThan(0.07);
  });

  it('uses one part list per type whatever the number of systems', () => {
    const one = layoutOf('4300-dmr').layout;
    const eight = layoutOf('rack-8x4300').layout;
    expect(Object.keys(eight.parts)).toEqual(Object.keys(one.parts));
    expect(eight.parts.bezelCpu1.length).toBe(8 * one.parts.bezelCpu1.length);
  });

  it('fills the free units with blanking panels', () => {
    const { rack, layout } = layoutOf('mixed');
    const free = freeUnits(rack);
    expect(layout.parts.rackBlank).toHaveLength(free.length);
    expect(free.length).toBe(RACK_HEIGHT_U - 4 - 6 - 10);
  });
});

describe('model plates', () => {
  it('puts one model plate on every chassis, also a DMR 6600 with its TMR bay blank', () => {
    const rack = buildRack({
      ...getPreset('mixed'),
      systems: getPreset('mixed').systems.map((s) => ({ ...s, mode: 'dmr' as const })),
    });
    const plates = buildLayout(rack).labels.filter((l) => l.style === 'plate');
    expect(plates.map((p) => p.text).sort()).toEqual([
      'ftServer 4300',
      'ftServer 5600',
      'ftServer 6600',
    ]);
  });
});

describe('the drawn rack and the parser agree on what fits', () => {
  const sys = (positionU: number, model = '6600') => ({ id: 'A', model, positionU });
  it('property: every system the parser accepts is drawn inside the rack frame', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('4300', '5600', '6600'),
        fc.integer({ min: -5, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        (model, positionU, heightU) => {
          let config: RackConfig;
          try {
            config = parseRackConfig({ heightU, systems: [sys(positionU, model)] }, 'test');
          } catch {
            // Refused: then it is one that would not fit in the drawn rack.
            const top = positionU + MODELS[model as '4300'].heightU.value - 1;
            expect(
              positionU < 1 ||
                top > (heightU ?? RACK_HEIGHT_U) ||
                (heightU ?? 0) > MAX_RACK_HEIGHT_U,
            ).toBe(true);
            return;
          }
          const layout = buildLayout(buildRack(config));
          // The cabinet grows to the rack's height: every system is inside the drawn frame.
          expect(layout.rackU).toBe(Math.max(RACK_HEIGHT_U, config.heightU));
          for (const s of layout.systems) {
            expect(s.center[1] + s.size[1] / 2).toBeLessThanOrEqual(rackTopY(layout.rackU) + 1e-9);
            expect(s.center[1] - s.size[1] / 2).toBeGreaterThanOrEqual(RACK_BASE_Y_M - 1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
