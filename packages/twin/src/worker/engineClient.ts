/**
 * The app's side of the engine worker: starts it, loads the rack (at the page's speed from the
 * first tick), keeps `live.views` fed with snapshots, polls the engine's news into the store
 * (./storeMirror.ts), saves the engine state every few seconds and journals what was confirmed
 * since (./recovery.ts). When the worker dies a fresh one restores the last save and replays the
 * journal up to the time the page had shown, so nothing confirmed is lost and time never goes
 * back. Components never talk to the worker directly; they go through this client.
 *
 * Every call to the worker settles: a worker that is replaced drops its waiting calls (see
 * ./calls.ts). The watchdog tells a busy worker (it keeps sending heartbeats during a long step)
 * from a dead one.
 */
import type { Command, CommandResult, LoadRequest, LoadResult, WorkerApi } from '@ft/engine';
import { allocateSnapshot, snapshotLayout } from '@ft/engine/snapshot';
import { buildRack, type RackModel } from '@ft/hardware';
import type { Remote } from 'comlink';
import type { Live } from '../state/live.ts';
import type { TwinStore, TwinUi } from '../state/store.ts';
import bundledWorkerUrl from '../../../engine/src/worker/worker.ts?worker&url';
import { type CallOutcome, Calls } from './calls.ts';
import { workerDuty } from './duty.ts';
import { Emitter } from './emitter.ts';
import { NOT_CONFIRMED, RESTARTING, STOPPED, unfinished } from './clientMessages.ts';
import { isCloneError, startEngineWorker } from './createWorker.ts';
import { Recovery } from './recovery.ts';
import { SettleOnce } from './settleOnce.ts';
import { mergeComponents } from './mergeComponents.ts';
import { StoreMirror } from './storeMirror.ts';
import {
  type ClientEvents,
  type EngineSnapshotRecords,
  type StartOptions,
  untilRunningAgain,
} from './clientEvents.ts';
import { type SnapshotFeed, startSharedFeed, startTransferFeed } from './snapshotFeed.ts';

