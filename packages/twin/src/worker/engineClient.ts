/**
 * The app's side of the engine worker: starts it, loads the rack, keeps `live.views` fed with
 * snapshots, polls events and counters into the store (discrete changes only), saves the engine
 * state every few seconds and, when the worker dies, restarts a fresh one from the last save.
 * Components never talk to the worker directly; they go through this client.
 */
import { workerDuty } from './duty.ts';
import type {
  Command,
  CommandResult,
  ComponentInfo,
  DumpRecord,
  EngineEvent,
  ServiceCall,
  SystemCounters,
  SystemInfo,
  LoadRequest,
  LoadResult,
  StateChangeEvent,
  SystemStatusEvent,
  WorkerApi,
} from '@ft/engine';
import { allocateSnapshot, snapshotLayout } from '@ft/engine/snapshot';
import { buildRack, type RackModel } from '@ft/hardware';
import { type Remote, wrap } from 'comlink';
import { appendEvents } from '../model/events.ts';
import { formatSimTime } from '../model/format.ts';
import type { Live } from '../state/live.ts';
import type { TwinStore, TwinUi } from '../state/store.ts';
import type { RackChoice } from '../url/params.ts';
import bundledWorkerUrl from '../../../engine/src/worker/worker.ts?worker&url';
import { Emitter } from './emitter.ts';
import { mergeComponents } from './mergeComponents.ts';
import { type SnapshotFeed, startSharedFeed, startTransferFeed } from './snapshotFeed.ts';

