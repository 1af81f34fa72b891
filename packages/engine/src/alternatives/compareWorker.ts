/**
 * Worker-thread entry of the Node Monte Carlo driver (compareWorkers.ts): prepares the
 * comparison once, then runs each seed it is sent and posts the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ComparisonInput, prepareComparison, runSeed } from './montecarlo.ts';

if (!parentPort) throw new Error('compareWorker.ts must run in a worker thread');
const port = parentPort;
const prepared = prepareComparison(workerData as ComparisonInput);
port.on('message', (seed: number) => {
  try {
    port.postMessage({ seed, result: runSeed(prepared, seed) });
  } catch (error) {
    port.postMessage({ seed, error: error instanceof Error ? error.message : String(error) });
  }
});
