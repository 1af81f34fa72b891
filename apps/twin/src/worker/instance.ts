/** The one engine client of the page, shared by the panels and the public API. */
import { EngineClient } from './engineClient.ts';

export const engine = new EngineClient();
