import type { Command, CommandResult } from '@ft/engine';
import type { CameraTarget, Observation } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import type { TourDriver } from './drivers.ts';
import { PauseGate } from './pauseGate.ts';
import { TourPlayer, type StageProvider } from './player.ts';
import { parseTour, type Tour } from './tourSchema.ts';

/** A driver that records what it is asked; holds wait on a gate the test controls. */
class FakeDriver implements TourDriver {
  readonly headless = false;
  t = 0;
  readonly log: string[];
  constructor(
    log: string[],
    private readonly holdGate: { wait(): Promise<void> },
  ) {
    this.log = log;
  }
  dispose() {
    this.log.push('dispose');
  }
  timeMs() {
    return this.t;
  }
  async command(c: Command): Promise<CommandResult> {
    this.log.push(`command ${c.type} ${'target' in c ? c.target : ''}`);
    return c.type === 'pull' ? { ok: false, error: 'refused' } : { ok: true };
  }
  async observe(): Promise<Observation> {
    return {
      view: { timeMs: this.t, components: {}, systems: {}, serviceCalls: [], dumps: [] },
      events: [],
      actions: [],
    } as unknown as Observation;
  }
  async advance(ms: number) {
    this.t += ms;
  }
  async warp(limit: number) {
    this.t += limit;
    return this.t;
  }
  async until() {
    return true;
  }
  async speed(v: number | 'max') {
    this.log.push(`speed ${v}`);
  }
  async camera(v: CameraTarget) {
    this.log.push(`camera ${v}`);
  }
  async select() {}
  async caption(text: string | null) {
    this.log.push(`caption ${text}`);
  }
  async hold(ms: number, signal?: AbortSignal) {
    this.log.push(`hold ${ms}`);
    await Promise.race([
      this.holdGate.wait(),
      new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true })),
    ]);
  }
}

function tour(): Tour {
  const parsed = parseTour({
    title: 'Test',
    rack: { preset: '4300-dmr' },
    chapters: [
      {
        id: 'one',
        title: 'One',
        stage: 'ftserver',
        highlights: [{ step: 1, area: 'status', text: 'look here' }],
        steps: [
          { do: 'caption', text: 'first' },
          { do: 'inject', target: 'A.cpu-1', fault: 'self-check' },
          { do: 'hold', ms: 1000 },
        ],
      },
      {
        id: 'two',
        title: 'Two',
        stage: 'compare',
        steps: [
          { do: 'caption', text: 'second' },
          { do: 'wait', ms: 500 },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

function provider(log: string[], holdGate = { wait: async () => {} }): StageProvider {
  return {
    async enter(stage, fresh) {
      log.push(`enter ${stage}${fresh ? ' fresh' : ''}`);
      return new FakeDriver(log, holdGate);
    },
  };
}

describe('TourPlayer', () => {
  it('plays every chapter on its stage, with highlights at their steps', async () => {
    const log: string[] = [];
    const highlights: (string | null)[] = [];
    const chapters: string[] = [];
    const player = new TourPlayer(
      tour(),
      provider(log),
      new PauseGate(),
      { loop: false },
      {
        chapter: (_i, c) => chapters.push(c.id),
        highlight: (h) => highlights.push(h ? `${h.area}:${h.text}` : null),
      },
    );
    expect(await player.play()).toBe('completed');
    expect(chapters).toEqual(['one', 'two']);
    expect(log).toEqual([
      'enter ftserver fresh',
      'caption first',
      'command inject A.cpu-1',
      'hold 1000',
      'dispose',
      'enter compare fresh',
      'caption second',
      'dispose',
    ]);
    expect(highlights).toEqual([null, 'status:look here', null, null]);
  });

  it('loops for a kiosk, each pass from fresh twins', async () => {
    const log: string[] = [];
    const player = new TourPlayer(tour(), provider(log), new PauseGate(), {
      loop: true,
      maxLoops: 3,
    });
    await player.play();
    expect(player.loops).toBe(3);
    expect(log.filter((l) => l === 'enter ftserver fresh')).toHaveLength(3);
  });

  it('pause holds the next step; skip ends the chapter; stop ends the tour', async () => {
    const log: string[] = [];
    let release: () => void = () => {};
    const holding = { wait: () => new Promise<void>((r) => (release = r)) };
    const gate = new PauseGate();
    const ends: string[] = [];
    const player = new TourPlayer(
      tour(),
      provider(log, holding),
      gate,
      { loop: true },
      {
        ended: (status) => ends.push(status),
      },
    );
    const done = player.play();
    await new Promise((r) => setTimeout(r, 10));
    expect(log.at(-1)).toBe('hold 1000');
    // Skip: chapter two starts while chapter one is still holding.
    player.skip();
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toContain('enter compare fresh');
    gate.set(true);
    player.stop();
    expect(gate.paused).toBe(false);
    expect(await done).toBe('stopped');
    expect(ends).toEqual(['stopped']);
  });

  it('reports failed steps and starts the next chapter afresh', async () => {
    const bad = tour();
    bad.chapters[0].steps.push({ do: 'pull', target: 'A.cpu-1', force: true });
    const log: string[] = [];
    const failures: string[] = [];
    const player = new TourPlayer(
      bad,
      provider(log),
      new PauseGate(),
      { loop: false },
      {
        stepFailed: (c, r) => failures.push(`${c.id}[${r.index}]: ${r.error}`),
      },
    );
    await player.play();
    expect(failures).toEqual(['one[3]: refused']);
  });
});
