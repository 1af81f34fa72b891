/**
 * The engine: a whole rack of ftServer systems in lockstep, advanced in slices of simulated time.
 * A plain class over the World; it knows nothing of workers, DOM or rendering.
 *
 * @example
 * const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
 * engine.command({ type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' });
 * engine.advance(60_000);
 * engine.counters()[0].availability; // 1
 */
import { buildRack, getPreset, type RackConfig, type RackModel } from '@ft/hardware';
import { REPLICAS_PER_SYSTEM } from './cpu/complex-constants.ts';
import { TIMING } from './timing.ts';
import { COUNTERS_PER_SYSTEM, Counter, type SnapshotViews } from './snapshot.ts';
import * as actions from './sim/actions.ts';
import { rebuildTick } from './sim/disks.ts';
import { log } from './sim/events.ts';
import { FAULTS_BY_KIND, inject } from './sim/faults.ts';
import { bringBackWaiting, onPhaseEnd } from './sim/lifecycle.ts';
import { initMtbf } from './sim/mtbf.ts';
import { readHeader, restoreInto, saveWorld } from './sim/persist.ts';
import { resyncPauseEnd, resyncTick } from './sim/resync.ts';
import { runSystem } from './sim/run.ts';
import { voteHandlers } from './sim/handlers.ts';
import { componentRedfish, systemInfo } from './sim/info.ts';
import { scheduleRandomFault, scheduleRandomFaults } from './sim/randomFaults.ts';
import {
  runDiagnostics,
  setGatewayLink,
  systemAction,
  takeDump,
  updateFirmware,
} from './sim/operations.ts';
import { applicationDown, clearAlerts, crashApplication, onSamTimer, setAlert } from './sim/sam.ts';
import { onCallTimer } from './sim/service.ts';
import { onUpgradeTimer, upgradeCommand } from './sim/upgrade.ts';
import { refreshSystem } from './sim/states.ts';
import { nextTimerMs, TimerType } from './sim/timers.ts';
import { componentInfo, systemCounters, writeSnapshot } from './sim/view.ts';
import { Kind, World } from './sim/world.ts';
import {
  type Command,
  type CommandResult,
  type ComponentInfo,
  type EngineEvent,
  type EngineOptions,
  type DumpRecord,
  type FaultKind,
  OpState,
  type ServiceCall,
  type SystemInfo,
  SystemStatus,
  type SystemCounters,
} from './types.ts';

const SYSTEM_COMMANDS = new Set(['system', 'upgrade', 'gatewayLink', 'samAlert', 'samClearAlerts']);

/** Longest slice of simulated time run at once (keeps processes and counters fine-grained). */
const MAX_SLICE_MS = 10;

export class Engine {
  /** @internal The state, for tests and benchmarks; the app uses the methods below. */
  readonly world: World;

  constructor(rack: RackModel, options: EngineOptions & { autoRepair?: boolean }) {
    if (!Number.isInteger(options.seed)) throw new Error('seed must be an integer');
    this.world = new World(rack, {
      seed: options.seed >>> 0,
      randomFaults: options.randomFaults ?? false,
      autoRepair: options.autoRepair ?? false,
      memoryWords: options.memoryWords ?? 0,
    });
    this.start();
  }

  static fromConfig(config: RackConfig, options: EngineOptions & { autoRepair?: boolean }): Engine {
    return new Engine(buildRack(config), options);
  }

