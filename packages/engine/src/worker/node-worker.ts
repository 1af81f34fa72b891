/** Node worker-thread entry (tests, tools): the same engine host over a worker_threads port. */
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exposeEngine } from './expose.ts';

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
exposeEngine(nodeEndpoint(parentPort));
