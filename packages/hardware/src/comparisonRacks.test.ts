import { describe, expect, it } from 'vitest';
import {
  COMPARISON_PRESETS,
  COMPARISON_PRESET_NAMES,
  clusterEquivalent,
  conventionalEquivalent,
  getComparisonPreset,
} from './comparisonRacks.ts';
import { parseRackConfig, rackConfigToJson } from './config.ts';
import { ConfigError } from './errors.ts';
import { buildRack } from './expand.ts';
import { LEDS } from './leds.ts';
import { MODELS } from './models.ts';
import { getPreset, PRESET_NAMES } from './racks.ts';
import type { RackConfig } from './types.ts';

const parseComparison = (value: unknown) =>
  parseRackConfig(value, 'test.json', { comparison: true });

describe('comparison presets', () => {
  it.each(COMPARISON_PRESET_NAMES)('%s is a valid comparison configuration', (name) => {
    const preset = COMPARISON_PRESETS[name];
    expect(parseComparison(preset)).toEqual(preset);
    expect(parseComparison(rackConfigToJson(preset))).toEqual(preset);
  });

  it('are not ftServer presets: the plain parser refuses them', () => {
    expect(PRESET_NAMES).not.toContain('conventional');
    expect(() => parseRackConfig(getComparisonPreset('conventional'), 'x')).toThrow(ConfigError);
    const plain = { systems: [{ id: 'A', model: 'conventional', positionU: 1 }] };
    expect(() => parseRackConfig(plain, 'x')).toThrow(
      /model: unknown model 'conventional'; valid models: 4300, 5600, 6600$/,
    );
    expect(() => getComparisonPreset('nope')).toThrow(/valid: conventional, cluster-2node/);
  });

  it('a conventional server is one side: one CPU unit, one I/O board, one supply, RAID 1', () => {
    const rack = buildRack(getComparisonPreset('conventional'));
    expect(rack.components.map((c) => c.localId)).toEqual([
      'cpu-0',
      'io-10',
      'psu-0',
      'disk-10-40-1',
      'disk-10-40-2',
      'pci-10-1',
      'nic-10-5',
    ]);
    const byLocal = new Map(rack.components.map((c) => [c.localId, c]));
    expect(byLocal.get('disk-10-40-1')?.partnerId).toBe('A.disk-10-40-2');
    expect(byLocal.get('disk-10-40-2')?.partnerId).toBe('A.disk-10-40-1');
    expect(byLocal.get('cpu-0')).toMatchObject({ partnerId: null, hotSwappable: { value: false } });
    expect(byLocal.get('disk-10-40-1')?.hotSwappable.value).toBe(true);
    expect(byLocal.get('pci-10-1')?.parentId).toBe('A.io-10');
    for (const c of rack.components) expect(c.leds).toBe(LEDS[c.kind]);
    expect(rack.systems[0].spec.heightU.value).toBe(2);
  });

  it('unmirrored disks have no partner', () => {
    const rack = buildRack(conventionalEquivalent(getPreset('4300-dmr'), { mirroredDisks: false }));
    const disks = rack.components.filter((c) => c.kind === 'disk');
    expect(disks.map((d) => d.localId)).toEqual(['disk-10-40-1', 'disk-10-40-2', 'disk-10-40-3']);
    expect(disks.every((d) => d.partnerId === null)).toBe(true);
  });

  it('a cluster is two diskless nodes and a disk array mirrored across its controllers', () => {
    const config = getComparisonPreset('cluster-2node');
    expect(config.clusters).toEqual([{ id: 'A', nodes: ['A1', 'A2'], storage: 'AS' }]);
    const rack = buildRack(config);
    const [n1, n2, array] = rack.systems;
    expect(n1.components.some((c) => c.kind === 'disk')).toBe(false);
    expect(n2.config.positionU).toBe(n1.config.positionU + 2);
    expect(array.components.map((c) => c.localId)).toEqual([
      'io-10',
      'io-11',
      'psu-0',
      'psu-1',
      'disk-10-40-1',
      'disk-10-40-2',
      'disk-10-40-3',
      'disk-11-40-1',
      'disk-11-40-2',
      'disk-11-40-3',
    ]);
    const disk = array.components.find((c) => c.localId === 'disk-11-40-2');
    expect(disk).toMatchObject({ partnerId: 'AS.disk-10-40-2', side: 1, parentId: 'AS.io-11' });
    expect(array.components.every((c) => c.hotSwappable.value)).toBe(true);
  });
});

