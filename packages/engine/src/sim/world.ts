/**
 * The whole simulated rack as structure-of-arrays state: components and systems are indices,
 * their properties typed arrays. Behaviour lives in the modules beside this file, as plain
 * functions over a World (bitECS style). Every field is listed once in WORLD_FIELDS (world-fields.ts):
 * derived from the configuration (rebuilt on restore), state (saved and restored by persist.ts)
 * or scratch (working memory of one call). world.test.ts fails when a field is in none of them.
 *
 * Time is an integer number of microseconds (`timeUs`), so that sums of durations are exact and
 * the same command log gives the same bytes however `advance` is chunked (docs/design.md, "Time").
 */
import { type ComponentSpec, DEFAULT_DISK_ID, DISKS, type RackModel } from '@ft/hardware';
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { CpuComplex, type WorkloadExecution } from '../cpu/complex.ts';
import { Prng } from '../prng.ts';
import { LANE_DEPTH, MAX_LANE_ELEMENTS } from '../snapshot.ts';
import { type EngineEvent, OpState } from '../types.ts';
import {
  DISK_BLOCKS,
  FAULT_RING,
  IO_ELEMENTS_PER_SYSTEM,
  KIND_CODES,
  LED_ROLES,
  PSUS_PER_SYSTEM,
} from './kinds.ts';
import { Scratch } from './scratch.ts';
import { ACC_PER_SYSTEM } from './accounting.ts';
import { initialManagement, type ManagementState } from './management.ts';
import type { Timer } from './timers.ts';

export interface WorldOptions {
  seed: number;
  randomFaults: boolean;
  /** Replace broken parts and repair links automatically after the service delay (headless). */
  autoRepair: boolean;
  memoryWords: number;
  /** How replicas run the workload (`interpreter` for benchmarks and tests). */
  execution: WorkloadExecution;
}

export class World {
  readonly rack: RackModel;
  readonly options: WorldOptions;
  readonly n: number;
  readonly m: number;
  readonly specs: readonly ComponentSpec[];
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  readonly systemIndex: ReadonlyMap<string, number>;
  readonly partNumber: readonly string[];
  readonly kind: Uint8Array;
  readonly sys: Uint16Array;
  readonly partner: Int32Array;
  readonly parent: Int32Array;
  readonly side: Uint8Array;
  /** CPU slot (0..2) of a CPU element, else -1. */
  readonly cpuSlot: Int8Array;
  /** Per component × LED_ROLES: index of that LED in the component's LED word, or -1. */
  readonly ledIndex: Int8Array;
  readonly children: readonly number[][];
  /** Per system: component index of CPU slot 0..2, I/O 10/11, expansion 12/13, PSU 0..2 (-1 none). */
  readonly sysCpu: Int32Array;
  readonly sysIo: Int32Array;
  readonly sysXio: Int32Array;
  readonly sysPsu: Int32Array;
  readonly sysDisks: readonly number[][];
  readonly sysComponents: readonly number[][];
  /** Per system: the NIC team and the adapter pairs, as [a, b] (the system's links to the world). */
  readonly sysLinks: readonly (readonly [number, number])[][];
  /** Per system: the two halves of the first mirror (bay 1 on I/O 10 and 11): the journal. */
  readonly dataDisk: Int32Array;
  readonly memoryGB: Float64Array;
  readonly tmr: Uint8Array;
  readonly diskBytes: Float64Array;
  /** Disk slot of a disk component in diskBlocks, else -1. */
  readonly diskSlot: Int32Array;
  /** The CPU elements: registers, memory images, outputs (state arrays: CPU_STATE_ARRAYS). */
  readonly cpu: CpuComplex;
  /** Per system, a fault-free replica of the workload: the truth silent corruption is counted against. */
  readonly reference: CpuComplex;
  readonly prng: Prng;
  readonly scratch = new Scratch();

