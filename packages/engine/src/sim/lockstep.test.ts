import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultFreeStream } from '../check/fault-free-stream.ts';
import { CHECK_RACKS } from '../check/schedule.ts';
import { identicalReplicas } from '../cpu/complex.ts';
import { Engine } from '../engine.ts';
import { engine, outputs, runUntil, stateOf } from '../test/harness.ts';
import { LANE_DEPTH, LaneFlag } from '../snapshot.ts';
import { type FaultKind, SystemStatus } from '../types.ts';

function duplexAgain(e: Engine, ids: string[], want: string): () => boolean {
  return () => ids.every((id) => stateOf(e, id) === want);
}

/** Runs with tracing and returns the emitted output stream. */
function stream(e: Engine, ms: number): number[] {
  e.setTrace(true);
  const out: number[] = [];
  const end = e.timeMs + ms;
  while (e.timeMs < end) {
    e.advance(Math.min(100, end - e.timeMs));
    out.push(...outputs(e.drainEvents()));
  }
  return out;
}

const TMR_FAULTS: FaultKind[] = [
  'bitflip-register',
  'bitflip-memory',
  'memory-uncorrectable',
  'memory-correctable',
  'self-check',
  'stuck-at',
];
const DMR_FLAGGED: FaultKind[] = ['memory-uncorrectable', 'self-check'];

/** The fault-free run: the hash of its first N outputs (a replay, with no voter). */
const clean = new FaultFreeStream();

function streamIsClean(e: Engine): boolean {
  return e.outputHash(0) === clean.hashAt(e.counters()[0].transactionsExecuted);
}

function fullyRedundant(e: Engine, status: SystemStatus): boolean {
  const w = e.world;
  return w.status[0] === status && w.rsPhase[0] === 0 && !w.referenceActive[0];
}

describe('voted output stream', () => {
  it('TMR: with one fault at a time and repair in between, equals the fault-free run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 1, max: 400 }),
            slot: fc.integer({ min: 0, max: 2 }),
            fault: fc.constantFrom(...TMR_FAULTS),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (seed, schedule) => {
          const e = Engine.fromConfig(CHECK_RACKS.tmr, { seed, autoRepair: true });
          for (const f of schedule) {
            e.advance(f.at, true);
            const target = `A.cpu-${f.slot}`;
            expect(e.command({ type: 'inject', target, fault: f.fault }).ok).toBe(true);
            // Repair in between: back in triplex, resynchronised, nothing latent left.
            e.advance(1, true);
            expect(
              runUntil(e, () => fullyRedundant(e, SystemStatus.Triplex), 12 * 3_600_000, 60_000),
            ).toBe(true);
            expect(streamIsClean(e)).toBe(true);
          }
          expect(e.counters()[0].silentDataCorruptions).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  }, 300_000);

  it('DMR: faults the boards flag themselves never change the output stream', () => {
    for (const fault of DMR_FLAGGED) {
      for (const slot of [0, 1]) {
        const e = Engine.fromConfig(CHECK_RACKS.dmr, { seed: 9 });
        e.advance(20);
        e.command({ type: 'inject', target: `A.cpu-${slot}`, fault });
        e.advance(100);
        expect(stateOf(e, `A.cpu-${slot}`)).not.toBe('duplex');
        expect(runUntil(e, () => fullyRedundant(e, SystemStatus.Duplex), 120_000)).toBe(true);
        expect(streamIsClean(e)).toBe(true);
        expect(e.counters()[0].silentDataCorruptions).toBe(0);
      }
    }
  });
});

