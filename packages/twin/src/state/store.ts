/**
 * Discrete UI state (selection, hover, panels, the component table and the event log).
 * Changes only on user actions and engine events, never per frame: see `live.ts` for that.
 */
import type {
  ComponentInfo,
  DivergenceHold,
  DumpRecord,
  EngineEvent,
  ServiceCall,
  SystemCounters,
  SystemInfo,
  WorkerJob,
} from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The engine worker: starting, running, crashed (a new one is on its way), restarting (restoring
 * the last save and replaying what was confirmed since), stopped (it kept crashing, or the rack
 * could not load: a notice says why and offers a restart).
 */
export type WorkerStatus = 'starting' | 'running' | 'crashed' | 'restarting' | 'stopped';
export type CameraPreset = 'front' | 'rear' | 'reset';
export type BottomTab = 'overview' | 'service' | 'upgrade' | 'sam' | 'traps' | 'dumps';

/** Panels an embedded twin can show beside its 3D view. */
export type PanelName = 'status' | 'console' | 'log' | 'lockstep';
export const PANEL_NAMES: readonly PanelName[] = ['status', 'console', 'log', 'lockstep'];

/** How a twin presents itself; changing it re-renders the layout, never the scene. */
export interface TwinViewState {
  /** 'app': the full application; 'embed': the 3D view with the chosen panels. */
  layout: 'app' | 'embed';
  panels: readonly PanelName[];
  /** 'view' hides fault injection and CRU actions; 'inject' offers them. */
  interaction: 'view' | 'inject';
  /** Accessible name of the twin. */
  label: string;
}

export interface Toast {
  id: number;
  systemId: string;
  text: string;
  timeMs: number;
}

export interface TwinState {
  rack: RackModel | null;
  /** Latest known info per component id; replaced when the engine reports a change. */
  components: Record<string, ComponentInfo>;
  counters: SystemCounters[];
  /**
   * Per system: software version, Active Upgrade state (split into production and upgrade
   * sides), call-home role, SAM figures. Refreshed on events, like `components`.
   */
  systems: SystemInfo[];
  /** ActiveService calls of every system, open and closed, oldest first. */
  serviceCalls: ServiceCall[];
  /** Memory dumps (after a crash or on request), oldest first. */
  dumps: DumpRecord[];
  /** Which bottom tab shows (lockstep and log, service, upgrade, SAM, traps, dumps). */
  bottomTab: BottomTab;
  /** The system the per-system panels (Active Upgrade, SAM form) show; null: follow selection. */
  panelSystemId: string | null;
  /** SAM notifications shown as toasts until dismissed. */
  toasts: Toast[];
  events: EngineEvent[];
  selectedId: string | null;
  /** The component panel takes keyboard focus once it shows the selection (console Enter). */
  panelFocusPending: boolean;
  hovered: { id: string; x: number; y: number } | null;
  /** Camera command for the scene; `nonce` changes on every request. */
  camera: { preset: CameraPreset | 'focus'; systemId: string | null; nonce: number };
  speed: number;
  /**
   * A message shown in the page (bad URL parameter, worker crash...); `action: 'restart'` adds
   * a button that starts a stopped simulation again.
   */
  notice: { level: 'error' | 'info'; text: string; action?: 'restart' } | null;
  /** The worker's long job (a long step, the replay after a crash) and its progress. */
  job: WorkerJob | null;
  /** The clock stops on every voter divergence (slow-motion voter view). */
  holdOnDivergence: boolean;
  /** Where the clock stopped on a divergence, until the speed changes. */
  voterHold: DivergenceHold | null;
  workerStatus: WorkerStatus;
  snapshotPath: 'shared' | 'transfer' | null;
  reducedMotion: boolean;
  view: TwinViewState;
  /** A caption over the 3D view (scenarios and the tour), or null. */
  caption: string | null;
  /** The scenario loaded into this twin (embed attribute, tour), or null. */
  scenario: ScenarioStatus | null;
}

export interface ScenarioStatus {
  title: string;
  status: 'ready' | 'playing' | 'done' | 'stopped';
  /** Index of the step playing (or last played) and the number of steps. */
  step: number;
  steps: number;
  /** Steps that failed so far (a refused command, a wait that timed out). */
  failed: number;
}

/** The discrete state a new twin starts with. */
export function initialTwinState(): TwinState {
  return {
    rack: null,
    components: {},
    counters: [],
    systems: [],
    serviceCalls: [],
    dumps: [],
    bottomTab: 'overview',
    panelSystemId: null,
    toasts: [],
    events: [],
    selectedId: null,
    panelFocusPending: false,
    hovered: null,
    camera: { preset: 'reset', systemId: null, nonce: 0 },
    speed: 1,
    notice: null,
    job: null,
    holdOnDivergence: false,
    voterHold: null,
    workerStatus: 'starting',
    snapshotPath: null,
    reducedMotion: false,
    view: {
      layout: 'app',
      panels: PANEL_NAMES,
      interaction: 'inject',
      label: 'ftServer rack twin',
    },
    caption: null,
    scenario: null,
  };
}

export type TwinStore = StoreApi<TwinState>;

/** A twin's own store (one per twin instance; nothing here is shared between twins). */
export function createTwinStore(): TwinStore {
  return createStore<TwinState>(() => initialTwinState());
}

/** Most toasts on screen at once; older ones go first. */
const TOAST_CAP = 4;

/** The UI actions of one twin, bound to its store. */
export function createUi(store: TwinStore) {
  let toastIds = 0;
  return {
    select: (id: string | null): void =>
      store.setState({ selectedId: id, panelFocusPending: false }),
    /** Selects `id` and moves keyboard focus to the component panel once it shows it. */
    selectAndFocus: (id: string): void =>
      store.setState({ selectedId: id, panelFocusPending: true }),
    /** The component panel took the focus it was asked to take. */
    panelFocused: (): void => store.setState({ panelFocusPending: false }),
    hover: (id: string | null, x = 0, y = 0): void =>
      store.setState({ hovered: id ? { id, x, y } : null }),
    requestCamera: (preset: CameraPreset | 'focus', systemId: string | null = null): void =>
      store.setState((s) => ({ camera: { preset, systemId, nonce: s.camera.nonce + 1 } })),
    showTab: (tab: BottomTab): void => store.setState({ bottomTab: tab }),
    /** Opens a bottom tab on one system (from a status card). */
    showTabFor: (tab: BottomTab, systemId: string): void =>
      store.setState({ bottomTab: tab, panelSystemId: systemId }),
    choosePanelSystem: (systemId: string): void => store.setState({ panelSystemId: systemId }),
    pushToast(toast: Omit<Toast, 'id'>): void {
      store.setState((s) => ({
        toasts: [...s.toasts, { ...toast, id: ++toastIds }].slice(-TOAST_CAP),
      }));
    },
    setView: (view: Partial<TwinViewState>): void =>
      store.setState((s) => ({ view: { ...s.view, ...view } })),
    setCaption: (caption: string | null): void => store.setState({ caption }),
    dismissToast: (id: number): void =>
      store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  };
}

export type TwinUi = ReturnType<typeof createUi>;
