import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CpuComplex, OUTPUT_CAPACITY } from './complex.ts';
import { findLeaders, generateSource } from './compile.ts';
import { buildWorkload } from './workload.ts';

describe('compiled program', () => {
  it('has one case per basic block', () => {
    const program = buildWorkload();
    const leaders = findLeaders(program).reduce((n, x) => n + x, 0);
    const cases = (generateSource(program).match(/case \d+:/g) ?? []).length;
    expect(cases).toBe(leaders - 1); // the leader after the last instruction has no code
  });

  it('runs exactly like the reference interpreter for any budgets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 30 }),
        (budgets) => {
          const cpu = new CpuComplex(1);
          cpu.reset(0, true);
          cpu.reset(1, true);
          for (const budget of budgets) {
            cpu.clearOutputs(0);
            cpu.clearOutputs(1);
            const a = cpu.run(0, budget);
            const b = cpu.interpret(1, budget);
            expect(a).toBe(b);
            expect(cpu.outCount[0]).toBe(cpu.outCount[1]);
            for (let j = 0; j < cpu.outCount[0]; j++) {
              expect(cpu.outValue[j]).toBe(cpu.outValue[OUTPUT_CAPACITY + j]);
            }
          }
          expect(cpu.identical(0, 1)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a stuck-at bit makes the replica diverge', () => {
    const cpu = new CpuComplex(1);
    cpu.reset(0, true);
    cpu.reset(1, true);
    cpu.stuckReg[1] = 3;
    cpu.stuckMask[1] = 1 << 4;
    cpu.stuckValue[1] = 1 << 4;
    cpu.run(0, 5000);
    cpu.run(1, 5000);
    expect(cpu.identical(0, 1)).toBe(false);
  });
});
