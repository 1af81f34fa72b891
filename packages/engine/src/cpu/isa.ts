/**
 * The workload's instruction set and its pre-decoded form. A program is decoded once into one
 * Int32Array with four words per instruction (op, a, b, c) that every replica executes.
 */
export enum Op {
  Li = 0, // rd=a, imm=c
  Mov = 1, // rd=a, rs=b
  Add = 2, // rd=a, ra=b, rb=c
  Addi = 3, // rd=a, ra=b, imm=c
  Sub = 4,
  Muli = 5, // rd=a, ra=b, imm=c (32-bit multiply)
  Xor = 6,
  Andi = 7,
  Shri = 8, // logical shift right
  Shli = 9,
  Ld = 10, // rd=a, [rb + imm c]
  St = 11, // [rb + imm c] = ra
  Blt = 12, // if ra < rb goto c
  Bne = 13, // if ra != rb goto c
  Jmp = 14, // goto c
  Out = 15, // output ra to port c (voted I/O)
}

export const REGISTERS = 16;
export const WORDS_PER_INSTRUCTION = 4;

/** A tiny assembler: instructions are appended, labels resolved at `build`. */
export class Assembler {
  private readonly words: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: { at: number; label: string }[] = [];

  get pc(): number {
    return this.words.length / WORDS_PER_INSTRUCTION;
  }

  label(name: string): this {
    this.labels.set(name, this.pc);
    return this;
  }

  emit(op: Op, a = 0, b = 0, c: number | string = 0): this {
    if (typeof c === 'string') {
      this.fixups.push({ at: this.words.length + 3, label: c });
      this.words.push(op, a, b, 0);
    } else {
      this.words.push(op, a, b, c | 0);
    }
    return this;
  }

  build(): Int32Array {
    for (const f of this.fixups) {
      const target = this.labels.get(f.label);
      if (target === undefined) throw new Error(`assembler: unknown label ${f.label}`);
      this.words[f.at] = target;
    }
    return Int32Array.from(this.words);
  }
}

/** Registers an instruction reads, as a bit mask (register k is bit k). */
export function readsOf(op: Op, a: number, b: number, c: number): number {
  switch (op) {
    case Op.Li:
    case Op.Jmp:
      return 0;
    case Op.Mov:
    case Op.Addi:
    case Op.Muli:
    case Op.Andi:
    case Op.Shri:
    case Op.Shli:
    case Op.Ld:
      return 1 << b;
    case Op.Add:
    case Op.Sub:
    case Op.Xor:
      return (1 << b) | (1 << c);
    case Op.St:
    case Op.Blt:
    case Op.Bne:
      return (1 << a) | (1 << b);
    case Op.Out:
      return 1 << a;
  }
}

/** Register an instruction writes, as a bit mask (0 when it writes none). */
export function writesOf(op: Op, a: number): number {
  switch (op) {
    case Op.St:
    case Op.Blt:
    case Op.Bne:
    case Op.Jmp:
    case Op.Out:
      return 0;
    default:
      return 1 << a;
  }
}
