/**
 * The reference interpreter: one instruction at a time, with exactly the semantics of the
 * generated code (codegen.ts). It runs replicas with a stuck-at fault (the stuck bits are forced
 * after every instruction), the whole workload when no pre-compiled code matches the program,
 * and it is what the generated code is tested against.
 */
import type { CpuComplex } from './complex.ts';
import { Op, REGISTERS, WORDS_PER_INSTRUCTION } from './isa.ts';
import { PAGE_SHIFT } from './complex-constants.ts';

/**
 * Runs `replica` of `cpu` for about `maxSteps` instructions (to the next block leader), or until
 * its output buffer is full; page writes are marked in `dirty` from `dirtyBase`. With `stuck`,
 * the replica's stuck-at bits are forced after every instruction. Returns the steps executed.
 */
export function interpret(
  cpu: CpuComplex,
  replica: number,
  maxSteps: number,
  dirty: Uint8Array,
  dirtyBase: number,
  stuck: boolean,
): number {
  const P = cpu.program;
  const R = cpu.regs;
  const M = cpu.images[replica];
  const L = cpu.leader;
  const rb = replica * REGISTERS;
  const mask = cpu.memoryMask;
  const reg = rb + cpu.stuckReg[replica];
  const keep = ~cpu.stuckMask[replica];
  const force = cpu.stuckValue[replica] & cpu.stuckMask[replica];
  const cap = cpu.outputCapacity;
  const ob = replica * cap;
  const base = cpu.instructions[replica];
  let k = cpu.outCount[replica];
  let full = false;
  let pc = cpu.pc[replica];
  let n = 0;
  for (;;) {
    const i = pc * WORDS_PER_INSTRUCTION;
    const a = P[i + 1];
    const b = P[i + 2];
    const c = P[i + 3];
    n++;
    pc++;
    switch (P[i] as Op) {
      case Op.Li:
        R[rb + a] = c;
        break;
      case Op.Mov:
        R[rb + a] = R[rb + b];
        break;
      case Op.Add:
        R[rb + a] = (R[rb + b] + R[rb + c]) | 0;
        break;
      case Op.Addi:
        R[rb + a] = (R[rb + b] + c) | 0;
        break;
      case Op.Sub:
        R[rb + a] = (R[rb + b] - R[rb + c]) | 0;
        break;
      case Op.Muli:
        R[rb + a] = Math.imul(R[rb + b], c);
        break;
      case Op.Xor:
        R[rb + a] = R[rb + b] ^ R[rb + c];
        break;
      case Op.Andi:
        R[rb + a] = R[rb + b] & c;
        break;
      case Op.Shri:
        R[rb + a] = R[rb + b] >>> c;
        break;
      case Op.Shli:
        R[rb + a] = R[rb + b] << c;
        break;
      case Op.Ld:
        R[rb + a] = M[(R[rb + b] + c) & mask];
        break;
      case Op.St: {
        const address = (R[rb + b] + c) & mask;
        M[address] = R[rb + a];
        dirty[dirtyBase + (address >>> PAGE_SHIFT)] = 1;
        break;
      }
      case Op.Blt:
        if (R[rb + a] < R[rb + b]) pc = c;
        break;
      case Op.Bne:
        if (R[rb + a] !== R[rb + b]) pc = c;
        break;
      case Op.Jmp:
        pc = c;
        break;
      case Op.Out:
        cpu.outValue[ob + k] = R[rb + a];
        cpu.outPort[ob + k] = c;
        cpu.outIndex[ob + k] = base + n;
        k++;
        full = k >= cap;
        break;
    }
    if (stuck) R[reg] = (R[reg] & keep) | force;
    if (L[pc] === 1 && (n >= maxSteps || full)) break;
  }
  cpu.pc[replica] = pc;
  cpu.outCount[replica] = k;
  return n;
}
