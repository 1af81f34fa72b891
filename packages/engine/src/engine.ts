/**
 * The engine: a whole rack of ftServer systems in lockstep, advanced in slices of simulated time.
 * A plain class over the World; it knows nothing of workers, DOM or rendering. Every piece of its
 * state lives in its World: two engines in one process share nothing (docs/design.md).
 *
 * @example
 * const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
 * engine.command({ type: 'inject', target: 'A.cpu-1', fault: 'self-check' });
 * engine.advance(60_000);
 * engine.counters()[0].availability; // 1
 */
import { buildRack, getPreset, type RackConfig, type RackModel } from '@ft/hardware';
import { REPLICAS_PER_SYSTEM } from './cpu/complex-constants.ts';
import type { SnapshotViews } from './snapshot.ts';
import { TIMING } from './timing.ts';
import { accountAll, systemCounters } from './sim/accounting.ts';
import { applyCommand } from './sim/commands.ts';
import { msToUs } from './sim/component-state.ts';
import { log } from './sim/events.ts';
import { componentRedfish, systemInfo } from './sim/info.ts';
import { initMtbf } from './sim/mtbf.ts';
import { readHeader, restoreInto, saveWorld } from './sim/persist.ts';
import { scheduleRandomFaults } from './sim/random-faults.ts';
import { refreshCallRoutes } from './sim/service.ts';
import { refreshSystem } from './sim/system-status.ts';
import { advanceTime } from './sim/time-loop.ts';
import { fireTimers } from './sim/timer-actions.ts';
import { nextTimerUs } from './sim/timers.ts';
import { componentInfo, writeSnapshot } from './sim/view.ts';
import { IO_ELEMENTS_PER_SYSTEM, Kind } from './sim/kinds.ts';
import { World } from './sim/world.ts';
import {
  type Command,
  type CommandResult,
  type ComponentInfo,
  type DumpRecord,
  type EngineEvent,
  type EngineOptions,
  OpState,
  type ServiceCall,
  type SystemCounters,
  type SystemInfo,
  SystemStatus,
} from './types.ts';

/** Longest time an `advance` may cover (100 simulated years). */
export const MAX_ADVANCE_MS = 100 * 365 * 86_400_000;

export class Engine {
  /** @internal The state, for tests and benchmarks; the app uses the methods below. */
  readonly world: World;

  constructor(rack: RackModel, options: EngineOptions) {
    if (!Number.isInteger(options.seed)) throw new Error('seed must be an integer');
    const execution = options.execution ?? 'auto';
    if (execution !== 'auto' && execution !== 'interpreter') {
      throw new Error("execution must be 'auto' or 'interpreter'");
    }
    this.world = new World(rack, {
      seed: options.seed >>> 0,
      randomFaults: options.randomFaults ?? false,
      autoRepair: options.autoRepair ?? false,
      memoryWords: options.memoryWords ?? 0,
      execution,
    });
    this.start();
  }

  static fromConfig(config: RackConfig, options: EngineOptions): Engine {
    return new Engine(buildRack(config), options);
  }

  static fromPreset(name: string, options: EngineOptions): Engine {
    return Engine.fromConfig(getPreset(name), options);
  }

  /** Rebuilds an engine from {@link save} output. */
  static restore(bytes: Uint8Array): Engine {
    const header = readHeader(bytes);
    const engine = new Engine(buildRack(header.config), header.options);
    restoreInto(engine.world, bytes, header);
    return engine;
  }

  get rack(): RackModel {
    return this.world.rack;
  }

  get timeMs(): number {
    return this.world.timeMs;
  }

