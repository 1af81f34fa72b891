/** What the engine client tells its listeners, and the shapes it hands out. */
import type {
  Command,
  CommandResult,
  ComponentInfo,
  DivergenceHold,
  DumpRecord,
  EngineEvent,
  ServiceCall,
  StateChangeEvent,
  SystemCounters,
  SystemInfo,
  SystemStatusEvent,
  WorkerJob,
} from '@ft/engine';
import type { RackChoice } from '../url/params.ts';
import type { Emitter } from './emitter.ts';

export interface ClientEvents extends Record<string, unknown> {
  event: EngineEvent;
  state: StateChangeEvent;
  system: SystemStatusEvent;
  ready: undefined;
  crash: { savedTimeMs: number | null };
  /** Every command the worker answered, from any source (panels, API, scenarios, lessons). */
  command: { command: Command; result: CommandResult; timeMs: number };
  /** A time warp: from `fromMs`, at most `limitMs`, it ended at `toMs`. */
  warp: { fromMs: number; limitMs: number; toMs: number };
  /** The worker's long job (a step, a replay) and its progress; null when it ends. */
  progress: WorkerJob | null;
  /** After a crash: restored from the save and replayed, back at `timeMs`. */
  restored: { savedTimeMs: number | null; replayed: number; refused: number; timeMs: number };
  /** The worker kept stopping: it was not restarted; `restart()` starts it again. */
  stopped: { reason: string };
  /** The clock stopped on a voter divergence (hold on divergence). */
  hold: DivergenceHold;
}

export interface StartOptions {
  rack: RackChoice;
  seed: number;
  randomFaults: boolean;
  autoRepair?: boolean;
}

/** The engine's plain records at one simulated time. */
export interface EngineSnapshotRecords {
  timeMs: number;
  components: ComponentInfo[];
  counters: SystemCounters[];
  systems: SystemInfo[];
  serviceCalls: ServiceCall[];
  dumps: DumpRecord[];
}

/** Resolves when the client runs again ('ready'), rejects with the reason when it gives up. */
export function untilRunningAgain(bus: Emitter<ClientEvents>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const offs = [
      bus.on('ready', () => {
        for (const off of offs) off();
        resolve();
      }),
      bus.on('stopped', ({ reason }) => {
        for (const off of offs) off();
        reject(new Error(reason));
      }),
    ];
  });
}
