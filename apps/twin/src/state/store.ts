/**
 * Discrete UI state (selection, hover, panels, the component table and the event log).
 * Changes only on user actions and engine events, never per frame: see `live.ts` for that.
 */
import type { ComponentInfo, EngineEvent, SystemCounters, SystemInfo } from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import { createStore } from 'zustand/vanilla';

export type WorkerStatus = 'starting' | 'running' | 'crashed' | 'restarting';
export type CameraPreset = 'front' | 'rear' | 'reset';

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
