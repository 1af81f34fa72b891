import { describe, expect, it } from 'vitest';
import { LANE_DEPTH, LaneFlag, type SnapshotLayout, snapshotViews } from '../snapshot.ts';
import type { Heartbeat, JournalEntry } from './api.ts';
import { HEARTBEAT_MS, EngineHost, type HostEnvironment } from './host.ts';

/**
 * A wall clock that moves only when read (each read costs `costMs`, as if the engine worked)
 * or when the test lets time pass; timers fire in order when their time comes.
 */
class FakeWall implements HostEnvironment {
  nowMs = 0;
  beats: Heartbeat[] = [];
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  constructor(public costMs = 0.5) {}
  now(): number {
    this.nowMs += this.costMs;
    return this.nowMs;
  }
  setTimer(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.nowMs + ms, fn, id });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  beat(beat: Heartbeat): void {
    this.beats.push(beat);
  }
  /** Lets `ms` of wall time pass, firing every timer due meanwhile. */
  async pass(ms: number): Promise<void> {
    const end = this.nowMs + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.nowMs = Math.max(this.nowMs, next.at);
      next.fn();
      await Promise.resolve();
    }
    this.nowMs = Math.max(this.nowMs, end);
  }
}

async function loaded(preset = '4300-dmr', seed = 3) {
  const wall = new FakeWall();
  const host = new EngineHost(wall);
  const result = await host.load({ rack: { preset }, seed });
  if (!result.ok) throw new Error(result.error);
  await host.setSpeed(0);
  const layout: SnapshotLayout = result.layout;
  return { wall, host, layout };
}

/** Settles `promise` while letting wall time pass, as the worker's timers would. */
async function drive<T>(wall: FakeWall, promise: Promise<T>, maxWallMs = 600_000): Promise<T> {
  let done = false;
  let value: T | undefined;
  let error: unknown;
  promise.then(
    (v) => {
      done = true;
      value = v;
    },
    (e) => {
      done = true;
      error = e;
    },
  );
  for (let t = 0; t < maxWallMs && !done; t += 16) await wall.pass(16);
  if (!done) throw new Error('did not settle');
  if (error) throw error;
  return value as T;
}

describe('EngineHost long steps', () => {
  it('runs a long step in slices, answers calls in between and reports progress', async () => {
    const { wall, host } = await loaded();
    wall.costMs = 2;
    let settled = false;
    const step = host.step(60_000).then(() => {
      settled = true;
    });
    await wall.pass(100);
    expect(settled).toBe(false);
    // The worker answers other calls while the step runs.
    const batch = await host.drainBatch();
    expect(batch.timeMs).toBeGreaterThan(0);
    expect(batch.timeMs).toBeLessThan(60_000);
    await drive(wall, step);
    expect((await host.drainBatch()).timeMs).toBe(60_000);
    const progress = wall.beats.filter((b) => b.job?.kind === 'step').map((b) => b.job?.doneMs);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // Heartbeats about once a second of wall time, and one when the job ends.
    expect(wall.beats.at(-1)?.job).toBeNull();
    expect(wall.beats.length).toBeLessThanOrEqual(wall.nowMs / HEARTBEAT_MS + 3);
  });

  it('queues steps: each ends exactly where it should', async () => {
    const { wall, host } = await loaded();
    await drive(wall, host.step(300));
    expect((await host.drainBatch()).timeMs).toBe(300);
    const order: string[] = [];
    const a = host.step(5_000).then(() => order.push('a'));
    const b = host.step(0.25).then(() => order.push('b'));
    await drive(wall, Promise.all([a, b]));
    expect(order).toEqual(['a', 'b']);
    expect((await host.drainBatch()).timeMs).toBe(5_300.25);
  });

  it('refuses steps it cannot do, with the value it was given', async () => {
    const { host } = await loaded();
    await expect(host.step(Number.NaN)).rejects.toThrow(/step must be a number.*got NaN/);
    await expect(host.step(-1)).rejects.toThrow(/got -1/);
  });

  it('keeps beating while paused, with no job', async () => {
    const { wall } = await loaded();
    await wall.pass(3_500);
    expect(wall.beats.length).toBeGreaterThanOrEqual(3);
    expect(wall.beats.every((b) => b.job === null)).toBe(true);
  });
});

describe('EngineHost starting speed', () => {
  it('a load asked to start paused never moves the clock before a setSpeed', async () => {
    const wall = new FakeWall();
    const host = new EngineHost(wall);
    const result = await host.load({ rack: { preset: '4300-dmr' }, seed: 3, speed: 0 });
    expect(result.ok).toBe(true);
    await wall.pass(2_000);
    expect((await host.drainBatch()).timeMs).toBe(0);
    await host.setSpeed(1);
    await wall.pass(1_000);
    expect((await host.drainBatch()).timeMs).toBeGreaterThan(0);
  });

  it('without a speed the clock runs at 1x from the load', async () => {
    const wall = new FakeWall();
    const host = new EngineHost(wall);
    await host.load({ rack: { preset: '4300-dmr' }, seed: 3 });
    await wall.pass(1_000);
    expect((await host.drainBatch()).timeMs).toBeGreaterThan(500);
  });

  it('refuses a speed that is not one, loading nothing', async () => {
    const host = new EngineHost(new FakeWall());
    for (const speed of [Number.NaN, -2, Number.POSITIVE_INFINITY, '1' as unknown as number]) {
      const result = await host.load({ rack: { preset: '4300-dmr' }, seed: 3, speed });
      expect(result).toEqual({
        ok: false,
        error: expect.stringMatching(/^speed must be a number/),
      });
    }
    await expect(host.step(1)).rejects.toThrow(/no rack loaded/);
  });
});