  /** Power on: every part present and online, every system in lockstep. */
  private start(): void {
    const w = this.world;
    initMtbf(w);
    for (let s = 0; s < w.m; s++) {
      for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
        if (w.sysCpu[s * REPLICAS_PER_SYSTEM + k] < 0) continue;
        w.cpu.reset(w.replica(s, k), true);
        w.inLockstep[s * REPLICAS_PER_SYSTEM + k] = 1;
      }
      const io0 = w.sysIo[s * IO_ELEMENTS_PER_SYSTEM];
      if (io0 >= 0) w.primary[io0] = 1;
      w.warmUntilUs[s] = msToUs(TIMING.rateWarmupMs.value);
    }
    for (let c = 0; c < w.n; c++) {
      w.state[c] = w.kind[c] === Kind.Psu ? OpState.DeviceReady : OpState.Simplex;
    }
    for (let s = 0; s < w.m; s++) {
      w.status[s] = SystemStatus.Simplex;
      refreshSystem(w, s);
    }
    accountAll(w);
    refreshCallRoutes(w);
    w.events.length = 0;
    if (!w.cpu.compiledExecution && w.options.execution === 'auto') {
      log(
        w,
        0,
        -1,
        'warning',
        'The workload is not pre-compiled for this program (run pnpm gen:workload): replicas run on the reference interpreter',
      );
    }
    if (w.options.randomFaults) scheduleRandomFaults(w);
  }

  /**
   * Runs `simMs` of simulated time (rounded to whole microseconds). With `warp`, systems with
   * nothing to execute skip quiet stretches (see time-loop.ts); every fault, vote and resync
   * still runs for real. The result does not depend on how a stretch is split into calls.
   */
  advance(simMs: number, warp = false): void {
    if (typeof simMs !== 'number' || !(simMs >= 0) || !Number.isFinite(simMs)) {
      throw new Error('advance: simMs must be a finite number ≥ 0');
    }
    if (simMs > MAX_ADVANCE_MS) throw new Error('advance: at most 100 simulated years at once');
    advanceTime(this.world, msToUs(simMs), warp === true, fireTimers);
  }

  /** Jumps to the next scheduled event (or `limitMs` ahead), skipping quiet time. */
  warpToNextEvent(limitMs: number): number {
    const w = this.world;
    if (typeof limitMs !== 'number' || !(limitMs > 0) || !Number.isFinite(limitMs)) {
      throw new Error('warpToNextEvent: limitMs must be a finite number > 0');
    }
    const limitUs = Math.min(msToUs(limitMs), msToUs(MAX_ADVANCE_MS));
    const target = Math.min(w.timeUs + limitUs, nextTimerUs(w));
    advanceTime(w, Math.max(0, target - w.timeUs), true, fireTimers);
    return w.timeMs;
  }

  /** Carries out a command; never throws for bad input, returns the reason instead. */
  command(cmd: Command): CommandResult {
    return applyCommand(this.world, cmd);
  }

  /** Per system: software version, Active Upgrade, call-home role, SAM figures. */
  systems(): SystemInfo[] {
    return systemInfo(this.world);
  }

  /** Service calls, newest last, with their lifecycle history. */
  serviceCalls(): ServiceCall[] {
    return structuredClone(this.world.management.calls);
  }

  /** Dumps taken (crash or on request), with size and time. */
  dumps(): DumpRecord[] {
    return structuredClone(this.world.management.dumps);
  }

  /** A component as Redfish-style JSON, or null for an unknown id. */
  redfish(id: string): Record<string, unknown> | null {
    const c = this.world.byId.get(id);
    return c === undefined ? null : componentRedfish(this.world, c);
  }

  /** Events since the last call. */
  drainEvents(): EngineEvent[] {
    const out = this.world.events;
    this.world.events = [];
    return out;
  }

  /** Emit a `vote` event for every compare (slow-motion lockstep view). */
  setTrace(on: boolean): void {
    this.world.trace = on === true;
  }

  writeSnapshot(views: SnapshotViews, speed = 0, wallMs = 0): void {
    writeSnapshot(this.world, views, speed, wallMs);
  }

  component(id: string): ComponentInfo | null {
    const c = this.world.byId.get(id);
    return c === undefined ? null : componentInfo(this.world, c);
  }

  components(): ComponentInfo[] {
    const w = this.world;
    return Array.from({ length: w.n }, (_, c) => componentInfo(w, c));
  }

  /** Per-system counters: executed and modelled figures apart (types.ts, SystemCounters). */
  counters(): SystemCounters[] {
    const w = this.world;
    return Array.from({ length: w.m }, (_, s) => systemCounters(w, s));
  }

  /** Hash of every output the voter emitted, per system (equal streams give equal hashes). */
  outputHash(systemIndex: number): number {
    return this.world.outputHash[systemIndex];
  }

  save(): Uint8Array {
    return saveWorld(this.world);
  }
}
