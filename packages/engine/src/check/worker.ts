/** Worker thread of `pnpm check:faults`: runs the batches the main thread hands it. */
import { parentPort } from 'node:worker_threads';
import { BatchRunner } from './batch.ts';

export interface BatchRequest {
  seed: number;
  start: number;
  end: number;
}

if (!parentPort) throw new Error('check/worker.ts must run in a worker thread');
const port = parentPort;
const runner = new BatchRunner();
port.on('message', (request: BatchRequest) => {
  port.postMessage(runner.run(request.seed, request.start, request.end));
});
