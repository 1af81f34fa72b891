/**
 * A rack of the ftServer's alternatives (conventional servers, two-node failover clusters) with
 * the subset of the `Engine` API the worker host and the comparison use, so the same twin
 * component can show it: commands, advance with time warp, events, snapshots in the engine's
 * layout, component and counter records, save and restore.
 *
 * @example
 * const sim = new AlternativeSimulation(buildRack(getComparisonPreset('cluster-2node')), { seed: 1 });
 * sim.command({ type: 'inject', target: 'A1.cpu-0', fault: 'stuck-at' });
 * sim.advance(60_000);
 * sim.services()[0].failovers; // 1: node A2 took over
 */
import type { RackModel } from '@ft/hardware';
import type { SnapshotViews } from '../snapshot.ts';
import type {
  Command,
  CommandResult,
  ComponentInfo,
  DumpRecord,
  EngineEvent,
  FaultKind,
  ServiceCall,
  SystemCounters,
  SystemInfo,
} from '../types.ts';
import {
  fitNew,
  inService,
  insert,
  onPartDelivered,
  pull,
  repairWhenHarmless,
  restoreLink,
  setDiskPriority,
  systemAction,
} from './sim/interventions.ts';
import { closeServedCalls, onCallDelivered, onCallShipped } from './sim/calls.ts';
import { stateChanged, statusChanged } from './sim/events.ts';
import { inject, onRandomFault, scheduleRandomFaults } from './sim/faults.ts';
import { componentInfo, componentRedfish, systemCounters, systemInfo } from './sim/info.ts';
import { onBootDone, onRepairDone } from './sim/node.ts';
import { readAltSave, saveState } from './sim/persist.ts';
import { onServicePhaseEnd, updateServices } from './sim/service.ts';
import { currentCounts, settle } from './sim/settle.ts';
import { AltState, defaultAltOptions, ServicePhase, type Timer, TimerType } from './sim/state.ts';
import { onRebuildDone, onRestoreDone, updateVolumes } from './sim/storage.ts';
import { nextTimerMs, popDue } from './sim/timers.ts';
import { deriveState, systemStatusOf, writeAltSnapshot } from './sim/view.ts';

export interface AlternativeOptions {
  seed: number;
  /** Draw faults from the ftServer's per-part MTBF rates. */
  randomFaults?: boolean;
  /** Fit parts when delivered and restore lost links (headless runs, Monte Carlo). */
  autoRepair?: boolean;
  /** Transactions per second while a service is up (default: parameters.ts). */
  transactionsPerS?: number;
}

/** A service (the application of a conventional server or of a cluster) as its users see it. */
export interface ServiceRecord {
  id: string;
  kind: 'conventional' | 'cluster';
  up: boolean;
  phase: 'up' | 'detecting' | 'starting' | 'down' | 'unreachable';
  reason: string;
  /** System id of the node the application runs on (or starts on), or null. */
  activeSystemId: string | null;
  uptimeMs: number;
  downtimeMs: number;
  availability: number;
  transactionsCommitted: number;
  transactionsLost: number;
  silentDataCorruptions: number;
  /** Times the service stopped serving. */
  outages: number;
  /** Times a cluster moved the application to the other node. */
  failovers: number;
}

const PHASE_NAMES: Record<ServicePhase, ServiceRecord['phase']> = {
  [ServicePhase.Up]: 'up',
  [ServicePhase.Detecting]: 'detecting',
  [ServicePhase.Starting]: 'starting',
  [ServicePhase.Down]: 'down',
  [ServicePhase.Unreachable]: 'unreachable',
};

const FTSERVER_ONLY: Record<string, string> = {
  bringDown:
    'bringDown takes one element of a redundant pair out of service; this machine has no second element',
  bringUp: 'bringUp returns a redundant element to service; this machine has no second element',
  clearMtbf: 'MTBF thresholds are an ftServer (ftSMC) feature',
  setRestartPolicy: 'per-device restart policies are an ftServer (ftSMC) feature',
  runDiagnostics: 'online diagnostics of one element are an ftServer feature',
  updateFirmware: 'firmware is updated with the server down; not modelled here',
  takeDump: 'quick dump from a held-back element is an ftServer feature',
  upgrade: 'Active Upgrade is an ftServer feature',
  gatewayLink: 'this machine has no call-home link (ftGateway)',
  samAlert: 'SAM alerts are an ftServer feature',
  samClearAlerts: 'SAM alerts are an ftServer feature',
};

const SYSTEM_TARGETED = new Set(['system', 'upgrade', 'gatewayLink', 'samAlert', 'samClearAlerts']);

export class AlternativeSimulation {
  /** @internal The state, for tests and the Monte Carlo; the twin uses the methods. */
  readonly state: AltState;

