import type { Command } from '@ft/engine';
import { makeSession, type Session } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import {
  MAX_SEEK_CHUNK_MS,
  type ReplayHost,
  ReplayController,
  type ReplayTwin,
} from './replayController.ts';

/** A twin with a plain clock that logs what the replay does to it. */
class ClockTwin implements ReplayTwin {
  t = 0;
  readonly applied: { atMs: number; what: string }[] = [];
  steps = 0;
  disposed = false;
  constructor(private readonly warpToMs: (fromMs: number, limitMs: number) => number) {}
  async ready(): Promise<void> {}
  async step(simMs: number): Promise<void> {
    expect(simMs).toBeGreaterThan(0);
    expect(simMs).toBeLessThanOrEqual(MAX_SEEK_CHUNK_MS);
    this.steps++;
    this.t += simMs;
  }
  async command(command: Command) {
    this.applied.push({ atMs: this.t, what: `${command.type} ${command.target}` });
    return command.type === 'insert'
      ? { ok: false, error: 'pull it before inserting' }
      : { ok: true };
  }
  async jumpToNextEvent(limitMs: number): Promise<number> {
    this.applied.push({ atMs: this.t, what: `warp ${limitMs}` });
    this.t = this.warpToMs(this.t, limitMs);
    return this.t;
  }
  clockMs(): number {
    return this.t;
  }
  dispose(): void {
    this.disposed = true;
  }
}

function host() {
  const twins: ClockTwin[] = [];
  let wallMs = 0;
  const frames: (() => void)[] = [];
  const h: ReplayHost = {
    makeTwin() {
      const twin = new ClockTwin((from, limit) => Math.min(from + limit, 10_000));
      twins.push(twin);
      return twin;
    },
    now: () => wallMs,
    nextFrame(fn) {
      frames.push(fn);
      return () => {
        const i = frames.indexOf(fn);
        if (i >= 0) frames.splice(i, 1);
      };
    },
  };
  /** Runs frames, `wallStepMs` apart, until none is left (or `max`). */
  const runFrames = async (wallStepMs: number, max = 10_000) => {
    for (let n = 0; n < max && frames.length > 0; n++) {
      wallMs += wallStepMs;
      frames.shift()?.();
      // Let the frame's awaits settle.
      for (let k = 0; k < 20; k++) await Promise.resolve();
    }
  };
  return { h, twins, runFrames };
}

const session: Session = makeSession({
  rack: { preset: '4300-dmr' },
  seed: 1,
  log: [
    { timeMs: 1500.25, command: { type: 'pull', target: 'A.cpu-1' } },
    { timeMs: 1500.25, command: { type: 'pull', target: 'A.cpu-0' } },
    { timeMs: 4000, warpToNextEvent: 3_600_000 },
    { timeMs: 12_345.678, command: { type: 'insert', target: 'A.cpu-1' } },
  ],
  endMs: 20_000,
});

describe('the replay controller', () => {
  it('applies entries at their exact times, whatever their resolution', async () => {
    const { h, twins, runFrames } = host();
    const odd = makeSession({
      rack: { preset: '4300-dmr' },
      seed: 1,
      log: [
        { timeMs: 1205.2350000012666, command: { type: 'pull', target: 'A.cpu-1' } },
        { timeMs: 102998.00000001863, command: { type: 'pull', target: 'A.cpu-0' } },
      ],
      endMs: 103_000.5,
    });
    const c = new ReplayController(odd, h);
    await c.start();
    await c.jumpTo(2);
    expect(twins[0].applied.map((a) => a.atMs)).toEqual([1205.2350000012666, 102998.00000001863]);
    expect(c.getState()).toMatchObject({ status: 'ended', applied: 2, timeMs: 103_000.5 });
    await c.jumpTo(-1);
    c.setSpeed('max');
    c.play();
    await runFrames(16);
    expect(c.getState().status).toBe('ended');
    expect(twins[1].applied.map((a) => a.atMs)).toEqual([1205.2350000012666, 102998.00000001863]);
  });

  it('jumps forward to just after any entry, applying each exactly at its time', async () => {
    const { h, twins } = host();
    const c = new ReplayController(session, h);
    await c.start();
    expect(c.getState()).toMatchObject({ status: 'paused', applied: 0, timeMs: 0 });
    await c.jumpTo(0);
    expect(twins[0].applied).toEqual([{ atMs: 1500.25, what: 'pull A.cpu-1' }]);
    expect(c.getState()).toMatchObject({ status: 'paused', applied: 1, timeMs: 1500.25 });
    await c.jumpTo(3);
    expect(twins[0].applied).toEqual([
      { atMs: 1500.25, what: 'pull A.cpu-1' },
      { atMs: 1500.25, what: 'pull A.cpu-0' },
      { atMs: 4000, what: 'warp 3600000' },
      { atMs: 12_345.678, what: 'insert A.cpu-1' },
    ]);
    expect(c.getState().refused).toEqual([{ index: 3, error: 'pull it before inserting' }]);
    await c.jumpTo(4);
    expect(c.getState()).toMatchObject({ status: 'ended', applied: 4, timeMs: 20_000 });
    expect(twins).toHaveLength(1);
  });

  it('jumps back by replaying a fresh twin from the start', async () => {
    const { h, twins } = host();
    const c = new ReplayController(session, h);
    await c.start();
    await c.jumpTo(3);
    await c.jumpTo(1);
    expect(twins).toHaveLength(2);
    expect(twins[0].disposed).toBe(true);
    expect(twins[1].applied.map((a) => a.what)).toEqual(['pull A.cpu-1', 'pull A.cpu-0']);
    expect(c.getState()).toMatchObject({ applied: 2, timeMs: 1500.25, refused: [] });
    await c.restart();
    expect(twins).toHaveLength(3);
    expect(c.getState()).toMatchObject({ status: 'paused', applied: 0, timeMs: 0 });
  });

  it('plays at the chosen speed to the end, pauses, and goes on', async () => {
    const { h, twins, runFrames } = host();
    const c = new ReplayController(session, h);
    await c.start();
    c.setSpeed(100);
    c.play();
    expect(c.getState().status).toBe('playing');
    await runFrames(10, 3); // 3 frames of 10 ms wall at 100×: 1 s simulated per frame at most
    expect(c.getState().timeMs).toBeLessThanOrEqual(3000);
    c.pause();
    expect(c.getState().status).toBe('paused');
    const at = c.getState().timeMs;
    await runFrames(10);
    expect(c.getState().timeMs).toBe(at);
    c.setSpeed('max');
    c.play();
    await runFrames(10);
    expect(c.getState()).toMatchObject({ status: 'ended', applied: 4, timeMs: 20_000 });
    expect(twins[0].applied.map((a) => a.atMs)).toEqual([1500.25, 1500.25, 4000, 12_345.678]);
    c.play(); // nothing left to play
    expect(c.getState().status).toBe('ended');
  });

  it('stops when the twin clock ran ahead of the timeline, until started again', async () => {
    const { h, twins } = host();
    const c = new ReplayController(session, h);
    await c.start();
    twins[0].t = 3000; // someone stepped the twin from its own controls
    await c.jumpTo(0);
    expect(c.getState().status).toBe('diverged');
    expect(c.getState().problem).toMatch(/clock was moved outside the timeline/);
    c.play();
    expect(c.getState().status).toBe('diverged');
    await c.jumpTo(0);
    expect(c.getState()).toMatchObject({ status: 'paused', applied: 1, problem: null });
    expect(twins).toHaveLength(2);
  });
});