  static fromPreset(name: string, options: EngineOptions & { autoRepair?: boolean }): Engine {
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
        const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + k];
        if (c < 0) continue;
        w.cpu.reset(w.replica(s, k), true);
        w.inLockstep[s * REPLICAS_PER_SYSTEM + k] = 1;
      }
      const io0 = w.sysIo[s * 2];
      if (io0 >= 0) w.primary[io0] = 1;
    }
    for (let c = 0; c < w.n; c++) {
      w.state[c] = w.kind[c] === Kind.Psu ? OpState.DeviceReady : OpState.Simplex;
    }
    for (let s = 0; s < w.m; s++) {
      w.status[s] = SystemStatus.Simplex;
      refreshSystem(w, s);
    }
    w.events.length = 0;
    if (w.options.randomFaults) scheduleRandomFaults(w);
  }

  /** Runs `simMs` of simulated time. With `warp`, quiet stretches are skipped (see {@link warpTo}). */
  advance(simMs: number, warp = false): void {
    if (!(simMs >= 0) || !Number.isFinite(simMs))
      throw new Error('advance: simMs must be a finite number ≥ 0');
    const w = this.world;
    const end = w.timeMs + simMs;
    while (w.timeMs < end) {
      const next = nextTimerMs(w);
      if (warp && this.canWarp()) {
        const to = Math.min(end, next);
        for (let s = 0; s < w.m; s++) rebuildTick(w, s, to - w.timeMs);
        this.account(to - w.timeMs, true);
        w.timeMs = to;
      } else {
        const to = Math.min(end, next, w.timeMs + MAX_SLICE_MS);
        this.slice(to - w.timeMs);
        w.timeMs = to;
      }
      this.fireTimers();
    }
  }

  /** Jumps to the next scheduled event (or `limitMs` ahead), skipping quiet time. */
  warpToNextEvent(limitMs: number): number {
    const w = this.world;
    const next = nextTimerMs(w);
    const target = Math.min(w.timeMs + limitMs, Number.isFinite(next) ? next : w.timeMs + limitMs);
    this.advance(Math.max(0, target - w.timeMs), true);
    return w.timeMs;
  }

  /**
   * True when nothing needs real execution: no resync or pause in progress (a resync must see the
   * pages the workload dirties), and no fault still settling. Disk rebuilds and timers can warp.
   */
  canWarp(): boolean {
    const w = this.world;
    if (w.timeMs < w.warpHoldUntilMs) return false;
    for (let s = 0; s < w.m; s++) if (w.rsPhase[s] !== 0 || w.pauseUntilMs[s] > 0) return false;
    return true;
  }

  private slice(dtMs: number): void {
    const w = this.world;
    for (let s = 0; s < w.m; s++) {
      const status = w.status[s];
      const up =
        status === SystemStatus.Simplex ||
        status === SystemStatus.Duplex ||
        status === SystemStatus.Triplex;
      if (up && w.pauseUntilMs[s] === 0 && !applicationDown(w, s)) {
        w.replicaInstructions += runSystem(w, s, dtMs, voteHandlers);
      }
      if (up) resyncTick(w, s, dtMs);
      rebuildTick(w, s, dtMs);
    }
    this.account(dtMs, false);
  }

  /** Uptime, downtime, pauses and lost transactions; in warp, commits at the measured rate. */
  private account(dtMs: number, warped: boolean): void {
    const w = this.world;
    for (let s = 0; s < w.m; s++) {
      const k = s * COUNTERS_PER_SYSTEM;
      const status = w.status[s];
      const rate = this.txPerMs(s);
      if (status === SystemStatus.Down || status === SystemStatus.Booting) {
        w.counters[k + Counter.DowntimeMs] += dtMs;
        w.counters[k + Counter.TxLost] += dtMs * rate;
      } else if (applicationDown(w, s)) {
        // The system is up but the application is restarting: requests fail meanwhile.
        w.counters[k + Counter.UptimeMs] += dtMs;
        w.counters[k + Counter.TxLost] += dtMs * rate;
      } else {
        w.counters[k + Counter.UptimeMs] += dtMs;
        if (w.pauseUntilMs[s] > 0) w.counters[k + Counter.PauseMs] += dtMs;
        else if (warped) w.counters[k + Counter.TxCommitted] += dtMs * rate;
      }
    }
  }

  /** Transactions per simulated ms this system's workload sustains (measured, or nominal). */
  private txPerMs(s: number): number {
    const w = this.world;
    const perInstruction = w.executed[s] > 10_000 ? w.outputs[s] / w.executed[s] : 1 / 25.3;
    return (TIMING.instructionsPerSimS.value / 1000) * perInstruction;
  }

  private fireTimers(): void {
    const w = this.world;
    while (w.timers.length > 0 && w.timers[0].atMs <= w.timeMs) {
      const t = w.timers.shift();
      if (!t) break;
      switch (t.type) {
        case TimerType.Phase:
          if (t.gen === w.gen[t.target]) onPhaseEnd(w, t.target);
          break;
        case TimerType.PauseEnd:
          resyncPauseEnd(w, t.target);
          bringBackWaiting(w, t.target);
          break;
        case TimerType.RandomFault: {
          const fault = FAULTS_BY_KIND[w.kind[t.target] as Kind][t.arg];
          w.warpHoldUntilMs = w.timeMs + TIMING.warpSettleMs.value;
          inject(w, t.target, fault);
          scheduleRandomFault(w, t.target, t.arg);
          break;
        }
        case TimerType.Upgrade:
          onUpgradeTimer(w, t.target);
          break;
        case TimerType.Sam:
          onSamTimer(w, t.target, t.arg);
          break;
        case TimerType.Service:
          onCallTimer(w, t.target, t.arg);
          break;
        case TimerType.Repair:
          log(
            w,
            w.sys[t.target],
            t.target,
            'info',
            `Service engineer replaces ${w.label(t.target)}`,
          );
          if (!w.pulled[t.target]) actions.pull(w, t.target);
          actions.insert(w, t.target, true);
          break;
      }
    }
  }

  /** Carries out a command; never throws for bad input, returns the reason instead. */
  command(cmd: Command): CommandResult {
    const w = this.world;
    if (!cmd || typeof cmd !== 'object' || typeof cmd.type !== 'string') {
      return { ok: false, error: 'command must be an object with a type' };
    }
    if (SYSTEM_COMMANDS.has(cmd.type)) return this.systemCommand(cmd);
    const c = typeof cmd.target === 'string' ? w.byId.get(cmd.target) : undefined;
    if (c === undefined) {
      return {
        ok: false,
        error: `unknown component '${String(cmd.target)}' (ids look like ${w.ids[0]})`,
      };
    }
    w.warpHoldUntilMs = w.timeMs + TIMING.warpSettleMs.value;
    switch (cmd.type) {
      case 'inject':
        return inject(w, c, cmd.fault as FaultKind, cmd.detail ?? {});
      case 'pull':
        return actions.pull(w, c);
      case 'insert':
        return actions.insert(w, c, cmd.replacement === true);
      case 'bringDown':
        return actions.bringDown(w, c);
      case 'bringUp':
        return actions.bringUp(w, c);
      case 'clearMtbf':
        return actions.clearMtbfCommand(w, c);
      case 'setRestartPolicy':
        return actions.setPolicy(w, c, cmd.policy);
      case 'restoreLink':
        return actions.restoreLink(w, c);
      case 'setDiskPriority':
        return actions.setDiskPriority(w, c, cmd.priority);
      case 'runDiagnostics':
        return runDiagnostics(w, c);
      case 'updateFirmware':
        return updateFirmware(w, c, cmd.version);
      case 'takeDump':
        return takeDump(w, c);
      default:
        return { ok: false, error: `unknown command type '${(cmd as { type: string }).type}'` };
    }
  }

  /** Commands whose target is a system id rather than a component. */
  private systemCommand(cmd: Command): CommandResult {
    const w = this.world;
    const s = w.rack.systems.findIndex((sys) => sys.config.id === cmd.target);
    if (s < 0) {
      const ids = w.rack.systems.map((sys) => sys.config.id).join(', ');
      return { ok: false, error: `unknown system '${String(cmd.target)}'; systems: ${ids}` };
    }
    w.warpHoldUntilMs = w.timeMs + TIMING.warpSettleMs.value;
    switch (cmd.type) {
      case 'system':
        return cmd.action === 'crashApplication'
          ? crashApplication(w, s)
          : systemAction(w, s, cmd.action);
      case 'upgrade':
        return upgradeCommand(w, s, cmd.action, cmd.version);
      case 'gatewayLink':
        return setGatewayLink(w, s, cmd.up);
      case 'samAlert':
        return setAlert(w, s, cmd.metric, cmd.thresholdPct, cmd.action);
      case 'samClearAlerts':
        return clearAlerts(w, s);
      default:
        return { ok: false, error: `unknown command type '${cmd.type}'` };
    }
  }

  /** Per system: software version, Active Upgrade, call-home role, SAM figures. */
  systems(): SystemInfo[] {
    return systemInfo(this.world);
  }

  /** Service calls, newest last, with their lifecycle history. */
  serviceCalls(): ServiceCall[] {
    return structuredClone(this.world.ops.calls);
  }

  /** Dumps taken (crash or on request), with size and time. */
  dumps(): DumpRecord[] {
    return structuredClone(this.world.ops.dumps);
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
    this.world.trace = on;
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
