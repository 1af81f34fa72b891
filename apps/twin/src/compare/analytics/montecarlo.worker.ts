/**
 * A Monte Carlo worker of the comparison page: runs the pure `runSeed` (the real ftServer
 * engine and the two alternatives over one fault schedule) for each seed it is given, and posts
 * each result as it comes, so the page can draw a progress bar and spread seeds over workers.
 */
import { prepareComparison, runSeed } from '@ft/engine/alternatives';
import { getPreset, PRESET_NAMES } from '@ft/hardware';
import { parseRunRequest, type WorkerReply } from './messages.ts';

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = parseRunRequest(event.data);
  if (typeof request === 'string') return post({ type: 'error', message: request });
  if (!PRESET_NAMES.includes(request.preset))
    return post({ type: 'error', message: `preset: unknown ftServer preset ${request.preset}` });
  try {
    const prepared = prepareComparison({
      rack: getPreset(request.preset),
      durationMs: request.durationMs,
      mirroredDisks: request.mirroredDisks,
    });
    for (const seed of request.seeds) {
      const started = performance.now();
      const result = runSeed(prepared, seed);
      post({ type: 'seed', result, wallMs: performance.now() - started });
    }
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
