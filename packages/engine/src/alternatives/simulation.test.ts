import {
  buildRack,
  clusterEquivalent,
  ConfigError,
  conventionalEquivalent,
  getComparisonPreset,
  getPreset,
} from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import { AlternativeSimulation } from './alternativeSimulation.ts';
import {
  architectureOf,
  createSimulation,
  restoreSimulation,
  serviceRecords,
  type Simulation,
  snapshotLayoutOf,
} from './simulation.ts';

describe('createSimulation', () => {
  it('gives the Engine for ftServers and an AlternativeSimulation for the alternatives', () => {
    const ft = createSimulation(buildRack(getPreset('4300-dmr')), { seed: 1 });
    expect(ft).toBeInstanceOf(Engine);
    const conv = createSimulation(buildRack(getComparisonPreset('conventional')), { seed: 1 });
    expect(conv).toBeInstanceOf(AlternativeSimulation);
    expect((conv as AlternativeSimulation).architecture).toBe('conventional');
    const cluster = createSimulation(buildRack(getComparisonPreset('cluster-2node')), { seed: 1 });
    expect((cluster as AlternativeSimulation).architecture).toBe('cluster');
    // The Engine is a Simulation as it stands (checked by the compiler here).
    const asSimulation: Simulation = new Engine(buildRack(getPreset('4300-dmr')), { seed: 2 });
    expect(snapshotLayoutOf(asSimulation).components).toBe(16);
  });

  it('restores whichever kind saved the bytes', () => {
    for (const config of [getPreset('4300-dmr'), getComparisonPreset('cluster-2node')]) {
      const sim = createSimulation(buildRack(config), { seed: 3 });
      sim.advance(10_000);
      const back = restoreSimulation(sim.save());
      expect(back.constructor).toBe(sim.constructor);
      expect(back.timeMs).toBe(sim.timeMs);
    }
  });

  it('names the architecture of a rack and refuses mixtures', () => {
    expect(architectureOf(getPreset('mixed'))).toBe('ftserver');
    expect(architectureOf(conventionalEquivalent(getPreset('mixed')))).toBe('conventional');
    expect(architectureOf(clusterEquivalent(getPreset('mixed')))).toBe('cluster');
    const mixed = {
      ...getPreset('4300-dmr'),
      systems: [
        ...getPreset('4300-dmr').systems,
        { ...getComparisonPreset('conventional').systems[0], id: 'Z', positionU: 20 },
      ],
    };
    expect(() => architectureOf(mixed)).toThrow(ConfigError);
    const lonelyArray = { ...clusterEquivalent(getPreset('4300-dmr')), clusters: [] };
    expect(() => architectureOf(lonelyArray)).toThrow(/disk array needs a cluster/);
  });

  it('serviceRecords reads the Engine and the alternatives alike', () => {
    const ft = createSimulation(buildRack(getPreset('mixed')), { seed: 1 });
    ft.advance(1_000);
    const records = serviceRecords(ft);
    expect(records.map((r) => [r.id, r.kind, r.up, r.outages])).toEqual([
      ['A', 'ftserver', true, null],
      ['B', 'ftserver', true, null],
      ['C', 'ftserver', true, null],
    ]);
    const cluster = createSimulation(buildRack(getComparisonPreset('cluster-2node')), { seed: 1 });
    expect(serviceRecords(cluster)[0]).toMatchObject({ kind: 'cluster', up: true, failovers: 0 });
  });
});
