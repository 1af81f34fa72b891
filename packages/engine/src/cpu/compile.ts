/**
 * Decode once: translates the pre-decoded program into one JavaScript function whose registers
 * are locals and whose basic blocks are cases of a switch. Every replica runs the same function
 * over its own registers and memory, so decoding happens once per program, not per replica.
 *
 * Every I/O instruction appends (value, port, step index) to the replica's output buffer, which
 * the voter compares across replicas afterwards, output by output. Budget semantics (shared with
 * the interpreter in complex.ts, so both paths count the same steps): a run stops at the first
 * basic-block leader reached after `maxSteps` instructions, or when the output buffer is full.
 */
import { Op, REGISTERS } from './isa.ts';
import { PAGE_SHIFT } from './complex-constants.ts';

export type CompiledRun = (
  R: Int32Array,
  M: Int32Array,
  D: Uint8Array,
  PC: Int32Array,
  OV: Int32Array,
  OP: Int32Array,
  ON: Int32Array,
  OC: Int32Array,
  replica: number,
  rb: number,
  mb: number,
  db: number,
  ob: number,
  cap: number,
  mask: number,
  maxSteps: number,
) => number;

/** Marks the instructions that start a basic block. */
export function findLeaders(program: Int32Array): Uint8Array {
  const count = program.length >> 2;
  const leader = new Uint8Array(count + 1);
  leader[0] = 1;
  for (let pc = 0; pc < count; pc++) {
    const op = program[pc << 2];
    if (op === Op.Blt || op === Op.Bne || op === Op.Jmp || op === Op.Out) {
      leader[pc + 1] = 1;
      if (op !== Op.Out) leader[program[(pc << 2) + 3]] = 1;
    }
  }
  return leader;
}

function statement(op: Op, a: number, b: number, c: number): string {
  const r = (k: number) => `r${k}`;
  switch (op) {
    case Op.Li:
      return `${r(a)} = ${c};`;
    case Op.Mov:
      return `${r(a)} = ${r(b)};`;
    case Op.Add:
      return `${r(a)} = (${r(b)} + ${r(c)}) | 0;`;
    case Op.Addi:
      return `${r(a)} = (${r(b)} + ${c}) | 0;`;
    case Op.Sub:
      return `${r(a)} = (${r(b)} - ${r(c)}) | 0;`;
    case Op.Muli:
      return `${r(a)} = Math.imul(${r(b)}, ${c});`;
    case Op.Xor:
      return `${r(a)} = ${r(b)} ^ ${r(c)};`;
    case Op.Andi:
      return `${r(a)} = ${r(b)} & ${c};`;
    case Op.Shri:
      return `${r(a)} = ${r(b)} >>> ${c};`;
    case Op.Shli:
      return `${r(a)} = ${r(b)} << ${c};`;
    case Op.Ld:
      return `${r(a)} = M[mb + ((${r(b)} + ${c}) & mask)];`;
    case Op.St:
      return `t = (${r(b)} + ${c}) & mask; M[mb + t] = ${r(a)}; D[db + (t >>> ${PAGE_SHIFT})] = 1;`;
    default:
      throw new Error(`compile: op ${op} is not a straight-line instruction`);
  }
}

/** Generates the source of the run function (exported for inspection in tests). */
export function generateSource(program: Int32Array): string {
  const count = program.length >> 2;
  const leader = findLeaders(program);
  const regs = Array.from({ length: REGISTERS }, (_, k) => `r${k}`);
  const load = regs.map((name, k) => `${name} = R[rb + ${k}]`).join(', ');
  const store = regs.map((name, k) => `R[rb + ${k}] = ${name};`).join(' ');
  const lines: string[] = [];
  lines.push(`let ${load}, t = 0, n = 0, k = OC[replica], full = false, pc = PC[replica];`);
  lines.push('for (;;) {');
  lines.push('switch (pc) {');
  let pc = 0;
  while (pc < count) {
    const start = pc;
    lines.push(`case ${start}: {`);
    let steps = 0;
    for (;;) {
      const i = pc << 2;
      const op = program[i] as Op;
      const a = program[i + 1];
      const b = program[i + 2];
      const c = program[i + 3];
      steps++;
      pc++;
      if (op === Op.Out) {
        lines.push(`n += ${steps}; OV[ob + k] = r${a}; OP[ob + k] = ${c}; ON[ob + k] = n; k++;`);
        lines.push(`pc = ${pc}; full = k >= cap; break; }`);
        break;
      }
      if (op === Op.Jmp) {
        lines.push(`n += ${steps}; pc = ${c}; break; }`);
        break;
      }
      if (op === Op.Blt || op === Op.Bne) {
        const cmp = op === Op.Blt ? '<' : '!==';
        lines.push(`n += ${steps}; pc = r${a} ${cmp} r${b} ? ${c} : ${pc}; break; }`);
        break;
      }
      lines.push(statement(op, a, b, c));
      if (leader[pc] || pc >= count) {
        lines.push(`n += ${steps}; pc = ${pc}; break; }`);
        break;
      }
    }
  }
  lines.push(`default: throw new Error('lockstep: program counter ' + pc + ' out of range');`);
  lines.push('}');
  lines.push('if (n >= maxSteps || full) break;');
  lines.push('}');
  lines.push(`${store} PC[replica] = pc; OC[replica] = k; return n;`);
  return lines.join('\n');
}

/** Compiles the program into a run function. */
export function compileProgram(program: Int32Array): CompiledRun {
  const params = 'R, M, D, PC, OV, OP, ON, OC, replica, rb, mb, db, ob, cap, mask, maxSteps';
  return new Function(...params.split(', '), generateSource(program)) as CompiledRun;
}
