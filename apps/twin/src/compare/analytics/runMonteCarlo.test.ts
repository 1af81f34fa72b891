import { prepareComparison, runSeed, summarize } from '@ft/engine/alternatives';
import { getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { parseRunRequest, type RunRequest, type WorkerReply } from './messages.ts';
import { startMonteCarlo, type WorkerLike, workerCount } from './runMonteCarlo.ts';

const DAY = 86_400_000;

/** A worker double that runs the real pure function, answering asynchronously. */
function fakeWorker(log: number[][]): WorkerLike {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  let alive = true;
  return {
    postMessage(message: RunRequest) {
      const request = parseRunRequest(message);
      if (typeof request === 'string') throw new Error(request);
      log.push(request.seeds);
      const p = prepareComparison({
        rack: getPreset(request.preset),
        durationMs: request.durationMs,
      });
      queueMicrotask(() => {
        for (const seed of request.seeds) {
          const reply: WorkerReply = { type: 'seed', result: runSeed(p, seed), wallMs: 1 };
          if (alive) for (const l of listeners) l({ data: reply });
        }
        if (alive) for (const l of listeners) l({ data: { type: 'done' } });
      });
    },
    addEventListener(type: string, listener: (e: { data: unknown }) => void) {
      if (type === 'message') listeners.push(listener);
    },
    terminate() {
      alive = false;
    },
  } as WorkerLike;
}

describe('startMonteCarlo', () => {
  it('hands seeds out one at a time and summarizes as pnpm compare does', async () => {
    const log: number[][] = [];
    const progress: number[] = [];
    const run = startMonteCarlo({
      preset: '4300-dmr',
      durationMs: 30 * DAY,
      seeds: 5,
      firstSeed: 3,
      mirroredDisks: true,
      workers: 2,
      createWorker: () => fakeWorker(log),
      onProgress: (done) => progress.push(done),
      now: () => 0,
    });
    const result = await run.done;
    expect(result).not.toBeNull();
    expect(log.flat().sort()).toEqual([3, 4, 5, 6, 7]);
    expect(log.every((seeds) => seeds.length === 1)).toBe(true);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    const p = prepareComparison({ rack: getPreset('4300-dmr'), durationMs: 30 * DAY });
    const expected = summarize([3, 4, 5, 6, 7].map((s) => runSeed(p, s)));
    expect(result?.summary).toEqual(expected);
    expect(result?.closedForm.ftserver.availability).toBeGreaterThan(0.9999);
  });

  it('cancel resolves null; a worker error rejects with its message', async () => {
    const run = startMonteCarlo({
      preset: '4300-dmr',
      durationMs: 30 * DAY,
      seeds: 50,
      firstSeed: 1,
      mirroredDisks: true,
      workers: 1,
      createWorker: () => fakeWorker([]),
    });
    run.cancel();
    expect(await run.done).toBeNull();
    const failing = startMonteCarlo({
      preset: '4300-dmr',
      durationMs: 30 * DAY,
      seeds: 2,
      firstSeed: 1,
      mirroredDisks: true,
      workers: 1,
      createWorker: () => {
        const listeners: ((e: { data: unknown }) => void)[] = [];
        return {
          postMessage: () =>
            queueMicrotask(() => {
              for (const l of listeners) l({ data: { type: 'error', message: 'preset: bad' } });
            }),
          addEventListener: (type: string, l: (e: { data: unknown }) => void) => {
            if (type === 'message') listeners.push(l);
          },
          terminate() {},
        } as WorkerLike;
      },
    });
    await expect(failing.done).rejects.toThrow('Monte Carlo worker: preset: bad');
  });

  it('checks requests and chooses a worker count', () => {
    expect(
      parseRunRequest({
        type: 'run',
        preset: '4300-dmr',
        durationMs: 5,
        seeds: [1],
        mirroredDisks: true,
      }),
    ).toMatch(/^durationMs: /);
    expect(
      parseRunRequest({
        type: 'run',
        preset: '4300-dmr',
        durationMs: DAY,
        seeds: [],
        mirroredDisks: true,
      }),
    ).toMatch(/^seeds: /);
    expect(parseRunRequest('nonsense')).toMatch(/^\(message\): /);
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount(8)).toBe(4);
  });
});
