/**
 * The part of `<ft-twin>` (and of the iframe page) that loads with the twin: mounts a twin with
 * the embedded layout and applies the attributes that can change while it runs. The loader
 * (ft-twin.ts) imports this module only when the element comes near the viewport.
 */
import { OP_STATE_NAMES, SYSTEM_STATUS_NAMES } from '@ft/engine';
import { presetNames } from '@ft/hardware';
import { createTwin, type FtTwin, type RackChoice, type TwinHandle } from '@ft/twin';
import { type CameraSpec, type PanelName, shown } from './attributes.ts';
import type { LoadedScenario } from './scenarioPlayer.ts';

/** Why `name` is not a preset of the catalog, or null when it is one. */
export function checkPreset(name: string): string | null {
  const names = presetNames();
  if (names.includes(name)) return null;
  return `preset=${shown(name)} is not a known preset: expected one of ${names.join(', ')}. Showing the default rack.`;
}

export interface MountOptions {
  rack: RackChoice;
  seed: number;
  speed: number | null;
  camera: CameraSpec | null;
  panels: PanelName[];
  interaction: 'view' | 'inject';
  label: string;
  workerUrl: string | null;
  offscreen: 'pause' | 'run';
  notices: string[];
}

/** What the host element hears from the twin: typed CustomEvent payloads. */
export interface TwinEventSink {
  emit(name: string, detail: unknown): void;
  firstFrame(): void;
}

export interface MountedTwin {
  readonly api: FtTwin;
  readonly handle: TwinHandle;
  setCamera(camera: CameraSpec | null): void;
  setSpeed(speed: number | null): Promise<void>;
  setView(view: { panels?: PanelName[]; interaction?: 'view' | 'inject'; label?: string }): void;
  /**
   * Loads a scenario (JSON text or data; undefined: none) once the twin is ready, replacing any
   * loaded one; plays it at once with `autoplay`.
   */
  setScenario(source: unknown, options: { autoplay: boolean; loop: boolean }): void;
  /** The host is in view or not; an off-screen twin pauses its simulation unless told to run. */
  setVisible(visible: boolean): void;
  dispose(): void;
}

export function mountTwin(
  host: HTMLElement,
  options: MountOptions,
  sink: TwinEventSink,
): MountedTwin {
  const handle = createTwin(host, {
    layout: 'embed',
    rack: options.rack,
    seed: options.seed,
    panels: options.panels,
    interaction: options.interaction,
    label: options.label,
    workerUrl: options.workerUrl,
    notices: options.notices,
  });
  const { api, instance } = handle;
  let disposed = false;
  let scenario: LoadedScenario | null = null;
  let scenarioToken = 0;
  let hiddenPause = false;
  /** The speed to come back to after an off-screen pause. */
  let wanted = options.speed ?? 1;

  const offs = [
    api.on('state', (e) =>
      sink.emit('ft-state', {
        componentId: e.componentId,
        systemId: e.systemId,
        from: OP_STATE_NAMES[e.from] ?? String(e.from),
        to: OP_STATE_NAMES[e.to] ?? String(e.to),
        reason: e.reason,
        timeMs: e.timeMs,
      }),
    ),
    api.on('system', (e) =>
      sink.emit('ft-system', {
        systemId: e.systemId,
        from: SYSTEM_STATUS_NAMES[e.from] ?? String(e.from),
        to: SYSTEM_STATUS_NAMES[e.to] ?? String(e.to),
        reason: e.message,
        timeMs: e.timeMs,
      }),
    ),
  ];

  const applyCamera = (camera: CameraSpec | null) => {
    if (!camera) return;
    const { ui, store } = instance;
    const rack = store.getState().rack;
    switch (camera.view) {
      case 'front':
      case 'rear':
        ui.requestCamera(camera.view);
        return;
      case 'overview':
        ui.requestCamera('reset');
        return;
      case 'system':
        if (rack?.systems.some((s) => s.config.id === camera.systemId)) {
          ui.requestCamera('focus', camera.systemId);
        } else {
          sink.emit('ft-error', {
            source: 'camera',
            message: `camera: no system ${shown(camera.systemId)} in this rack.`,
          });
        }
        return;
      case 'part': {
        const spec = rack?.components.find((c) => c.id === camera.componentId);
        if (spec) {
          ui.requestCamera('focus', spec.systemId);
          ui.select(spec.id);
        } else {
          sink.emit('ft-error', {
            source: 'camera',
            message: `camera: no part ${shown(camera.componentId)} in this rack.`,
          });
        }
      }
    }
  };

  void api.ready().then(async () => {
    if (disposed) return;
    if (options.speed !== null) await api.setSpeed(options.speed < 0 ? 'max' : options.speed);
    applyCamera(options.camera);
    sink.emit('ft-ready', { components: api.components().length });
    const waitFrame = () => {
      if (disposed) return;
      const flat = host.shadowRoot?.querySelector('[data-testid="twin.flat"]');
      if (instance.live.stats.frames > 0 || flat) sink.firstFrame();
      else requestAnimationFrame(waitFrame);
    };
    waitFrame();
  });

  const speedOf = () => instance.store.getState().speed;
  const runtime: MountedTwin = {
    api,
    handle,
    setCamera: (camera) => void api.ready().then(() => applyCamera(camera)),
    async setSpeed(speed) {
      wanted = speed ?? 1;
      await api.ready();
      if (!hiddenPause) await api.setSpeed(wanted < 0 ? 'max' : wanted);
    },
    setView: (view) => instance.ui.setView(view),
    setScenario(source, scenarioOptions) {
      const token = ++scenarioToken;
      scenario?.dispose();
      scenario = null;
      if (source === undefined) return;
      void Promise.all([api.ready(), import('./scenarioPlayer.ts')]).then(([, player]) => {
        if (disposed || token !== scenarioToken) return;
        scenario = player.loadScenario(instance, source, scenarioOptions, {
          emit: (name, detail) => sink.emit(name, detail),
          // A speed step of a twin out of view applies when it comes back into view.
          setSpeed: (multiplier) => runtime.setSpeed(multiplier),
        });
      });
    },
    setVisible(visible) {
      if (options.offscreen === 'run' || disposed) return;
      if (!visible && !hiddenPause) {
        hiddenPause = true;
        wanted = speedOf();
        void instance.engine.setSpeed(0);
      } else if (visible && hiddenPause) {
        hiddenPause = false;
        void instance.engine.setSpeed(wanted);
      }
    },
    dispose() {
      disposed = true;
      scenario?.dispose();
      for (const off of offs) off();
      handle.dispose();
    },
  };
  return runtime;
}
