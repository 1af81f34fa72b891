/**
 * Decode once, at build time: translates the workload program into the TypeScript source of one
 * function whose registers are locals and whose basic blocks are cases of a switch. The source is
 * checked in as `workload.generated.ts` (regenerate with `pnpm gen:workload`; a unit test fails
 * when it is stale), so nothing is compiled from strings at run time: the twin runs under a
 * Content Security Policy without 'unsafe-eval' (docs/design.md, "Compiled workload").
 *
 * Every I/O instruction appends (value, port, instruction index) to the replica's output buffer.
 * Budget semantics, shared with the interpreter: a run stops at the first basic-block leader
 * reached after `maxSteps` instructions, or when the output buffer is full.
 */
import { Op, REGISTERS, WORDS_PER_INSTRUCTION } from './isa.ts';
import { PAGE_SHIFT } from './complex-constants.ts';

/** Signature of the compiled run function (see {@link generateModule}). */
export type CompiledRun = (
  R: Int32Array,
  M: Int32Array,
  D: Uint8Array,
  PC: Int32Array,
  OV: Int32Array,
  OP: Int32Array,
  OX: Float64Array,
  OC: Int32Array,
  replica: number,
  rb: number,
  mb: number,
  db: number,
  ob: number,
  cap: number,
  mask: number,
  base: number,
  maxSteps: number,
) => number;

/** FNV-1a over the program words: ties the generated module to the program it was made from. */
export function programFingerprint(program: Int32Array): number {
  let h = 2166136261;
  for (let i = 0; i < program.length; i++) h = Math.imul(h ^ program[i], 16777619) >>> 0;
  return h;
}

/** Marks the instructions that start a basic block. */
export function findLeaders(program: Int32Array): Uint8Array {
  const count = program.length / WORDS_PER_INSTRUCTION;
  const leader = new Uint8Array(count + 1);
  leader[0] = 1;
  for (let pc = 0; pc < count; pc++) {
    const op = program[pc * WORDS_PER_INSTRUCTION];
    if (op === Op.Blt || op === Op.Bne || op === Op.Jmp || op === Op.Out) {
      leader[pc + 1] = 1;
      if (op !== Op.Out) leader[program[pc * WORDS_PER_INSTRUCTION + 3]] = 1;
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
      return [
        `t = (${r(b)} + ${c}) & mask;`,
        `M[mb + t] = ${r(a)};`,
        `D[db + (t >>> ${PAGE_SHIFT})] = 1;`,
      ].join('\n');
    default:
      throw new Error(`codegen: op ${op} is not a straight-line instruction`);
  }
}

/** The body of the run function: one case per basic block. */
export function generateBody(program: Int32Array): string[] {
  const count = program.length / WORDS_PER_INSTRUCTION;
  const leader = findLeaders(program);
  const regs = Array.from({ length: REGISTERS }, (_, k) => `r${k}`);
  const lines: string[] = [];
  for (const [k, name] of regs.entries()) lines.push(`let ${name} = R[rb + ${k}];`);
  lines.push('let t = 0;', 'let n = 0;', 'let k = OC[replica];', 'let full = false;');
  lines.push('let pc = PC[replica];', 'for (;;) {', '  switch (pc) {');
  let pc = 0;
  while (pc < count) {
    lines.push(`    case ${pc}: {`);
    let steps = 0;
    for (;;) {
      const i = pc * WORDS_PER_INSTRUCTION;
      const op = program[i] as Op;
      const a = program[i + 1];
      const b = program[i + 2];
      const c = program[i + 3];
      steps++;
      pc++;
      if (op === Op.Out) {
        lines.push(`      n += ${steps};`, `      OV[ob + k] = r${a};`, `      OP[ob + k] = ${c};`);
        lines.push('      OX[ob + k] = base + n;', '      k++;', `      pc = ${pc};`);
        lines.push('      full = k >= cap;', '      break;', '    }');
        break;
      }
      if (op === Op.Jmp) {
        lines.push(`      n += ${steps};`, `      pc = ${c};`, '      break;', '    }');
        break;
      }
      if (op === Op.Blt || op === Op.Bne) {
        const cmp = op === Op.Blt ? '<' : '!==';
        lines.push(`      n += ${steps};`, `      pc = r${a} ${cmp} r${b} ? ${c} : ${pc};`);
        lines.push('      break;', '    }');
        break;
      }
      for (const line of statement(op, a, b, c).split('\n')) lines.push(`      ${line}`);
      if (leader[pc] || pc >= count) {
        lines.push(`      n += ${steps};`, `      pc = ${pc};`, '      break;', '    }');
        break;
      }
    }
  }
  lines.push('    default:');
  lines.push("      throw new Error('lockstep: program counter ' + pc + ' out of range');");
  lines.push('  }', '  if (n >= maxSteps || full) break;', '}');
  for (const [k, name] of regs.entries()) lines.push(`R[rb + ${k}] = ${name};`);
  lines.push('PC[replica] = pc;', 'OC[replica] = k;', 'return n;');
  return lines;
}

/** The whole generated module (`workload.generated.ts`), formatted as Biome leaves it. */
export function generateModule(program: Int32Array): string {
  const params = [
    'R: Int32Array',
    'M: Int32Array',
    'D: Uint8Array',
    'PC: Int32Array',
    'OV: Int32Array',
    'OP: Int32Array',
    'OX: Float64Array',
    'OC: Int32Array',
    'replica: number',
    'rb: number',
    'mb: number',
    'db: number',
    'ob: number',
    'cap: number',
    'mask: number',
    'base: number',
    'maxSteps: number',
  ];
  const fingerprint = `0x${programFingerprint(program).toString(16).padStart(8, '0')}`;
  return [
    '// Generated by `pnpm gen:workload` (packages/engine/src/cpu/codegen.ts) from the program in',
    '// workload.ts. Do not edit: codegen.test.ts fails when this file is stale.',
    '',
    '/** Fingerprint of the program this code was generated from (see programFingerprint). */',
    `export const GENERATED_FINGERPRINT = ${fingerprint};`,
    '',
    '/** The workload, compiled: runs one replica (see codegen.ts for the budget semantics). */',
    'export function runGeneratedWorkload(',
    ...params.map((p) => `  ${p},`),
    '): number {',
    ...generateBody(program).map((line) => `  ${line}`),
    '}',
    '',
  ].join('\n');
}
