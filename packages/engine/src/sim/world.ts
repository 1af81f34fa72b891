/**
 * The whole simulated rack as structure-of-arrays state: components and systems are indices,
 * their properties typed arrays. Behaviour lives in the modules beside this file, as plain
 * functions over a World (bitECS style). Everything here is saved and restored by persist.ts.
 */
import {
  type ComponentKind,
  type ComponentSpec,
  DEFAULT_DISK_ID,
  DISKS,
  type LedRole,
  type RackModel,
} from '@ft/hardware';
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { CpuComplex } from '../cpu/complex.ts';
import { MIN_MEMORY_WORDS } from '../cpu/workload.ts';
import { Prng } from '../prng.ts';
import { LANE_DEPTH, MAX_LANE_ELEMENTS } from '../snapshot.ts';
import { type EngineEvent, OpState } from '../types.ts';
import { initialOps, type OpsState } from './ops.ts';
import type { Timer } from './timers.ts';

export enum Kind {
  Cpu = 0,
  Io = 1,
  Xio = 2,
  Disk = 3,
  Pci = 4,
  Nic = 5,
  Psu = 6,
}

export const KIND_CODES: Record<ComponentKind, Kind> = {
  cpu: Kind.Cpu,
  io: Kind.Io,
  xio: Kind.Xio,
  disk: Kind.Disk,
  pci: Kind.Pci,
  nic: Kind.Nic,
  psu: Kind.Psu,
};

export const LED_ROLES: readonly LedRole[] = [
  'power',
  'fault',
  'safeToPull',
  'activity',
  'primary',
];

/** Simulated blocks per disk (each stands for capacity / DISK_BLOCKS bytes). */
export const DISK_BLOCKS = 4096;

export enum Defect {
  None = 0,
  StuckAt = 1,
  AdapterFailure = 2,
  DiskFailure = 3,
  PsuFailure = 4,
}

export enum Policy {
  Threshold = 0,
  Never = 1,
  Always = 2,
}

export interface WorldOptions {
  seed: number;
  randomFaults: boolean;
  /** Replace broken parts automatically after the service delay (headless simulations). */
  autoRepair: boolean;
  memoryWords: number;
}

export class World {
  readonly n: number;
  readonly m: number;
  readonly specs: readonly ComponentSpec[];
  readonly cpu: CpuComplex;
  readonly prng: Prng;
  timeMs = 0;
  timerSeq = 0;
  callSeq = 0;
  /** Time warp may not skip before this time (lets faults be detected first). */
  warpHoldUntilMs = 0;
  trace = false;
  timers: Timer[] = [];
  events: EngineEvent[] = [];
  eventsDropped = 0;
  /** Replica-instructions executed since start (for benchmarks). */
  replicaInstructions = 0;
  /** Service calls, dumps, Active Upgrade, SAM and gateway state (records, saved as JSON). */
  ops: OpsState;

  // Static relations, derived from the catalog.
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
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  /** Per system: component index of CPU slot 0..2, I/O 10/11, expansion 12/13, PSU 0..2 (-1 none). */
  readonly sysCpu: Int32Array;
  readonly sysIo: Int32Array;
  readonly sysXio: Int32Array;
  readonly sysPsu: Int32Array;
  readonly sysDisks: readonly number[][];
  readonly sysComponents: readonly number[][];
  /** Per system: the two halves of the first mirror (bay 1 on I/O 10 and 11), which hold the journal. */
  readonly dataDisk: Int32Array;
  readonly memoryGB: Float64Array;
  readonly tmr: Uint8Array;
  readonly diskBytes: Float64Array;
  readonly partNumber: readonly string[];