describe('TMR voting', () => {
  it("one 0.25 ms step after a flip shows the outvoted element (the app's Step button)", () => {
    for (const at of [10, 1234.567]) {
      const e = engine('6600-tmr', 3);
      e.advance(at);
      e.command({ type: 'inject', target: 'A.cpu-2', fault: 'bitflip-register' });
      e.advance(0.25);
      expect(stateOf(e, 'A.cpu-2')).toBe('shot');
      const w = e.world;
      const lane = Array.from(w.laneFlag.subarray(2 * LANE_DEPTH, 3 * LANE_DEPTH));
      expect(lane).toContain(LaneFlag.Outvoted);
    }
  });

  it('a single bad board is always isolated, and only that board', () => {
    for (const slot of [0, 1, 2]) {
      for (const fault of ['bitflip-register', 'stuck-at', 'self-check'] as FaultKind[]) {
        const e = engine('6600-tmr', 3);
        e.advance(10);
        e.command({ type: 'inject', target: `A.cpu-${slot}`, fault });
        e.advance(50);
        for (const k of [0, 1, 2]) {
          expect(stateOf(e, `A.cpu-${k}`)).toBe(k === slot ? 'shot' : 'duplex');
        }
      }
    }
  });

  it('a three-way disagreement never emits output and stops the system', () => {
    const clean = stream(engine('6600-tmr', 3), 200);
    const e = engine('6600-tmr', 3);
    e.setTrace(true);
    e.advance(10);
    const out = outputs(e.drainEvents());
    [0, 1, 2].forEach((slot) => {
      e.command({
        type: 'inject',
        target: `A.cpu-${slot}`,
        fault: 'bitflip-register',
        detail: { register: 3, bit: slot + 1 },
      });
    });
    e.advance(100);
    const c = e.counters()[0];
    expect(c.outputsSuppressed).toBe(1);
    expect(c.status).toBeLessThanOrEqual(1); // down, already rebooting
    // Outputs computed before the flips may still go out; nothing wrong ever does.
    out.push(...outputs(e.drainEvents()));
    expect(out.length).toBeLessThanOrEqual(c.transactionsExecuted);
    expect(out).toEqual(clean.slice(0, out.length));
    expect(c.silentDataCorruptions).toBe(0);
  });
});

describe('resynchronisation', () => {
  it('leaves memory, registers and program counters of all replicas identical', () => {
    for (const [preset, ids] of [
      ['4300-dmr', ['A.cpu-0', 'A.cpu-1']],
      ['6600-tmr', ['A.cpu-0', 'A.cpu-1', 'A.cpu-2']],
    ] as const) {
      const e = engine(preset, 11);
      e.advance(100);
      e.command({ type: 'inject', target: ids[1], fault: 'self-check' });
      e.advance(100);
      expect(stateOf(e, ids[1])).not.toMatch(/plex/);
      const want = ids.length === 3 ? 'triplex' : 'duplex';
      expect(runUntil(e, duplexAgain(e, [...ids], want))).toBe(true);
      const cpu = e.world.cpu;
      for (let k = 1; k < ids.length; k++) expect(identicalReplicas(cpu, 0, cpu, k)).toBe(true);
      e.advance(5000);
      for (let k = 1; k < ids.length; k++) expect(identicalReplicas(cpu, 0, cpu, k)).toBe(true);
    }
  });

  it('pauses the OS for about the published time', () => {
    const e = engine('4300-dmr', 1);
    e.advance(100);
    e.command({ type: 'inject', target: 'A.cpu-1', fault: 'self-check' });
    e.advance(100);
    runUntil(e, duplexAgain(e, ['A.cpu-1'], 'duplex'));
    const msg = e.drainEvents().find((ev) => ev.message.includes('stop-and-copy'))?.message ?? '';
    const pauseS = Number(/paused ([\d.]+) s/.exec(msg)?.[1]);
    const memoryGB = e.rack.systems[0].config.memoryGB;
    // Published: 16 GB → 3 s; smaller memories pause for less, never under the fixed part.
    expect(pauseS).toBeGreaterThan(1.6);
    expect(pauseS).toBeLessThan(1.6 + (memoryGB / 16) * (3 - 1.6) * 1.5);
  });
});
