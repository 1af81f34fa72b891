import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLeaders, generateBody, generateModule } from './codegen.ts';
import { CpuComplex, OUTPUT_CAPACITY } from './complex.ts';
import { buildWorkload } from './workload.ts';

describe('build-time compiled workload', () => {
  it('the checked-in workload.generated.ts is what the generator makes today', () => {
    const checkedIn = readFileSync(new URL('./workload.generated.ts', import.meta.url), 'utf8');
    const fresh = generateModule(buildWorkload());
    // Stale: run `pnpm gen:workload` after changing the workload or the instruction set.
    expect(checkedIn).toBe(fresh);
  });

  it('has one case per basic block', () => {
    const program = buildWorkload();
    const leaders = findLeaders(program).reduce((n, x) => n + x, 0);
    const cases = generateBody(program).filter((line) => /^ {4}case \d+: \{$/.test(line));
    expect(cases).toHaveLength(leaders - 1); // the leader after the last instruction has no code
  });

  it('the engine uses it for the workload (no interpreter fallback)', () => {
    const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 2 });
    expect(cpu.precompiled).toBe(true);
    expect(cpu.compiledExecution).toBe(true);
  });

  it('a program it was not generated from falls back to the interpreter', () => {
    const program = buildWorkload();
    program[3 * 4 + 3] += 1; // another multiplier: another program
    const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 1, program });
    expect(cpu.precompiled).toBe(false);
    cpu.reset(0, true);
    expect(cpu.run(0, 1000)).toBeGreaterThanOrEqual(1000);
  });

  it('runs exactly like the reference interpreter for any budgets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 20 }),
        (budgets) => {
          const compiled = new CpuComplex({ systems: 1, replicasPerSystem: 1 });
          const interpreted = new CpuComplex({
            systems: 1,
            replicasPerSystem: 1,
            execution: 'interpreter',
          });
          compiled.reset(0, true);
          interpreted.reset(0, true);
          for (const budget of budgets) {
            expect(compiled.run(0, budget)).toBe(interpreted.run(0, budget));
            expect(compiled.outCount[0]).toBe(interpreted.outCount[0]);
            for (let j = 0; j < compiled.outCount[0]; j++) {
              expect(compiled.outValue[j]).toBe(interpreted.outValue[j]);
              expect(compiled.outIndex[j]).toBe(interpreted.outIndex[j]);
            }
            compiled.clearOutputs(0);
            interpreted.clearOutputs(0);
          }
          expect(Array.from(compiled.regs)).toEqual(Array.from(interpreted.regs));
          expect(
            Buffer.from(compiled.images[0].buffer).equals(
              Buffer.from(interpreted.images[0].buffer),
            ),
          ).toBe(true);
          expect(Array.from(compiled.dirty)).toEqual(Array.from(interpreted.dirty));
        },
      ),
      { numRuns: 200 },
    );
  }, 300_000);

  it('stops at the first block leader after the budget, or when the buffer is full', () => {
    const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 1 });
    cpu.reset(0, true);
    const n = cpu.run(0, 5);
    expect(n).toBeGreaterThanOrEqual(5);
    expect(cpu.leader[cpu.pc[0]]).toBe(1);
    cpu.run(0, 1e9);
    expect(cpu.outCount[0]).toBe(OUTPUT_CAPACITY);
  });

  it('a stuck-at bit makes the replica diverge', () => {
    const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 2 });
    cpu.reset(0, true);
    cpu.reset(1, true);
    cpu.stuckReg[1] = 3;
    cpu.stuckMask[1] = 1 << 4;
    cpu.stuckValue[1] = 1 << 4;
    cpu.run(0, 5000);
    cpu.run(1, 5000);
    expect(cpu.outValue[0]).not.toBe(cpu.outValue[OUTPUT_CAPACITY]);
  });
});
