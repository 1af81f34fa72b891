/**
 * The engine behind the worker boundary: loads a rack, runs simulated time paced by the wall
 * clock at the chosen speed, and publishes snapshots (into a SharedArrayBuffer, or as copies to
 * be transferred). Independent of comlink and of the kind of worker, so tests can drive it
 * directly and through a real Node worker thread.
 *
 * Every tick (16 ms of wall time) does one thing: a slice of the queued long job (a step, the
 * replay after a crash) or, with no job, the simulated time the chosen speed asks for. Between
 * ticks the worker answers calls, and about once a second it posts a heartbeat, so the page can
 * tell a busy engine from a dead one.
 */
import type { Simulation } from '../alternatives/simulation.ts';
import { Engine } from '../engine.ts';
import {
  allocateSnapshot,
  type SnapshotViews,
  snapshotLayout,
  snapshotViews,
} from '../snapshot.ts';
import type {
  Command,
  ComponentInfo,
  DumpRecord,
  EngineEvent,
  ServiceCall,
  SystemCounters,
  SystemInfo,
} from '../types.ts';
import type {
  DivergenceHold,
  EventBatch,
  Heartbeat,
  JournalEntry,
  LoadRequest,
  LoadResult,
  ReplayResult,
  TimedCommandResult,
  WorkerApi,
} from './api.ts';
import { findDivergence } from './divergence.ts';
import { Job } from './jobs.ts';
import { checkSpeed, loadPacing, loadSimulation } from './loadSimulation.ts';

/** How often the worker ticks, and the share of a tick it simulates at most by default. */
const TICK_INTERVAL_MS = 16;
const DEFAULT_DUTY = 0.75;
/** At "as fast as possible", simulated time is run in chunks of this size. */
const MAX_SPEED_CHUNK_MS = 50;
/**
 * While holding on divergence, time runs in chunks this short (about 8 compares), so that the
 * divergent compare is still among the 32 the lanes keep when the clock stops.
 */
const HOLD_CHUNK_MS = 0.25;
/** Wall time between heartbeats. */
export const HEARTBEAT_MS = 1000;
/** Longest step or replay one call may ask for: 30 simulated days. */
export const MAX_JOB_SIM_MS = 30 * 86_400_000;

export interface HostEnvironment {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Posts a heartbeat to the page (outside comlink); absent in tests that do not need one. */
  beat?(beat: Heartbeat): void;
}

