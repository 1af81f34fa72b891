/**
 * The CPU elements of every system in the rack, as structure-of-arrays typed arrays: registers,
 * program counters and memory images of up to three replicas per system, plus one dirty-page map
 * per system for resynchronisation.
 *
 * Why it looks like this: the interpreter is the hot loop of the whole twin. Each replica runs
 * the shared pre-decoded program up to its next I/O instruction (the point where the hardware
 * compares outputs), with its registers and memory addressed by a base offset into one big array.
 * Nothing here allocates; results come back in preallocated arrays (`ioValue`, `ioPort`).
 */
import { type CompiledRun, compileProgram, findLeaders } from './compile.ts';
import { PAGE_SHIFT, REPLICAS_PER_SYSTEM } from './complex-constants.ts';
import { REGISTERS } from './isa.ts';
import { buildWorkload, initialiseImage, MIN_MEMORY_WORDS } from './workload.ts';

export { PAGE_SHIFT, PAGE_WORDS, REPLICAS_PER_SYSTEM } from './complex-constants.ts';

/** Outputs buffered per replica per slice before the voter must look at them. */
export const OUTPUT_CAPACITY = 512;

export class CpuComplex {
  readonly program: Int32Array;
  readonly memoryWords: number;
  readonly memoryMask: number;
  readonly pages: number;
  readonly regs: Int32Array;
  readonly pc: Int32Array;
  readonly mem: Int32Array;
  /** Per system, per page: written since the flag was last cleared. */
  readonly dirty: Uint8Array;
  /** Per replica: a stuck-at hard fault forces `stuckValue` into the `stuckMask` bits of `stuckReg`. */
  readonly stuckMask: Int32Array;
  readonly stuckValue: Int32Array;
  readonly stuckReg: Uint8Array;
  /**
   * Per replica, the outputs of the current slice: value, port and the step index (within the
   * slice) of each I/O instruction, `outCount` of them. The voter compares these across replicas.
   */
  readonly outValue: Int32Array;
  readonly outPort: Int32Array;
  readonly outStep: Int32Array;
  readonly outCount: Int32Array;
  private readonly compiled: CompiledRun;
  private readonly leader: Uint8Array;

  constructor(
    readonly systems: number,
    memoryWords = MIN_MEMORY_WORDS,
  ) {
    if (memoryWords < MIN_MEMORY_WORDS || (memoryWords & (memoryWords - 1)) !== 0) {
      throw new Error(`memoryWords must be a power of two ≥ ${MIN_MEMORY_WORDS}`);
    }
    const replicas = systems * REPLICAS_PER_SYSTEM;
    this.program = buildWorkload();
    this.compiled = compileProgram(this.program);
    this.leader = findLeaders(this.program);
    this.memoryWords = memoryWords;
    this.memoryMask = memoryWords - 1;
    this.pages = memoryWords >>> PAGE_SHIFT;
    this.regs = new Int32Array(replicas * REGISTERS);
    this.pc = new Int32Array(replicas);
    this.mem = new Int32Array(replicas * memoryWords);
    this.dirty = new Uint8Array(systems * this.pages);
    this.stuckMask = new Int32Array(replicas);
    this.stuckValue = new Int32Array(replicas);
    this.stuckReg = new Uint8Array(replicas);
    this.outValue = new Int32Array(replicas * OUTPUT_CAPACITY);
    this.outPort = new Int32Array(replicas * OUTPUT_CAPACITY);
    this.outStep = new Int32Array(replicas * OUTPUT_CAPACITY);
    this.outCount = new Int32Array(replicas);
  }

  /** Boots a replica: fresh registers, program counter 0, and (optionally) a fresh image. */
  reset(replica: number, freshImage: boolean): void {
    this.regs.fill(0, replica * REGISTERS, (replica + 1) * REGISTERS);
    this.pc[replica] = 0;
    if (freshImage) initialiseImage(this.mem, replica * this.memoryWords, this.memoryWords);
  }

  /**
   * Runs one replica for about `maxSteps` instructions (to the next block leader), or until its
   * output buffer is full. Call {@link clearOutputs} first. Returns the instructions executed.
   */
  run(replica: number, maxSteps: number): number {
    if (this.stuckMask[replica] !== 0) return this.runStuck(replica, maxSteps);
    return this.runFast(replica, maxSteps);
  }

  clearOutputs(replica: number): void {
    this.outCount[replica] = 0;
  }

