/**
 * The engine as seen through a worker boundary (comlink). Everything here is plain data or a
 * transferable, so it works the same in a browser Web Worker and in a Node worker thread.
 */
import type { RackConfig } from '@ft/hardware';
import type { SnapshotLayout } from '../snapshot.ts';
import type {
  Command,
  CommandResult,
  ComponentInfo,
  DumpRecord,
  EngineEvent,
  ServiceCall,
  SystemCounters,
  SystemInfo,
} from '../types.ts';

export interface LoadRequest {
  /** A catalog preset name (e.g. `mixed`), or a rack configuration object. */
  rack: { preset: string } | { config: unknown; source?: string };
  seed: number;
  randomFaults?: boolean;
  /**
   * Fit replacement parts when they are delivered (and, on the comparison machines, restore
   * lost links after the repair time), as headless runs do. Default false: a person does it.
   */
  autoRepair?: boolean;
  /**
   * When given, the worker writes every snapshot into this shared buffer (the page is
   * cross-origin isolated). Otherwise snapshots come back as transferred ArrayBuffers from
   * {@link WorkerApi.nextSnapshot}.
   */
  sharedSnapshot?: SharedArrayBuffer | null;
  /** Restore from a saved state instead of starting fresh (after a worker crash). */
  savedState?: Uint8Array | null;
  /**
   * Share of each 16 ms tick the worker may simulate at "as fast as possible" (0.1..0.9,
   * default 0.75). On a machine with few cores the page passes less, so that the renderer keeps
   * its frame rate while the engine runs flat out.
   */
  maxDuty?: number;
}

export type LoadResult =
  | {
      ok: true;
      rack: RackConfig;
      layout: SnapshotLayout;
      components: ComponentInfo[];
      /** True when snapshots are written to the shared buffer given in the request. */
      shared: boolean;
    }
  | { ok: false; error: string };

/** A command's outcome and the simulated time at which it was applied (for exact replays). */
export type TimedCommandResult = CommandResult & { timeMs: number };

export interface WorkerApi {
  load(request: LoadRequest): Promise<LoadResult>;
  command(command: Command): Promise<TimedCommandResult>;
  /** Speed multiplier of simulated time over wall time: 0 pauses, -1 runs as fast as possible. */
  setSpeed(multiplier: number): Promise<void>;
  /** Advances simulated time by exactly `simMs` (paused or not) and publishes a snapshot. */
  step(simMs: number): Promise<void>;
  /**
   * Time warp: skips quiet simulated time up to the next scheduled event (a phase ending, a
   * random fault, a part delivery) but at most `limitMs`; resolves with the new time.
   */
  jumpToNextEvent(limitMs: number): Promise<number>;
  /** The same warp, saying where it started too (for session logs that replay exactly). */
  warp(limitMs: number): Promise<{ fromMs: number; toMs: number }>;
  /** Trace every voter compare as `vote` events (for slow-motion lockstep views). */
  setTrace(on: boolean): Promise<void>;
  /**
   * Non-shared path: resolves with the next snapshot (a transferred ArrayBuffer in the layout
   * returned by `load`) once the worker has published a newer one than `afterSeq`.
   */
  nextSnapshot(afterSeq: number): Promise<ArrayBuffer>;
  /** Events since the last call (state changes, logs, traps, service calls). */
  drainEvents(): Promise<EngineEvent[]>;
  components(): Promise<ComponentInfo[]>;
  counters(): Promise<SystemCounters[]>;
  save(): Promise<Uint8Array>;
  /** Per system: software version, Active Upgrade, call-home role, SAM figures. */
  systems(): Promise<SystemInfo[]>;
  serviceCalls(): Promise<ServiceCall[]>;
  dumps(): Promise<DumpRecord[]>;
  /** A component as Redfish-style JSON (null for an unknown id). */
  redfish(id: string): Promise<Record<string, unknown> | null>;
  /** Makes the worker die with an uncaught error (to exercise the app's crash recovery). */
  simulateCrash(): Promise<void>;
}
