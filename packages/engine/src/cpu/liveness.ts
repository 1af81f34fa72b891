/**
 * Which registers are live where: a register is live at an instruction when some path from there
 * reads it before writing it. A bit flip in a register that is dead at the replica's program
 * counter is overwritten before anything reads it, so it can never reach an output: the engine
 * models such a flip as masked (docs/design.md, "Masked faults") instead of letting the replicas
 * differ in a value nobody will ever look at.
 */
import { Op, readsOf, WORDS_PER_INSTRUCTION, writesOf } from './isa.ts';

/**
 * Live-in register mask per instruction (backward data flow to a fixed point; the program is a
 * loop, so every instruction has a successor).
 *
 * @example
 * const live = liveRegisters(buildWorkload());
 * (live[pc] & (1 << register)) === 0; // true: a flip there is masked
 */
export function liveRegisters(program: Int32Array): Uint32Array {
  const count = program.length / WORDS_PER_INSTRUCTION;
  const live = new Uint32Array(count);
  for (let changed = true; changed; ) {
    changed = false;
    for (let pc = count - 1; pc >= 0; pc--) {
      const i = pc * WORDS_PER_INSTRUCTION;
      const op = program[i] as Op;
      const a = program[i + 1];
      const b = program[i + 2];
      const c = program[i + 3];
      let out = 0;
      if (op === Op.Jmp) out = live[c];
      else if (op === Op.Blt || op === Op.Bne) out = live[c] | (pc + 1 < count ? live[pc + 1] : 0);
      else if (pc + 1 < count) out = live[pc + 1];
      const value = (readsOf(op, a, b, c) | (out & ~writesOf(op, a))) >>> 0;
      if (value !== live[pc]) {
        live[pc] = value;
        changed = true;
      }
    }
  }
  return live;
}