export class EngineHost implements WorkerApi {
  /** The ftServer Engine, or a comparison machine (conventional server, failover cluster). */
  private engine: Simulation | null = null;
  private views: SnapshotViews | null = null;
  private speed = 1;
  private duty = DEFAULT_DUTY;
  private lastWallMs = 0;
  private timer: unknown = null;
  private waiters: { afterSeq: number; resolve: (b: ArrayBuffer) => void }[] = [];
  /** Long jobs in order; the first one runs, a slice per tick. */
  private jobs: Job[] = [];
  private holdOnDivergence = false;
  private hold: DivergenceHold | null = null;
  private lastBeatMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly env: HostEnvironment) {}

  async load(request: LoadRequest): Promise<LoadResult> {
    try {
      const pacing = loadPacing(request, DEFAULT_DUTY);
      if (typeof pacing === 'string') return { ok: false, error: pacing };
      const engine = await loadSimulation(request);
      const layout = snapshotLayout(engine.rack.components.length, engine.rack.systems.length);
      let views: SnapshotViews;
      const shared = request.sharedSnapshot ?? null;
      if (shared) {
        if (shared.byteLength !== layout.byteLength) {
          return {
            ok: false,
            error: `shared snapshot must be ${layout.byteLength} bytes, got ${shared.byteLength}`,
          };
        }
        views = snapshotViews(shared, layout);
        views.control.set([0, layout.components, layout.systems, views.control[3] || 32]);
      } else {
        views = allocateSnapshot(layout, false);
      }
      this.stop();
      this.failJobs(new Error('a new rack was loaded'));
      this.engine = engine;
      this.views = views;
      this.hold = null;
      this.duty = pacing.duty;
      this.speed = pacing.speed;
      this.publish();
      this.startLoop();
      return {
        ok: true,
        rack: engine.rack.config,
        layout,
        components: engine.components(),
        shared: shared !== null,
      };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private loaded(): Simulation {
    if (!this.engine) throw new Error('no rack loaded: call load() first');
    return this.engine;
  }

  async command(command: Command): Promise<TimedCommandResult> {
    if (!this.engine) return { ok: false, error: 'no rack loaded', timeMs: 0 };
    const timeMs = this.engine.timeMs;
    const result = this.engine.command(command);
    this.publish();
    return { ...result, timeMs };
  }

  async warp(limitMs: number): Promise<{ fromMs: number; toMs: number }> {
    const fromMs = this.loaded().timeMs;
    const toMs = await this.jumpToNextEvent(limitMs);
    return { fromMs, toMs };
  }

  async setSpeed(multiplier: number): Promise<void> {
    const problem = checkSpeed(multiplier);
    if (problem) throw new Error(problem);
    this.speed = multiplier;
    this.lastWallMs = this.env.now();
    this.publish();
  }

  async step(simMs: number): Promise<void> {
    if (typeof simMs !== 'number' || !(simMs >= 0) || !(simMs <= MAX_JOB_SIM_MS)) {
      throw new Error(
        `step must be a number of simulated ms in 0..${MAX_JOB_SIM_MS}, got ${String(simMs)}`,
      );
    }
    this.loaded();
    await new Promise<Job>((resolve, reject) => this.enqueue(Job.step(simMs, { resolve, reject })));
  }

  async replay(journal: JournalEntry[], untilMs: number): Promise<ReplayResult> {
    const engine = this.loaded();
    if (!Array.isArray(journal)) throw new Error('replay: the journal must be an array');
    if (typeof untilMs !== 'number' || !Number.isFinite(untilMs)) {
      throw new Error(`replay: untilMs must be a finite number, got ${String(untilMs)}`);
    }
    const job = await new Promise<Job>((resolve, reject) =>
      this.enqueue(Job.replay(journal, engine.timeMs, untilMs, { resolve, reject })),
    );
    return { timeMs: engine.timeMs, outcomes: job.outcomes };
  }

  /**
   * Queues a job; the first one starts at once, with a slice of its own before the next tick.
   * A job that outlasts its first slice is announced with a heartbeat right away.
   */
  private enqueue(job: Job): void {
    this.jobs.push(job);
    if (this.jobs.length !== 1) return;
    this.runJobSlice(this.env.now());
    if (this.jobs[0] === job) this.beat(true);
  }

  /** A slice of the current job, up to the duty share of a tick; settles it when done. */
  private runJobSlice(now: number): void {
    const engine = this.engine;
    const job = this.jobs[0];
    if (!engine || !job) return;
    const deadline = now + TICK_INTERVAL_MS * this.duty;
    try {
      job.runSlice(engine, () => this.env.now() >= deadline);
    } catch (error) {
      this.jobs.shift();
      job.settle.reject(error);
      return;
    }
    this.publish(this.env.now() - now);
    if (!job.finished) return;
    this.jobs.shift();
    job.settle.resolve(job);
    this.beat(true);
  }

  private failJobs(error: Error): void {
    const jobs = this.jobs;
    this.jobs = [];
    for (const job of jobs) job.settle.reject(error);
  }

  async setHoldOnDivergence(on: boolean): Promise<void> {
    this.holdOnDivergence = on === true;
    if (!this.holdOnDivergence) this.hold = null;
  }

  async jumpToNextEvent(limitMs: number): Promise<number> {
    if (typeof limitMs !== 'number' || !(limitMs > 0) || !Number.isFinite(limitMs)) {
      throw new Error(
        `jumpToNextEvent needs a finite limit in simulated ms > 0, got ${String(limitMs)}`,
      );
    }
    const time = this.loaded().warpToNextEvent(limitMs);
    this.publish();
    return time;
  }

  async setTrace(on: boolean): Promise<void> {
    this.loaded().setTrace(on === true);
  }

  nextSnapshot(afterSeq: number): Promise<ArrayBuffer> {
    return new Promise((resolve) => {
      this.waiters.push({ afterSeq, resolve });
      this.flushWaiters();
    });
  }

  async drainEvents(): Promise<EngineEvent[]> {
    return this.engine ? this.engine.drainEvents() : [];
  }

  async drainBatch(): Promise<EventBatch> {
    const hold = this.hold;
    this.hold = null;
    return {
      events: this.engine ? this.engine.drainEvents() : [],
      timeMs: this.engine ? this.engine.timeMs : 0,
      hold,
    };
  }

  async components(): Promise<ComponentInfo[]> {
    return this.loaded().components();
  }

  async counters(): Promise<SystemCounters[]> {
    return this.loaded().counters();
  }

  async save(): Promise<Uint8Array> {
    return this.loaded().save();
  }

  async saveState(): Promise<{ state: Uint8Array; timeMs: number; events: EngineEvent[] }> {
    const engine = this.loaded();
    // The events so far go with the save: a replay over it starts after them.
    return { state: engine.save(), timeMs: engine.timeMs, events: engine.drainEvents() };
  }

  async systems(): Promise<SystemInfo[]> {
    return this.loaded().systems();
  }

  async serviceCalls(): Promise<ServiceCall[]> {
    return this.loaded().serviceCalls();
  }

  async dumps(): Promise<DumpRecord[]> {
    return this.loaded().dumps();
  }

  async redfish(id: string): Promise<Record<string, unknown> | null> {
    return this.loaded().redfish(String(id));
  }

  async simulateCrash(): Promise<void> {
    this.env.setTimer(() => {
      throw new Error('simulated worker crash');
    }, 0);
  }

  /** Stops the pacing loop (tests; a new load restarts it). */
  stop(): void {
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = null;
  }

  private startLoop(): void {
    this.lastWallMs = this.env.now();
    const tick = () => {
      this.timer = null;
      const started = this.env.now();
      if (this.jobs.length > 0) {
        // A job holds the clock: the pacing speed resumes from the job's end.
        this.lastWallMs = started;
        this.runJobSlice(started);
      } else this.run(started);
      this.beat(false);
      const used = this.env.now() - started;
      this.timer = this.env.setTimer(tick, Math.max(1, TICK_INTERVAL_MS - used));
    };
    this.timer = this.env.setTimer(tick, TICK_INTERVAL_MS);
  }

  /** A heartbeat once a second (or now, when `force`), with the running job's progress. */
  private beat(force: boolean): void {
    const now = this.env.now();
    if (!this.env.beat || (!force && now - this.lastBeatMs < HEARTBEAT_MS)) return;
    this.lastBeatMs = now;
    this.env.beat({
      timeMs: this.engine ? this.engine.timeMs : 0,
      job: this.jobs[0]?.progress() ?? null,
    });
  }

  private run(now: number): void {
    const engine = this.engine;
    if (!engine) return;
    const wallMs = Math.min(250, now - this.lastWallMs);
    this.lastWallMs = now;
    if (this.speed === 0) return;
    const deadline = now + TICK_INTERVAL_MS * this.duty;
    const chunkMs = this.holdOnDivergence ? HOLD_CHUNK_MS : MAX_SPEED_CHUNK_MS;
    // Only the ftServer engine has a voter to diverge; the comparison machines run on.
    const ft = engine instanceof Engine ? engine : null;
    const heads = ft && this.holdOnDivergence ? Uint32Array.from(ft.world.laneHead) : null;
    let remaining = this.speed === -1 ? Number.POSITIVE_INFINITY : wallMs * this.speed;
    while (remaining > 0 && this.env.now() < deadline) {
      const chunk = Math.min(remaining, chunkMs);
      engine.advance(chunk);
      remaining -= chunk;
      if (ft && heads && this.holdOn(ft, heads)) break;
    }
    this.publish(this.env.now() - now);
  }

  /** Stops the clock when the voter diverged since `heads`; else moves `heads` on. */
  private holdOn(engine: Engine, heads: Uint32Array): boolean {
    const found = findDivergence(engine.world, heads);
    heads.set(engine.world.laneHead);
    if (!found) return false;
    this.speed = 0;
    this.hold = {
      systemId: engine.rack.systems[found.system]?.config.id ?? '',
      compare: found.compare,
      timeMs: engine.timeMs,
      flags: found.flags,
      values: found.values,
    };
    return true;
  }

  private publish(sliceWallMs = 0): void {
    if (!this.engine || !this.views) return;
    this.engine.writeSnapshot(this.views, this.speed, sliceWallMs);
    this.flushWaiters();
  }

  private flushWaiters(): void {
    const views = this.views;
    if (!views || this.waiters.length === 0) return;
    const seq = views.control[0];
    const ready = this.waiters.filter((w) => seq > w.afterSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => seq <= w.afterSeq);
    for (const waiter of ready) {
      const copy = new ArrayBuffer(views.layout.byteLength);
      new Uint8Array(copy).set(new Uint8Array(views.buffer, 0, views.layout.byteLength));
      waiter.resolve(copy);
    }
  }
}
