import type { HeartbeatMessage, WorkerApi, WorkerJob } from '@ft/engine';
import { type Remote, wrap } from 'comlink';

/** What a started worker reports outside its calls. */
export interface WorkerHooks {
  /** The worker died or sent what cannot be read. */
  failed(why: string): void;
  /** A heartbeat, with the long job it is on (null: none). */
  beat(job: WorkerJob | null): void;
}

/**
 * Starts an engine worker from `url` and wraps its API; its errors and heartbeats (posted beside
 * comlink's messages) go to `hooks`.
 */
export function startEngineWorker(
  url: string | URL,
  hooks: WorkerHooks,
): { worker: Worker; api: Remote<WorkerApi> } {
  const worker = createWorkerFrom(url);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    hooks.failed(event.message || 'worker error');
  });
  worker.addEventListener('messageerror', () => hooks.failed('message error'));
  worker.addEventListener('message', (event: MessageEvent) => {
    const beat = (event.data as Partial<HeartbeatMessage> | null)?.ftHeartbeat;
    if (beat) hooks.beat(beat.job);
  });
  return { worker, api: wrap<WorkerApi>(worker) };
}

/**
 * A module worker from a given script URL. A script on another origin (a CDN) cannot be a
 * worker directly, so a same-origin blob module imports it (the page's CSP must allow
 * `worker-src blob:` then; docs/embed.md).
 */
function createWorkerFrom(url: string | URL): Worker {
  const href = new URL(String(url), globalThis.location?.href).href;
  if (typeof location === 'undefined' || new URL(href).origin === location.origin) {
    return new Worker(href, { type: 'module', name: 'ft-engine' });
  }
  const blob = new Blob([`import ${JSON.stringify(href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob), { type: 'module', name: 'ft-engine' });
}

/** A value that structured cloning refused (the caller's fault, not the engine's). */
export function isCloneError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DataCloneError';
}