  // Component state.
  readonly state: Uint8Array;
  readonly pulled: Uint8Array;
  readonly defect: Uint8Array;
  readonly phaseStartMs: Float64Array;
  readonly phaseEndMs: Float64Array;
  /** Ring of the last fault times (seconds) per component, for the MTBF. */
  readonly faultTimesS: Float64Array;
  readonly faultCount: Uint16Array;
  readonly policy: Uint8Array;
  readonly mtbfThresholdS: Float64Array;
  /** Bumped on every state change; timers carry the value they expect. */
  readonly gen: Uint32Array;
  readonly primary: Uint8Array;
  readonly linkDown: Uint8Array;
  readonly diskPriority: Uint8Array;
  readonly serial: Uint32Array;
  readonly reason: string[];
  /** Disk contents (one word per simulated block) and rebuild position, per disk component. */
  readonly diskSlot: Int32Array;
  readonly diskBlocks: Int32Array;
  readonly rebuildPos: Float64Array;

  // System state.
  readonly status: Uint8Array;
  readonly counters: Float64Array;
  readonly inLockstep: Uint8Array;
  readonly flagged: Uint8Array;
  readonly tainted: Uint8Array;
  readonly pauseUntilMs: Float64Array;
  readonly carry: Float64Array;
  readonly outputHash: Uint32Array;
  readonly dumpSlot: Int8Array;
  readonly executed: Float64Array;
  readonly outputs: Float64Array;
  // Resynchronisation, per system.
  readonly rsTarget: Int8Array;
  readonly rsSource: Int8Array;
  readonly rsPhase: Uint8Array;
  readonly rsPass: Uint8Array;
  readonly rsCursor: Int32Array;
  readonly rsPassPages: Int32Array;
  readonly rsCarry: Float64Array;
  readonly rsCopied: Float64Array;
  // Lockstep view lanes.
  readonly laneValue: Int32Array;
  readonly laneFlag: Uint8Array;
  readonly laneHead: Uint32Array;

