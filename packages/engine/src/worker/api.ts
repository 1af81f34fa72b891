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
  /**
   * The clock's speed from the first tick (as {@link WorkerApi.setSpeed}; default 1). A page that
   * wants the twin paused from its first instant passes 0: a setSpeed sent after the load
   * arrives only once the worker has already run some ticks.
   */
  speed?: number;
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

/**
 * What the page confirmed since the last save, in the order the worker applied it: commands at
 * the simulated time each was applied, and time warps. After a worker crash a new worker restores
 * the save and replays these (the engine is deterministic), so nothing confirmed is lost.
 */
export type JournalEntry =
  | { kind: 'command'; command: Command; timeMs: number }
  | { kind: 'warp'; fromMs: number; toMs: number };

/** A replay's end: the simulated time reached and, per journal entry, whether it applied again. */
export interface ReplayResult {
  timeMs: number;
  outcomes: CommandResult[];
}

/** A long job the worker is running in slices (a step or a replay), with its progress. */
export interface WorkerJob {
  kind: 'step' | 'replay';
  /** Simulated ms done and to do in all. */
  doneMs: number;
  totalMs: number;
}

/**
 * Posted by the worker about once a second, outside comlink (`{ ftHeartbeat: … }` messages):
 * proof that it is alive even while a long job keeps a call unanswered, and that job's progress.
 */
export interface Heartbeat {
  /** Simulated time now. */
  timeMs: number;
  job: WorkerJob | null;
}

/** Where the voter diverged, when the worker stopped the clock on it (hold on divergence). */
export interface DivergenceHold {
  systemId: string;
  /** Compare number (the lanes' head once it was written) and when, in simulated ms. */
  compare: number;
  timeMs: number;
  /** Per CPU element 0..2: its lane flag at that compare (LaneFlag) and the word it offered. */
  flags: [number, number, number];
  values: [number, number, number];
}

/** Events since the last drain, the simulated time they reach, and a new divergence hold. */
export interface EventBatch {
  events: EngineEvent[];
  timeMs: number;
  hold: DivergenceHold | null;
}

export interface WorkerApi {
  load(request: LoadRequest): Promise<LoadResult>;
  command(command: Command): Promise<TimedCommandResult>;
  /** Speed multiplier of simulated time over wall time: 0 pauses, -1 runs as fast as possible. */
  setSpeed(multiplier: number): Promise<void>;
  /**
   * Advances simulated time by exactly `simMs` (paused or not) and publishes a snapshot. A long
   * step runs in slices (the worker answers other calls and posts heartbeats with its progress in
   * between); steps queue one after another.
   */
  step(simMs: number): Promise<void>;
  /**
   * Replays `journal` over the state just loaded (from a save), running simulated time for real
   * between entries, then runs on to `untilMs`; in slices, like a long step.
   */
  replay(journal: JournalEntry[], untilMs: number): Promise<ReplayResult>;
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
   * While on, the clock stops (speed 0) right after any voter divergence, so it stays in the
   * lanes; the next {@link WorkerApi.drainBatch} reports where.
   */
  setHoldOnDivergence(on: boolean): Promise<void>;
  /**
   * Non-shared path: resolves with the next snapshot (a transferred ArrayBuffer in the layout
   * returned by `load`) once the worker has published a newer one than `afterSeq`.
   */
  nextSnapshot(afterSeq: number): Promise<ArrayBuffer>;
  /** Events since the last call (state changes, logs, traps, service calls). */
  drainEvents(): Promise<EngineEvent[]>;
  /** The same events, with the simulated time they reach and a divergence hold, if any. */
  drainBatch(): Promise<EventBatch>;
  components(): Promise<ComponentInfo[]>;
  counters(): Promise<SystemCounters[]>;
  save(): Promise<Uint8Array>;
  /**
   * The saved state, the simulated time it was taken at, and the events not yet drained (they
   * happened before the save, so a replay over it will not produce them again).
   */
  saveState(): Promise<{ state: Uint8Array; timeMs: number; events: EngineEvent[] }>;
  /** Per system: software version, Active Upgrade, call-home role, SAM figures. */
  systems(): Promise<SystemInfo[]>;
  serviceCalls(): Promise<ServiceCall[]>;
  dumps(): Promise<DumpRecord[]>;
  /** A component as Redfish-style JSON (null for an unknown id). */
  redfish(id: string): Promise<Record<string, unknown> | null>;
  /** Makes the worker die with an uncaught error (to exercise the app's crash recovery). */
  simulateCrash(): Promise<void>;
}
