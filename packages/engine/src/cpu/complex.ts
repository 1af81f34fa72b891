/**
 * CPU replicas as structure-of-arrays typed arrays: registers, program counters, memory images,
 * executed-instruction counts and output buffers of every replica, plus one dirty-page map per
 * system for resynchronisation.
 *
 * Why it looks like this: running the workload is the hot loop of the whole twin. Each replica
 * runs the shared program (build-time compiled, or interpreted) with its registers and memory
 * addressed by a base offset into one big array, and appends its I/O outputs (value, port,
 * instruction index) to its own buffer, which the voter reads. Nothing here allocates.
 */
import { type CompiledRun, findLeaders, programFingerprint } from './codegen.ts';
import { PAGE_SHIFT } from './complex-constants.ts';
import { interpret } from './interpreter.ts';
import { REGISTERS } from './isa.ts';
import { liveRegisters } from './liveness.ts';
import { GENERATED_FINGERPRINT, runGeneratedWorkload } from './workload.generated.ts';
import { buildWorkload, initialiseImage, MIN_MEMORY_WORDS } from './workload.ts';

/** Outputs buffered per replica before the voter must look at them. */
export const OUTPUT_CAPACITY = 512;

/** `auto`: the build-time compiled workload when it matches the program, else the interpreter. */
export type WorkloadExecution = 'auto' | 'interpreter';

export interface CpuComplexOptions {
  systems: number;
  /** Replicas per system; they share the system's dirty-page map. */
  replicasPerSystem: number;
  /** Which replicas exist (a DMR system has no third CPU element); default: all. */
  present?: (replica: number) => boolean;
  memoryWords?: number;
  execution?: WorkloadExecution;
  /** The program to run (the workload unless a test gives another). */
  program?: Int32Array;
}

/**
 * Typed arrays of a complex that hold state (saved and restored with the engine), besides the
 * memory image of each replica (`images`).
 */
export const CPU_STATE_ARRAYS = [
  'regs',
  'pc',
  'dirty',
  'instructions',
  'stuckMask',
  'stuckValue',
  'stuckReg',
  'outValue',
  'outPort',
  'outIndex',
  'outCount',
] as const;

export class CpuComplex {
  readonly program: Int32Array;
  readonly leader: Uint8Array;
  /** Live-in register mask per instruction (liveness.ts). */
  readonly live: Uint32Array;
  readonly memoryWords: number;
  readonly memoryMask: number;
  readonly pages: number;
  readonly replicas: number;
  readonly replicasPerSystem: number;
  readonly outputCapacity = OUTPUT_CAPACITY;
  /** True when the build-time compiled code runs this program; false: interpreter only. */
  readonly precompiled: boolean;
  readonly regs: Int32Array;
  readonly pc: Int32Array;
  /** Memory image per replica (empty for a replica that does not exist). */
  readonly images: readonly Int32Array[];
  /** Per system, per page: written since the flag was last cleared. */
  readonly dirty: Uint8Array;
  /** Page writes of runs nobody tracks (a removed replica running out); never read. */
  readonly scratchDirty: Uint8Array;
  /** Per replica: instructions executed since the replica was booted or resynchronised. */
  readonly instructions: Float64Array;
  /** Per replica: a stuck-at hard fault forces `stuckValue` into the `stuckMask` bits of `stuckReg`. */
  readonly stuckMask: Int32Array;
  readonly stuckValue: Int32Array;
  readonly stuckReg: Uint8Array;
  /** Per replica: outputs not yet voted, `outCount` of them: value, port, instruction index. */
  readonly outValue: Int32Array;
  readonly outPort: Int32Array;
  readonly outIndex: Float64Array;
  readonly outCount: Int32Array;
  private readonly compiled: CompiledRun | null;

