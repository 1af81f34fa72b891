import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset, type RackConfig } from '@ft/hardware';
import { CHECK_RACKS } from '../check/schedule.ts';
import { Engine } from '../engine.ts';
import { sameBytes } from '../test/harness.ts';
import type { Command, EngineEvent } from '../types.ts';

/** Racks and the commands each property run draws from: every kind of work the engine does. */
const RACKS: Record<string, { config: RackConfig; commands: Command[][] }> = {
  dmr: {
    config: CHECK_RACKS.dmr,
    commands: [
      [{ type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' }],
      [{ type: 'inject', target: 'A.cpu-0', fault: 'self-check' }],
      [{ type: 'inject', target: 'A.cpu-0', fault: 'bitflip-memory' }],
      [{ type: 'pull', target: 'A.disk-10-40-2' }],
      [{ type: 'insert', target: 'A.disk-10-40-2' }],
      [{ type: 'inject', target: 'A.io-10', fault: 'pci-bus-error' }],
      [{ type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' }],
      [{ type: 'inject', target: 'A.cpu-0', fault: 'os-crash' }],
      [{ type: 'system', target: 'A', action: 'crashApplication' }],
    ],
  },
  tmr: {
    config: CHECK_RACKS.tmr,
    commands: [
      [{ type: 'inject', target: 'A.cpu-2', fault: 'stuck-at' }],
      [{ type: 'inject', target: 'A.cpu-1', fault: 'bitflip-memory' }],
      [
        {
          type: 'inject',
          target: 'A.cpu-0',
          fault: 'bitflip-register',
          detail: { register: 3, bit: 1 },
        },
        {
          type: 'inject',
          target: 'A.cpu-1',
          fault: 'bitflip-register',
          detail: { register: 3, bit: 2 },
        },
        {
          type: 'inject',
          target: 'A.cpu-2',
          fault: 'bitflip-register',
          detail: { register: 3, bit: 3 },
        },
      ],
      [{ type: 'pull', target: 'A.cpu-0' }],
      [{ type: 'insert', target: 'A.cpu-0', replacement: true }],
      [{ type: 'inject', target: 'A.psu-1', fault: 'psu-failure' }],
    ],
  },
  mixed: {
    config: getPreset('mixed'),
    commands: [
      [{ type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' }],
      [{ type: 'inject', target: 'C.cpu-2', fault: 'bitflip-register' }],
      [{ type: 'inject', target: 'B.cpu-0', fault: 'os-crash' }],
      [{ type: 'inject', target: 'A.cpu-0', fault: 'self-check' }],
      [{ type: 'inject', target: 'B.pci-10-2', fault: 'adapter-failure' }],
      [{ type: 'gatewayLink', target: 'A', up: false }],
    ],
  },
};
const RACK_NAMES = Object.keys(RACKS);

interface Step {
  atMs: number;
  cmd: number;
}

function fresh(rack: string, seed: number): Engine {
  return Engine.fromConfig(RACKS[rack].config, { seed, randomFaults: true, autoRepair: true });
}

/**
 * Runs to `endMs` applying the commands at their times; `cuts` are extra times at which the
 * run is split into separate advance calls (events are drained at every call).
 */
function run(
  rack: string,
  seed: number,
  steps: Step[],
  endMs: number,
  warp: boolean,
  cuts: number[],
) {
  const e = fresh(rack, seed);
  const commands = RACKS[rack].commands;
  const events: EngineEvent[] = [];
  const stops = [
    ...steps.map((s) => ({ at: s.atMs, cmd: s.cmd % commands.length })),
    ...cuts.map((at) => ({ at, cmd: -1 })),
    { at: endMs, cmd: -1 },
  ].sort((a, b) => a.at - b.at || b.cmd - a.cmd);
  for (const stop of stops) {
    if (stop.at > e.timeMs) e.advance(stop.at - e.timeMs, warp);
    if (stop.cmd >= 0) for (const cmd of commands[stop.cmd]) e.command(cmd);
    events.push(...e.drainEvents());
  }
  return { bytes: e.save(), events: JSON.stringify(events), time: e.timeMs };
}

const rackName = fc.constantFrom(...RACK_NAMES);

/** Hundreds of runs each: minutes on a busy machine, well within a test run's budget. */
const PROPERTY_TIMEOUT_MS = 600_000;

const steps = (maxMs: number) =>
  fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: maxMs }),
      cmd: fc.integer({ min: 0, max: 11 }),
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
  it(
    'running for real: same bytes and events for any split',
    () => {
      fc.assert(
        fc.property(
          rackName,
          fc.integer({ min: 0, max: 1000 }),
          steps(1500),
          cuts(2000),
          (r, seed, s, c) => {
            const whole = run(r, seed, s, 2000, false, []);
            const split = run(r, seed, s, 2000, false, c);
            expect(split.time).toBe(whole.time);
            expect(split.events).toBe(whole.events);
            expect(sameBytes(split.bytes, whole.bytes)).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'with time warp over hours of faults and repairs: same bytes and events for any split',
    () => {
      const hourMs = 3_600_000;
      fc.assert(
        fc.property(
          rackName,
          fc.integer({ min: 0, max: 1000 }),
          steps(hourMs),
          cuts(6 * hourMs),
          (r, seed, s, c) => {
            const whole = run(r, seed, s, 6 * hourMs, true, []);
            const split = run(r, seed, s, 6 * hourMs, true, c);
            expect(split.events).toBe(whole.events);
            expect(sameBytes(split.bytes, whole.bytes)).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a command applied at time t replays identically from a log of (t, command)',
    () => {
      fc.assert(
        fc.property(
          rackName,
          fc.integer({ min: 0, max: 1000 }),
          steps(5000),
          cuts(6000),
          (r, seed, s, c) => {
            // The session: time advanced in odd chunks (a wall-clock-paced worker), commands logged.
            const live = run(r, seed, s, 6000, true, c);
            // The replay: straight to each logged time, then the command.
            const replay = run(r, seed, s, 6000, true, []);
            expect(sameBytes(replay.bytes, live.bytes)).toBe(true);
          },
        ),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'warpToNextEvent is deterministic and replays as advance to the time it reached',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1000 }),
          fc.array(fc.integer({ min: 1, max: 4 * 3_600_000 }), { minLength: 1, maxLength: 8 }),
          (seed, limits) => {
            const a = fresh('mixed', seed);
            const b = fresh('mixed', seed);
            const c = fresh('mixed', seed);
            for (const e of [a, b, c]) e.command(RACKS.mixed.commands[1][0]);
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
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('rejects bad durations with a message', () => {
    const e = fresh('dmr', 1);
    expect(() => e.advance(-1)).toThrow(/finite number/);
    expect(() => e.advance(Number.NaN)).toThrow(/finite number/);
    expect(() => e.advance(1e15)).toThrow(/100 simulated years/);
    expect(() => e.warpToNextEvent(0)).toThrow(/> 0/);
  });
});
