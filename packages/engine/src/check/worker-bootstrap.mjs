// Node cannot run TypeScript workers by itself: register tsx's loader in this thread, then load
// the TypeScript entry of the fault checker's worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
