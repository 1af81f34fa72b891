/**
 * The whole state of an alternative rack (conventional servers, failover clusters) as plain
 * data: components and systems are indices, as in the ftServer engine's World. Behaviour lives
 * in the modules beside this file, as plain functions over an AltState. Everything here is
 * saved by persist.ts.
 *
 * Unlike the ftServer engine nothing here executes instructions: the alternatives are
 * event-driven state machines (docs/comparison.md, "What is executed and what is modelled").
 */
import {
  type ComponentKind,
  type ComponentSpec,
  DEFAULT_DISK_ID,
  DISKS,
  isConventionalModelId,
  PCI_ADAPTERS,
  type RackModel,
} from '@ft/hardware';
import { Prng } from '../../prng.ts';
import type { DiskPriority, EngineEvent, ServiceCall } from '../../types.ts';
import { ALTERNATIVES } from '../parameters.ts';

/** What a conventional server (a cluster node) is doing. */
export enum NodePhase {
  /** Operating system running. */
  Up = 0,
  Booting = 1,
  /** Not running and waiting for something (a part, power, a person). */
  Down = 2,
  /** Opened by an engineer changing a part that is not hot-swappable. */
  Repair = 3,
  /** Powered off by a person. */
  Off = 4,
}

/** What a service (the application of a conventional server or of a cluster) is doing. */
export enum ServicePhase {
  Up = 0,
  /** Cluster: the surviving node has not yet noticed (missed heartbeats, resource polls). */
  Detecting = 1,
  /** Group coming online and the application recovering on node `on`. */
  Starting = 2,
  /** Nothing can run it (no node ready, or its data unavailable). */
  Down = 3,
  /** Conventional: the application runs but clients cannot reach it (link, adapter). */
  Unreachable = 4,
}

export enum TimerType {
  BootDone = 0,
  RepairDone = 1,
  CallShipped = 2,
  CallDelivered = 3,
  RebuildDone = 4,
  RestoreDone = 5,
  LinkRepaired = 6,
  ServicePhaseEnd = 7,
  RandomFault = 8,
}

export interface Timer {
  atMs: number;
  seq: number;
  type: TimerType;
  target: number;
  /** Generation of the target when scheduled; a changed generation makes the timer stale. */
  gen: number;
  arg: number;
}

export interface NodeState {
  phase: NodePhase;
  phaseStartMs: number;
  phaseEndMs: number;
  reason: string;
  gen: number;
  /** The last stop was orderly (shutdown for repair, power off): no work in flight is lost. */
  cleanStop: boolean;
}

export interface ServiceState {
  id: string;
  kind: 'conventional' | 'cluster';
  /** System indices of the node(s); the first is active at power-on. */
  nodes: number[];
  /** System index of the shared disk array, or -1: the node's own disks. */
  storage: number;
  phase: ServicePhase;
  phaseEndMs: number;
  gen: number;
  /** Node the application runs on (Up, Starting, Unreachable) or that failed (Detecting). */
  on: number;
  /** After Detecting, restart on the same node first (an application crash), not fail over. */
  preferSame: boolean;
  /** System row charged with the losses while the service is not up. */
  blame: number;
  reason: string;
  uptimeMs: number;
  downtimeMs: number;
  transactionsCommitted: number;
  transactionsLost: number;
  silentDataCorruptions: number;
  outages: number;
  failovers: number;
}

/** A RAID 1 pair (or a single unmirrored disk) holding one data volume. */
export interface VolumeState {
  disks: number[];
  /** System that hosts it (the server, or the disk array). */
  host: number;
  restoring: boolean;
  restoreEndMs: number;
  gen: number;
}

export interface AltOptions {
  seed: number;
  randomFaults: boolean;
  /** Parts are replaced when delivered and links restored (headless runs, Monte Carlo). */
  autoRepair: boolean;
  /** Transactions per second while the service is up. */
  transactionsPerS: number;
}

