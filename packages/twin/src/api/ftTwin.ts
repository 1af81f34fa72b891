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
  expectHandler,
  expectId,
  expectJumpMs,
  expectOptions,
  expectSpeed,
  expectStepMs,
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

/** Commands whose `target` is a system id rather than a component id. */
const SYSTEM_COMMANDS: readonly string[] = [
  'system',
  'upgrade',
  'gatewayLink',
  'samAlert',
  'samClearAlerts',
];
const EVENT_NAMES: readonly FtTwinEventName[] = ['state', 'system', 'event', 'ready'];
const LED_ROLES: readonly LedRole[] = ['power', 'fault', 'safeToPull', 'activity', 'primary'];

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
  /** Advances simulated time by `simMs` and publishes a snapshot. @example await ftTwin.step(50) */
  step(simMs: number): Promise<void>;
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
  /** Test hooks. */
  debug: {
    /** Makes the engine worker die; resolves once the app has restarted it. */
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
    state: (id) => stateOf(expectId(id, ids())),
    async inject(id, fault, detail) {
      expectId(id, ids());
      const valid = expectFault(id, fault, info(id)?.faults ?? []);
      await send({ type: 'inject', target: id, fault: valid, ...(detail ? { detail } : {}) });
    },
    async pull(id, options) {
      expectId(id, ids());
      const { force } = expectOptions(options, ['force'], 'pull');
      const current = info(id);
      if (current && !current.safeToPull && !force) {
        throw new Error(
          `${id} is not safe to pull: ${current.pullWarning || 'the engine says so'}. Pass { force: true } to pull it anyway.`,
        );
      }
      await send({ type: 'pull', target: id });
    },
    async insert(id, options) {
      expectId(id, ids());
      const { replacement } = expectOptions(options, ['replacement'], 'insert');
      await send({ type: 'insert', target: id, replacement: replacement ?? false });
    },
    async command(command) {
      if (typeof command !== 'object' || command === null || typeof command.type !== 'string') {
        throw new Error("Expected a command object like { type: 'bringDown', target: 'A.cpu-1' }.");
      }
      if (SYSTEM_COMMANDS.includes(command.type)) {
        const systems = twinStore.getState().rack?.systems.map((s) => s.config.id) ?? [];
        expectId(command.target, systems, 'system id');
      } else expectId(command.target, ids());
      await send(command);
    },
    setSpeed: (speed) => engine.setSpeed(expectSpeed(speed)),
    step: (simMs) => engine.step(expectStepMs(simMs)),
    on(event, handler) {
      expectHandler(event, EVENT_NAMES, handler);
      return engine.bus.on(event, handler as (payload: unknown) => void);
    },
    screenPosition: (id) => live.screenPosition(expectId(id, ids())),
    ledPosition(id, role) {
      expectId(id, ids());
      const spec = twinStore.getState().rack?.components.find((c) => c.id === id);
      const index = spec && LED_ROLES.includes(role) ? ledIndex(spec.kind, role) : -1;
      if (!spec || index < 0) {
        const roles = spec?.leds.map((l) => l.role).join(', ') ?? '';
        throw new Error(`${id} has no ${JSON.stringify(role)} LED: expected one of ${roles}.`);
      }
      return live.ledPosition(id, index);
    },
    stats: () => ({ ...live.stats }),
    systemStatus(systemId) {
      const systems = twinStore.getState().rack?.systems.map((s) => s.config.id) ?? [];
      const index = systems.indexOf(expectId(systemId, systems, 'system id'));
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
      expectId(id, ids());
      const doc = await engine.redfish(id);
      if (!doc) throw new Error(`No Redfish resource for ${id} (the engine may be restarting).`);
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
      ui.select(id === null ? null : expectId(id, ids()));
    },
    debug: {
      crashWorker: () => engine.simulateCrash(),
      savedAtMs: () => engine.savedAtMs(),
      lanes(systemId) {
        const systems = twinStore.getState().rack?.systems.map((s) => s.config.id) ?? [];
        const system = systems.indexOf(expectId(systemId, systems, 'system id'));
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
        const index = live.index.get(expectId(id, ids()));
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