  constructor(options: CpuComplexOptions) {
    const memoryWords = options.memoryWords || MIN_MEMORY_WORDS;
    if (memoryWords < MIN_MEMORY_WORDS || (memoryWords & (memoryWords - 1)) !== 0) {
      throw new Error(`memoryWords must be a power of two ≥ ${MIN_MEMORY_WORDS}`);
    }
    const replicas = options.systems * options.replicasPerSystem;
    this.program = options.program ?? buildWorkload();
    this.leader = findLeaders(this.program);
    this.live = liveRegisters(this.program);
    this.precompiled = programFingerprint(this.program) === GENERATED_FINGERPRINT;
    this.compiled =
      this.precompiled && options.execution !== 'interpreter' ? runGeneratedWorkload : null;
    this.replicas = replicas;
    this.replicasPerSystem = options.replicasPerSystem;
    this.memoryWords = memoryWords;
    this.memoryMask = memoryWords - 1;
    this.pages = memoryWords >>> PAGE_SHIFT;
    this.regs = new Int32Array(replicas * REGISTERS);
    this.pc = new Int32Array(replicas);
    const present = options.present ?? (() => true);
    this.images = Array.from({ length: replicas }, (_, r) =>
      present(r) ? new Int32Array(memoryWords) : new Int32Array(0),
    );
    this.dirty = new Uint8Array(options.systems * this.pages);
    this.scratchDirty = new Uint8Array(this.pages);
    this.instructions = new Float64Array(replicas);
    this.stuckMask = new Int32Array(replicas);
    this.stuckValue = new Int32Array(replicas);
    this.stuckReg = new Uint8Array(replicas);
    this.outValue = new Int32Array(replicas * OUTPUT_CAPACITY);
    this.outPort = new Int32Array(replicas * OUTPUT_CAPACITY);
    this.outIndex = new Float64Array(replicas * OUTPUT_CAPACITY);
    this.outCount = new Int32Array(replicas);
  }

  /** True when replicas run the compiled workload (false: the interpreter). */
  get compiledExecution(): boolean {
    return this.compiled !== null;
  }

  /** Boots a replica: fresh registers, program counter 0, no outputs, optionally a fresh image. */
  reset(replica: number, freshImage: boolean, instructions = 0): void {
    this.regs.fill(0, replica * REGISTERS, (replica + 1) * REGISTERS);
    this.pc[replica] = 0;
    this.instructions[replica] = instructions;
    this.clearOutputs(replica);
    if (freshImage) initialiseImage(this.images[replica], 0, this.memoryWords);
  }

  /**
   * Runs one replica for about `maxSteps` instructions (to the next block leader), or until its
   * output buffer is full. With `untracked`, its page writes do not count as dirty (a replica
   * outside lockstep). Returns the instructions executed.
   */
  run(replica: number, maxSteps: number, untracked = false): number {
    const dirty = untracked ? this.scratchDirty : this.dirty;
    const db = untracked ? 0 : ((replica / this.replicasPerSystem) | 0) * this.pages;
    let n: number;
    if (this.stuckMask[replica] !== 0 || this.compiled === null) {
      n = interpret(this, replica, maxSteps, dirty, db, this.stuckMask[replica] !== 0);
    } else {
      n = this.compiled(
        this.regs,
        this.images[replica],
        dirty,
        this.pc,
        this.outValue,
        this.outPort,
        this.outIndex,
        this.outCount,
        replica,
        replica * REGISTERS,
        0,
        db,
        replica * OUTPUT_CAPACITY,
        OUTPUT_CAPACITY,
        this.memoryMask,
        this.instructions[replica],
        maxSteps,
      );
    }
    this.instructions[replica] += n;
    return n;
  }

  /** True when the replica's output buffer is full (it must be voted before running on). */
  full(replica: number): boolean {
    return this.outCount[replica] >= OUTPUT_CAPACITY;
  }

  /** Drops every buffered output of a replica. */
  clearOutputs(replica: number): void {
    this.outCount[replica] = 0;
  }

  /**
   * Drops the first `count` buffered outputs; the rest move to the front. Entries past
   * `outCount` are stale and never read (saves write them as zeros: see canonicalOutputs).
   */
  consumeOutputs(replica: number, count: number): void {
    const total = this.outCount[replica];
    if (count <= 0) return;
    const rest = total - count;
    if (rest > 0) {
      const base = replica * OUTPUT_CAPACITY;
      this.outValue.copyWithin(base, base + count, base + total);
      this.outPort.copyWithin(base, base + count, base + total);
      this.outIndex.copyWithin(base, base + count, base + total);
    }
    this.outCount[replica] = Math.max(0, rest);
  }

