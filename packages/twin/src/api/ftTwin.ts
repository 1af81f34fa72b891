/**
 * `window.ftTwin`: the documented JavaScript API of the twin (docs/api.md). Scripts, lessons
 * and the end-to-end tests drive the twin through it. Every function checks its arguments and
 * throws an Error saying what was expected; commands return promises that reject with the
 * engine's reason when it refuses.
 */
import {
  type Command,
  type CommandResult,
  type DumpRecord,
  type EngineEvent,
  type FaultDetail,
  OP_STATE_NAMES,
  SYSTEM_STATUS_NAMES,
  type ServiceCall,
  type StateChangeEvent,
  type SystemCounters,
  type SystemInfo,
  type SystemStatusEvent,
  type TrapEvent,
} from '@ft/engine';
import { type LedRole, ledIndex } from '@ft/hardware';
import { LANE_DEPTH } from '@ft/engine/snapshot';
import { laneOffset, laneSlot } from '../lockstep/drawLanes.ts';
import type { TwinInstance } from '../instance.ts';
import type { ScreenPoint } from '../state/live.ts';
import {
  expectFault,
  expectFaultDetail,
  expectHandler,
  expectId,
  expectInsertOptions,
  expectJumpMs,
  expectLedRole,
  expectPullOptions,
  expectSpeed,
  expectStep,
  type StepProgress,
} from './validate.ts';

/** One component, as `ftTwin.components()` lists it. */
export interface ComponentSummary {
  id: string;
  kind: string;
  system: string;
  label: string;
  /** OpState name, e.g. `duplex`, `shot`, `removed`. */
  state: string;
  /** The redundant partner (mirror half, teamed port, paired adapter), or null. */
  partner: string | null;
}

/** Payloads of the events `ftTwin.on` delivers. */
export interface FtTwinEvents {
  state: StateChangeEvent;
  system: SystemStatusEvent;
  event: EngineEvent;
  ready: undefined;
}

export type FtTwinEventName = keyof FtTwinEvents;

const EVENT_NAMES: readonly FtTwinEventName[] = ['state', 'system', 'event', 'ready'];