export const EVENT_POLL_MS = 100;
export const COUNTER_POLL_MS = 500;
export const SAVE_EVERY_MS = 2000;
/** A call to the worker unanswered for this long means the worker is gone. */
export const WATCHDOG_MS = 15_000;
/** More restarts than this within RESTART_WINDOW_MS and the client gives up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 30_000;

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

const NOT_RUNNING: CommandResult = {
  ok: false,
  error: 'The simulation is restarting; try again in a moment.',
};

export class EngineClient {
  readonly bus = new Emitter<ClientEvents>();
  private worker: Worker | null = null;
  private api: Remote<WorkerApi> | null = null;
  private feed: SnapshotFeed | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  /** Calls awaiting the worker: id → name and start time (for the watchdog). */
  private inFlight = new Map<number, { name: string; since: number }>();
  private callIds = 0;
  private busy = new Set<string>();
  private generation = 0;
  private request: Pick<LoadRequest, 'rack' | 'seed' | 'randomFaults' | 'autoRepair'> | null = null;
  private model: RackModel | null = null;
  private saved: { state: Uint8Array; timeMs: number } | null = null;
  private restarts: number[] = [];
  private recovering = false;
  private disposed = false;
  private readyPromise: Promise<void>;
  private resolveReady: () => void = () => {};

  constructor(
    private readonly store: TwinStore,
    private readonly live: Live,
    private readonly ui: TwinUi,
    /** Where the engine worker script lives (default: bundled beside the app). */
    private readonly workerUrl: string | URL | null = null,
  ) {
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  /** Resolves once the first rack is loaded and running. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Loads `rack` into a new worker (the caller resolved and validated the rack already). */
  async start(model: RackModel, options: StartOptions & { rackRequest: LoadRequest['rack'] }) {
    this.model = model;
    this.request = {
      rack: options.rackRequest,
      seed: options.seed,
      randomFaults: options.randomFaults,
      autoRepair: options.autoRepair === true,
    };
    return this.boot(null);
  }

  async command(command: Command): Promise<CommandResult> {
    const { api, generation } = this;
    if (!api || this.store.getState().workerStatus !== 'running') return NOT_RUNNING;
    const timed = await this.guard(generation, 'command', api.command(command));
    if (!timed) return NOT_RUNNING;
    const { timeMs, ...result } = timed;
    void this.refreshComponents(generation);
    this.bus.emit('command', { command, result, timeMs });
    return result;
  }

  /** Speed multiplier: 0 pauses, -1 runs as fast as possible. */
  async setSpeed(multiplier: number): Promise<void> {
    this.store.setState({ speed: multiplier });
    const { api, generation } = this;
    if (api) await this.guard(generation, 'setSpeed', api.setSpeed(multiplier));
  }

  /**
   * Time warp: skips quiet simulated time up to the next scheduled event (a phase ending, a
   * part delivery), at most `limitMs`; resolves with the new simulated time.
   */
  async jumpToNextEvent(limitMs: number): Promise<number> {
    const { api, generation } = this;
    if (!api) return 0;
    const warp = await this.guard(generation, 'jumpToNextEvent', api.warp(limitMs));
    if (!warp) return 0;
    this.bus.emit('warp', { fromMs: warp.fromMs, limitMs, toMs: warp.toMs });
    return warp.toMs;
  }

  /** A component as Redfish-style JSON, or null (unknown id, engine restarting). */
  async redfish(id: string): Promise<Record<string, unknown> | null> {
    const { api, generation } = this;
    if (!api) return null;
    return (await this.guard(generation, 'redfish', api.redfish(id))) ?? null;
  }

  /**
   * The engine's plain records now (components, counters, systems, service calls, dumps), in
   * one round trip's worth of calls: what scenario and lesson checks are evaluated over.
   */
  async records(): Promise<EngineSnapshotRecords | null> {
    const { api, generation } = this;
    if (!api) return null;
    const [components, counters, systems, serviceCalls, dumps] = await Promise.all([
      this.guard(generation, 'components', api.components()),
      this.guard(generation, 'counters', api.counters()),
      this.guard(generation, 'systems', api.systems()),
      this.guard(generation, 'serviceCalls', api.serviceCalls()),
      this.guard(generation, 'dumps', api.dumps()),
    ]);
    if (!components || !counters || !systems || !serviceCalls || !dumps) return null;
    this.feed?.refresh();
    const timeMs = this.live.views ? this.live.views.clock[0] : 0;
    return { timeMs, components, counters, systems, serviceCalls, dumps };
  }

  async step(simMs: number): Promise<void> {
    const { api, generation } = this;
    if (api) await this.guard(generation, 'step', api.step(simMs));
  }

  /** Brings `live.views` up to date now (API reads between frames). */
  refreshSnapshot(): void {
    this.feed?.refresh();
  }

  /** Simulated time of the last saved state, or null before the first save. */
  savedAtMs(): number | null {
    return this.saved ? this.saved.timeMs : null;
  }

  /** Makes the worker die (to exercise recovery); resolves once it has been replaced. */
  async simulateCrash(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const back = new Promise<void>((resolve) => {
      const off = this.bus.on('ready', () => {
        off();
        resolve();
      });
    });
    api.simulateCrash().catch(() => {});
    return back;
  }

  private async boot(savedState: Uint8Array | null): Promise<boolean> {
    const generation = ++this.generation;
    const model = this.model;
    const request = this.request;
    if (!model || !request) return false;
    const worker = createWorkerFrom(this.workerUrl ?? bundledWorkerUrl);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      void this.crashed(generation, event.message || 'worker error');
    });
    worker.addEventListener('messageerror', () => void this.crashed(generation, 'message error'));
    const api = wrap<WorkerApi>(worker);
    this.worker = worker;
    this.api = api;

    const shareable =
      globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
    const layout = snapshotLayout(model.components.length, model.systems.length);
    const shared = shareable ? allocateSnapshot(layout, true) : null;
    const loading = api.load({
      ...request,
      sharedSnapshot: shared ? (shared.buffer as SharedArrayBuffer) : null,
      savedState,
      maxDuty: workerDuty(),
    }) as Promise<LoadResult>;
    const result = await this.guard(generation, 'load', loading);
    if (!result) return false;
    if (!result.ok) {
      this.stopWorker();
      this.store.setState({
        workerStatus: 'crashed',
        notice: { level: 'error', text: `The engine could not load this rack: ${result.error}` },
      });
      return false;
    }

    this.live.index = new Map(result.components.map((c, i) => [c.id, i]));
    this.feed =
      shared && result.shared
        ? startSharedFeed(shared, this.live)
        : startTransferFeed(api, result.layout, this.live, (e) => void this.crashed(generation, e));
    this.store.setState((s) => ({
      rack: s.rack && savedState ? s.rack : buildRack(result.rack),
      components: mergeComponents(s.components, result.components),
      snapshotPath: this.feed?.path ?? null,
      workerStatus: 'running',
    }));
    await this.guard(generation, 'setSpeed', api.setSpeed(this.store.getState().speed));
    this.startTimers(generation, api);
    void this.refreshCounters(generation);
    this.resolveReady();
    this.bus.emit('ready', undefined);
    return true;
  }

  private startTimers(generation: number, api: Remote<WorkerApi>): void {
    const every = (ms: number, name: string, job: () => Promise<void>) => {
      this.timers.push(
        setInterval(() => {
          if (this.busy.has(name)) return;
          this.busy.add(name);
          void job().finally(() => this.busy.delete(name));
        }, ms),
      );
    };
    every(EVENT_POLL_MS, 'drainEvents', () => this.pollEvents(generation, api));
    every(COUNTER_POLL_MS, 'counters', () => this.refreshCounters(generation));
    every(SAVE_EVERY_MS, 'save', () => this.save(generation, api));
    this.timers.push(
      setInterval(() => {
        const now = performance.now();
        for (const { name, since } of this.inFlight.values()) {
          if (now - since > WATCHDOG_MS) void this.crashed(generation, `${name} unanswered`);
        }
      }, 1000),
    );
  }

  private async pollEvents(generation: number, api: Remote<WorkerApi>): Promise<void> {
    const batch = await this.guard(generation, 'drainEvents', api.drainEvents());
    if (!batch || batch.length === 0) return;
    this.store.setState((s) => ({ events: appendEvents(s.events, batch) }));
    let components = false;
    let counters = false;
    for (const event of batch) {
      this.bus.emit('event', event);
      if (event.kind === 'alert' && event.notify) {
        this.ui.pushToast({ systemId: event.systemId, text: event.message, timeMs: event.timeMs });
      }
      if (event.kind === 'state') {
        components = true;
        this.bus.emit('state', event);
      } else if (event.kind === 'system') {
        counters = true;
        this.bus.emit('system', event);
      } else if (event.kind !== 'log' && event.kind !== 'vote') components = true;
    }
    if (components) void this.refreshComponents(generation);
    if (counters) void this.refreshCounters(generation);
  }

  private async refreshComponents(generation: number): Promise<void> {
    const api = this.api;
    if (!api) return;
    const list = await this.guard(generation, 'components', api.components());
    if (list) this.store.setState((s) => ({ components: mergeComponents(s.components, list) }));
    await this.refreshSystems(generation);
  }

  private async refreshCounters(generation: number): Promise<void> {
    const api = this.api;
    if (!api) return;
    const counters = await this.guard(generation, 'counters', api.counters());
    if (counters) this.store.setState({ counters });
    await this.refreshSystems(generation);
  }

  /**
   * Per-system info (versions, Active Upgrade, gateway, SAM), service calls and dumps; the
   * store changes only on news.
   */
  private async refreshSystems(generation: number): Promise<void> {
    const api = this.api;
    if (!api) return;
    const [systems, serviceCalls, dumps] = await Promise.all([
      this.guard(generation, 'systems', api.systems()),
      this.guard(generation, 'serviceCalls', api.serviceCalls()),
      this.guard(generation, 'dumps', api.dumps()),
    ]);
    const now = this.store.getState();
    const changed: Partial<typeof now> = {};
    if (systems && JSON.stringify(systems) !== JSON.stringify(now.systems))
      changed.systems = systems;
    if (serviceCalls && JSON.stringify(serviceCalls) !== JSON.stringify(now.serviceCalls)) {
      changed.serviceCalls = serviceCalls;
    }
    if (dumps && JSON.stringify(dumps) !== JSON.stringify(now.dumps)) changed.dumps = dumps;
    if (Object.keys(changed).length > 0) this.store.setState(changed);
  }

  private async save(generation: number, api: Remote<WorkerApi>): Promise<void> {
    this.feed?.refresh();
    const timeMs = this.live.views ? this.live.views.clock[0] : 0;
    const state = await this.guard(generation, 'save', api.save());
    if (state) this.saved = { state, timeMs };
  }

  /**
   * Awaits a worker call; a rejection (the worker died or threw) triggers recovery. Resolves
   * to undefined when the call failed or belongs to a worker that has since been replaced.
   */
  private async guard<T>(
    generation: number,
    name: string,
    call: Promise<T>,
  ): Promise<T | undefined> {
    const id = ++this.callIds;
    this.inFlight.set(id, { name, since: performance.now() });
    try {
      const value = await call;
      return generation === this.generation ? value : undefined;
    } catch (error) {
      void this.crashed(generation, error);
      return undefined;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async crashed(generation: number, why: unknown): Promise<void> {
    if (generation !== this.generation || this.recovering || this.disposed) return;
    this.recovering = true;
    console.warn('ftTwin: the simulation worker stopped:', why);
    this.stopWorker();
    const savedTimeMs = this.saved ? this.saved.timeMs : null;
    const from =
      savedTimeMs === null
        ? 'restarting from the beginning (no state saved yet)'
        : `restarting from the last saved state (time ${formatSimTime(savedTimeMs)})`;
    this.store.setState({
      workerStatus: 'crashed',
      notice: { level: 'error', text: `The simulation worker stopped: ${from}.` },
    });
    this.bus.emit('crash', { savedTimeMs });

    const now = performance.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS).concat(now);
    if (this.restarts.length > MAX_RESTARTS) {
      this.store.setState({
        notice: {
          level: 'error',
          text: 'The simulation worker keeps stopping, so it was not restarted again. Reload the page to start over.',
        },
      });
      this.recovering = false;
      return;
    }
    this.store.setState({ workerStatus: 'restarting' });
    this.recovering = false;
    const ok = await this.boot(this.saved ? this.saved.state : null);
    if (ok) this.logRestart(savedTimeMs);
  }

  private logRestart(savedTimeMs: number | null): void {
    const event: EngineEvent = {
      kind: 'log',
      timeMs: savedTimeMs ?? 0,
      systemId: '',
      componentId: null,
      severity: 'warning',
      message:
        savedTimeMs === null
          ? 'Simulation worker restarted from the beginning'
          : `Simulation worker restarted from the state saved at ${formatSimTime(savedTimeMs)}`,
    };
    this.store.setState((s) => ({ events: appendEvents(s.events, [event]) }));
    this.bus.emit('event', event);
  }

  /** Stops the worker for good (the twin is being disposed); nothing restarts it. */
  stop(): void {
    this.disposed = true;
    this.generation++;
    this.stopWorker();
  }

  private stopWorker(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.inFlight.clear();
    this.busy.clear();
    this.feed?.stop();
    this.feed = null;
    this.api = null;
    this.worker?.terminate();
    this.worker = null;
  }
}

/**
 * A module worker from a given script URL. A script on another origin (a CDN) cannot be a
 * worker directly, so a same-origin blob module imports it (the page's CSP must allow
 * `worker-src blob:` then; docs/embed.md).
 */
function createWorkerFrom(url: string | URL): Worker {
  const href = new URL(String(url), globalThis.location?.href).href;
  if (typeof location === 'undefined' || new URL(href).origin === location.origin) {
    return new Worker(href, { type: 'module', name: 'ft-engine' });
  }
  const blob = new Blob([`import ${JSON.stringify(href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob), { type: 'module', name: 'ft-engine' });
}