  /**
   * One output array as saved: the buffered outputs of every replica, zeros past each
   * replica's count (so that the bytes do not depend on what was buffered before).
   */
  canonicalOutputs<T extends Int32Array | Float64Array>(array: T): T {
    const out = array.slice() as T;
    for (let r = 0; r < this.replicas; r++) {
      out.fill(0, r * OUTPUT_CAPACITY + this.outCount[r], (r + 1) * OUTPUT_CAPACITY);
    }
    return out;
  }

  /** Copies pages [first, first + count) of the memory image from one replica to another. */
  copyPages(from: number, to: number, first: number, count: number): void {
    const start = first << PAGE_SHIFT;
    this.images[to].set(this.images[from].subarray(start, start + (count << PAGE_SHIFT)), start);
  }

  /**
   * Copies registers, program counter, instruction count and pending outputs (the final step of
   * a resync: afterwards the two replicas are at the same point of the same stream).
   */
  copyRegisters(from: number, to: number): void {
    copyExecutionState(this, from, this, to);
  }

  /** Index of a replica's register in `regs` (for fault injection). */
  registerIndex(replica: number, register: number): number {
    return replica * REGISTERS + register;
  }

  /** True when `register` is live (will be read before written) where the replica stands. */
  registerLive(replica: number, register: number): boolean {
    return (this.live[this.pc[replica]] & (1 << register)) !== 0;
  }
}

/** Copies everything but the memory image of one replica to another (possibly another complex). */
export function copyExecutionState(a: CpuComplex, ra: number, b: CpuComplex, rb: number): void {
  b.regs.set(a.regs.subarray(ra * REGISTERS, (ra + 1) * REGISTERS), rb * REGISTERS);
  b.pc[rb] = a.pc[ra];
  b.instructions[rb] = a.instructions[ra];
  b.clearOutputs(rb);
  const n = a.outCount[ra];
  const sa = ra * OUTPUT_CAPACITY;
  const sb = rb * OUTPUT_CAPACITY;
  b.outValue.set(a.outValue.subarray(sa, sa + n), sb);
  b.outPort.set(a.outPort.subarray(sa, sa + n), sb);
  b.outIndex.set(a.outIndex.subarray(sa, sa + n), sb);
  b.outCount[rb] = n;
}

/** Copies a replica's whole state (memory image included), possibly into another complex. */
export function copyReplica(a: CpuComplex, ra: number, b: CpuComplex, rb: number): void {
  b.images[rb].set(a.images[ra]);
  copyExecutionState(a, ra, b, rb);
}

/**
 * True when two replicas are bit-identical: registers, program counter, instruction count,
 * pending outputs and memory image.
 */
export function identicalReplicas(a: CpuComplex, ra: number, b: CpuComplex, rb: number): boolean {
  if (a.pc[ra] !== b.pc[rb] || a.instructions[ra] !== b.instructions[rb]) return false;
  for (let r = 0; r < REGISTERS; r++) {
    if (a.regs[ra * REGISTERS + r] !== b.regs[rb * REGISTERS + r]) return false;
  }
  const n = a.outCount[ra];
  if (n !== b.outCount[rb]) return false;
  for (let j = 0; j < n; j++) {
    const ia = ra * OUTPUT_CAPACITY + j;
    const ib = rb * OUTPUT_CAPACITY + j;
    if (
      a.outValue[ia] !== b.outValue[ib] ||
      a.outPort[ia] !== b.outPort[ib] ||
      a.outIndex[ia] !== b.outIndex[ib]
    ) {
      return false;
    }
  }
  const ma = a.images[ra];
  const mb = b.images[rb];
  if (ma.length !== mb.length) return false;
  for (let i = 0; i < ma.length; i++) if (ma[i] !== mb[i]) return false;
  return true;
}
