/**
 * The app's side of the engine worker: starts it, loads the rack, keeps `live.views` fed with
 * snapshots, polls events and counters into the store (discrete changes only), saves the engine
 * state every few seconds, and keeps a journal of what was confirmed since. When the worker dies
 * a fresh one restores the last save and replays the journal up to the time the page had shown,
 * so nothing confirmed is lost and time never goes back. Components never talk to the worker
 * directly; they go through this client.
 *
 * Every call to the worker settles: a worker that is replaced drops its waiting calls (see
 * ./calls.ts). The watchdog tells a busy worker (it keeps sending heartbeats during a long step)
 * from a dead one.
 */
import type {
  Command,
  CommandResult,
  ComponentInfo,
  DivergenceHold,
  DumpRecord,
  EngineEvent,
  HeartbeatMessage,
  LoadRequest,
  LoadResult,
  ServiceCall,
  StateChangeEvent,
  SystemCounters,
  SystemInfo,
  SystemStatusEvent,
  WorkerApi,
  WorkerJob,
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
import { type CallOutcome, Calls, workerLooksDead } from './calls.ts';
import { workerDuty } from './duty.ts';
import { Emitter } from './emitter.ts';
import { Journal } from './journal.ts';
import { mergeComponents } from './mergeComponents.ts';
import { type SnapshotFeed, startSharedFeed, startTransferFeed } from './snapshotFeed.ts';

export const EVENT_POLL_MS = 100;
export const COUNTER_POLL_MS = 500;
export const SAVE_EVERY_MS = 2000;
const WATCHDOG_EVERY_MS = 1000;
/** More restarts than this within RESTART_WINDOW_MS and the client stops and asks. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 30_000;

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

const RESTARTING = 'The simulation is restarting; try again in a moment.';
const STOPPED =
  "The simulation is not running: it stopped after repeated crashes. Restart it first (the notice's button or ftTwin.restart()).";
const NOT_CONFIRMED: CommandResult = {
  ok: false,
  error:
    'The simulation worker stopped before it confirmed this command; it was not applied. Try again once it is back.',
};

/** An Error for an API promise whose worker call could not finish. */
function unfinished(what: string, outcome: CallOutcome<unknown>): Error {
  if (outcome.kind === 'failed') {
    const why = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return new Error(`${what} failed: ${why}`);
  }
  return new Error(
    `${what} did not finish: the simulation worker stopped meanwhile. It is restored from its last save with every confirmed command; ask again once it runs.`,
  );
}

export class EngineClient {
  readonly bus = new Emitter<ClientEvents>();
  private worker: Worker | null = null;
  private api: Remote<WorkerApi> | null = null;
  private feed: SnapshotFeed | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly calls = new Calls();
  private polling = new Set<string>();
  private generation = 0;
  private request: Pick<LoadRequest, 'rack' | 'seed' | 'randomFaults' | 'autoRepair'> | null = null;
  private model: RackModel | null = null;
  private saved: { state: Uint8Array; timeMs: number } | null = null;
  private readonly journal = new Journal();
  private restarts: number[] = [];
  private disposed = false;
  private lastBeatAt = 0;
  private readyPromise: Promise<void>;
  private readySettled = false;
  private resolveReady: () => void = () => {};
  private rejectReady: (error: Error) => void = () => {};

  constructor(
    private readonly store: TwinStore,
    private readonly live: Live,
    private readonly ui: TwinUi,
    /** Where the engine worker script lives (default: bundled beside the app). */
    private readonly workerUrl: string | URL | null = null,
  ) {
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = () => {
        this.readySettled = true;
        resolve();
      };
      this.rejectReady = (error) => {
        this.readySettled = true;
        reject(error);
      };
    });
    // A host that never asks for ready() must not see an unhandled rejection.
    this.readyPromise.catch(() => {});
  }

  /** Resolves once the first rack is loaded and running; rejects if it never can be. */
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
    return this.boot(false);
  }

  private running(): Remote<WorkerApi> | null {
    return this.api && this.store.getState().workerStatus === 'running' ? this.api : null;
  }

  /** Why a call cannot be made now. */
  private notRunning(): string {
    return this.store.getState().workerStatus === 'stopped' ? STOPPED : RESTARTING;
  }

  /** Sends a command (already checked and copied by the caller); resolves with its outcome. */
  async command(command: Command): Promise<CommandResult> {
    const api = this.running();
    if (!api) return { ok: false, error: this.notRunning() };
    const outcome = await this.call('command', api.command(command));
    if (outcome.kind !== 'answered') return NOT_CONFIRMED;
    const { timeMs, ...result } = outcome.value;
    if (result.ok) this.journal.command(command, timeMs);
    void this.refreshComponents(this.generation);
    this.bus.emit('command', { command, result, timeMs });
    return result;
  }

  /** Speed multiplier: 0 pauses, -1 runs as fast as possible. */
  async setSpeed(multiplier: number): Promise<void> {
    this.store.setState({ speed: multiplier, voterHold: null });
    const api = this.api;
    if (api) await this.call('setSpeed', api.setSpeed(multiplier));
  }

  /**
   * While on, the worker stops the clock right after any voter divergence; the store's
   * `voterHold` then says where (the slow-motion voter view).
   */
  async setHoldOnDivergence(on: boolean): Promise<void> {
    this.store.setState({ holdOnDivergence: on, ...(on ? {} : { voterHold: null }) });
    const api = this.api;
    if (api) await this.call('setHoldOnDivergence', api.setHoldOnDivergence(on));
  }

  /**
   * Time warp: skips quiet simulated time up to the next scheduled event (a phase ending, a
   * part delivery), at most `limitMs`; resolves with the new simulated time.
   */
  async jumpToNextEvent(limitMs: number): Promise<number> {
    const api = this.running();
    if (!api) throw new Error(this.notRunning());
    const outcome = await this.call('jumpToNextEvent', api.warp(limitMs));
    if (outcome.kind !== 'answered') throw unfinished('The time warp', outcome);
    const warp = outcome.value;
    this.journal.warp(warp.fromMs, warp.toMs);
    this.bus.emit('warp', { fromMs: warp.fromMs, limitMs, toMs: warp.toMs });
    return warp.toMs;
  }

  /**
   * Advances exactly `simMs` of simulated time. A long step runs in slices in the worker, with
   * progress on the bus ('progress') and in the store (`job`); it settles in any case.
   */
  async step(simMs: number): Promise<void> {
    const api = this.running();
    if (!api) throw new Error(this.notRunning());
    const outcome = await this.call('step', api.step(simMs));
    if (outcome.kind !== 'answered') throw unfinished('The step', outcome);
    this.feed?.refresh();
  }

  /** A component as Redfish-style JSON, or null (unknown id, engine restarting). */
  async redfish(id: string): Promise<Record<string, unknown> | null> {
    const api = this.running();
    if (!api) return null;
    const outcome = await this.call('redfish', api.redfish(id));
    return outcome.kind === 'answered' ? outcome.value : null;
  }

  /**
   * The engine's plain records now (components, counters, systems, service calls, dumps), in
   * one round trip's worth of calls: what scenario and lesson checks are evaluated over.
   */
  async records(): Promise<EngineSnapshotRecords | null> {
    const api = this.running();
    if (!api) return null;
    const [components, counters, systems, serviceCalls, dumps] = await Promise.all([
      this.call('components', api.components()),
      this.call('counters', api.counters()),
      this.call('systems', api.systems()),
      this.call('serviceCalls', api.serviceCalls()),
      this.call('dumps', api.dumps()),
    ]);
    if (
      components.kind !== 'answered' ||
      counters.kind !== 'answered' ||
      systems.kind !== 'answered' ||
      serviceCalls.kind !== 'answered' ||
      dumps.kind !== 'answered'
    ) {
      return null;
    }
    this.feed?.refresh();
    const timeMs = this.live.views ? this.live.views.clock[0] : 0;
    return {
      timeMs,
      components: components.value,
      counters: counters.value,
      systems: systems.value,
      serviceCalls: serviceCalls.value,
      dumps: dumps.value,
    };
  }

  /** Brings `live.views` up to date now (API reads between frames). */
  refreshSnapshot(): void {
    this.feed?.refresh();
  }

  /** Simulated time of the last saved state, or null before the first save. */
  savedAtMs(): number | null {
    return this.saved ? this.saved.timeMs : null;
  }

  /**
   * Makes the worker die (to exercise recovery); resolves once it has been replaced, rejects
   * when the client stops restarting it (too many crashes) or it is not running.
   */
  simulateCrash(): Promise<void> {
    const api = this.api;
    if (!api || this.disposed) {
      return Promise.reject(
        new Error('The simulation worker is not running (it stopped); restart it first.'),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const offReady = this.bus.on('ready', () => {
        offReady();
        offStopped();
        resolve();
      });
      const offStopped = this.bus.on('stopped', ({ reason }) => {
        offReady();
        offStopped();
        reject(new Error(reason));
      });
      api.simulateCrash().catch(() => {});
    });
  }

  /**
   * Starts the worker again after it was stopped (too many crashes): the last save, then every
   * command confirmed since. Resolves true once it runs.
   */
  async restart(): Promise<boolean> {
    if (this.disposed) return false;
    if (this.store.getState().workerStatus === 'running') return true;
    this.restarts = [];
    return this.boot(true);
  }

  private async boot(recovering: boolean): Promise<boolean> {
    const generation = ++this.generation;
    const model = this.model;
    const request = this.request;
    if (!model || !request) return false;
    this.store.setState({ workerStatus: recovering ? 'restarting' : 'starting' });
    const worker = createWorkerFrom(this.workerUrl ?? bundledWorkerUrl);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      void this.crashed(generation, event.message || 'worker error');
    });
    worker.addEventListener('messageerror', () => void this.crashed(generation, 'message error'));
    worker.addEventListener('message', (event: MessageEvent) => {
      const beat = (event.data as Partial<HeartbeatMessage> | null)?.ftHeartbeat;
      if (beat && generation === this.generation) this.heartbeat(beat.job);
    });
    const api = wrap<WorkerApi>(worker);
    this.worker = worker;
    this.api = api;
    this.lastBeatAt = performance.now();
    this.startWatchdog(generation);

    const shareable =
      globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
    const layout = snapshotLayout(model.components.length, model.systems.length);
    const shared = shareable ? allocateSnapshot(layout, true) : null;
    const savedState = this.saved ? this.saved.state : null;
    const loading = this.call(
      'load',
      api.load({
        ...request,
        sharedSnapshot: shared ? (shared.buffer as SharedArrayBuffer) : null,
        savedState,
        maxDuty: workerDuty(),
        // From the first tick: paused when the page paused before the worker existed, and
        // always while a crash's journal is replayed (the replay sets the clock).
        speed: recovering ? 0 : this.store.getState().speed,
      }) as Promise<LoadResult>,
    );
    const loaded = await loading;
    if (loaded.kind !== 'answered' || generation !== this.generation) return false;
    const result = loaded.value;
    if (!result.ok) {
      this.stopWorker();
      const text = `The engine could not load this rack: ${result.error}`;
      this.store.setState({ workerStatus: 'stopped', notice: { level: 'error', text } });
      if (!this.readySettled) this.rejectReady(new Error(text));
      return false;
    }
    this.live.index = new Map(result.components.map((c, i) => [c.id, i]));
    if (recovering && !(await this.replayJournal(generation, api))) return false;

    this.feed =
      shared && result.shared
        ? startSharedFeed(shared, this.live)
        : startTransferFeed(api, result.layout, this.live, (e) => void this.crashed(generation, e));
    this.store.setState((s) => ({
      rack: s.rack && recovering ? s.rack : buildRack(result.rack),
      components: mergeComponents(s.components, result.components),
      snapshotPath: this.feed?.path ?? null,
      workerStatus: 'running',
    }));
    const { speed, holdOnDivergence } = this.store.getState();
    if (holdOnDivergence) await this.call('setHoldOnDivergence', api.setHoldOnDivergence(true));
    await this.call('setSpeed', api.setSpeed(speed));
    if (generation !== this.generation) return false;
    this.startTimers(generation, api);
    void this.refreshComponents(generation);
    void this.refreshCounters(generation);
    if (!this.readySettled) this.resolveReady();
    this.bus.emit('ready', undefined);
    return true;
  }

  /**
   * After a restore: every command and warp confirmed since the save, at its simulated time,
   * then on to the time the page had shown. Events the log already holds are not added again.
   */
  private async replayJournal(generation: number, api: Remote<WorkerApi>): Promise<boolean> {
    await this.call('setSpeed', api.setSpeed(0));
    const entries = this.journal.pending();
    const untilMs = this.journal.resumeAtMs();
    const replay = await this.call('replay', api.replay(entries, untilMs));
    if (replay.kind !== 'answered' || generation !== this.generation) return false;
    const batch = await this.call('drainBatch', api.drainBatch());
    if (batch.kind !== 'answered' || generation !== this.generation) return false;
    const fresh = this.journal.unseen(batch.value.events);
    // One outcome per command entry, in order (warps have none).
    const commands = entries.filter((e) => e.kind === 'command');
    const refused = replay.value.outcomes
      .map((o, i) => ({ o, entry: commands[i] }))
      .filter(({ o }) => !o.ok);
    const savedTimeMs = this.saved ? this.saved.timeMs : null;
    const lines: EngineEvent[] = [
      this.clientLog(
        replay.value.timeMs,
        `Simulation worker restarted: ${savedTimeMs === null ? 'from the beginning' : `restored the state saved at ${formatSimTime(savedTimeMs)}`}, replayed ${replay.value.outcomes.length} confirmed command${replay.value.outcomes.length === 1 ? '' : 's'} and ran on to ${formatSimTime(replay.value.timeMs)}`,
      ),
      ...refused.map(({ o, entry }) =>
        this.clientLog(
          entry?.kind === 'command' ? entry.timeMs : replay.value.timeMs,
          `Replayed after the restart, ${entry?.kind === 'command' ? `${entry.command.type} ${entry.command.target}` : 'a command'} was refused this time: ${o.error ?? 'refused'}`,
        ),
      ),
    ];
    this.receiveEvents([...fresh, ...lines], batch.value.timeMs);
    this.bus.emit('restored', {
      savedTimeMs,
      replayed: replay.value.outcomes.length,
      refused: refused.length,
      timeMs: replay.value.timeMs,
    });
    this.store.setState({ notice: null });
    return true;
  }

  private clientLog(timeMs: number, message: string): EngineEvent {
    return {
      kind: 'log',
      timeMs,
      systemId: '',
      componentId: null,
      severity: 'warning',
      message,
    };
  }

  private heartbeat(job: WorkerJob | null): void {
    this.lastBeatAt = performance.now();
    const before = this.store.getState().job;
    if (
      before === job ||
      (before && job && before.doneMs === job.doneMs && before.kind === job.kind)
    )
      return;
    this.store.setState({ job });
    this.bus.emit('progress', job);
  }

  private startWatchdog(generation: number): void {
    this.timers.push(
      setInterval(() => {
        const now = performance.now();
        const oldest = this.calls.oldest(now);
        const silentMs = now - this.lastBeatAt;
        if (oldest && workerLooksDead(oldest.ageMs, silentMs)) {
          void this.crashed(
            generation,
            `${oldest.name} unanswered for ${Math.round(oldest.ageMs / 1000)} s and no heartbeat for ${Math.round(silentMs / 1000)} s`,
          );
        }
      }, WATCHDOG_EVERY_MS),
    );
  }

  private startTimers(generation: number, api: Remote<WorkerApi>): void {
    const every = (ms: number, name: string, job: () => Promise<void>) => {
      this.timers.push(
        setInterval(() => {
          if (this.polling.has(name)) return;
          this.polling.add(name);
          void job().finally(() => this.polling.delete(name));
        }, ms),
      );
    };
    every(EVENT_POLL_MS, 'drainEvents', () => this.pollEvents(generation, api));
    every(COUNTER_POLL_MS, 'counters', () => this.refreshCounters(generation));
    every(SAVE_EVERY_MS, 'save', () => this.save(generation, api));
  }

  private async pollEvents(generation: number, api: Remote<WorkerApi>): Promise<void> {
    const outcome = await this.call('drainEvents', api.drainBatch());
    if (outcome.kind !== 'answered' || generation !== this.generation) return;
    const { events, timeMs, hold } = outcome.value;
    this.receiveEvents(events, timeMs);
    if (hold) {
      this.store.setState({ speed: 0, voterHold: hold });
      this.bus.emit('hold', hold);
    }
  }

  /** Engine events into the log and to listeners; the journal learns how far the log goes. */
  private receiveEvents(batch: EngineEvent[], timeMs: number): void {
    this.journal.drained(batch, timeMs);
    if (batch.length === 0) return;
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
    if (components) void this.refreshComponents(this.generation);
    if (counters) void this.refreshCounters(this.generation);
  }

  private async refreshComponents(generation: number): Promise<void> {
    const api = this.api;
    if (!api) return;
    const list = await this.call('components', api.components());
    if (list.kind === 'answered' && generation === this.generation) {
      this.store.setState((s) => ({ components: mergeComponents(s.components, list.value) }));
    }
    await this.refreshSystems(generation);
  }

  private async refreshCounters(generation: number): Promise<void> {
    const api = this.api;
    if (!api) return;
    const counters = await this.call('counters', api.counters());
    if (counters.kind === 'answered' && generation === this.generation) {
      this.store.setState({ counters: counters.value });
    }
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
      this.call('systems', api.systems()),
      this.call('serviceCalls', api.serviceCalls()),
      this.call('dumps', api.dumps()),
    ]);
    if (generation !== this.generation) return;
    const now = this.store.getState();
    const changed: Partial<typeof now> = {};
    if (
      systems.kind === 'answered' &&
      JSON.stringify(systems.value) !== JSON.stringify(now.systems)
    )
      changed.systems = systems.value;
    if (
      serviceCalls.kind === 'answered' &&
      JSON.stringify(serviceCalls.value) !== JSON.stringify(now.serviceCalls)
    ) {
      changed.serviceCalls = serviceCalls.value;
    }
    if (dumps.kind === 'answered' && JSON.stringify(dumps.value) !== JSON.stringify(now.dumps))
      changed.dumps = dumps.value;
    if (Object.keys(changed).length > 0) this.store.setState(changed);
  }

  private async save(generation: number, api: Remote<WorkerApi>): Promise<void> {
    const outcome = await this.call('save', api.saveState());
    if (outcome.kind !== 'answered' || generation !== this.generation) return;
    const { state, timeMs, events } = outcome.value;
    this.saved = { state, timeMs };
    this.journal.saved();
    this.receiveEvents(events, timeMs);
  }

  /**
   * Waits for a worker call; it settles in every case (answered, failed, or dropped when the
   * worker is replaced). A failure other than a value that could not be copied means the engine
   * threw: the worker is restarted from its last save.
   */
  private async call<T>(name: string, call: Promise<T>): Promise<CallOutcome<T>> {
    const generation = this.generation;
    const outcome = await this.calls.track(name, call, performance.now());
    if (outcome.kind === 'failed' && !isCloneError(outcome.error)) {
      void this.crashed(generation, outcome.error);
    }
    return outcome;
  }

  private async crashed(generation: number, why: unknown): Promise<void> {
    if (generation !== this.generation || this.disposed) return;
    this.generation++;
    console.warn('ftTwin: the simulation worker stopped:', why);
    if (this.live.views) this.journal.saw(this.live.views.clock[0]);
    this.stopWorker();
    const savedTimeMs = this.saved ? this.saved.timeMs : null;
    const pending = this.journal.pending().length;
    const from =
      savedTimeMs === null
        ? 'restarting from the beginning'
        : `restarting from the last saved state (time ${formatSimTime(savedTimeMs)})`;
    this.store.setState({
      workerStatus: 'crashed',
      job: null,
      notice: {
        level: 'error',
        text: `The simulation worker stopped: ${from} and replaying the ${pending} command${pending === 1 ? '' : 's'} confirmed since.`,
      },
    });
    this.bus.emit('crash', { savedTimeMs });

    const now = performance.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS).concat(now);
    if (this.restarts.length > MAX_RESTARTS) {
      this.giveUp();
      return;
    }
    await this.boot(true);
  }

  /** Too many crashes: stop, say what happened, offer a restart; settle what waits. */
  private giveUp(): void {
    const seconds = Math.round(RESTART_WINDOW_MS / 1000);
    const saved = this.saved
      ? `the state saved at ${formatSimTime(this.saved.timeMs)}`
      : 'the start';
    const pending = this.journal.pending().length;
    const reason = `The simulation worker stopped ${this.restarts.length} times within ${seconds} s, so it was not restarted again. Nothing confirmed is lost: Restart goes on from ${saved} and replays the ${pending} command${pending === 1 ? '' : 's'} confirmed since.`;
    this.store.setState({
      workerStatus: 'stopped',
      notice: { level: 'error', text: reason, action: 'restart' },
    });
    if (!this.readySettled) this.rejectReady(new Error(reason));
    this.bus.emit('stopped', { reason });
  }

  /** Stops the worker for good (the twin is being disposed); nothing restarts it. */
  stop(): void {
    this.disposed = true;
    this.generation++;
    this.stopWorker();
    if (!this.readySettled) this.rejectReady(new Error('The twin was removed before it started.'));
  }

  private stopWorker(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.polling.clear();
    this.feed?.stop();
    this.feed = null;
    this.api = null;
    this.worker?.terminate();
    this.worker = null;
    this.calls.dropAll();
  }
}

/** A value that structured cloning refused (the caller's fault, not the engine's). */
function isCloneError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DataCloneError';
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