/** Per-system counters, settled at every event (see settle.ts). */
export interface SystemTally {
  uptimeMs: number;
  downtimeMs: number;
  transactionsCommitted: number;
  transactionsLost: number;
  silentDataCorruptions: number;
}

export class AltState {
  readonly rack: RackModel;
  readonly options: AltOptions;
  readonly n: number;
  readonly m: number;
  readonly specs: readonly ComponentSpec[];
  readonly kind: readonly ComponentKind[];
  readonly sys: Int32Array;
  readonly partner: Int32Array;
  readonly byId = new Map<string, number>();
  /** Per system: is it a conventional server (true) or a disk array (false). */
  readonly isServer: readonly boolean[];
  /** Per component: a PCI adapter that only carries remote management (no service traffic). */
  readonly managementOnly: Uint8Array;
  readonly diskBytes: number;

  timeMs = 0;
  /** Time up to which the counters have been settled. */
  settledMs = 0;
  prng: Prng;
  /**
   * Draws for transients injected by a command (a click), apart from the random faults' stream:
   * two alternative twins with the same seed given the same clicks make the same draws, so one
   * click has the same outcome on the conventional server and the cluster.
   */
  clickDraws: Prng;
  timers: Timer[] = [];
  timerSeq = 0;
  events: EngineEvent[] = [];
  callSeq = 0;
  calls: ServiceCall[] = [];

  pulled: Uint8Array;
  broken: Uint8Array;
  /** Part ordered and delivered on site, waiting to be fitted (autoRepair or a person). */
  delivered: Uint8Array;
  linkDown: Uint8Array;
  faultCount: Uint16Array;
  reason: string[];
  /** Disk holds the volume's current data. */
  valid: Uint8Array;
  rebuildStartMs: Float64Array;
  /** End of the running rebuild, 0 when none. */
  rebuildEndMs: Float64Array;
  diskGen: Uint32Array;
  diskPriority: DiskPriority[];
  volumeOf: Int32Array;
  volumes: VolumeState[];

  nodes: NodeState[];
  /** Array powered off by a person (disk arrays only). */
  arrayOff: boolean[];
  services: ServiceState[];
  /** Service index per system (-1 for none). */
  serviceOf: Int32Array;
  tally: SystemTally[];
  /** Application starts per system (SAM-style "restarts"). */
  appStarts: number[];
  /** Last published state per component and status per system, for change events. */
  shownState: Uint8Array;
  shownStatus: Uint8Array;

