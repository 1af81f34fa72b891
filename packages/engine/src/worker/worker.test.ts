import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ComponentFlag, snapshotViews, type SnapshotViews } from '../snapshot.ts';
import { OpState } from '../types.ts';
import type { WorkerApi } from './api.ts';

const entry = new URL('./node-worker-bootstrap.mjs', import.meta.url);
let worker: Worker | null = null;

function start(): Comlink.Remote<WorkerApi> {
  worker = new Worker(entry);
  return Comlink.wrap<WorkerApi>(nodeEndpoint(worker));
}

afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

describe('engine worker through a real worker_threads boundary', () => {
  it('loads a preset, runs commands and transfers snapshots', async () => {
    const api = start();
    const loaded = await api.load({ rack: { preset: '4300-dmr' }, seed: 7 });
    if (!loaded.ok) throw new Error(loaded.error);
    await api.setSpeed(0);
    const first = snapshotViews(await api.nextSnapshot(-1), loaded.layout);
    const cpu1 = loaded.components.findIndex((c) => c.id === 'A.cpu-1');
    expect(first.state[cpu1]).toBe(OpState.Duplex);
    // Paused: the command is applied at the simulated time the engine stands at.
    expect(await api.command({ type: 'pull', target: 'A.cpu-1' })).toEqual({
      ok: true,
      timeMs: first.clock[0],
    });
    const after: SnapshotViews = snapshotViews(
      await api.nextSnapshot(first.control[0]),
      loaded.layout,
    );
    expect(after.state[cpu1]).toBe(OpState.Removed);
    expect(after.flags[cpu1] & ComponentFlag.Pulled).toBeTruthy();
    await api.command({ type: 'insert', target: 'A.cpu-1' });
    const jumped = await api.jumpToNextEvent(3_600_000);
    expect(jumped).toBeGreaterThan(after.clock[0]);
    expect(jumped).toBeLessThan(3_600_000);
    const warp = await api.warp(3_600_000);
    expect(warp.fromMs).toBe(jumped);
    expect(warp.toMs).toBeGreaterThan(warp.fromMs);
    await expect(api.jumpToNextEvent(-1)).rejects.toThrow(/finite limit/);
    const bad = await api.command({ type: 'pull', target: 'nope' });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/unknown component/);
    const events = await api.drainEvents();
    expect(events.some((e) => e.kind === 'trap' && e.trap === 'removed')).toBe(true);
  });

  it('writes snapshots into a SharedArrayBuffer when given one', async () => {
    const api = start();
    const probe = await api.load({ rack: { preset: '4300-dmr' }, seed: 1 });
    if (!probe.ok) throw new Error(probe.error);
    const shared = new SharedArrayBuffer(probe.layout.byteLength);
    const loaded = await api.load({
      rack: { preset: '4300-dmr' },
      seed: 1,
      sharedSnapshot: shared,
    });
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.shared).toBe(true);
    await api.step(1000);
    const views = snapshotViews(shared, loaded.layout);
    expect(views.clock[0]).toBeGreaterThanOrEqual(1000);
    expect(views.control[0] % 2).toBe(0);
  });

  it('rejects bad input with a message and keeps running', async () => {
    const api = start();
    const bad = await api.load({ rack: { preset: 'nope' }, seed: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/unknown preset/);
    const badSeed = await api.load({ rack: { preset: '4300-dmr' }, seed: -3 });
    expect(badSeed.ok).toBe(false);
    const badDuty = await api.load({ rack: { preset: '4300-dmr' }, seed: 1, maxDuty: 2 });
    expect(badDuty.ok).toBe(false);
    if (!badDuty.ok) expect(badDuty.error).toMatch(/maxDuty must be/);
    await expect(api.setSpeed(Number.NaN)).rejects.toThrow(/speed must be/);
    const ok = await api.load({
      rack: { config: '{"systems": [{"id": "A", "model": "4300", "positionU": 1}]}' },
      seed: 1,
    });
    expect(ok.ok).toBe(true);
  });

  it('posts heartbeats outside comlink, with the progress of a long step', async () => {
    const api = start();
    const beats: { timeMs: number; job: { doneMs: number; totalMs: number } | null }[] = [];
    worker?.on('message', (data) => {
      if (data && typeof data === 'object' && 'ftHeartbeat' in data) beats.push(data.ftHeartbeat);
    });
    const loaded = await api.load({ rack: { preset: '4300-dmr' }, seed: 1 });
    if (!loaded.ok) throw new Error(loaded.error);
    await api.setSpeed(0);
    // The engine ran at 1x between load and setSpeed(0): the step starts from where it stopped.
    const startMs = (await api.drainBatch()).timeMs;
    await api.step(120_000);
    expect(beats.some((b) => b.job !== null && b.job.totalMs === 120_000)).toBe(true);
    expect(beats.at(-1)?.job).toBeNull();
    expect(beats.at(-1)?.timeMs).toBe(startMs + 120_000);
  });

  it('restores from a saved state', async () => {
    const api = start();
    const loaded = await api.load({ rack: { preset: '4300-dmr' }, seed: 3 });
    if (!loaded.ok) throw new Error(loaded.error);
    await api.setSpeed(0);
    await api.step(500);
    await api.command({ type: 'pull', target: 'A.disk-10-40-2' });
    const saved = await api.save();
    const restored = await api.load({ rack: { preset: '4300-dmr' }, seed: 3, savedState: saved });
    if (!restored.ok) throw new Error(restored.error);
    const disk = restored.components.find((c) => c.id === 'A.disk-10-40-2');
    expect(disk?.stateName).toBe('removed');
  });
});
