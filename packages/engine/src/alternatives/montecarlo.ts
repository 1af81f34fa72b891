/**
 * The comparison run for one seed: one fault schedule drives the three architectures. The
 * ftServer side is the real engine (`Engine`, auto-repair, every scheduled fault injected as a
 * command at its time, time warp in between); the alternatives are their event-driven models
 * (`AlternativeSimulation`) given the same faults, mapped onto the parts they have.
 *
 * Pure and deterministic (no clock, no I/O): the Node driver (compareWorkers.ts) and a browser
 * worker run the same function over many seeds.
 */
import type { RackConfig } from '@ft/hardware';
import { Engine } from '../engine.ts';
import { type EngineEvent, SystemStatus } from '../types.ts';
import { AlternativeSimulation } from './alternativeSimulation.ts';
import {
  type ComparisonRackOptions,
  type ComparisonRacks,
  comparisonRacks,
  FaultMap,
} from './equivalents.ts';
import { ALTERNATIVES, inFlightTransactions } from './parameters.ts';
import { faultSchedule, type ScheduledFault } from './schedule.ts';
import type { Architecture } from './simulation.ts';

export interface ComparisonInput extends ComparisonRackOptions {
  /** The ftServer rack; the alternatives are built from it. */
  rack: RackConfig;
  durationMs: number;
}

/** One architecture over one seed, summed over its services (systems, servers, clusters). */
export interface SeedOutcome {
  uptimeMs: number;
  downtimeMs: number;
  /** uptime / (uptime + downtime) over all services. */
  availability: number;
  transactionsCommitted: number;
  transactionsLost: number;
  silentDataCorruptions: number;
  /** Unclean stops of a service (ftServer: system down transitions seen in the engine). */
  outages: number;
  /** Scheduled faults this architecture suffered, refused (part not running), or has no part for. */
  faultsApplied: number;
  faultsRefused: number;
  faultsWithoutPart: number;
}

export type SeedResult = { seed: number } & Record<Architecture, SeedOutcome>;

/** The racks and fault map of a comparison, built once and reused for every seed. */
export interface PreparedComparison {
  input: ComparisonInput;
  racks: ComparisonRacks;
  map: FaultMap;
}

/** Simulated time run for real before warping, so the engine measures its transaction rate. */
const WARMUP_MS = 1_000;

/**
 * Builds the three racks and the fault map once, for every seed of a comparison.
 *
 * @throws Error when the duration is too short to measure the workload's rate.
 * @example
 * const p = prepareComparison({ rack: getPreset('mixed'), durationMs: 365 * 24 * HOUR });
 */
export function prepareComparison(input: ComparisonInput): PreparedComparison {
  if (!(input.durationMs > WARMUP_MS) || !Number.isFinite(input.durationMs))
    throw new Error(`durationMs must be a finite number above ${WARMUP_MS}`);
  const racks = comparisonRacks(input.rack, { mirroredDisks: input.mirroredDisks });
  return { input, racks, map: new FaultMap(racks) };
}

function emptyOutcome(): SeedOutcome {
  return {
    uptimeMs: 0,
    downtimeMs: 0,
    availability: 1,
    transactionsCommitted: 0,
    transactionsLost: 0,
    silentDataCorruptions: 0,
    outages: 0,
    faultsApplied: 0,
    faultsRefused: 0,
    faultsWithoutPart: 0,
  };
}

const RUNNING = new Set([SystemStatus.Simplex, SystemStatus.Duplex, SystemStatus.Triplex]);

/** Unclean stops: a running system going down. */
function countStops(events: readonly EngineEvent[]): number {
  let n = 0;
  for (const e of events)
    if (e.kind === 'system' && e.to === SystemStatus.Down && RUNNING.has(e.from)) n++;
  return n;
}

/**
 * The ftServer: the real engine with the schedule's faults injected at their times. Lost links
 * are restored after `linkRepairMs`, as on the alternatives. The engine's reboot does not
 * include the application's crash recovery; it is added for every stop (ALTERNATIVES
 * .applicationRecoveryMs, with the work in flight), so that all three pay for it alike.
 */
