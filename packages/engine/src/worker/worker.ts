/** Module Web Worker entry: the engine, exposed through comlink on the worker's global scope. */
import { exposeEngine } from './expose.ts';

exposeEngine();
