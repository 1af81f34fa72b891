/**
 * The part of a twin (`TwinInstance` from @ft/twin) that the lesson pages use: the engine
 * client's bus and calls, and the discrete store. Written out as an interface so that the
 * recorders and controllers here can be tested over a headless engine without a DOM.
 */
import type {
  Command,
  CommandResult,
  ComponentInfo,
  DumpRecord,
  ServiceCall,
  SystemCounters,
  SystemInfo,
} from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import type { ClientEvents, EngineSnapshotRecords } from '@ft/twin';

/** What the engine client announces (a subset of its bus). */
export type TwinBusEvents = Pick<ClientEvents, 'event' | 'command' | 'warp' | 'crash'>;

export interface TwinBus {
  on<K extends keyof TwinBusEvents>(
    event: K,
    listener: (payload: TwinBusEvents[K]) => void,
  ): () => void;
}

/** The engine's plain records at one simulated time. */
export type RecordsNow = EngineSnapshotRecords;

/** The store fields read here. */
export interface TwinStoreView {
  rack: RackModel | null;
  components: Record<string, ComponentInfo>;
  counters: SystemCounters[];
  systems: SystemInfo[];
  serviceCalls: ServiceCall[];
  dumps: DumpRecord[];
  selectedId: string | null;
  speed: number;
}

export interface TwinPort {
  engine: {
    bus: TwinBus;
    command(command: Command): Promise<CommandResult>;
    records(): Promise<RecordsNow | null>;
    step(simMs: number): Promise<void>;
    setSpeed(multiplier: number): Promise<void>;
    jumpToNextEvent(limitMs: number): Promise<number>;
    ready(): Promise<void>;
  };
  store: {
    getState(): TwinStoreView;
    subscribe(listener: (state: TwinStoreView, previous: TwinStoreView) => void): () => void;
  };
}