function runFtServer(
  p: PreparedComparison,
  seed: number,
  faults: readonly ScheduledFault[],
): SeedOutcome {
  const duration = p.input.durationMs;
  const engine = new Engine(p.racks.ftserver, { seed, randomFaults: false, autoRepair: true });
  const out = emptyOutcome();
  const restores: { atMs: number; target: string }[] = [];
  let stops = 0;
  const runTo = (t: number) => {
    const warm = Math.min(t, WARMUP_MS);
    if (engine.timeMs < warm) engine.advance(warm - engine.timeMs);
    while (restores.length > 0 && restores[0].atMs <= t) {
      const r = restores.shift();
      if (!r) break;
      if (engine.timeMs < r.atMs) engine.advance(r.atMs - engine.timeMs, true);
      engine.command({ type: 'restoreLink', target: r.target });
    }
    if (engine.timeMs < t) engine.advance(t - engine.timeMs, true);
    stops += countStops(engine.drainEvents());
  };
  for (const f of faults) {
    const target = p.map.target(f.componentId, f.fault, 'ftserver');
    if (target === null) {
      out.faultsWithoutPart++;
      continue;
    }
    runTo(f.atMs);
    const result = engine.command({ type: 'inject', target, fault: f.fault });
    if (!result.ok) {
      out.faultsRefused++;
      continue;
    }
    out.faultsApplied++;
    if (f.fault === 'nic-link-loss') {
      restores.push({ atMs: f.atMs + ALTERNATIVES.linkRepairMs.value, target });
      restores.sort((a, b) => a.atMs - b.atMs);
    }
  }
  runTo(duration);
  for (const c of engine.counters()) {
    out.uptimeMs += c.uptimeMs;
    out.downtimeMs += c.downtimeMs;
    out.transactionsCommitted += c.transactionsCommitted;
    out.transactionsLost += c.transactionsLost;
    out.silentDataCorruptions += c.silentDataCorruptions;
  }
  const rate = out.uptimeMs > 0 ? out.transactionsCommitted / out.uptimeMs : 0;
  const recovery = Math.min(stops * ALTERNATIVES.applicationRecoveryMs.value, out.uptimeMs);
  out.uptimeMs -= recovery;
  out.downtimeMs += recovery;
  out.transactionsCommitted -= rate * recovery;
  out.transactionsLost += rate * recovery + stops * inFlightTransactions(rate * 1000);
  out.outages = stops;
  out.availability = out.uptimeMs / (out.uptimeMs + out.downtimeMs);
  return out;
}

/** A conventional-server or cluster rack given the same faults, mapped onto its parts. */
function runAlternative(
  p: PreparedComparison,
  arch: 'cluster' | 'conventional',
  seed: number,
  faults: readonly ScheduledFault[],
  transactionsPerS: number,
): SeedOutcome {
  const sim = new AlternativeSimulation(p.racks[arch], {
    seed,
    autoRepair: true,
    transactionsPerS,
  });
  const out = emptyOutcome();
  for (const f of faults) {
    const target = p.map.target(f.componentId, f.fault, arch);
    if (target === null) {
      out.faultsWithoutPart++;
      continue;
    }
    sim.advance(f.atMs - sim.timeMs);
    const result = sim.injectWithDraw(target, f.fault, f.draw);
    if (result.ok) out.faultsApplied++;
    else out.faultsRefused++;
    sim.drainEvents();
  }
  sim.advance(p.input.durationMs - sim.timeMs);
  for (const svc of sim.services()) {
    out.uptimeMs += svc.uptimeMs;
    out.downtimeMs += svc.downtimeMs;
    out.transactionsCommitted += svc.transactionsCommitted;
    out.transactionsLost += svc.transactionsLost;
    out.silentDataCorruptions += svc.silentDataCorruptions;
    out.outages += svc.outages;
  }
  out.availability = out.uptimeMs / (out.uptimeMs + out.downtimeMs);
  return out;
}

/** The ftServer alone over one seed's schedule (tests, and a browser that runs them apart). */
export function runFtServerSeed(p: PreparedComparison, seed: number): SeedOutcome {
  return runFtServer(p, seed, faultSchedule(p.racks.ftserver, seed, p.input.durationMs));
}

/** One alternative alone over one seed's schedule, at the parameters file's transaction rate. */
export function runAlternativeSeed(
  p: PreparedComparison,
  arch: 'cluster' | 'conventional',
  seed: number,
  transactionsPerS = ALTERNATIVES.transactionsPerS.value,
): SeedOutcome {
  const faults = faultSchedule(p.racks.ftserver, seed, p.input.durationMs);
  return runAlternative(p, arch, seed, faults, transactionsPerS);
}

/**
 * Runs the three architectures over one seed's fault schedule.
 *
 * @example
 * const p = prepareComparison({ rack: getPreset('4300-dmr'), durationMs: 365 * 24 * HOUR });
 * const r = runSeed(p, 7);
 * r.ftserver.downtimeMs <= r.cluster.downtimeMs; // true on typical seeds
 */
export function runSeed(p: PreparedComparison, seed: number): SeedResult {
  const faults = faultSchedule(p.racks.ftserver, seed, p.input.durationMs);
  const ftserver = runFtServer(p, seed, faults);
  // The alternatives count transactions at the rate the ftServer's workload sustained.
  const perSystemRate =
    ftserver.uptimeMs > 0
      ? ftserver.transactionsCommitted / (ftserver.uptimeMs / 1000)
      : ALTERNATIVES.transactionsPerS.value;
  return {
    seed,
    ftserver,
    cluster: runAlternative(p, 'cluster', seed, faults, perSystemRate),
    conventional: runAlternative(p, 'conventional', seed, faults, perSystemRate),
  };
}
