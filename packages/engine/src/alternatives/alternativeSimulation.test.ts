import { buildRack, clusterEquivalent, getPreset } from '@ft/hardware';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateSnapshot } from '../snapshot.ts';
import { type Command, SystemStatus } from '../types.ts';
import { AlternativeSimulation } from './alternativeSimulation.ts';
import { SAVED_FIELDS } from './sim/persist.ts';
import { snapshotLayoutOf } from './simulation.ts';
import { altSim } from './test/altHarness.ts';

const HOUR = 3_600_000;

const FAULTY: Command[] = [
  { type: 'inject', target: 'A1.cpu-0', fault: 'stuck-at' },
  { type: 'inject', target: 'AS.disk-11-40-2', fault: 'disk-failure' },
  { type: 'inject', target: 'A2.nic-10-5', fault: 'nic-link-loss' },
];

function busy(seed: number, preset = 'mixed'): AlternativeSimulation {
  const sim = new AlternativeSimulation(buildRack(clusterEquivalent(getPreset(preset))), {
    seed,
    randomFaults: true,
    autoRepair: true,
  });
  for (const cmd of FAULTY) sim.command(cmd);
  return sim;
}

describe('determinism', () => {
  it('how advance is chunked changes nothing: state, events and saved bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 * HOUR }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000 }),
        (chunks, seed) => {
          const whole = busy(seed, '4300-dmr');
          const split = busy(seed, '4300-dmr');
          whole.advance(chunks.reduce((a, b) => a + b, 0));
          for (const ms of chunks) split.advance(ms);
          expect(split.drainEvents()).toEqual(whole.drainEvents());
          expect(split.save()).toEqual(whole.save());
          expect(split.services()).toEqual(whole.services());
        },
      ),
      { numRuns: 50 },
    );
  });

  it('warp and step give the same result (nothing executes between events)', () => {
    const a = busy(4);
    const b = busy(4);
    a.advance(30 * 24 * HOUR, true);
    for (let i = 0; i < 30; i++) b.advance(24 * HOUR);
    expect(a.save()).toEqual(b.save());
  });

  it('warpToNextEvent stops at the next scheduled event', () => {
    const sim = altSim('cluster-2node');
    sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'os-crash' });
    expect(sim.warpToNextEvent(HOUR)).toBe(5_000); // detection ends
    expect(sim.warpToNextEvent(1)).toBe(5_001);
    const quiet = altSim('conventional');
    expect(quiet.warpToNextEvent(HOUR)).toBe(HOUR);
  });
});

describe('save and restore', () => {
  it('a restored rack continues exactly like the original', () => {
    const a = busy(9);
    a.advance(3 * HOUR);
    const b = AlternativeSimulation.restore(a.save());
    for (const sim of [a, b]) {
      sim.advance(40 * 24 * HOUR);
      sim.command({ type: 'inject', target: 'B1.cpu-0', fault: 'os-crash' });
      sim.advance(HOUR);
    }
    expect(b.save()).toEqual(a.save());
    expect(b.services()).toEqual(a.services());
    expect(b.components()).toEqual(a.components());
  });

  it('saves every field that changes (a new field missing from SAVED_FIELDS fails here)', () => {
    // Saved mid-incident: a node down for a part, a disk and a link lost, random faults pending.
    const a = busy(11);
    a.advance(30 * 60_000);
    expect(a.state.linkDown.some((x) => x === 1)).toBe(true);
    const b = AlternativeSimulation.restore(a.save());
    const live = a.state as unknown as Record<string, unknown>;
    const restored = b.state as unknown as Record<string, unknown>;
    // Built from the rack and options by the constructor; events are drained, not saved.
    const derived = ['rack', 'options', 'n', 'm', 'specs', 'kind', 'sys', 'partner', 'byId'];
    derived.push('isServer', 'managementOnly', 'diskBytes', 'volumeOf', 'serviceOf', 'events');
    for (const key of Object.keys(live)) {
      if (key === 'prng' || key === 'clickDraws') continue;
      expect(
        (SAVED_FIELDS as readonly string[]).includes(key) || derived.includes(key),
        `${key} is neither saved nor derived`,
      ).toBe(true);
      if (key !== 'events') expect(restored[key], key).toEqual(live[key]);
    }
    expect(Array.from(b.state.prng.state)).toEqual(Array.from(a.state.prng.state));
    expect(Array.from(b.state.clickDraws.state)).toEqual(Array.from(a.state.clickDraws.state));
  });

  it('one click has the same outcome on the conventional server and on the cluster', () => {
    const conv = altSim('conventional', { seed: 5 });
    const cluster = altSim('cluster-2node', { seed: 5, randomFaults: true });
    const outcomes: boolean[] = [];
    for (let i = 0; i < 16; i++) {
      conv.command({ type: 'inject', target: 'A.cpu-0', fault: 'bitflip-register' });
      cluster.command({ type: 'inject', target: 'A1.cpu-0', fault: 'bitflip-register' });
      const crashed = conv.counters()[0].status === SystemStatus.Booting;
      expect(cluster.counters()[0].status === SystemStatus.Booting).toBe(crashed);
      outcomes.push(crashed);
      conv.advance(HOUR);
      cluster.advance(HOUR);
    }
    expect(new Set(outcomes).size).toBe(2); // both outcomes occurred
  });

  it('refuses damaged bytes with a clear error', () => {
    expect(() => AlternativeSimulation.restore(new Uint8Array([1, 2, 3]))).toThrow(
      /not a saved alternative rack/,
    );
    const bytes = altSim('conventional').save();
    expect(() => AlternativeSimulation.restore(bytes.subarray(0, bytes.length - 5))).toThrow(
      /damaged/,
    );
  });
});

describe('as the worker host drives an engine', () => {
  it('snapshots, chunks of time, events, records and a save in between', () => {
    const sim = altSim('cluster-2node', { randomFaults: true });
    const views = allocateSnapshot(snapshotLayoutOf(sim), false);
    sim.writeSnapshot(views, 1, 0);
    let seq = views.control[0];
    for (let i = 0; i < 200; i++) {
      sim.advance(50 * 60_000);
      sim.writeSnapshot(views, 10, 3);
      expect(views.control[0]).toBe(seq + 2);
      seq = views.control[0];
      expect(views.clock[0]).toBe(sim.timeMs);
      if (i % 20 === 0) {
        sim.drainEvents();
        expect(sim.components()).toHaveLength(sim.rack.components.length);
        expect(sim.counters()).toHaveLength(3);
        expect(sim.systems()).toHaveLength(3);
      }
    }
    sim.setTrace(true);
    expect(() => AlternativeSimulation.restore(sim.save())).not.toThrow();
  });
});
