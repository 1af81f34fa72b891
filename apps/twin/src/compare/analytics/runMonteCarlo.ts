/**
 * Runs the Monte Carlo comparison in module workers: seeds are handed out one at a time to each
 * worker (a seed rich in faults costs more, so a queue keeps the workers equally busy), results
 * are gathered, and the summary and the Markov closed forms are computed from them on the page
 * with the same pure functions as `pnpm compare`.
 */
import {
  type ClosedForm,
  type ComparisonSummary,
  closedForms,
  type SeedResult,
  summarize,
} from '@ft/engine/alternatives';
import { getPreset } from '@ft/hardware';
import type { Architecture } from '../serviceTracker.ts';
import type { RunRequest, WorkerReply } from './messages.ts';

/** What the runner needs of a worker (a real `Worker`, or a test double). */
export interface WorkerLike {
  postMessage(message: RunRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface MonteCarloOptions {
  preset: string;
  durationMs: number;
  seeds: number;
  firstSeed: number;
  mirroredDisks: boolean;
  workers: number;
  onProgress?(done: number, total: number, etaMs: number | null): void;
  createWorker?: () => WorkerLike;
  /** Wall clock for the progress estimate (injected so tests are deterministic). */
  now?: () => number;
}

export interface MonteCarloResult {
  preset: string;
  seeds: number;
  firstSeed: number;
  durationMs: number;
  mirroredDisks: boolean;
  summary: ComparisonSummary;
  closedForm: Record<Architecture, ClosedForm>;
  workers: number;
  wallMs: number;
}

export interface MonteCarloRun {
  /** Resolves with the result, or null when cancelled; rejects when a worker fails. */
  done: Promise<MonteCarloResult | null>;
  cancel(): void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./montecarlo.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ft-montecarlo',
  }) as unknown as WorkerLike;
}

/**
 * Starts a Monte Carlo comparison.
 *
 * @example
 * const run = startMonteCarlo({ preset: '4300-dmr', durationMs: YEAR, seeds: 100, firstSeed: 1,
 *   mirroredDisks: true, workers: 2, onProgress: (done, total) => bar.value = done / total });
 * const result = await run.done; // null if cancelled
 */
export function startMonteCarlo(options: MonteCarloOptions): MonteCarloRun {
  const now = options.now ?? (() => performance.now());
  const create = options.createWorker ?? defaultWorker;
  const total = options.seeds;
  const queue = Array.from({ length: total }, (_, i) => options.firstSeed + i);
  const results: SeedResult[] = [];
  const workers: WorkerLike[] = [];
  const started = now();
  let settle: (value: MonteCarloResult | null) => void = () => {};
  let fail: (error: Error) => void = () => {};
  let finished = false;
  const done = new Promise<MonteCarloResult | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const stopAll = () => {
    finished = true;
    for (const w of workers) w.terminate();
  };
  const request = (seeds: number[]): RunRequest => ({
    type: 'run',
    preset: options.preset,
    durationMs: options.durationMs,
    seeds,
    mirroredDisks: options.mirroredDisks,
  });
  const next = (worker: WorkerLike) => {
    const seed = queue.shift();
    if (seed !== undefined) worker.postMessage(request([seed]));
  };
  const finish = () => {
    stopAll();
    settle({
      preset: options.preset,
      seeds: total,
      firstSeed: options.firstSeed,
      durationMs: options.durationMs,
      mirroredDisks: options.mirroredDisks,
      summary: summarize(results),
      closedForm: closedForms(getPreset(options.preset), {
        mirroredDisks: options.mirroredDisks,
      }),
      workers: workers.length,
      wallMs: now() - started,
    });
  };
  const count = Math.max(1, Math.min(options.workers, total));
  for (let i = 0; i < count; i++) {
    const worker = create();
    workers.push(worker);
    worker.addEventListener('message', (event: { data: unknown }) => {
      if (finished) return;
      const reply = event.data as WorkerReply;
      if (reply?.type === 'seed') {
        results.push(reply.result);
        const elapsed = now() - started;
        const eta =
          results.length > 0 ? (elapsed / results.length) * (total - results.length) : null;
        options.onProgress?.(results.length, total, eta);
        if (results.length === total) finish();
      } else if (reply?.type === 'done') next(worker);
      else {
        stopAll();
        const why = reply?.type === 'error' ? reply.message : 'an unreadable reply';
        fail(new Error(`Monte Carlo worker: ${why}`));
      }
    });
    worker.addEventListener('error', (event: { message?: string }) => {
      if (finished) return;
      stopAll();
      fail(new Error(`Monte Carlo worker stopped: ${event.message ?? 'unknown error'}`));
    });
    next(worker);
  }
  options.onProgress?.(0, total, null);
  return {
    done,
    cancel() {
      if (finished) return;
      stopAll();
      settle(null);
    },
  };
}

/** Workers to use: leave a core for the page and one for the three twins' engines. */
export function workerCount(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(4, (hardwareConcurrency ?? 2) - 2));
}