export interface FtTwin {
  /** Resolves once the rack is loaded and the engine runs. @example await ftTwin.ready(); */
  ready(): Promise<void>;
  /** Every component of the rack. @example ftTwin.components().filter((c) => c.kind === 'cpu') */
  components(): ComponentSummary[];
  /** A component's current state name. @example ftTwin.state('A.cpu-0') // 'duplex' */
  state(id: string): string;
  /** Injects a fault. @example await ftTwin.inject('A.cpu-1', 'bitflip-register') */
  inject(id: string, fault: string, detail?: FaultDetail): Promise<void>;
  /**
   * Pulls a CRU out. When it is not safe to pull, the promise rejects with the reason unless
   * `force` is true. @example await ftTwin.pull('A.cpu-1')
   */
  pull(id: string, options?: { force?: boolean }): Promise<void>;
  /** Inserts a pulled CRU back, or a new replacement. @example await ftTwin.insert('A.cpu-1') */
  insert(id: string, options?: { replacement?: boolean }): Promise<void>;
  /** Any engine command, as plain data. @example await ftTwin.command({ type: 'clearMtbf', target: 'A.cpu-1' }) */
  command(command: Command): Promise<void>;
  /** Speed: a multiplier ≥ 0 (0 pauses) or 'max'. @example await ftTwin.setSpeed(100) */
  setSpeed(speed: number | 'max'): Promise<void>;
  /**
   * Advances exactly `simMs` of simulated time (0 < simMs ≤ 86 400 000) and publishes a
   * snapshot. A long step runs in slices in the worker (it keeps answering meanwhile) and reports
   * its progress to `onProgress`; it always settles, rejecting if the worker stopped meanwhile.
   * @example await ftTwin.step(3_600_000, { onProgress: (done, total) => console.log(done / total) })
   */
  step(simMs: number, options?: { onProgress?: StepProgress }): Promise<void>;
  /** Subscribes to 'state', 'system', 'event' or 'ready'; returns the unsubscribe function. */
  on<K extends FtTwinEventName>(event: K, handler: (payload: FtTwinEvents[K]) => void): () => void;
  /** Viewport CSS pixels of a component's centre in the 3D view, or null when off screen. */
  screenPosition(id: string): ScreenPoint | null;
  /** Viewport CSS pixels of one of a component's LEDs, or null. @example ftTwin.ledPosition('A.cpu-0', 'fault') */
  ledPosition(id: string, role: LedRole): ScreenPoint | null;
  /**
   * Renderer statistics of the last frame, and when the first was drawn (performance.now(), -1
   * before). @example ftTwin.stats().frames
   */
  stats(): {
    drawCalls: number;
    triangles: number;
    frameMs: number;
    frames: number;
    firstFrameAtMs: number;
  };
  /** A system's status name from the latest snapshot. @example ftTwin.systemStatus('A') // 'duplex' */
  systemStatus(systemId: string): string;
  /** Per-system counters (status, uptime, availability, transactions). */
  counters(): SystemCounters[];
  /**
   * Per system: software version, Active Upgrade (state, sides, versions, progress), call-home
   * role and link, SAM figures and alerts. @example ftTwin.systems()[0].upgrade.state // 'Idle'
   */
  systems(): SystemInfo[];
  /**
   * ActiveService calls, open and closed, oldest first: status, path taken, history.
   * @example ftTwin.serviceCalls().filter((c) => c.status !== 'closed')
   */
  serviceCalls(): ServiceCall[];
  /** Memory dumps, oldest first; `completedMs` is null while one is being written. */
  dumps(): DumpRecord[];
  /**
   * A component as Redfish JSON (Status.State, Status.Health, Oem.Stratus...).
   * @example (await ftTwin.redfish('A.cpu-0')).Status.Health // 'OK'
   */
  redfish(id: string): Promise<Record<string, unknown>>;
  /**
   * Recent SNMP trap records (newest last, as many as the event log keeps): trap kind, OID,
   * previous and current state, reason and varbinds. @example ftTwin.traps().at(-1)?.oid
   */
  traps(): TrapEvent[];
  /**
   * Time warp: skips quiet simulated time to the next scheduled event (a phase ending, a part
   * delivery), at most `limitMs` (0 < limitMs ≤ 86 400 000); resolves with the new time.
   * @example await ftTwin.jumpToNextEvent(3_600_000)
   */
  jumpToNextEvent(limitMs: number): Promise<number>;
  /** Simulated time in ms of the latest snapshot. */
  simTimeMs(): number;
  /** How snapshots reach the page: 'shared' (SharedArrayBuffer) or 'transfer'. */
  snapshotPath(): 'shared' | 'transfer' | null;
  /** Selects a component (opens its panel), or clears the selection with null. */
  select(id: string | null): void;
  /**
   * Starts the simulation again after it stopped (it kept crashing): from the last save, with
   * every command confirmed since. @example await ftTwin.restart()
   */
  restart(): Promise<void>;
  /** Test hooks. */
  debug: {
    /**
     * Makes the engine worker die; resolves once the app has restored it (last save plus every
     * command confirmed since), rejects when it stopped restarting it (too many crashes).
     */
    crashWorker(): Promise<void>;
    /** Simulated time (ms) of the last saved engine state, or null before the first save. */
    savedAtMs(): number | null;
    /** A component's LED word in the latest snapshot (2 bits per LED), or -1. */
    ledWord(id: string): number;
    /**
     * The voter lanes of a system, newest compare last: per CPU element (0..2) the LaneFlag of
     * each of the last LANE_DEPTH compares (0 none, 1 agree, 2 outvoted, 3 held back).
     */
    lanes(systemId: string): { head: number; flags: number[][] };
  };
}