  // State (saved).
  timeUs = 0;
  /** Emit a `vote` event for every compare (slow-motion lockstep view). */
  trace = false;
  /** Whether the last advance could warp quiet systems (it decides what counts as executed). */
  warp = false;
  /** A command or timer changed something: re-decide which systems must run for real. */
  reevaluate = true;
  /** End of the grid cell slices are running through (time-loop.ts re-decides there). */
  sliceUntilUs = -1;
  timers: Timer[] = [];
  events: EngineEvent[] = [];
  eventsDropped = 0;
  /** Replica-instructions executed since start (for benchmarks). */
  replicaInstructions = 0;
  /** Service calls, dumps, Active Upgrade, SAM and gateway state (records, saved as JSON). */
  management: ManagementState;
  readonly reason: string[];
  // Components.
  readonly state: Uint8Array;
  readonly pulled: Uint8Array;
  readonly defect: Uint8Array;
  readonly phaseStartUs: Float64Array;
  readonly phaseEndUs: Float64Array;
  /** Ring of the last fault times (seconds) per component, for the MTBF. */
  readonly faultTimesS: Float64Array;
  readonly faultCount: Uint16Array;
  readonly policy: Uint8Array;
  readonly mtbfThresholdS: Float64Array;
  /** Ring of errors a board signalled itself (time in seconds, weight): DMR rule evidence. */
  readonly evidenceTimesS: Float64Array;
  readonly evidenceWeight: Float32Array;
  readonly evidenceCount: Uint16Array;
  /** Bumped on every state change; timers carry the value they expect. */
  readonly gen: Uint32Array;
  readonly primary: Uint8Array;
  readonly linkDown: Uint8Array;
  readonly diskPriority: Uint8Array;
  readonly serial: Uint32Array;
  /** Share of a disk rebuild already done when its current phase started. */
  readonly rebuildBase: Float64Array;
  /** Disk contents (one word per simulated block), per disk slot. */
  readonly diskBlocks: Int32Array;
  // Systems.
  readonly status: Uint8Array;
  /** Per system: accumulated µs and counts (accounting.ts, Acc). */
  readonly acc: Float64Array;
  /** Per system: time and flags of the last accrual (accounting.ts). */
  readonly acctSinceUs: Float64Array;
  readonly acctFlags: Uint8Array;
  readonly inLockstep: Uint8Array;
  /** Per CPU slot: the board's own checking logic signalled an error (FlagCode). */
  readonly flagged: Uint8Array;
  readonly pauseUntilUs: Float64Array;
  /** Per system: instructions its replicas are entitled to (1 per µs of executed time). */
  readonly instrTarget: Float64Array;
  /** Per system: instruction index up to which every output has been voted (≤ instrTarget). */
  readonly votedTo: Float64Array;
  readonly outputHash: Uint32Array;
  readonly dumpSlot: Int8Array;
  /** Per system: must run for real until then (measures the workload's transaction rate). */
  readonly warmUntilUs: Float64Array;
  /** Per system: runs for real even when time warp is allowed (decided at canonical times). */
  readonly hot: Uint8Array;
  /** Per system: the reference replica runs beside the system (some replica may be corrupted). */
  readonly referenceActive: Uint8Array;
  /** Per system: slot the DMR software rule removed last when it had no evidence, or -1. */
  readonly lastRuleVictim: Int8Array;
  /** Per system: can carry call-home traffic (refreshed at canonical times, for routing). */
  readonly reachableForCalls: Uint8Array;
  /** Per system: service calls opened so far (call ids are numbered per system). */
  readonly callSeq: Uint32Array;
  // Resynchronisation, per system.
  readonly rsTarget: Int8Array;
  readonly rsSource: Int8Array;
  readonly rsPhase: Uint8Array;
  readonly rsPass: Uint8Array;
  readonly rsCursor: Int32Array;
  readonly rsPassPages: Int32Array;
  readonly rsCarry: Float64Array;
  readonly rsCopied: Float64Array;
  /** µs of copying so far; a copy step happens every COPY_QUANTUM_US of it. */
  readonly copyClockUs: Float64Array;
  // Lockstep view lanes.
  readonly laneValue: Int32Array;
  readonly laneFlag: Uint8Array;
  readonly laneHead: Uint32Array;

