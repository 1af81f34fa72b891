/**
 * The service (the application as its users see it) of one twin, rebuilt from the twin's event
 * stream alone: when it stopped serving and when it served again. The comparison page's
 * downtime figures and timeline strips come from here, so they can never disagree.
 *
 * - Conventional servers and clusters: their simulation raises an `application` alert whenever
 *   a service stops (value 0) or serves again (value 100) (`alternatives/sim/service.ts`).
 * - ftServer: a system stops when its status drops below simplex and runs again when it is back
 *   at simplex or better. The engine's reboot does not include the application's crash
 *   recovery, so, as the Monte Carlo does (`alternatives/montecarlo.ts`), the service counts as
 *   down for a further `recoveryMs` after each return: that part is modelled, and kept apart.
 *
 * Pure: no clock, no DOM. Events must arrive in simulated-time order (they do, per twin).
 */
import { type EngineEvent, SystemStatus } from '@ft/engine';
import type { RackConfig } from '@ft/hardware';

export type Architecture = 'ftserver' | 'cluster' | 'conventional';

/** A service of a rack and the systems whose events speak for it. */
export interface ServiceSpec {
  id: string;
  systemIds: readonly string[];
}

/** A stretch of time a service did not serve. */
export interface DownInterval {
  startMs: number;
  /** When it served again; null while it is still down (or its return is not yet known). */
  endMs: number | null;
  /** ftServer: where the modelled application recovery began (the system ran again). */
  modelledFromMs: number | null;
}

/**
 * The services of a rack: one per ftServer system, one per conventional server, one per
 * failover cluster (its nodes and its disk array).
 *
 * @example
 * servicesOf(clusterEquivalent(getPreset('4300-dmr'))); // [{ id: 'A', systemIds: ['A1', 'A2', 'AS'] }]
 */
export function servicesOf(config: RackConfig): ServiceSpec[] {
  const clusters = config.clusters ?? [];
  if (clusters.length > 0)
    return clusters.map((c) => ({ id: c.id, systemIds: [...c.nodes, c.storage] }));
  return config.systems.map((s) => ({ id: s.id, systemIds: [s.id] }));
}

export interface TrackerOptions {
  architecture: Architecture;
  services: readonly ServiceSpec[];
  /** ftServer only: the modelled application recovery after each return, simulated ms. */
  recoveryMs: number;
}

const RUNNING = SystemStatus.Simplex;

export class ServiceTracker {
  /** Per service (in the order given), its down intervals, oldest first. */
  readonly intervals: DownInterval[][];
  private readonly serviceBySystem = new Map<string, number>();
  /** Events ingested that changed something; a drawing can skip frames when it did not move. */
  version = 0;

  constructor(private readonly options: TrackerOptions) {
    this.intervals = options.services.map(() => []);
    options.services.forEach((svc, i) => {
      for (const id of svc.systemIds) this.serviceBySystem.set(id, i);
    });
  }

  get architecture(): Architecture {
    return this.options.architecture;
  }

  get serviceCount(): number {
    return this.intervals.length;
  }

  /** Takes one event of the twin; returns true when a service's state changed. */
  ingest(event: EngineEvent): boolean {
    const i = this.serviceBySystem.get(event.systemId);
    if (i === undefined) return false;
    let changed = false;
    if (this.options.architecture === 'ftserver') {
      if (event.kind !== 'system') return false;
      const wasRunning = event.from >= RUNNING;
      const running = event.to >= RUNNING;
      if (wasRunning && !running) changed = this.stop(i, event.timeMs);
      else if (!wasRunning && running)
        changed = this.serve(i, event.timeMs + this.options.recoveryMs, event.timeMs);
    } else if (event.kind === 'alert' && event.metric === 'application') {
      changed = event.valuePct > 0 ? this.serve(i, event.timeMs, null) : this.stop(i, event.timeMs);
    }
    if (changed) this.version++;
    return changed;
  }

  private stop(i: number, atMs: number): boolean {
    const list = this.intervals[i];
    const last = list.at(-1);
    if (last && (last.endMs === null || last.endMs > atMs)) {
      // Down again before the modelled recovery ended: the same outage goes on.
      if (last.endMs === null) return false;
      last.endMs = null;
      last.modelledFromMs = null;
      return true;
    }
    list.push({ startMs: atMs, endMs: null, modelledFromMs: null });
    return true;
  }

  private serve(i: number, endMs: number, modelledFromMs: number | null): boolean {
    const last = this.intervals[i].at(-1);
    if (!last || last.endMs !== null) return false;
    last.endMs = endMs;
    last.modelledFromMs = modelledFromMs;
    return true;
  }

  /** Whether service `i` serves at `nowMs`. */
  serving(i: number, nowMs: number): boolean {
    const last = this.intervals[i].at(-1);
    return !last || last.startMs > nowMs || (last.endMs !== null && last.endMs <= nowMs);
  }

  /** How many services serve at `nowMs`. */
  servingCount(nowMs: number): number {
    let n = 0;
    for (let i = 0; i < this.intervals.length; i++) if (this.serving(i, nowMs)) n++;
    return n;
  }

  /** Downtime up to `nowMs`, summed over the services, simulated ms. */
  downtimeMs(nowMs: number): number {
    let total = 0;
    for (const list of this.intervals) {
      for (const d of list) total += overlap(d.startMs, d.endMs ?? nowMs, nowMs);
    }
    return total;
  }

  /** ftServer: the part of {@link downtimeMs} that is the modelled application recovery. */
  modelledDowntimeMs(nowMs: number): number {
    let total = 0;
    for (const list of this.intervals) {
      for (const d of list) {
        if (d.modelledFromMs !== null && d.endMs !== null)
          total += overlap(d.modelledFromMs, d.endMs, nowMs);
      }
    }
    return total;
  }

  /** Times a service stopped serving, up to `nowMs`. */
  outages(nowMs: number): number {
    let n = 0;
    for (const list of this.intervals) for (const d of list) if (d.startMs <= nowMs) n++;
    return n;
  }

  /** Availability over `[0, nowMs]` and every service: 1 − downtime ÷ service time. */
  availability(nowMs: number): number {
    const total = nowMs * this.intervals.length;
    return total > 0 ? 1 - this.downtimeMs(nowMs) / total : 1;
  }
}

/** Length of [start, end] ∩ [−∞, now]. */
function overlap(startMs: number, endMs: number, nowMs: number): number {
  return Math.max(0, Math.min(endMs, nowMs) - startMs);
}