  private runFast(replica: number, maxSteps: number): number {
    return this.compiled(
      this.regs,
      this.mem,
      this.dirty,
      this.pc,
      this.outValue,
      this.outPort,
      this.outStep,
      this.outCount,
      replica,
      replica * REGISTERS,
      replica * this.memoryWords,
      ((replica / REPLICAS_PER_SYSTEM) | 0) * this.pages,
      replica * OUTPUT_CAPACITY,
      OUTPUT_CAPACITY,
      this.memoryMask,
      maxSteps,
    );
  }

  /**
   * The reference interpreter: one instruction at a time, same semantics as the compiled path.
   * With `stuck`, the replica's stuck-at bits are forced after every instruction.
   */
  interpret(replica: number, maxSteps: number, stuck = false): number {
    const P = this.program;
    const R = this.regs;
    const M = this.mem;
    const L = this.leader;
    const rb = replica * REGISTERS;
    const mb = replica * this.memoryWords;
    const mask = this.memoryMask;
    const db = ((replica / REPLICAS_PER_SYSTEM) | 0) * this.pages;
    const reg = rb + this.stuckReg[replica];
    const keep = ~this.stuckMask[replica];
    const force = this.stuckValue[replica] & this.stuckMask[replica];
    const ob = replica * OUTPUT_CAPACITY;
    let k = this.outCount[replica];
    let full = false;
    let pc = this.pc[replica];
    let n = 0;
    for (;;) {
      const i = pc << 2;
      const a = P[i + 1];
      const b = P[i + 2];
      const c = P[i + 3];
      n++;
      pc++;
      switch (P[i]) {
        case 0:
          R[rb + a] = c;
          break;
        case 1:
          R[rb + a] = R[rb + b];
          break;
        case 2:
          R[rb + a] = (R[rb + b] + R[rb + c]) | 0;
          break;
        case 3:
          R[rb + a] = (R[rb + b] + c) | 0;
          break;
        case 4:
          R[rb + a] = (R[rb + b] - R[rb + c]) | 0;
          break;
        case 5:
          R[rb + a] = Math.imul(R[rb + b], c);
          break;
        case 6:
          R[rb + a] = R[rb + b] ^ R[rb + c];
          break;
        case 7:
          R[rb + a] = R[rb + b] & c;
          break;
        case 8:
          R[rb + a] = R[rb + b] >>> c;
          break;
        case 9:
          R[rb + a] = R[rb + b] << c;
          break;
        case 10:
          R[rb + a] = M[mb + ((R[rb + b] + c) & mask)];
          break;
        case 11: {
          const addr = (R[rb + b] + c) & mask;
          M[mb + addr] = R[rb + a];
          this.dirty[db + (addr >>> PAGE_SHIFT)] = 1;
          break;
        }
        case 12:
          if (R[rb + a] < R[rb + b]) pc = c;
          break;
        case 13:
          if (R[rb + a] !== R[rb + b]) pc = c;
          break;
        case 14:
          pc = c;
          break;
        case 15:
          this.outValue[ob + k] = R[rb + a];
          this.outPort[ob + k] = c;
          this.outStep[ob + k] = n;
          k++;
          full = k >= OUTPUT_CAPACITY;
          break;
      }
      if (stuck) R[reg] = (R[reg] & keep) | force;
      if (L[pc] === 1 && (n >= maxSteps || full)) break;
    }
    this.pc[replica] = pc;
    this.outCount[replica] = k;
    return n;
  }

  /** Slow path for a replica with a stuck-at fault: the stuck bits are forced after every step. */
  private runStuck(replica: number, maxSteps: number): number {
    return this.interpret(replica, maxSteps, true);
  }

  /** Copies pages [first, first + count) of the memory image from one replica to another. */
  copyPages(from: number, to: number, first: number, count: number): void {
    const w = this.memoryWords;
    const start = from * w + (first << PAGE_SHIFT);
    this.mem.copyWithin(to * w + (first << PAGE_SHIFT), start, start + (count << PAGE_SHIFT));
  }

  /** Copies registers and program counter (the final step of a resync). */
  copyRegisters(from: number, to: number): void {
    this.regs.copyWithin(to * REGISTERS, from * REGISTERS, (from + 1) * REGISTERS);
    this.pc[to] = this.pc[from];
  }

  /** True when two replicas' registers, program counters and memory images are identical. */
  identical(a: number, b: number): boolean {
    if (this.pc[a] !== this.pc[b]) return false;
    for (let r = 0; r < REGISTERS; r++) {
      if (this.regs[a * REGISTERS + r] !== this.regs[b * REGISTERS + r]) return false;
    }
    const w = this.memoryWords;
    const ma = a * w;
    const mb = b * w;
    for (let i = 0; i < w; i++) if (this.mem[ma + i] !== this.mem[mb + i]) return false;
    return true;
  }
}
