import { type Command, Engine } from '@ft/engine';
import { getPreset } from '@ft/hardware';
import { makeSession, replaySession, type SessionEntry, sameBytes } from '@ft/lessons';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReplayTarget, SessionFollower } from './follower.ts';

const RACK = { preset: '4300-dmr' } as const;

/** A follower target over a headless engine (what a twin's engine client does in the worker). */
function engineTarget(engine: Engine, calls: string[] = []): ReplayTarget {
  return {
    simTimeMs: () => engine.timeMs,
    async step(ms) {
      calls.push(`step ${ms}`);
      engine.advance(ms);
    },
    async command(command) {
      calls.push(`command ${command.type}`);
      return engine.command(command);
    },
    async warp(limitMs) {
      calls.push(`warp ${limitMs}`);
      return engine.warpToNextEvent(limitMs);
    },
  };
}

const fresh = (seed: number) => Engine.fromConfig(getPreset(RACK.preset), { seed });

/** The saved state with the event queue emptied (the replay drains it as it goes). */
function saved(engine: Engine): Uint8Array {
  engine.drainEvents();
  return engine.save();
}

const inject = (target: string, fault: string): Command =>
  ({ type: 'inject', target, fault }) as Command;

describe('SessionFollower', () => {
  it('ends where the headless replay ends, byte for byte', async () => {
    const log: SessionEntry[] = [
      { timeMs: 1_000, command: inject('A.cpu-1', 'stuck-at') },
      { timeMs: 1_300, command: { type: 'pull', target: 'A.cpu-1' } },
      { timeMs: 1_300, command: { type: 'pull', target: 'A.cpu-1' } }, // refused: already out
      { timeMs: 4_100, command: { type: 'insert', target: 'A.cpu-1', replacement: true } },
      { timeMs: 4_100, warpToNextEvent: 60_000 },
    ];
    const session = makeSession({ rack: RACK, seed: 7, log, endMs: 70_000 });
    const expected = replaySession(session).engine;

    const engine = fresh(7);
    const follower = new SessionFollower(engineTarget(engine));
    await follower.follow(log, 0, 70_000);
    expect(follower.applied).toBe(5);
    expect(follower.refused).toHaveLength(1);
    expect(follower.refused[0].index).toBe(2);
    expect(follower.timeMs).toBe(engine.timeMs);
    expect(sameBytes(saved(engine), saved(expected))).toBe(true);
  });

  it('applies a growing log once, in order, and advances to the time asked for', async () => {
    const engine = fresh(3);
    const calls: string[] = [];
    const follower = new SessionFollower(engineTarget(engine, calls));
    const log: SessionEntry[] = [{ timeMs: 500, command: inject('A.cpu-0', 'bitflip-register') }];
    await follower.follow(log, 0, 600);
    // The same snapshot again plus one new entry: only the new one is applied.
    log.push({ timeMs: 900, command: inject('A.disk-10-40-1', 'disk-media-error') });
    await follower.follow(log, 0, 1_000);
    // A relay of the new entries alone (sequence numbers from 2).
    await follower.follow([{ timeMs: 1_200, command: inject('A.cpu-1', 'stuck-at') }], 2);
    expect(calls.filter((c) => c.startsWith('command'))).toHaveLength(3);
    expect(follower.applied).toBe(3);
    expect(engine.timeMs).toBe(1_200);
    expect(calls.slice(0, 3)).toEqual(['step 250', 'step 250', 'command inject']);
  });

  it('counts an entry that arrives after its time as late and applies it at once', async () => {
    const engine = fresh(1);
    const follower = new SessionFollower(engineTarget(engine));
    await follower.follow([], 0, 2_000);
    await follower.follow([{ timeMs: 1_500, command: inject('A.cpu-1', 'self-check') }]);
    expect(follower.late).toBe(1);
    expect(follower.applied).toBe(1);
    expect(engine.timeMs).toBe(2_000);
  });

  it("takes the twin's clock again after someone ran it, and counts what it passed as late", async () => {
    const engine = fresh(1);
    const follower = new SessionFollower(engineTarget(engine));
    await follower.follow([], 0, 1_000);
    engine.advance(500); // the mirror's play button, say
    await follower.resync();
    expect(follower.timeMs).toBe(1_500);
    await follower.follow([{ timeMs: 1_200, command: inject('A.cpu-1', 'self-check') }], 0, 2_000);
    expect(follower.late).toBe(1);
    expect(engine.timeMs).toBe(2_000);
  });

  it('stops stepping once stopped', async () => {
    const engine = fresh(1);
    const follower = new SessionFollower(engineTarget(engine), {
      onProgress: ({ timeMs }) => {
        if (timeMs >= 1_000) follower.stop();
      },
    });
    await follower.follow([], 0, 10_000);
    expect(engine.timeMs).toBe(1_000);
  });

  it('reports its progress towards the target while catching up', async () => {
    const seen: number[] = [];
    const follower = new SessionFollower(engineTarget(fresh(1)), {
      onProgress: (p) => seen.push(p.timeMs / p.targetMs),
    });
    await follower.follow([], 0, 1_000);
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('replays any short log of faults, pulls and inserts exactly as the headless replay', async () => {
    const ids = ['A.cpu-0', 'A.cpu-1', 'A.io-10', 'A.disk-11-40-2'];
    const entry = fc.oneof(
      fc.record({
        gapMs: fc.integer({ min: 0, max: 1_500 }),
        command: fc.constantFrom<Command>(
          inject('A.cpu-1', 'bitflip-register'),
          inject('A.cpu-0', 'self-check'),
          inject('A.io-10', 'pci-bus-error'),
          inject('A.disk-11-40-2', 'disk-failure'),
        ),
      }),
      fc.record({
        gapMs: fc.integer({ min: 0, max: 1_500 }),
        command: fc
          .constantFrom(...ids)
          .chain((target) =>
            fc.constantFrom<Command>(
              { type: 'pull', target },
              { type: 'insert', target, replacement: false },
            ),
          ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(entry, { maxLength: 5 }),
        async (seed, steps) => {
          let t = 0;
          const log: SessionEntry[] = steps.map((s) => {
            t += s.gapMs;
            return { timeMs: t, command: s.command };
          });
          const expected = replaySession(makeSession({ rack: RACK, seed, log, endMs: t })).engine;
          const engine = fresh(seed);
          await new SessionFollower(engineTarget(engine)).follow(log, 0, t);
          expect(sameBytes(saved(engine), saved(expected))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
