/**
 * A module worker from a given script URL. A script on another origin (a CDN) cannot be a
 * worker directly, so a same-origin blob module imports it (the page's CSP must allow
 * `worker-src blob:` then; docs/embed.md).
 */
export function createWorkerFrom(url: string | URL): Worker {
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