describe('equivalent racks', () => {
  it('keep processors, memory and adapters; 5600 and 6600 get the 3U server', () => {
    const mixed = getPreset('mixed');
    const conv = conventionalEquivalent(mixed);
    expect(conv.systems.map((s) => s.model)).toEqual([
      'conventional',
      'conventional-xio',
      'conventional-xio',
    ]);
    conv.systems.forEach((s, i) => {
      expect(s).toMatchObject({
        id: mixed.systems[i].id,
        memoryGB: mixed.systems[i].memoryGB,
        processorsPerElement: mixed.systems[i].processorsPerElement,
        pciAdapters: mixed.systems[i].pciAdapters,
      });
    });
    expect(parseComparison(conv)).toEqual(conv);
    const cluster = clusterEquivalent(mixed);
    expect(parseComparison(cluster)).toEqual(cluster);
    expect(cluster.clusters?.map((c) => c.storage)).toEqual(['AS', 'BS', 'CS']);
  });

  it('stack without overlaps, in a taller rack when needed', () => {
    const eight = clusterEquivalent(getPreset('rack-8x4300'));
    expect(eight.heightU).toBe(48);
    expect(parseComparison(eight).systems).toHaveLength(24);
    const top = Math.max(...eight.systems.map((s) => s.positionU + MODELS[s.model].heightU.value));
    expect(top - 1).toBe(48);
  });

  it('refuse a rack that already holds comparison machines', () => {
    expect(() => clusterEquivalent(getComparisonPreset('conventional'))).toThrow(ConfigError);
  });
});

describe('parsing comparison racks', () => {
  const base = (extra: Partial<Record<string, unknown>> = {}) => ({
    systems: [{ id: 'A', model: 'conventional', positionU: 1, ...extra }],
  });

  it('fills the conventional defaults: simplex, two mirrored disks', () => {
    expect(parseComparison(base()).systems[0]).toMatchObject({
      mode: 'simplex',
      disks: 2,
      mirroredDisks: true,
      name: 'conventional-A',
    });
  });

  const cluster = (clusters: unknown, extra: object[] = []) => ({
    systems: [
      { id: 'N1', model: 'conventional', positionU: 1, disks: 0 },
      { id: 'N2', model: 'conventional', positionU: 3, disks: 0 },
      { id: 'D', model: 'disk-array', positionU: 5 },
      ...extra,
    ],
    clusters,
  });

  it.each<[string, unknown, string | RegExp]>([
    ['lockstep mode', base({ mode: 'dmr' }), /systems\[0\]\.mode: .* mode is simplex/],
    ['3 mirrored disks', base({ disks: 3 }), /disks: 3 disks cannot be mirrored/],
    ['flag not boolean', base({ mirroredDisks: 'yes' }), /expected true or false/],
    [
      'flag on an ftServer',
      { systems: [{ id: 'A', model: '4300', positionU: 1, mirroredDisks: true }] },
      /only a conventional server has this option/,
    ],
    [
      'unknown node',
      cluster([{ id: 'c', nodes: ['N1', 'X'], storage: 'D' }]),
      /clusters\[0\]\.nodes: no system 'X'/,
    ],
    [
      'same node twice',
      cluster([{ id: 'c', nodes: ['N1', 'N1'], storage: 'D' }]),
      /must be different/,
    ],
    [
      'array as a node',
      cluster([{ id: 'c', nodes: ['N1', 'D'], storage: 'D' }]),
      /'D' is a disk-array, not a conventional server/,
    ],
    [
      'server as storage',
      cluster([{ id: 'c', nodes: ['N1', 'N2'], storage: 'N1' }]),
      /is a conventional, not a disk array|already in cluster/,
    ],
    [
      'node in two clusters',
      cluster(
        [
          { id: 'c', nodes: ['N1', 'N2'], storage: 'D' },
          { id: 'e', nodes: ['N1', 'N3'], storage: 'D2' },
        ],
        [
          { id: 'N3', model: 'conventional', positionU: 7, disks: 0 },
          { id: 'D2', model: 'disk-array', positionU: 9 },
        ],
      ),
      /clusters\[1\]\.nodes: 'N1' is already in cluster 'c'/,
    ],
    ['nodes not a pair', cluster([{ id: 'c', nodes: ['N1'], storage: 'D' }]), /two system ids/],
    [
      'unknown cluster field',
      cluster([{ id: 'c', nodes: ['N1', 'N2'], storage: 'D', x: 1 }]),
      /x: unknown field/,
    ],
  ])('rejects %s', (_what, input, message) => {
    expect(() => parseComparison(input)).toThrow(ConfigError);
    expect(() => parseComparison(input)).toThrow(message);
  });

  it('rejects clusters without the comparison option', () => {
    const input = cluster([{ id: 'c', nodes: ['N1', 'N2'], storage: 'D' }]);
    expect(() => parseRackConfig(input, 'x')).toThrow(/clusters: unknown field/);
  });

  it('keeps a valid cluster', () => {
    const config: RackConfig = parseComparison(
      cluster([{ id: 'c', nodes: ['N2', 'N1'], storage: 'D' }]),
    );
    expect(config.clusters).toEqual([{ id: 'c', nodes: ['N2', 'N1'], storage: 'D' }]);
  });
});
