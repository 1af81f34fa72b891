/**
 * The engine behind the worker boundary: loads a rack, runs simulated time paced by the wall
 * clock at the chosen speed, and publishes snapshots (into a SharedArrayBuffer, or as copies to
 * be transferred). Independent of comlink and of the kind of worker, so tests can drive it
 * directly and through a real Node worker thread.
 */
import {
  buildRack,
  COMPARISON_PRESET_NAMES,
  ConfigError,
  getComparisonPreset,
  getPreset,
  isComparisonModelId,
  parseRackConfig,
  type RackConfig,
} from '@ft/hardware';
import type { Simulation } from '../alternatives/simulation.ts';
import { isAltSave } from '../alternatives/sim/persist.ts';
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
import type { LoadRequest, LoadResult, TimedCommandResult, WorkerApi } from './api.ts';

/** How often the worker ticks, and the share of a tick it simulates at most by default. */
const TICK_INTERVAL_MS = 16;
const DEFAULT_DUTY = 0.75;
/** At "as fast as possible", simulated time is run in chunks of this size. */
const MAX_SPEED_CHUNK_MS = 50;

export interface HostEnvironment {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
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

  constructor(private readonly env: HostEnvironment) {}

  async load(request: LoadRequest): Promise<LoadResult> {
    try {
      const seed = request?.seed;
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
        return {
          ok: false,
          error: `seed must be an integer in 0..4294967295, got ${String(seed)}`,
        };
      }
      const duty = request.maxDuty ?? DEFAULT_DUTY;
      if (typeof duty !== 'number' || !(duty >= 0.1 && duty <= 0.9)) {
        return { ok: false, error: `maxDuty must be a number in 0.1..0.9, got ${String(duty)}` };
      }
      this.duty = duty;
      let engine: Simulation;
      const saved = request.savedState;
      const config = saved ? null : this.rackConfig(request.rack);
      const options = {
        seed,
        randomFaults: request.randomFaults === true,
        autoRepair: request.autoRepair === true,
      };
      // The comparison machines load only when a page asks for one (they are not in the
      // worker's first download).
      if (saved && isAltSave(saved)) {
        engine = (await import('../alternatives/simulation.ts')).restoreSimulation(saved);
      } else if (saved) {
        engine = Engine.restore(saved);
      } else if (config && isComparisonRack(config)) {
        const { createSimulation } = await import('../alternatives/simulation.ts');
        engine = createSimulation(buildRack(config), options);
      } else {
        engine = Engine.fromConfig(config as RackConfig, options);
      }
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
      this.engine = engine;
      this.views = views;
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

  private rackConfig(rack: LoadRequest['rack']): RackConfig {
    if (!rack || typeof rack !== 'object')
      throw new ConfigError('load', 'rack', 'expected { preset } or { config }');
    if ('preset' in rack) {
      return COMPARISON_PRESET_NAMES.includes(rack.preset)
        ? getComparisonPreset(rack.preset)
        : getPreset(rack.preset);
    }
    return parseRackConfig(rack.config, rack.source ?? 'config', { comparison: true });
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
    if (
      typeof multiplier !== 'number' ||
      !(multiplier >= 0 || multiplier === -1) ||
      !Number.isFinite(multiplier)
    ) {
      throw new Error(
        `speed must be a number ≥ 0 (0 pauses) or -1 (as fast as possible), got ${String(multiplier)}`,
      );
    }
    this.speed = multiplier;
    this.lastWallMs = this.env.now();
    this.publish();
  }

  async step(simMs: number): Promise<void> {
    if (typeof simMs !== 'number' || !(simMs >= 0) || !Number.isFinite(simMs)) {
      throw new Error(`step must be a finite number of simulated ms ≥ 0, got ${String(simMs)}`);
    }
    this.loaded().advance(simMs);
    this.publish();
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

  async components(): Promise<ComponentInfo[]> {
    return this.loaded().components();
  }

  async counters(): Promise<SystemCounters[]> {
    return this.loaded().counters();
  }

  async save(): Promise<Uint8Array> {
    return this.loaded().save();
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
      this.run(started);
      const used = this.env.now() - started;
      this.timer = this.env.setTimer(tick, Math.max(1, TICK_INTERVAL_MS - used));
    };
    this.timer = this.env.setTimer(tick, TICK_INTERVAL_MS);
  }

  private run(now: number): void {
    const engine = this.engine;
    if (!engine) return;
    const wallMs = Math.min(250, now - this.lastWallMs);
    this.lastWallMs = now;
    if (this.speed === 0) return;
    const deadline = now + TICK_INTERVAL_MS * this.duty;
    if (this.speed === -1) {
      while (this.env.now() < deadline) engine.advance(MAX_SPEED_CHUNK_MS);
    } else {
      let remaining = wallMs * this.speed;
      while (remaining > 0 && this.env.now() < deadline) {
        const chunk = Math.min(remaining, MAX_SPEED_CHUNK_MS);
        engine.advance(chunk);
        remaining -= chunk;
      }
    }
    this.publish(this.env.now() - now);
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

/** Whether a rack holds comparison machines (run by the alternatives, not the ftServer engine). */
function isComparisonRack(config: RackConfig): boolean {
  return (
    (config.clusters?.length ?? 0) > 0 || config.systems.some((s) => isComparisonModelId(s.model))
  );
}