  constructor(rack: RackModel, options: WorldOptions) {
    this.rack = rack;
    this.options = options;
    const specs = rack.components;
    const n = specs.length;
    const m = rack.systems.length;
    this.n = n;
    this.m = m;
    this.specs = specs;
    const cpuOptions = {
      systems: m,
      memoryWords: options.memoryWords,
      execution: options.execution,
    };
    const cpuSlots = new Set<number>();
    for (const spec of specs) {
      if (spec.kind === 'cpu') {
        const s = rack.systems.findIndex((sys) => sys.config.id === spec.systemId);
        cpuSlots.add(s * REPLICAS_PER_SYSTEM + spec.element);
      }
    }
    this.cpu = new CpuComplex({
      ...cpuOptions,
      replicasPerSystem: REPLICAS_PER_SYSTEM,
      present: (r) => cpuSlots.has(r),
    });
    this.reference = new CpuComplex({ ...cpuOptions, replicasPerSystem: 1 });
    this.prng = new Prng(options.seed);
    this.management = initialManagement(m);
    this.ids = specs.map((s) => s.id);
    this.byId = new Map(specs.map((s, i) => [s.id, i]));
    this.partNumber = specs.map((s) => s.partNumber);
    this.systemIndex = new Map(rack.systems.map((s, i) => [s.config.id, i]));
    const sysIndex = this.systemIndex;

    this.kind = Uint8Array.from(specs, (s) => KIND_CODES[s.kind]);
    this.sys = Uint16Array.from(specs, (s) => sysIndex.get(s.systemId) ?? 0);
    this.partner = Int32Array.from(specs, (s) =>
      s.partnerId ? (this.byId.get(s.partnerId) ?? -1) : -1,
    );
    this.parent = Int32Array.from(specs, (s) =>
      s.parentId ? (this.byId.get(s.parentId) ?? -1) : -1,
    );
    this.side = Uint8Array.from(specs, (s) => s.side);
    this.cpuSlot = Int8Array.from(specs, (s) => (s.kind === 'cpu' ? s.element : -1));
    this.ledIndex = new Int8Array(n * LED_ROLES.length).fill(-1);
    specs.forEach((s, i) => {
      s.leds.forEach((led, index) => {
        const role = LED_ROLES.indexOf(led.role);
        if (role >= 0) this.ledIndex[i * LED_ROLES.length + role] = index;
      });
    });
    const children: number[][] = specs.map(() => []);
    for (let i = 0; i < n; i++) if (this.parent[i] >= 0) children[this.parent[i]].push(i);
    this.children = children;

    this.sysCpu = new Int32Array(m * REPLICAS_PER_SYSTEM).fill(-1);
    this.sysIo = new Int32Array(m * IO_ELEMENTS_PER_SYSTEM).fill(-1);
    this.sysXio = new Int32Array(m * IO_ELEMENTS_PER_SYSTEM).fill(-1);
    this.sysPsu = new Int32Array(m * PSUS_PER_SYSTEM).fill(-1);
    const sysDisks: number[][] = rack.systems.map(() => []);
    const sysComponents: number[][] = rack.systems.map(() => []);
    const sysLinks: [number, number][][] = rack.systems.map(() => []);
    specs.forEach((s, i) => {
      const sy = this.sys[i];
      sysComponents[sy].push(i);
      if (s.kind === 'cpu') this.sysCpu[sy * REPLICAS_PER_SYSTEM + s.element] = i;
      else if (s.kind === 'io') this.sysIo[sy * IO_ELEMENTS_PER_SYSTEM + (s.element - 10)] = i;
      else if (s.kind === 'xio') this.sysXio[sy * IO_ELEMENTS_PER_SYSTEM + (s.element - 12)] = i;
      else if (s.kind === 'psu') this.sysPsu[sy * PSUS_PER_SYSTEM + s.side] = i;
      else if (s.kind === 'disk') sysDisks[sy].push(i);
      if ((s.kind === 'nic' || s.kind === 'pci') && this.partner[i] > i) {
        sysLinks[sy].push([i, this.partner[i]]);
      }
    });
    this.sysDisks = sysDisks;
    this.sysComponents = sysComponents;
    this.sysLinks = sysLinks;
    this.dataDisk = new Int32Array(m * IO_ELEMENTS_PER_SYSTEM).fill(-1);
    specs.forEach((s, i) => {
      if (s.kind === 'disk' && s.slot === 1) {
        this.dataDisk[this.sys[i] * IO_ELEMENTS_PER_SYSTEM + (s.element - 10)] = i;
      }
    });
    this.memoryGB = Float64Array.from(rack.systems, (s) => s.config.memoryGB);
    this.tmr = Uint8Array.from(rack.systems, (s) => (s.config.mode === 'tmr' ? 1 : 0));
    this.diskBytes = new Float64Array(n);
    this.diskSlot = new Int32Array(n).fill(-1);
    let disks = 0;
    specs.forEach((s, i) => {
      if (s.kind === 'disk') {
        this.diskSlot[i] = disks++;
        this.diskBytes[i] = DISKS[DEFAULT_DISK_ID].capacityGB.value * 1e9;
      }
    });

    this.reason = specs.map(() => '');
    this.state = new Uint8Array(n).fill(OpState.Unknown);
    this.pulled = new Uint8Array(n);
    this.defect = new Uint8Array(n);
    this.phaseStartUs = new Float64Array(n);
    this.phaseEndUs = new Float64Array(n);
    this.faultTimesS = new Float64Array(n * FAULT_RING);
    this.faultCount = new Uint16Array(n);
    this.policy = new Uint8Array(n);
    this.mtbfThresholdS = new Float64Array(n);
    this.evidenceTimesS = new Float64Array(n * FAULT_RING);
    this.evidenceWeight = new Float32Array(n * FAULT_RING);
    this.evidenceCount = new Uint16Array(n);
    this.gen = new Uint32Array(n);
    this.primary = new Uint8Array(n);
    this.linkDown = new Uint8Array(n);
    this.diskPriority = new Uint8Array(n).fill(1);
    this.serial = Uint32Array.from(specs, (_, i) => 1000 + i);
    this.rebuildBase = new Float64Array(n);
    this.diskBlocks = new Int32Array(disks * DISK_BLOCKS);

    this.status = new Uint8Array(m);
    this.acc = new Float64Array(m * ACC_PER_SYSTEM);
    this.acctSinceUs = new Float64Array(m);
    this.acctFlags = new Uint8Array(m);
    this.inLockstep = new Uint8Array(m * REPLICAS_PER_SYSTEM);
    this.flagged = new Uint8Array(m * REPLICAS_PER_SYSTEM);
    this.pauseUntilUs = new Float64Array(m);
    this.instrTarget = new Float64Array(m);
    this.votedTo = new Float64Array(m);
    this.outputHash = new Uint32Array(m).fill(2166136261);
    this.dumpSlot = new Int8Array(m).fill(-1);
    this.warmUntilUs = new Float64Array(m);
    this.hot = new Uint8Array(m);
    this.referenceActive = new Uint8Array(m);
    this.lastRuleVictim = new Int8Array(m).fill(-1);
    this.reachableForCalls = new Uint8Array(m).fill(1);
    this.callSeq = new Uint32Array(m);
    this.rsTarget = new Int8Array(m).fill(-1);
    this.rsSource = new Int8Array(m).fill(-1);
    this.rsPhase = new Uint8Array(m);
    this.rsPass = new Uint8Array(m);
    this.rsCursor = new Int32Array(m);
    this.rsPassPages = new Int32Array(m);
    this.rsCarry = new Float64Array(m);
    this.rsCopied = new Float64Array(m);
    this.copyClockUs = new Float64Array(m);
    const lanes = m * MAX_LANE_ELEMENTS * LANE_DEPTH;
    this.laneValue = new Int32Array(lanes);
    this.laneFlag = new Uint8Array(lanes);
    this.laneHead = new Uint32Array(m);
  }

  /** Simulated time in milliseconds (the public unit). */
  get timeMs(): number {
    return this.timeUs / 1000;
  }

  /** Replica index (into the CPU complex) of CPU slot `slot` of system `s`. */
  replica(s: number, slot: number): number {
    return s * REPLICAS_PER_SYSTEM + slot;
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
}
