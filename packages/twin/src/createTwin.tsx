/**
 * Mounts a twin into a host element: its own shadow root (styles adopted inside), engine worker,
 * store and React root. Every host mounts twins through this: the full app, `<ft-twin>`, the
 * iframe page, the comparison page and the classroom views.
 *
 * @example
 * const twin = createTwin(document.getElementById('root')!, { layout: 'app', rack: { preset: 'mixed' } });
 * await twin.api.ready();
 * await twin.api.inject('A.cpu-1', 'bitflip-register');
 * twin.dispose();
 */
import type { RackConfig } from '@ft/hardware';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FtTwin } from './api/ftTwin.ts';
import { watchReducedMotion } from './hooks/reducedMotion.ts';
import { TwinInstance } from './instance.ts';
import { TwinContext } from './state/context.ts';
import { twinStyleSheets } from './styles/sheets.ts';
import { DEFAULT_PRESET, type RackChoice } from './url/params.ts';
import { type ResolvedRack, resolveRack } from './worker/rackSource.ts';
import type { TwinViewState } from './state/store.ts';
import { TwinView } from './TwinView.tsx';

export interface TwinOptions extends Partial<TwinViewState> {
  /** The rack: a preset name or a configuration object (validated). Default: the mixed rack. */
  rack?: RackChoice;
  /** Engine seed (same seed and commands → same run). Default 1. */
  seed?: number;
  /** Draw random faults from the per-part MTBF rates. Default false. */
  randomFaults?: boolean;
  /** Fit replacement parts when they are delivered (the comparison page). Default false. */
  autoRepair?: boolean;
  /** Messages to show in the twin's notice area at start (e.g. bad URL parameters). */
  notices?: string[];
  /** The engine worker script (default: bundled). For scripts served from a CDN. */
  workerUrl?: string | URL | null;
  /**
   * Called with a checked configuration when the user opens or drops a rack file (the app
   * layout offers it only when given): the host loads it, e.g. in a new twin.
   */
  onOpenRack?: (config: RackConfig, source: string) => void;
}

export interface TwinHandle {
  /** The public API (the same object as `window.ftTwin` in the full app). */
  readonly api: FtTwin;
  /** The twin's internals, for hosts in this repository (store, live snapshot, engine client). */
  readonly instance: TwinInstance;
  /** Stops the worker, unmounts React and empties the shadow root. */
  dispose(): void;
}

export function createTwin(host: HTMLElement, options: TwinOptions = {}): TwinHandle {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = twinStyleSheets();
  const container = document.createElement('div');
  container.className = 'ft-root';
  shadow.replaceChildren(container);

  const instance = new TwinInstance({ workerUrl: options.workerUrl ?? null });
  instance.openRack = options.onOpenRack ?? null;
  const stopMotion = watchReducedMotion(instance.store);
  const { layout, panels, interaction, label } = options;
  instance.ui.setView({
    ...(layout ? { layout } : {}),
    ...(panels ? { panels } : {}),
    ...(interaction ? { interaction } : {}),
    ...(label ? { label } : {}),
  });
  if (options.notices && options.notices.length > 0) {
    instance.store.setState({ notice: { level: 'error', text: options.notices.join(' ') } });
  }
  void start(instance, options);

  const root = createRoot(container);
  root.render(
    <StrictMode>
      <TwinContext.Provider value={instance}>
        <TwinView seed={options.seed ?? 1} />
      </TwinContext.Provider>
    </StrictMode>,
  );

  return {
    api: instance.api,
    instance,
    dispose() {
      stopMotion();
      root.unmount();
      instance.engine.stop();
      shadow.replaceChildren();
    },
  };
}

async function start(instance: TwinInstance, options: TwinOptions): Promise<void> {
  const choice = options.rack ?? { preset: DEFAULT_PRESET };
  let resolved: ResolvedRack;
  try {
    resolved = await resolveRack(choice);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    instance.store.setState({
      notice: {
        level: 'error',
        text: `The rack could not be built (${why}). Showing the default rack.`,
      },
    });
    resolved = await resolveRack({ preset: DEFAULT_PRESET });
  }
  await instance.engine.start(resolved.model, {
    rack: choice,
    seed: options.seed ?? 1,
    randomFaults: options.randomFaults ?? false,
    autoRepair: options.autoRepair ?? false,
    rackRequest: resolved.rack,
  });
}