  constructor(rack: RackModel, options: AlternativeOptions) {
    if (!Number.isInteger(options?.seed)) throw new Error('seed must be an integer');
    const rate = options.transactionsPerS;
    if (rate !== undefined && !(rate >= 0 && Number.isFinite(rate)))
      throw new Error('transactionsPerS must be a finite number ≥ 0');
    const defaults = defaultAltOptions(options.seed >>> 0);
    this.state = new AltState(rack, {
      seed: options.seed >>> 0,
      randomFaults: options.randomFaults ?? false,
      autoRepair: options.autoRepair ?? false,
      transactionsPerS: rate ?? defaults.transactionsPerS,
    });
    const w = this.state;
    for (let c = 0; c < w.n; c++) w.shownState[c] = deriveState(w, c).state;
    for (let s = 0; s < w.m; s++) w.shownStatus[s] = systemStatusOf(w, s);
    if (w.options.randomFaults) scheduleRandomFaults(w);
  }

  /** Rebuilds a simulation from {@link save} output. */
  static restore(bytes: Uint8Array): AlternativeSimulation {
    const { rack, options, fill } = readAltSave(bytes);
    const sim = new AlternativeSimulation(rack, options);
    // The saved timers and PRNG state replace whatever the constructor scheduled.
    fill(sim.state);
    return sim;
  }

  get rack(): RackModel {
    return this.state.rack;
  }

  get timeMs(): number {
    return this.state.timeMs;
  }

  /** 'cluster' when the rack holds failover clusters, else 'conventional'. */
  get architecture(): 'cluster' | 'conventional' {
    return this.state.services.some((s) => s.kind === 'cluster') ? 'cluster' : 'conventional';
  }

  /**
   * Runs `simMs` of simulated time. Nothing here executes instructions, so `warp` changes
   * nothing: the state only changes at events, and the counters are settled at each.
   */
  advance(simMs: number, warp = false): void {
    void warp;
    if (!(simMs >= 0) || !Number.isFinite(simMs))
      throw new Error('advance: simMs must be a finite number ≥ 0');
    const w = this.state;
    const end = w.timeMs + simMs;
    for (let timer = popDue(w, end); timer; timer = popDue(w, end)) {
      w.timeMs = Math.max(w.timeMs, timer.atMs);
      settle(w);
      this.fire(timer);
      this.reconcile();
    }
    w.timeMs = end;
  }

  /** Jumps to the next scheduled event (or `limitMs` ahead); returns the new time. */
  warpToNextEvent(limitMs: number): number {
    const w = this.state;
    const next = nextTimerMs(w);
    const target = Math.min(w.timeMs + limitMs, Number.isFinite(next) ? next : w.timeMs + limitMs);
    this.advance(Math.max(0, target - w.timeMs), true);
    return w.timeMs;
  }

  private fire(t: Timer): void {
    const w = this.state;
    switch (t.type) {
      case TimerType.BootDone:
        onBootDone(w, t.target, t.gen);
        break;
      case TimerType.RepairDone:
        onRepairDone(w, t.target, t.gen, (c) => fitNew(w, c));
        break;
      case TimerType.CallShipped:
        onCallShipped(w, t.target);
        break;
      case TimerType.CallDelivered: {
        const c = onCallDelivered(w, t.target);
        if (c >= 0) onPartDelivered(w, c);
        break;
      }
      case TimerType.RebuildDone:
        onRebuildDone(w, t.target, t.gen);
        break;
      case TimerType.RestoreDone:
        onRestoreDone(w, t.target, t.gen, t.arg);
        break;
      case TimerType.LinkRepaired:
        if (w.linkDown[t.target]) restoreLink(w, t.target);
        break;
      case TimerType.ServicePhaseEnd:
        onServicePhaseEnd(w, t.target, t.gen);
        break;
      case TimerType.RandomFault:
        onRandomFault(w, t.target, t.arg);
        break;
    }
  }

  /** After any change: volumes, pending repairs, services, calls, then the change events. */
  private reconcile(): void {
    const w = this.state;
    updateVolumes(w);
    for (let s = 0; s < w.m; s++) repairWhenHarmless(w, s);
    updateVolumes(w);
    updateServices(w);
    closeServedCalls(w, (c) => inService(w, c));
    for (let c = 0; c < w.n; c++) {
      const { state, reason } = deriveState(w, c);
      if (state !== w.shownState[c]) {
        stateChanged(w, c, w.shownState[c], state, reason);
        w.shownState[c] = state;
      }
    }
    for (let s = 0; s < w.m; s++) {
      const status = systemStatusOf(w, s);
      if (status !== w.shownStatus[s]) {
        statusChanged(w, s, w.shownStatus[s], status);
        w.shownStatus[s] = status;
      }
    }
  }

