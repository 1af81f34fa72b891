/**
 * Node driver of the Monte Carlo comparison: runs `runSeed` over many seeds on worker threads,
 * handing each idle worker the next seed, and reports progress. The browser runs the same pure
 * `runSeed` in a Web Worker instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ComparisonInput, prepareComparison, runSeed, type SeedResult } from './montecarlo.ts';

export interface ParallelOptions {
  /** Worker threads (default: the machine's parallelism, at most one per seed); 1 runs inline. */
  workers?: number;
  /** Called after each seed with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

const entry = new URL('./compare-worker-bootstrap.mjs', import.meta.url);

/** Default number of workers for `seeds` seeds on this machine. */
export function defaultWorkers(seeds: number): number {
  return Math.max(1, Math.min(availableParallelism(), seeds));
}

/**
 * Runs every seed of `seeds`; results come back in seed order whatever finished first.
 *
 * @example
 * const results = await runSeedsParallel({ rack: getPreset('4300-dmr'), durationMs: YEAR_MS }, [1, 2, 3]);
 */
export async function runSeedsParallel(
  input: ComparisonInput,
  seeds: readonly number[],
  options: ParallelOptions = {},
): Promise<SeedResult[]> {
  if (new Set(seeds).size !== seeds.length) throw new Error('seeds must be distinct');
  const workers = Math.max(
    1,
    Math.min(options.workers ?? defaultWorkers(seeds.length), seeds.length),
  );
  const progress = options.onProgress ?? (() => {});
  if (workers === 1) {
    const prepared = prepareComparison(input);
    const out: SeedResult[] = [];
    for (const seed of seeds) {
      out.push(runSeed(prepared, seed));
      progress(out.length, seeds.length);
    }
    return out;
  }
  prepareComparison(input); // fail fast on bad input, before starting threads
  const results = new Map<number, SeedResult>();
  const queue = [...seeds];
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        const seed = queue.shift();
        if (seed !== undefined) worker.postMessage(seed);
        else if (results.size === seeds.length) resolve();
      };
      for (let i = 0; i < workers; i++) {
        const worker = new Worker(entry, { workerData: input });
        pool.push(worker);
        worker.on('message', (msg: { seed: number; result?: SeedResult; error?: string }) => {
          if (msg.error !== undefined || !msg.result) {
            reject(new Error(`seed ${msg.seed}: ${msg.error ?? 'no result'}`));
            return;
          }
          results.set(msg.seed, msg.result);
          progress(results.size, seeds.length);
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && results.size < seeds.length)
            reject(new Error(`a comparison worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return seeds.map((s) => {
    const r = results.get(s);
    if (!r) throw new Error(`seed ${s} has no result`);
    return r;
  });
}
