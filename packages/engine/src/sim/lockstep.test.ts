import fc from 'fast-check';
import { identicalReplicas } from '../cpu/complex.ts';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine.ts';
import { engine, outputs, runUntil, stateOf } from '../test/harness.ts';
import type { FaultKind } from '../types.ts';

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

function expectPrefix(faulted: number[], clean: number[]): void {
  const n = Math.min(faulted.length, clean.length);
  expect(n).toBeGreaterThan(1000);
  for (let i = 0; i < n; i++)
    if (faulted[i] !== clean[i])
      expect(`output ${i}: ${faulted[i]}`).toBe(`output ${i}: ${clean[i]}`);
}

const TMR_FAULTS: FaultKind[] = [
  'bitflip-register',
  'bitflip-memory',
  'memory-uncorrectable',
  'self-check',
];
const DMR_FLAGGED: FaultKind[] = ['memory-uncorrectable', 'self-check'];

describe('voted output stream', () => {
  it('TMR: with one fault at a time and repair in between, equals the fault-free run', () => {
    const clean = stream(engine('6600-tmr', 5), 3000);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 1, max: 40 }),
            slot: fc.integer({ min: 0, max: 2 }),
            fault: fc.constantFrom(...TMR_FAULTS),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (schedule) => {
          const e = engine('6600-tmr', 5);
          e.setTrace(true);
          const out: number[] = [];
          for (const f of schedule) {
            e.advance(f.at);
            out.push(...outputs(e.drainEvents()));
            expect(
              e.command({ type: 'inject', target: `A.cpu-${f.slot}`, fault: f.fault }).ok,
            ).toBe(true);
            // A memory flip stays latent until the workload reads the word: wait for detection.
            const detected = runUntil(
              e,
              () => {
                out.push(...outputs(e.drainEvents()));
                return stateOf(e, `A.cpu-${f.slot}`) !== 'triplex';
              },
              20_000,
              20,
            );
            expect(detected).toBe(true);
            // Repair in between: wait until the system is back in triplex.
            const ok = runUntil(
              e,
              () => {
                out.push(...outputs(e.drainEvents()));
                return e.counters()[0].status === 4 && e.timeMs > 0;
              },
              200_000,
              200,
            );
            expect(ok).toBe(true);
            out.push(...outputs(e.drainEvents()));
          }
          expect(e.counters()[0].silentDataCorruptions).toBe(0);
          expectPrefix(
            out,
            clean.length >= out.length ? clean : stream(engine('6600-tmr', 5), 3000),
          );
        },
      ),
      { numRuns: 6 },
    );
  });

  it('DMR: faults the boards flag themselves never change the output stream', () => {
    const clean = stream(engine('4300-dmr', 9), 2000);
    for (const fault of DMR_FLAGGED) {
      for (const slot of [0, 1]) {
        const e = engine('4300-dmr', 9);
        e.setTrace(true);
        e.advance(20);
        const out = outputs(e.drainEvents());
        e.command({ type: 'inject', target: `A.cpu-${slot}`, fault });
        e.advance(1000);
        out.push(...outputs(e.drainEvents()));
        expect(stateOf(e, `A.cpu-${slot}`)).not.toBe('duplex');
        expectPrefix(out, clean);
        expect(e.counters()[0].silentDataCorruptions).toBe(0);
      }
    }
  });

  it('DMR: an unflagged transient is either voted out correctly or counted as silent corruption', () => {
    const clean = stream(engine('4300-dmr', 9), 2000);
    for (const slot of [0, 1]) {
      const e = engine('4300-dmr', 9);
      e.setTrace(true);
      e.advance(20);
      const out = outputs(e.drainEvents());
      e.command({
        type: 'inject',
        target: `A.cpu-${slot}`,
        fault: 'bitflip-register',
        detail: { register: 3, bit: 5 },
      });
      e.advance(1000);
      out.push(...outputs(e.drainEvents()));
      const sdc = e.counters()[0].silentDataCorruptions;
      const diverged = out.some((v, i) => i < clean.length && v !== clean[i]);
      expect(diverged).toBe(sdc > 0);
      // The software rule removes the higher-numbered board on a tie: it picks wrong for cpu-0.
      expect(sdc).toBe(slot === 0 ? 1 : 0);
    }
  });
});

describe('TMR voting', () => {
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