  constructor(
    readonly rack: RackModel,
    readonly options: WorldOptions,
  ) {
    const specs = rack.components;
    const n = specs.length;
    const m = rack.systems.length;
    this.n = n;
    this.m = m;
    this.specs = specs;
    this.cpu = new CpuComplex(m, options.memoryWords || MIN_MEMORY_WORDS);
    this.prng = new Prng(options.seed);
    this.ops = initialOps(m);
    this.ids = specs.map((s) => s.id);
    this.byId = new Map(specs.map((s, i) => [s.id, i]));
    this.partNumber = specs.map((s) => s.partNumber);
    const sysIndex = new Map(rack.systems.map((s, i) => [s.config.id, i]));

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
    this.sysIo = new Int32Array(m * 2).fill(-1);
    this.sysXio = new Int32Array(m * 2).fill(-1);
    this.sysPsu = new Int32Array(m * 3).fill(-1);
    const sysDisks: number[][] = rack.systems.map(() => []);
    const sysComponents: number[][] = rack.systems.map(() => []);
    specs.forEach((s, i) => {
      const sy = this.sys[i];
      sysComponents[sy].push(i);
      if (s.kind === 'cpu') this.sysCpu[sy * REPLICAS_PER_SYSTEM + s.element] = i;
      else if (s.kind === 'io') this.sysIo[sy * 2 + (s.element - 10)] = i;
      else if (s.kind === 'xio') this.sysXio[sy * 2 + (s.element - 12)] = i;
      else if (s.kind === 'psu') this.sysPsu[sy * 3 + s.side] = i;
      else if (s.kind === 'disk') sysDisks[sy].push(i);
    });
    this.sysDisks = sysDisks;
    this.dataDisk = new Int32Array(m * 2).fill(-1);
    specs.forEach((s, i) => {
      if (s.kind === 'disk' && s.slot === 1) this.dataDisk[this.sys[i] * 2 + (s.element - 10)] = i;
    });
    this.sysComponents = sysComponents;
    this.memoryGB = Float64Array.from(rack.systems, (s) => s.config.memoryGB);
    this.tmr = Uint8Array.from(rack.systems, (s) => (s.config.mode === 'tmr' ? 1 : 0));
    this.diskBytes = new Float64Array(n);

    this.state = new Uint8Array(n);
    this.pulled = new Uint8Array(n);
    this.defect = new Uint8Array(n);
    this.phaseStartMs = new Float64Array(n);
    this.phaseEndMs = new Float64Array(n);
    this.faultTimesS = new Float64Array(n * FAULT_RING);
    this.faultCount = new Uint16Array(n);
    this.policy = new Uint8Array(n);
    this.mtbfThresholdS = new Float64Array(n);
    this.gen = new Uint32Array(n);
    this.primary = new Uint8Array(n);
    this.linkDown = new Uint8Array(n);
    this.diskPriority = new Uint8Array(n).fill(1);
    this.serial = Uint32Array.from(specs, (_, i) => 1000 + i);
    this.reason = specs.map(() => '');
    this.diskSlot = new Int32Array(n).fill(-1);
    let disks = 0;
    specs.forEach((s, i) => {
      if (s.kind === 'disk') {
        this.diskSlot[i] = disks++;
        this.diskBytes[i] = DISKS[DEFAULT_DISK_ID].capacityGB.value * 1e9;
      }
    });
    this.diskBlocks = new Int32Array(disks * DISK_BLOCKS);
    this.rebuildPos = new Float64Array(n);

    this.status = new Uint8Array(m);
    this.counters = new Float64Array(m * 8);
    this.inLockstep = new Uint8Array(m * REPLICAS_PER_SYSTEM);
    this.flagged = new Uint8Array(m * REPLICAS_PER_SYSTEM);
    this.tainted = new Uint8Array(m * REPLICAS_PER_SYSTEM);
    this.pauseUntilMs = new Float64Array(m);
    this.carry = new Float64Array(m);
    this.outputHash = new Uint32Array(m).fill(2166136261);
    this.dumpSlot = new Int8Array(m).fill(-1);
    this.executed = new Float64Array(m);
    this.outputs = new Float64Array(m);
    this.rsTarget = new Int8Array(m).fill(-1);
    this.rsSource = new Int8Array(m).fill(-1);
    this.rsPhase = new Uint8Array(m);
    this.rsPass = new Uint8Array(m);
    this.rsCursor = new Int32Array(m);
    this.rsPassPages = new Int32Array(m);
    this.rsCarry = new Float64Array(m);
    this.rsCopied = new Float64Array(m);
    const lanes = m * MAX_LANE_ELEMENTS * LANE_DEPTH;
    this.laneValue = new Int32Array(lanes);
    this.laneFlag = new Uint8Array(lanes);
    this.laneHead = new Uint32Array(m);
    for (let i = 0; i < n; i++) this.state[i] = OpState.Unknown;
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

  /** Typed arrays that make up the state, by name (for save/restore). */
  typedArrays(): [string, ArrayBufferView][] {
    const out: [string, ArrayBufferView][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (ArrayBuffer.isView(value) && !STATIC_ARRAYS.has(key)) out.push([key, value]);
    }
    const c = this.cpu;
    out.push(['cpu.regs', c.regs], ['cpu.pc', c.pc], ['cpu.mem', c.mem], ['cpu.dirty', c.dirty]);
    out.push(['cpu.stuckMask', c.stuckMask], ['cpu.stuckValue', c.stuckValue]);
    out.push(['cpu.stuckReg', c.stuckReg], ['prng', this.prng.state]);
    return out;
  }
}

/** Faults remembered per component for the MTBF. */
export const FAULT_RING = 8;

const STATIC_ARRAYS = new Set([
  'kind',
  'sys',
  'partner',
  'parent',
  'side',
  'cpuSlot',
  'ledIndex',
  'sysCpu',
  'sysIo',
  'sysXio',
  'sysPsu',
  'memoryGB',
  'tmr',
  'diskBytes',
  'dataDisk',
]);