  constructor(rack: RackModel, options: AltOptions) {
    this.rack = rack;
    this.options = options;
    this.specs = rack.components;
    this.n = rack.components.length;
    this.m = rack.systems.length;
    this.kind = rack.components.map((c) => c.kind);
    rack.components.forEach((c, i) => {
      this.byId.set(c.id, i);
    });
    const sysIndex = new Map(rack.systems.map((s, i) => [s.config.id, i]));
    this.sys = Int32Array.from(rack.components, (c) => sysIndex.get(c.systemId) ?? -1);
    this.partner = Int32Array.from(rack.components, (c) =>
      c.partnerId === null ? -1 : (this.byId.get(c.partnerId) ?? -1),
    );
    this.isServer = rack.systems.map((s) => isConventionalModelId(s.config.model));
    this.managementOnly = Uint8Array.from(rack.components, (c) => (isManagementAdapter(c) ? 1 : 0));
    this.diskBytes = DISKS[DEFAULT_DISK_ID].capacityGB.value * 1e9;
    this.prng = new Prng(options.seed);
    this.clickDraws = new Prng((options.seed ^ 0x5bd1e995) >>> 0);
    const n = this.n;
    this.pulled = new Uint8Array(n);
    this.broken = new Uint8Array(n);
    this.delivered = new Uint8Array(n);
    this.linkDown = new Uint8Array(n);
    this.faultCount = new Uint16Array(n);
    this.reason = Array.from({ length: n }, () => '');
    this.valid = Uint8Array.from(rack.components, (c) => (c.kind === 'disk' ? 1 : 0));
    this.rebuildStartMs = new Float64Array(n);
    this.rebuildEndMs = new Float64Array(n);
    this.diskGen = new Uint32Array(n);
    this.diskPriority = Array.from({ length: n }, (): DiskPriority => 'normal');
    this.volumeOf = new Int32Array(n).fill(-1);
    this.volumes = [];
    for (let c = 0; c < n; c++) {
      if (this.kind[c] !== 'disk' || this.volumeOf[c] >= 0) continue;
      const disks = [c];
      const p = this.partner[c];
      if (p >= 0) disks.push(p);
      for (const d of disks) this.volumeOf[d] = this.volumes.length;
      this.volumes.push({ disks, host: this.sys[c], restoring: false, restoreEndMs: 0, gen: 0 });
    }
    this.nodes = rack.systems.map(() => ({
      phase: NodePhase.Up,
      phaseStartMs: 0,
      phaseEndMs: 0,
      reason: '',
      gen: 0,
      cleanStop: false,
    }));
    this.arrayOff = rack.systems.map(() => false);
    this.services = [];
    this.serviceOf = new Int32Array(this.m).fill(-1);
    const clustered = new Set<string>();
    for (const cluster of rack.config.clusters ?? []) {
      const nodes = cluster.nodes.map((id) => sysIndex.get(id) ?? -1);
      const storage = sysIndex.get(cluster.storage) ?? -1;
      this.addService(cluster.id, 'cluster', nodes, storage);
      for (const id of [...cluster.nodes, cluster.storage]) clustered.add(id);
    }
    rack.systems.forEach((s, i) => {
      if (this.isServer[i] && !clustered.has(s.config.id))
        this.addService(s.config.id, 'conventional', [i], -1);
    });
    this.tally = rack.systems.map(() => ({
      uptimeMs: 0,
      downtimeMs: 0,
      transactionsCommitted: 0,
      transactionsLost: 0,
      silentDataCorruptions: 0,
    }));
    this.appStarts = rack.systems.map(() => 0);
    this.shownState = new Uint8Array(n);
    this.shownStatus = new Uint8Array(this.m);
  }

  private addService(
    id: string,
    kind: ServiceState['kind'],
    nodes: number[],
    storage: number,
  ): void {
    const index = this.services.length;
    for (const s of nodes) this.serviceOf[s] = index;
    if (storage >= 0) this.serviceOf[storage] = index;
    this.services.push({
      id,
      kind,
      nodes,
      storage,
      phase: ServicePhase.Up,
      phaseEndMs: 0,
      gen: 0,
      on: nodes[0],
      preferSame: false,
      blame: nodes[0],
      reason: '',
      uptimeMs: 0,
      downtimeMs: 0,
      transactionsCommitted: 0,
      transactionsLost: 0,
      silentDataCorruptions: 0,
      outages: 0,
      failovers: 0,
    });
  }

  systemId(s: number): string {
    return this.rack.systems[s].config.id;
  }

  systemName(s: number): string {
    return this.rack.systems[s].config.name;
  }

  label(c: number): string {
    return this.specs[c].label;
  }

  /** Components of system `s` of one kind (in rack order). */
  partsOf(s: number, kind: ComponentKind): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.n; c++) if (this.sys[c] === s && this.kind[c] === kind) out.push(c);
    return out;
  }

  /** Transactions per simulated millisecond while a service is up. */
  txPerMs(): number {
    return this.options.transactionsPerS / 1000;
  }
}

/**
 * A PCI adapter that carries remote management only (no service traffic). An adapter's label
 * ends with its catalog name in brackets (expand.ts, comparisonExpand.ts).
 */
export function isManagementAdapter(c: ComponentSpec): boolean {
  return c.kind === 'pci' && c.label.endsWith(`(${PCI_ADAPTERS.rmc.name})`);
}

/** Default options: the parameters file's transaction rate, no random faults, no auto-repair. */
export function defaultAltOptions(seed: number): AltOptions {
  return {
    seed,
    randomFaults: false,
    autoRepair: false,
    transactionsPerS: ALTERNATIVES.transactionsPerS.value,
  };
}
