import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSystem } from './defaults.ts';
import { buildRack, expandSystem } from './expand.ts';
import { LEDS } from './leds.ts';
import { layoutFor } from './models.ts';
import { getPreset, presetNames } from './racks.ts';
import { rackArb } from './test/arbitraries.ts';
import type { ComponentKind, ComponentSpec } from './types.ts';

function countKinds(components: readonly ComponentSpec[]): Partial<Record<ComponentKind, number>> {
  const counts: Partial<Record<ComponentKind, number>> = {};
  for (const c of components) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}

const KIND_ORDER: readonly ComponentKind[] = ['cpu', 'io', 'xio', 'psu', 'disk', 'pci', 'nic'];

describe('buildRack on the presets', () => {
  it.each(presetNames())(
    '%s: ids unique, partners symmetric, parents present, order kept',
    (name) => {
      const rack = buildRack(getPreset(name));
      const byId = new Map(rack.components.map((c) => [c.id, c]));
      expect(byId.size).toBe(rack.components.length);
      for (const c of rack.components) {
        expect(c.id).toBe(`${c.systemId}.${c.localId}`);
        if (c.partnerId !== null) {
          const partner = byId.get(c.partnerId);
          expect(partner?.partnerId).toBe(c.id);
          expect(partner?.kind).toBe(c.kind);
          expect(partner?.side).not.toBe(c.side);
        }
        if (c.parentId === null) {
          expect(['cpu', 'io', 'xio', 'psu']).toContain(c.kind);
        } else {
          expect(['disk', 'pci', 'nic']).toContain(c.kind);
          expect(byId.get(c.parentId)?.element).toBe(c.element);
        }
        expect(c.leds).toBe(LEDS[c.kind]);
        expect(c.hotSwappable.value).toBe(c.kind !== 'nic');
      }
      for (const sys of rack.systems) {
        const ranks = sys.components.map((c) => KIND_ORDER.indexOf(c.kind));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(sys.spec.layout.reduce((sum, s) => sum + s.heightU, 0)).toBe(sys.spec.heightU.value);
        const cpuBays = layoutFor(sys.spec, sys.config.mode).filter((s) => s.kind === 'cpu');
        expect(sys.components.filter((c) => c.kind === 'cpu').map((c) => c.element)).toEqual(
          cpuBays.map((s) => s.element),
        );
      }
      expect(rack.components).toEqual(rack.systems.flatMap((s) => s.components));
    },
  );

  it('4300-dmr has the expected components', () => {
    const rack = buildRack(getPreset('4300-dmr'));
    expect(countKinds(rack.components)).toEqual({ cpu: 2, io: 2, psu: 2, disk: 6, pci: 2, nic: 2 });
    expect(rack.components.map((c) => c.localId).slice(0, 6)).toEqual([
      'cpu-0',
      'cpu-1',
      'io-10',
      'io-11',
      'psu-0',
      'psu-1',
    ]);
    const disk = rack.components.find((c) => c.id === 'A.disk-10-40-1');
    expect(disk).toMatchObject({
      path: '10/40/1',
      label: 'Disk 10/40/1',
      partnerId: 'A.disk-11-40-1',
      parentId: 'A.io-10',
      slot: 1,
      side: 0,
    });
    const pci = rack.components.find((c) => c.id === 'A.pci-11-1');
    expect(pci).toMatchObject({
      path: '11/1',
      label: 'PCI 11/1 (Gigabit Ethernet)',
      partnerId: 'A.pci-10-1',
      side: 1,
    });
    const nic = rack.components.find((c) => c.id === 'A.nic-10-5');
    expect(nic).toMatchObject({
      path: '10/5',
      label: 'NIC 10/5',
      partnerId: 'A.nic-11-5',
      parentId: 'A.io-10',
    });
    expect(rack.components.find((c) => c.id === 'A.io-10')?.label).toBe('I/O element 10');
    expect(rack.components.find((c) => c.id === 'A.psu-0')?.label).toBe('Power supply 0');
  });

  it('5600-dmr has expansion I/O and fills expansion slots after core slots', () => {
    const rack = buildRack(getPreset('5600-dmr'));
    expect(countKinds(rack.components)).toEqual({
      cpu: 2,
      io: 2,
      xio: 2,
      psu: 2,
      disk: 6,
      pci: 6,
      nic: 2,
    });
    expect(rack.components.find((c) => c.id === 'A.xio-12')?.label).toBe('Expansion I/O 12');
    expect(rack.components.find((c) => c.id === 'A.pci-13-1')).toMatchObject({
      parentId: 'A.xio-13',
      partnerId: 'A.pci-12-1',
      label: 'PCI 13/1 (Fibre Channel)',
    });
  });

  it('6600-tmr has a third CPU element and power supply on side 2', () => {
    const rack = buildRack(getPreset('6600-tmr'));
    expect(countKinds(rack.components)).toEqual({
      cpu: 3,
      io: 2,
      xio: 2,
      psu: 3,
      disk: 6,
      pci: 8,
      nic: 2,
    });
    expect(rack.components.find((c) => c.id === 'A.cpu-2')).toMatchObject({
      side: 2,
      element: 2,
      partnerId: null,
    });
    expect(rack.components.find((c) => c.id === 'A.psu-2')).toMatchObject({
      side: 2,
      partnerId: null,
    });
  });

  it('a 6600 in DMR has no third CPU element', () => {
    const sys = expandSystem(defaultSystem('X', '6600', 1));
    expect(sys.components.some((c) => c.localId === 'cpu-2' || c.localId === 'psu-2')).toBe(false);
  });

  it('mixed and rack-8x4300 expand every system', () => {
    const mixed = buildRack(getPreset('mixed'));
    expect(mixed.systems.map((s) => s.spec.id)).toEqual(['4300', '5600', '6600']);
    expect(mixed.systems[2].config.mode).toBe('tmr');
    const eight = buildRack(getPreset('rack-8x4300'));
    expect(eight.systems).toHaveLength(8);
    expect(eight.components).toHaveLength(8 * 16);
    expect(eight.systems.map((s) => s.config.id).join('')).toBe('ABCDEFGH');
    expect(eight.systems.map((s) => s.config.name)[0]).toBe('ft4300-A');
  });

  it('no disks and no adapters leaves only the CRUs and NICs', () => {
    const sys = expandSystem({ ...defaultSystem('A', '4300', 1), disks: 0 });
    expect(countKinds(sys.components)).toEqual({ cpu: 2, io: 2, psu: 2, nic: 2 });
  });
});

describe('buildRack on random configurations', () => {
  it('gives unique ids, symmetric partners and the expected counts', () => {
    fc.assert(
      fc.property(rackArb, (config) => {
        const rack = buildRack(config);
        const byId = new Map(rack.components.map((c) => [c.id, c]));
        expect(byId.size).toBe(rack.components.length);
        for (const c of rack.components) {
          if (c.partnerId !== null) expect(byId.get(c.partnerId)?.partnerId).toBe(c.id);
          if (c.parentId !== null) expect(byId.has(c.parentId)).toBe(true);
        }
        for (const { config: s, components } of rack.systems) {
          const counts = countKinds(components);
          const tmr = s.mode === 'tmr' ? 1 : 0;
          expect(counts.cpu).toBe(2 + tmr);
          expect(counts.psu).toBe(2 + tmr);
          expect(counts.disk ?? 0).toBe(2 * s.disks);
          expect(counts.pci ?? 0).toBe(2 * s.pciAdapters.length);
          expect(counts.xio ?? 0).toBe(s.model === '4300' ? 0 : 2);
        }
        expect(buildRack(config)).toEqual(rack);
      }),
      { numRuns: 200 },
    );
  });
});
