import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_RACKS } from '../check/schedule.ts';
import { Engine } from '../engine.ts';
import { sameBytes } from '../test/harness.ts';
import type { Command, EngineEvent } from '../types.ts';

/** Commands that touch every kind of work: votes, resyncs, rebuilds, crashes, timers. */
const COMMANDS: Command[] = [
  { type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' },
  { type: 'inject', target: 'A.cpu-0', fault: 'self-check' },
  { type: 'inject', target: 'A.cpu-0', fault: 'bitflip-memory' },
  { type: 'pull', target: 'A.disk-10-40-2' },
  { type: 'insert', target: 'A.disk-10-40-2' },
  { type: 'inject', target: 'A.io-10', fault: 'pci-bus-error' },
  { type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' },
  { type: 'inject', target: 'A.cpu-0', fault: 'os-crash' },
  { type: 'system', target: 'A', action: 'crashApplication' },
];

interface Step {
  atMs: number;
  cmd: number;
}

function fresh(seed: number): Engine {
  return Engine.fromConfig(CHECK_RACKS.dmr, { seed, randomFaults: true, autoRepair: true });
}

/**
 * Runs to `endMs` applying the commands at their times; `cuts` are extra times at which the
 * run is split into separate advance calls (events are drained at every call).
 */
function run(seed: number, steps: Step[], endMs: number, warp: boolean, cuts: number[]) {
  const e = fresh(seed);
  const events: EngineEvent[] = [];
  const stops = [
    ...steps.map((s) => ({ at: s.atMs, cmd: s.cmd })),
    ...cuts.map((at) => ({ at, cmd: -1 })),
    { at: endMs, cmd: -1 },
  ].sort((a, b) => a.at - b.at || b.cmd - a.cmd);
  for (const stop of stops) {
    if (stop.at > e.timeMs) e.advance(stop.at - e.timeMs, warp);
    if (stop.cmd >= 0) e.command(COMMANDS[stop.cmd]);
    events.push(...e.drainEvents());
  }
  return { bytes: e.save(), events: JSON.stringify(events), time: e.timeMs };
}

const steps = (maxMs: number) =>
  fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: maxMs }),
      cmd: fc.integer({ min: 0, max: COMMANDS.length - 1 }),
    }),
    { maxLength: 3 },
  );

/** Split points: whole milliseconds, and microsecond fractions. */
const cuts = (maxMs: number) =>
  fc.array(
    fc.oneof(
      fc.integer({ min: 1, max: maxMs }),
      fc.integer({ min: 1, max: maxMs * 1000 }).map((us) => us / 1000),
    ),
    { minLength: 1, maxLength: 12 },
  );

describe('time: advance(a); advance(b) is advance(a + b)', () => {
  it('running for real: same bytes and events for any split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), steps(2500), cuts(3000), (seed, s, c) => {
        const whole = run(seed, s, 3000, false, []);
        const split = run(seed, s, 3000, false, c);
        expect(split.time).toBe(whole.time);
        expect(split.events).toBe(whole.events);
        expect(sameBytes(split.bytes, whole.bytes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('with time warp over hours of faults and repairs: same bytes and events for any split', () => {
    const hourMs = 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        steps(hourMs),
        cuts(6 * hourMs),
        (seed, s, c) => {
          const whole = run(seed, s, 6 * hourMs, true, []);
          const split = run(seed, s, 6 * hourMs, true, c);
          expect(split.events).toBe(whole.events);
          expect(sameBytes(split.bytes, whole.bytes)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a command applied at time t replays identically from a log of (t, command)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), steps(5000), cuts(6000), (seed, s, c) => {
        // The session: time advanced in odd chunks (a wall-clock-paced worker), commands logged.
        const live = run(seed, s, 6000, true, c);
        // The replay: straight to each logged time, then the command.
        const replay = run(seed, s, 6000, true, []);
        expect(sameBytes(replay.bytes, live.bytes)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('warpToNextEvent is deterministic and replays as advance to the time it reached', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: 1, max: 4 * 3_600_000 }), { minLength: 1, maxLength: 8 }),
        (seed, limits) => {
          const a = fresh(seed);
          const b = fresh(seed);
          const c = fresh(seed);
          a.command(COMMANDS[1]);
          b.command(COMMANDS[1]);
          c.command(COMMANDS[1]);
          for (const limit of limits) {
            const reached = a.warpToNextEvent(limit);
            expect(b.warpToNextEvent(limit)).toBe(reached);
            c.advance(reached - c.timeMs, true);
          }
          expect(sameBytes(a.save(), b.save())).toBe(true);
          expect(sameBytes(a.save(), c.save())).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects bad durations with a message', () => {
    const e = fresh(1);
    expect(() => e.advance(-1)).toThrow(/finite number/);
    expect(() => e.advance(Number.NaN)).toThrow(/finite number/);
    expect(() => e.advance(1e15)).toThrow(/100 simulated years/);
    expect(() => e.warpToNextEvent(0)).toThrow(/> 0/);
  });
});
