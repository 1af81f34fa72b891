/**
 * Discrete UI state (selection, hover, panels, the component table and the event log).
 * Changes only on user actions and engine events, never per frame: see `live.ts` for that.
 */
import type {
  ComponentInfo,
  DumpRecord,
  EngineEvent,
  ServiceCall,
  SystemCounters,
  SystemInfo,
} from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import { createStore } from 'zustand/vanilla';

export type WorkerStatus = 'starting' | 'running' | 'crashed' | 'restarting';
export type CameraPreset = 'front' | 'rear' | 'reset';
export type BottomTab = 'overview' | 'service' | 'upgrade' | 'sam' | 'traps' | 'dumps';

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
  hovered: { id: string; x: number; y: number } | null;
  /** Camera command for the scene; `nonce` changes on every request. */
  camera: { preset: CameraPreset | 'focus'; systemId: string | null; nonce: number };
  speed: number;
  /** A message shown in the page (bad URL parameter, worker crash...). */
  notice: { level: 'error' | 'info'; text: string } | null;
  workerStatus: WorkerStatus;
  snapshotPath: 'shared' | 'transfer' | null;
  reducedMotion: boolean;
}

export const twinStore = createStore<TwinState>(() => ({
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
  hovered: null,
  camera: { preset: 'reset', systemId: null, nonce: 0 },
  speed: 1,
  notice: null,
  workerStatus: 'starting',
  snapshotPath: null,
  reducedMotion: false,
}));

export const select = (id: string | null): void => twinStore.setState({ selectedId: id });

export const hover = (id: string | null, x = 0, y = 0): void =>
  twinStore.setState({ hovered: id ? { id, x, y } : null });

export const requestCamera = (preset: CameraPreset | 'focus', systemId: string | null = null) =>
  twinStore.setState((s) => ({ camera: { preset, systemId, nonce: s.camera.nonce + 1 } }));

export const showTab = (tab: BottomTab): void => twinStore.setState({ bottomTab: tab });

/** Opens a bottom tab on one system (from a status card). */
export const showTabFor = (tab: BottomTab, systemId: string): void =>
  twinStore.setState({ bottomTab: tab, panelSystemId: systemId });

export const choosePanelSystem = (systemId: string): void =>
  twinStore.setState({ panelSystemId: systemId });

/** Most toasts on screen at once; older ones go first. */
const TOAST_CAP = 4;
let toastIds = 0;

export function pushToast(toast: Omit<Toast, 'id'>): void {
  twinStore.setState((s) => ({
    toasts: [...s.toasts, { ...toast, id: ++toastIds }].slice(-TOAST_CAP),
  }));
}

export const dismissToast = (id: number): void =>
  twinStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
