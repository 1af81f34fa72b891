import { Engine, type EngineEvent, SystemStatus } from '@ft/engine';
import { AlternativeSimulation } from '@ft/engine/alternatives';
import {
  buildRack,
  clusterEquivalent,
  conventionalEquivalent,
  getPreset,
  type RackConfig,
} from '@ft/hardware';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Architecture, ServiceTracker, servicesOf } from './serviceTracker.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function tracker(arch: Architecture, config: RackConfig, recoveryMs = 60_000): ServiceTracker {
  return new ServiceTracker({ architecture: arch, services: servicesOf(config), recoveryMs });
}

const system = (timeMs: number, from: SystemStatus, to: SystemStatus): EngineEvent => ({
  kind: 'system',
  timeMs,
  systemId: 'A',
  componentId: null,
  severity: 'info',
  message: '',
  from,
  to,
});

describe('servicesOf', () => {
  it('one service per system, or per cluster with its nodes and array', () => {
    const mixed = getPreset('mixed');
    expect(servicesOf(mixed).map((s) => s.id)).toEqual(mixed.systems.map((s) => s.id));
    expect(servicesOf(clusterEquivalent(getPreset('4300-dmr')))).toEqual([
      { id: 'A', systemIds: ['A1', 'A2', 'AS'] },
    ]);
  });
});

describe('ServiceTracker, ftServer', () => {
  const config = getPreset('4300-dmr');

  it('a stop lasts until the system runs again plus the modelled application recovery', () => {
    const t = tracker('ftserver', config);
    t.ingest(system(1_000, SystemStatus.Duplex, SystemStatus.Down));
    t.ingest(system(50_000, SystemStatus.Down, SystemStatus.Booting));
    expect(t.serving(0, 60_000)).toBe(false);
    t.ingest(system(91_000, SystemStatus.Booting, SystemStatus.Simplex));
    expect(t.serving(0, 120_000)).toBe(false);
    expect(t.serving(0, 151_000)).toBe(true);
    expect(t.downtimeMs(200_000)).toBe(150_000);
    expect(t.modelledDowntimeMs(200_000)).toBe(60_000);
    expect(t.outages(200_000)).toBe(1);
    expect(t.availability(200_000)).toBeCloseTo(0.25, 10);
  });

  it('losing one element is no stop; a stop during the recovery continues the outage', () => {
    const t = tracker('ftserver', config);
    expect(t.ingest(system(1_000, SystemStatus.Duplex, SystemStatus.Simplex))).toBe(false);
    t.ingest(system(2_000, SystemStatus.Simplex, SystemStatus.Down));
    t.ingest(system(10_000, SystemStatus.Booting, SystemStatus.Duplex));
    t.ingest(system(30_000, SystemStatus.Duplex, SystemStatus.Down));
    expect(t.intervals[0]).toHaveLength(1);
    expect(t.serving(0, 100_000)).toBe(false);
    t.ingest(system(40_000, SystemStatus.Booting, SystemStatus.Duplex));
    expect(t.downtimeMs(1_000_000)).toBe(100_000 - 2_000);
    expect(t.modelledDowntimeMs(1_000_000)).toBe(60_000);
  });

  it('agrees with the engine: tracked downtime = engine downtime + modelled recovery', () => {
    const engine = Engine.fromConfig(config, { seed: 11, randomFaults: false, autoRepair: true });
    const t = tracker('ftserver', config);
    engine.advance(1000);
    for (const [atMs, fault] of [
      [2 * HOUR, 'os-crash'],
      [30 * HOUR, 'os-crash'],
    ] as const) {
      engine.advance(atMs - engine.timeMs, true);
      expect(engine.command({ type: 'inject', target: 'A.cpu-0', fault }).ok).toBe(true);
    }
    engine.advance(2 * DAY - engine.timeMs, true);
    for (const e of engine.drainEvents()) t.ingest(e);
    const counters = engine.counters()[0];
    const now = engine.timeMs;
    expect(t.outages(now)).toBe(2);
    expect(t.downtimeMs(now) - t.modelledDowntimeMs(now)).toBeCloseTo(counters.downtimeMs, 0);
    expect(t.modelledDowntimeMs(now)).toBe(2 * 60_000);
  });
});

describe('ServiceTracker, alternatives', () => {
  it('a cluster failover: down from the crash until the application serves on the other node', () => {
    const config = clusterEquivalent(getPreset('4300-dmr'));
    const sim = new AlternativeSimulation(buildRack(config), { seed: 1, autoRepair: true });
    const t = tracker('cluster', config);
    sim.advance(HOUR);
    sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'stuck-at' });
    sim.advance(HOUR);
    for (const e of sim.drainEvents()) t.ingest(e);
    expect(t.outages(sim.timeMs)).toBe(1);
    expect(t.downtimeMs(sim.timeMs)).toBe(sim.services()[0].downtimeMs);
    expect(t.downtimeMs(sim.timeMs)).toBe(85_000);
  });

  // The alerts carry the whole story: rebuilt from events alone, every service's downtime and
  // outages equal the simulation's own counters, whatever the faults.
  it.each([
    ['cluster', clusterEquivalent(getPreset('mixed'))],
    ['conventional', conventionalEquivalent(getPreset('mixed'))],
    ['conventional', conventionalEquivalent(getPreset('4300-dmr'), { mirroredDisks: false })],
  ] as const)('%s: events reproduce the service counters (random years)', (arch, config) => {
    const rack = buildRack(config);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (seed) => {
        const sim = new AlternativeSimulation(rack, { seed, randomFaults: true, autoRepair: true });
        const t = tracker(arch, config);
        for (let d = 0; d < 365; d += 5) {
          sim.advance(5 * DAY);
          for (const e of sim.drainEvents()) t.ingest(e);
        }
        const services = sim.services();
        services.forEach((svc, i) => {
          const list = t.intervals[i];
          const down = list.reduce((sum, d) => sum + (d.endMs ?? sim.timeMs) - d.startMs, 0);
          expect(down).toBeCloseTo(svc.downtimeMs, 3);
          expect(list.length).toBe(svc.outages);
          expect(t.serving(i, sim.timeMs)).toBe(svc.up);
        });
        expect(t.modelledDowntimeMs(sim.timeMs)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
