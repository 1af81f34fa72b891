/**
 * One entry point for every architecture the twin can show: the ftServer `Engine`, or the
 * alternatives (conventional servers, failover clusters) behind the same API. The worker host
 * calls {@link createSimulation} with the rack it loaded and never needs to know which it got.
 */
import { ConfigError, isComparisonModelId, type RackConfig, type RackModel } from '@ft/hardware';
import { Engine } from '../engine.ts';
import { type SnapshotLayout, type SnapshotViews, snapshotLayout } from '../snapshot.ts';
import {
  type Command,
  type CommandResult,
  type ComponentInfo,
  type DumpRecord,
  type EngineEvent,
  type ServiceCall,
  type SystemCounters,
  type SystemInfo,
  SystemStatus,
} from '../types.ts';
import { AlternativeSimulation, type ServiceRecord } from './alternativeSimulation.ts';
import { isAltSave } from './sim/persist.ts';

/** The three architectures of the comparison. */
export type Architecture = 'ftserver' | 'cluster' | 'conventional';

export const ARCHITECTURES: readonly Architecture[] = ['ftserver', 'cluster', 'conventional'];

/** What the worker host (and the comparison) needs of a simulated rack. `Engine` has it all. */
export interface Simulation {
  readonly rack: RackModel;
  readonly timeMs: number;
  command(cmd: Command): CommandResult;
  advance(simMs: number, warp?: boolean): void;
  warpToNextEvent(limitMs: number): number;
  drainEvents(): EngineEvent[];
  setTrace(on: boolean): void;
  writeSnapshot(views: SnapshotViews, speed?: number, wallMs?: number): void;
  component(id: string): ComponentInfo | null;
  components(): ComponentInfo[];
  counters(): SystemCounters[];
  systems(): SystemInfo[];
  serviceCalls(): ServiceCall[];
  dumps(): DumpRecord[];
  redfish(id: string): Record<string, unknown> | null;
  save(): Uint8Array;
}

export interface SimulationOptions {
  seed: number;
  randomFaults?: boolean;
  autoRepair?: boolean;
  /** ftServer only: words in each CPU element's memory image. */
  memoryWords?: number;
  /** Alternatives only: transactions per second while the service is up. */
  transactionsPerS?: number;
}

/**
 * The architecture of a rack: all ftServers, all conventional servers (no clusters), or
 * failover clusters (every system a node or an array of a cluster).
 *
 * @throws ConfigError for a rack that mixes them.
 * @example
 * architectureOf(getComparisonPreset('cluster-2node')); // 'cluster'
 */
export function architectureOf(rack: RackModel | RackConfig): Architecture {
  const config = 'config' in rack ? rack.config : rack;
  const comparison = config.systems.filter((s) => isComparisonModelId(s.model)).length;
  if (comparison === 0) return 'ftserver';
  const mixed = (detail: string) => new ConfigError('rack', 'systems', detail);
  if (comparison < config.systems.length)
    throw mixed('ftServers and comparison machines cannot share one simulated rack');
  const clusters = config.clusters ?? [];
  if (clusters.length === 0) {
    if (config.systems.some((s) => s.model === 'disk-array'))
      throw mixed('a disk array needs a cluster (the clusters field) to serve');
    return 'conventional';
  }
  const members = new Set(clusters.flatMap((c) => [...c.nodes, c.storage]));
  if (config.systems.some((s) => !members.has(s.id)))
    throw mixed('a rack with clusters holds only cluster nodes and their disk arrays');
  return 'cluster';
}

/**
 * The simulation for a rack: the ftServer `Engine` for ftServers, an
 * {@link AlternativeSimulation} for conventional servers or clusters.
 *
 * @example
 * const sim = createSimulation(buildRack(getComparisonPreset('conventional')), { seed: 7 });
 * sim.command({ type: 'inject', target: 'A.cpu-0', fault: 'stuck-at' }); // { ok: true }
 */
export function createSimulation(rack: RackModel, options: SimulationOptions): Simulation {
  if (architectureOf(rack) === 'ftserver') {
    return new Engine(rack, {
      seed: options.seed,
      randomFaults: options.randomFaults,
      autoRepair: options.autoRepair,
      memoryWords: options.memoryWords,
    });
  }
  return new AlternativeSimulation(rack, {
    seed: options.seed,
    randomFaults: options.randomFaults,
    autoRepair: options.autoRepair,
    transactionsPerS: options.transactionsPerS,
  });
}

/**
 * Rebuilds whichever simulation `save()` produced the bytes.
 *
 * @example
 * const again = restoreSimulation(sim.save()); // an Engine or an AlternativeSimulation, as saved
 */
export function restoreSimulation(bytes: Uint8Array): Simulation {
  return isAltSave(bytes) ? AlternativeSimulation.restore(bytes) : Engine.restore(bytes);
}

/** The snapshot layout for a simulation (the same layout for every architecture). */
export function snapshotLayoutOf(sim: Simulation): SnapshotLayout {
  return snapshotLayout(sim.rack.components.length, sim.rack.systems.length);
}

/**
 * The services of any simulation as their users see them: one per ftServer system, per
 * conventional server, per cluster. For an ftServer, `outages` and `failovers` are null (the
 * engine does not count them) and `up` means running with the application up.
 */
export function serviceRecords(sim: Simulation): (Omit<
  ServiceRecord,
  'kind' | 'outages' | 'failovers'
> & {
  kind: ServiceRecord['kind'] | 'ftserver';
  outages: number | null;
  failovers: number | null;
})[] {
  if (sim instanceof AlternativeSimulation) return sim.services();
  const infos = sim.systems();
  return sim.counters().map((c, s) => {
    const info = infos[s];
    const running = c.status >= SystemStatus.Simplex;
    const up = running && info.sam.applicationUp;
    return {
      id: c.systemId,
      kind: 'ftserver' as const,
      up,
      phase:
        up || running
          ? up
            ? 'up'
            : 'starting'
          : c.status === SystemStatus.Booting
            ? 'starting'
            : 'down',
      reason: info.statusName,
      activeSystemId: c.systemId,
      uptimeMs: c.uptimeMs,
      downtimeMs: c.downtimeMs,
      availability: c.availability,
      transactionsCommitted: c.transactionsCommitted,
      transactionsLost: c.transactionsLost,
      silentDataCorruptions: c.silentDataCorruptions,
      outages: null,
      failovers: null,
    };
  });
}
