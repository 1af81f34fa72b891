/**
 * One twin: its own engine worker client, store, live snapshot and public API. Nothing here is
 * a module singleton, so a page can hold many twins (the full app, `<ft-twin>` elements, the
 * comparison page, the classroom views all make one per twin they show).
 */
import type { RackConfig } from '@ft/hardware';
import { type FtTwin, createFtTwin } from './api/ftTwin.ts';
import { type Live, createLive } from './state/live.ts';
import { type TwinStore, type TwinUi, createTwinStore, createUi } from './state/store.ts';
import { EngineClient } from './worker/engineClient.ts';

export interface TwinInstanceOptions {
  /** The engine worker script (default: the one bundled with the twin). */
  workerUrl?: string | URL | null;
}

export class TwinInstance {
  readonly store: TwinStore = createTwinStore();
  readonly live: Live = createLive();
  readonly ui: TwinUi = createUi(this.store);
  readonly engine: EngineClient;
  readonly api: FtTwin;
  /** Plays or stops the loaded scenario (set by the host that loaded one). */
  scenarioControl: { play(): void; stop(): void } | null = null;
  /**
   * Loads another rack (set by a host that can: the full app). When set, the app layout offers
   * "Open rack…" and takes dropped files; `source` names the file.
   */
  openRack: ((config: RackConfig, source: string) => void) | null = null;

  constructor(options: TwinInstanceOptions = {}) {
    this.engine = new EngineClient(this.store, this.live, this.ui, options.workerUrl ?? null);
    this.api = createFtTwin(this);
  }
}