export function createFtTwin(twin: TwinInstance): FtTwin {
  const { engine, live, store: twinStore, ui } = twin;
  const ids = (): string[] => twinStore.getState().rack?.components.map((c) => c.id) ?? [];
  const systemIds = (): string[] =>
    twinStore.getState().rack?.systems.map((s) => s.config.id) ?? [];
  const info = (id: string) => twinStore.getState().components[id];
  const stateOf = (id: string): string => {
    engine.refreshSnapshot();
    const index = live.index.get(id);
    const views = live.views;
    if (views && index !== undefined) return OP_STATE_NAMES[views.state[index]] ?? 'unknown';
    return info(id)?.stateName ?? 'unknown';
  };
  const send = async (command: Command): Promise<void> => {
    const result: CommandResult = await engine.command(command);
    if (!result.ok) throw new Error(result.error ?? `${command.type} refused`);
  };

  return {
    ready: () => engine.ready(),
    components: () =>
      (twinStore.getState().rack?.components ?? []).map((c) => ({
        id: c.id,
        kind: c.kind,
        system: c.systemId,
        label: info(c.id)?.label ?? c.label,
        state: stateOf(c.id),
        partner: c.partnerId,
      })),
    state: (id) => stateOf(expectId('state', 'id', id, ids())),
    async inject(id, fault, detail) {
      const target = expectId('inject', 'id', id, ids());
      const valid = expectFault(target, fault, info(target)?.faults ?? []);
      const checked = expectFaultDetail(detail);
      await send({ type: 'inject', target, fault: valid, ...(checked ? { detail: checked } : {}) });
    },
    async pull(id, options) {
      const target = expectId('pull', 'id', id, ids());
      const { force } = expectPullOptions(options);
      const current = info(target);
      if (current && !current.safeToPull && !force) {
        throw new Error(
          `${target} is not safe to pull: ${current.pullWarning || 'the engine says so'}. Pass { force: true } to pull it anyway.`,
        );
      }
      await send({ type: 'pull', target });
    },
    async insert(id, options) {
      const target = expectId('insert', 'id', id, ids());
      const { replacement } = expectInsertOptions(options);
      await send({ type: 'insert', target, replacement });
    },
    async command(command) {
      const { expectCommand } = await import('./validateCommand.ts');
      await send(expectCommand(command, ids(), systemIds()));
    },
    setSpeed: (speed) => engine.setSpeed(expectSpeed(speed)),
    async step(simMs, options) {
      const { simMs: ms, onProgress } = expectStep(simMs, options);
      const off = onProgress
        ? engine.bus.on('progress', (job) => {
            if (job?.kind === 'step' && job.totalMs === ms) onProgress(job.doneMs, job.totalMs);
          })
        : null;
      try {
        await engine.step(ms);
        onProgress?.(ms, ms);
      } finally {
        off?.();
      }
    },
    on(event, handler) {
      expectHandler(event, EVENT_NAMES, handler);
      return engine.bus.on(event, handler as (payload: unknown) => void);
    },
    screenPosition: (id) => live.screenPosition(expectId('screenPosition', 'id', id, ids())),
    ledPosition(id, role) {
      const target = expectId('ledPosition', 'id', id, ids());
      const spec = twinStore.getState().rack?.components.find((c) => c.id === target);
      const roles = spec?.leds.map((l) => l.role) ?? [];
      const valid = expectLedRole(target, role, roles) as LedRole;
      return spec ? live.ledPosition(target, ledIndex(spec.kind, valid)) : null;
    },
    stats: () => ({ ...live.stats }),
    systemStatus(systemId) {
      const systems = systemIds();
      const index = systems.indexOf(
        expectId('systemStatus', 'systemId', systemId, systems, 'system id'),
      );
      engine.refreshSnapshot();
      const views = live.views;
      if (views) return SYSTEM_STATUS_NAMES[views.sysStatus[index]] ?? 'unknown';
      const c = twinStore.getState().counters.find((k) => k.systemId === systemId);
      return c ? (SYSTEM_STATUS_NAMES[c.status] ?? 'unknown') : 'unknown';
    },
    counters: () => twinStore.getState().counters,
    systems: () => twinStore.getState().systems,
    serviceCalls: () => twinStore.getState().serviceCalls,
    dumps: () => twinStore.getState().dumps,
    async redfish(id) {
      const target = expectId('redfish', 'id', id, ids());
      const doc = await engine.redfish(target);
      if (!doc)
        throw new Error(`No Redfish resource for ${target} (the engine may be restarting).`);
      return doc;
    },
    traps: () => twinStore.getState().events.filter((e): e is TrapEvent => e.kind === 'trap'),
    jumpToNextEvent: (limitMs) => engine.jumpToNextEvent(expectJumpMs(limitMs)),
    simTimeMs() {
      engine.refreshSnapshot();
      return live.views ? live.views.clock[0] : 0;
    },
    snapshotPath: () => twinStore.getState().snapshotPath,
    select(id) {
      ui.select(id === null ? null : expectId('select', 'id', id, ids()));
    },
    async restart() {
      if (!(await engine.restart())) {
        throw new Error('The simulation could not be restarted; reload the page to start over.');
      }
    },
    debug: {
      crashWorker: () => engine.simulateCrash(),
      savedAtMs: () => engine.savedAtMs(),
      lanes(systemId) {
        const systems = systemIds();
        const system = systems.indexOf(
          expectId('debug.lanes', 'systemId', systemId, systems, 'system id'),
        );
        engine.refreshSnapshot();
        const views = live.views;
        if (!views) return { head: 0, flags: [] };
        const head = views.laneHead[system];
        const flags = [0, 1, 2].map((element) => {
          const row: number[] = [];
          for (let k = Math.min(head, LANE_DEPTH) - 1; k >= 0; k--) {
            row.push(views.laneFlag[laneOffset(system, element, laneSlot(head, k))]);
          }
          return row;
        });
        return { head, flags };
      },
      ledWord(id) {
        const index = live.index.get(expectId('debug.ledWord', 'id', id, ids()));
        engine.refreshSnapshot();
        return live.views && index !== undefined ? live.views.leds[index] : -1;
      },
    },
  };
}

declare global {
  interface Window {
    ftTwin?: FtTwin;
  }
}