export const EVENT_POLL_MS = 100;
export const COUNTER_POLL_MS = 500;
export const SAVE_EVERY_MS = 2000;
const WATCHDOG_EVERY_MS = 1000;

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
  /** The last save, the journal since, the restart budget. */
  private readonly recovery = new Recovery();
  private readonly journal = this.recovery.journal;
  private readonly mirror: StoreMirror;
  private disposed = false;
  private lastBeatAt = 0;
  /** Settles once the first rack runs, or when it never can. */
  private readonly readiness = new SettleOnce();

  constructor(
    private readonly store: TwinStore,
    private readonly live: Live,
    ui: TwinUi,
    /** Where the engine worker script lives (default: bundled beside the app). */
    private readonly workerUrl: string | URL | null = null,
  ) {
    this.mirror = new StoreMirror(store, ui, this.bus, this.journal, (name, call) =>
      this.call(name, call),
    );
  }

  /** Resolves once the first rack is loaded and running; rejects if it never can be. */
  ready(): Promise<void> {
    return this.readiness.promise;
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
    void this.mirror.components();
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
    if (!this.running()) return null;
    return this.mirror.records(() => {
      this.feed?.refresh();
      return this.live.views ? this.live.views.clock[0] : 0;
    });
  }

  /** Brings `live.views` up to date now (API reads between frames). */
  refreshSnapshot(): void {
    this.feed?.refresh();
  }

  /** Simulated time of the last saved state, or null before the first save. */
  savedAtMs(): number | null {
    return this.recovery.savedAtMs;
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
    const back = untilRunningAgain(this.bus);
    api.simulateCrash().catch(() => {});
    return back;
  }

  /**
   * Starts the worker again after it was stopped (too many crashes): the last save, then every
   * command confirmed since. Resolves true once it runs.
   */
  async restart(): Promise<boolean> {
    if (this.disposed) return false;
    if (this.store.getState().workerStatus === 'running') return true;
    this.recovery.restartAsked();
    return this.boot(true);
  }

  private async boot(recovering: boolean): Promise<boolean> {
    const generation = ++this.generation;
    const model = this.model;
    const request = this.request;
    // A twin removed while its rack was being resolved never starts a worker.
    if (!model || !request || this.disposed) return false;
    this.store.setState({ workerStatus: recovering ? 'restarting' : 'starting' });
    const { worker, api } = startEngineWorker(this.workerUrl ?? bundledWorkerUrl, {
      failed: (why) => void this.crashed(generation, why),
      beat: (job) => {
        if (generation !== this.generation) return;
        this.lastBeatAt = performance.now();
        this.mirror.job(job);
      },
    });
    this.worker = worker;
    this.api = api;
    this.mirror.attach(api, () => generation === this.generation);
    this.lastBeatAt = performance.now();
    this.startWatchdog(generation);

    const shareable =
      globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
    const layout = snapshotLayout(model.components.length, model.systems.length);
    const shared = shareable ? allocateSnapshot(layout, true) : null;
    const savedState = this.recovery.savedState;
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
      this.readiness.reject(new Error(text));
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
    // The speed asked for meanwhile (or, after a crash's replay, the page's speed again).
    const { speed, holdOnDivergence } = this.store.getState();
    if (holdOnDivergence) await this.call('setHoldOnDivergence', api.setHoldOnDivergence(true));
    await this.call('setSpeed', api.setSpeed(speed));
    if (generation !== this.generation) return false;
    this.startTimers(generation, api);
    void this.mirror.refresh({ components: true, counters: true });
    this.readiness.resolve();
    this.bus.emit('ready', undefined);
    return true;
  }

  /** After a restore: the journal replayed, the page's log completed, 'restored' told. */
  private async replayJournal(generation: number, api: Remote<WorkerApi>): Promise<boolean> {
    const call = <T>(name: string, p: Promise<T>) => this.call(name, p);
    const done = await this.recovery.replay(api, call, () => generation === this.generation);
    if (!done) return false;
    this.mirror.receive(done.events, done.timeMs);
    this.bus.emit('restored', done.restored);
    this.store.setState({ notice: null });
    return true;
  }

  private startWatchdog(generation: number): void {
    const watch = () => {
      const why = this.calls.deadReason(performance.now(), this.lastBeatAt);
      if (why) void this.crashed(generation, why);
    };
    this.timers.push(setInterval(watch, WATCHDOG_EVERY_MS));
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
    every(EVENT_POLL_MS, 'drainEvents', () => this.mirror.poll());
    every(COUNTER_POLL_MS, 'counters', () => this.mirror.counters());
    every(SAVE_EVERY_MS, 'save', () => this.save(generation, api));
  }

  private async save(generation: number, api: Remote<WorkerApi>): Promise<void> {
    const outcome = await this.call('save', api.saveState());
    if (outcome.kind !== 'answered' || generation !== this.generation) return;
    const { state, timeMs, events } = outcome.value;
    this.recovery.saved(state, timeMs);
    this.mirror.receive(events, timeMs);
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
    const { notice, restart } = this.recovery.crashed(performance.now());
    this.store.setState({
      workerStatus: 'crashed',
      job: null,
      notice: { level: 'error', text: notice },
    });
    this.bus.emit('crash', { savedTimeMs: this.recovery.savedAtMs });
    if (restart) await this.boot(true);
    else this.giveUp();
  }

  /** Too many crashes: stop, say what happened, offer a restart; settle what waits. */
  private giveUp(): void {
    const reason = this.recovery.stoppedReason();
    this.store.setState({
      workerStatus: 'stopped',
      notice: { level: 'error', text: reason, action: 'restart' },
    });
    this.readiness.reject(new Error(reason));
    this.bus.emit('stopped', { reason });
  }

  /** Stops the worker for good (the twin is being disposed); nothing restarts it. */
  stop(): void {
    this.disposed = true;
    this.generation++;
    this.stopWorker();
    this.readiness.reject(new Error('The twin was removed before it started.'));
  }

  private stopWorker(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.polling.clear();
    this.feed?.stop();
    this.feed = null;
    this.api = null;
    this.mirror.detach();
    this.worker?.terminate();
    this.worker = null;
    this.calls.dropAll();
  }
}