  /** Carries out a command; never throws for bad input, returns the reason instead. */
  command(cmd: Command): CommandResult {
    if (!cmd || typeof cmd !== 'object' || typeof cmd.type !== 'string')
      return { ok: false, error: 'command must be an object with a type' };
    const refused = Object.hasOwn(FTSERVER_ONLY, cmd.type) ? FTSERVER_ONLY[cmd.type] : undefined;
    if (refused) return { ok: false, error: `${cmd.type}: ${refused}` };
    const w = this.state;
    settle(w);
    const result = SYSTEM_TARGETED.has(cmd.type) ? this.systemCommand(cmd) : this.partCommand(cmd);
    if (result.ok) this.reconcile();
    return result;
  }

  /**
   * Injects `fault` into `target` with an explicit draw (0..1) deciding what a transient does,
   * so that one fault schedule gives the same outcome on every alternative (common random
   * numbers); the Monte Carlo uses this.
   */
  injectWithDraw(target: string, fault: FaultKind, draw: number): CommandResult {
    const w = this.state;
    const c = w.byId.get(target);
    if (c === undefined) return { ok: false, error: `unknown component '${target.slice(0, 60)}'` };
    settle(w);
    const result = inject(w, c, fault, draw);
    if (result.ok) this.reconcile();
    return result;
  }

  private partCommand(cmd: Command): CommandResult {
    const w = this.state;
    const c = typeof cmd.target === 'string' ? w.byId.get(cmd.target) : undefined;
    if (c === undefined) {
      return {
        ok: false,
        error: `unknown component '${String(cmd.target).slice(0, 60)}' (ids look like ${w.specs[0]?.id ?? 'A.cpu-0'})`,
      };
    }
    switch (cmd.type) {
      case 'inject':
        return inject(w, c, cmd.fault);
      case 'pull':
        return pull(w, c);
      case 'insert':
        return insert(w, c, cmd.replacement === true);
      case 'restoreLink':
        return restoreLink(w, c);
      case 'setDiskPriority':
        return setDiskPriority(w, c, cmd.priority);
      default:
        return {
          ok: false,
          error: `unknown command type '${String((cmd as { type: string }).type).slice(0, 40)}'`,
        };
    }
  }

  private systemCommand(cmd: Command): CommandResult {
    const w = this.state;
    const s = w.rack.systems.findIndex((sys) => sys.config.id === cmd.target);
    if (s < 0) {
      const ids = w.rack.systems.map((sys) => sys.config.id).join(', ');
      return {
        ok: false,
        error: `unknown system '${String(cmd.target).slice(0, 40)}'; systems: ${ids}`,
      };
    }
    if (cmd.type !== 'system') return { ok: false, error: `unknown command type '${cmd.type}'` };
    return systemAction(w, s, cmd.action);
  }

  /** The services (one per conventional server, one per cluster), as their users see them. */
  services(): ServiceRecord[] {
    const w = this.state;
    return currentCounts(w).services.map((svc) => {
      const total = svc.uptimeMs + svc.downtimeMs;
      return {
        id: svc.id,
        kind: svc.kind,
        up: svc.phase === ServicePhase.Up,
        phase: PHASE_NAMES[svc.phase],
        reason: svc.reason,
        activeSystemId: svc.on >= 0 ? w.systemId(svc.on) : null,
        uptimeMs: svc.uptimeMs,
        downtimeMs: svc.downtimeMs,
        availability: total > 0 ? svc.uptimeMs / total : 1,
        transactionsCommitted: svc.transactionsCommitted,
        transactionsLost: svc.transactionsLost,
        silentDataCorruptions: svc.silentDataCorruptions,
        outages: svc.outages,
        failovers: svc.failovers,
      };
    });
  }

  drainEvents(): EngineEvent[] {
    const out = this.state.events;
    this.state.events = [];
    return out;
  }

  /** Accepted for the host's sake; there is no voter to trace on these machines. */
  setTrace(on: boolean): void {
    void on;
  }

  writeSnapshot(views: SnapshotViews, speed = 0, wallMs = 0): void {
    writeAltSnapshot(this.state, views, speed, wallMs);
  }

  component(id: string): ComponentInfo | null {
    const c = this.state.byId.get(id);
    return c === undefined ? null : componentInfo(this.state, c);
  }

  components(): ComponentInfo[] {
    const w = this.state;
    return Array.from({ length: w.n }, (_, c) => componentInfo(w, c));
  }

  counters(): SystemCounters[] {
    return systemCounters(this.state);
  }

  systems(): SystemInfo[] {
    return systemInfo(this.state);
  }

  serviceCalls(): ServiceCall[] {
    return structuredClone(this.state.calls);
  }

  /** No quick dump on these machines (a crash dump is written by the OS before it reboots). */
  dumps(): DumpRecord[] {
    return [];
  }

  redfish(id: string): Record<string, unknown> | null {
    const c = this.state.byId.get(id);
    return c === undefined ? null : componentRedfish(this.state, c);
  }

  save(): Uint8Array {
    return saveState(this.state);
  }
}
