// Node cannot run TypeScript workers by itself: register tsx's loader in this thread, then
// load the TypeScript entry (as the engine's node-worker-bootstrap.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./compareWorker.ts');