describe('EngineHost replay', () => {
  it('restores a save and replays the journal to the same state and time', async () => {
    const { wall, host } = await loaded('mixed', 5);
    await drive(wall, host.step(1_000));
    const saved = await host.saveState();
    expect(saved.timeMs).toBe(1_000);
    const journal: JournalEntry[] = [];
    const apply = async (command: Parameters<EngineHost['command']>[0]) => {
      const result = await host.command(command);
      expect(result.ok).toBe(true);
      journal.push({ kind: 'command', command, timeMs: result.timeMs });
    };
    await drive(wall, host.step(500));
    await apply({ type: 'pull', target: 'A.disk-10-40-1' });
    await drive(wall, host.step(250));
    await apply({ type: 'inject', target: 'B.cpu-1', fault: 'stuck-at' });
    await apply({ type: 'pull', target: 'C.cpu-2' });
    await drive(wall, host.step(1_000));
    const warp = await host.warp(3_600_000);
    journal.push({ kind: 'warp', ...warp });
    await drive(wall, host.step(300));
    const before = { time: (await host.drainBatch()).timeMs, components: await host.components() };

    // A new worker: the save, then the journal, up to the time the page had seen.
    const fresh = new EngineHost(wall);
    const reloaded = await fresh.load({
      rack: { preset: 'mixed' },
      seed: 5,
      savedState: saved.state,
    });
    if (!reloaded.ok) throw new Error(reloaded.error);
    await fresh.setSpeed(0);
    const replayed = await drive(wall, fresh.replay(journal, before.time));
    expect(replayed.timeMs).toBe(before.time);
    expect(replayed.outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const after = await fresh.components();
    expect(after.map((c) => [c.id, c.stateName])).toEqual(
      before.components.map((c) => [c.id, c.stateName]),
    );
    const removed = after.find((c) => c.id === 'A.disk-10-40-1');
    expect(removed?.stateName).toBe('removed');
  });

  it('reports entries that no longer apply instead of failing the replay', async () => {
    const { wall, host } = await loaded();
    const saved = await host.saveState();
    const journal: JournalEntry[] = [
      { kind: 'command', command: { type: 'pull', target: 'A.cpu-1' }, timeMs: 10 },
      { kind: 'command', command: { type: 'pull', target: 'A.cpu-1' }, timeMs: 20 },
    ];
    const fresh = new EngineHost(wall);
    await fresh.load({ rack: { preset: '4300-dmr' }, seed: 3, savedState: saved.state });
    const replayed = await drive(wall, fresh.replay(journal, 30));
    expect(replayed.outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(replayed.timeMs).toBe(30);
  });
});

describe('EngineHost hold on divergence', () => {
  it('stops the clock right after the voter diverges, with the compare still in the lanes', async () => {
    const { wall, host, layout } = await loaded('6600-tmr', 1);
    await host.setHoldOnDivergence(true);
    await host.command({ type: 'inject', target: 'A.cpu-2', fault: 'bitflip-register' });
    await host.setSpeed(0.1);
    let hold = null;
    for (let i = 0; i < 2_000 && !hold; i++) {
      await wall.pass(16);
      hold = (await host.drainBatch()).hold;
    }
    expect(hold).not.toBeNull();
    if (!hold) return;
    expect(hold.systemId).toBe('A');
    expect(hold.flags[2]).toBe(LaneFlag.Outvoted);
    // Paused on it: time stands still, and the compare is among the ones the lanes keep.
    const at = (await host.drainBatch()).timeMs;
    await wall.pass(500);
    expect((await host.drainBatch()).timeMs).toBe(at);
    const views = snapshotViews(await host.nextSnapshot(-1), layout);
    expect(views.clock[1]).toBe(0);
    expect(views.laneHead[0] - hold.compare).toBeLessThan(LANE_DEPTH);
    expect(views.laneHead[0]).toBeGreaterThanOrEqual(hold.compare);
  });
});

const HOUR_MS = 3_600_000;

/** A host whose pacing loop never runs: the test moves simulated time itself. */
function host(): EngineHost {
  return new EngineHost({ now: () => 0, setTimer: () => null, clearTimer: () => {} });
}

async function warpTo(h: EngineHost, targetMs: number): Promise<void> {
  for (let now = 0; now < targetMs; ) now = await h.jumpToNextEvent(targetMs - now);
}

async function stateOf(h: EngineHost, id: string): Promise<string | undefined> {
  return (await h.components()).find((c) => c.id === id)?.stateName;
}

describe('EngineHost autoRepair (the comparison page asks for it)', () => {
  it.each([
    ['4300-dmr', 'A.cpu-1'],
    ['conventional', 'A.cpu-0'],
    ['cluster-2node', 'A1.cpu-0'],
  ])('%s: a part broken by a hard fault is fitted when it arrives', async (preset, target) => {
    const h = host();
    const loaded = await h.load({ rack: { preset }, seed: 3, autoRepair: true });
    expect(loaded.ok).toBe(true);
    expect((await h.command({ type: 'inject', target, fault: 'stuck-at' })).ok).toBe(true);
    await warpTo(h, 6 * HOUR_MS);
    expect(await stateOf(h, target)).not.toBe('broken');
    h.stop();
  });

  it('without it, the broken part waits for a person', async () => {
    const h = host();
    await h.load({ rack: { preset: 'conventional' }, seed: 3 });
    await h.command({ type: 'inject', target: 'A.cpu-0', fault: 'stuck-at' });
    await warpTo(h, 6 * HOUR_MS);
    expect(await stateOf(h, 'A.cpu-0')).toBe('broken');
    h.stop();
  });
});
