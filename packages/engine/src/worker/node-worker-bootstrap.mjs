// Node cannot run TypeScript workers by itself: register tsx's loader in this thread, then
// load the TypeScript entry. Used by tests and Node tools only (the browser bundles worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
