import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CpuComplex, identicalReplicas, OUTPUT_CAPACITY } from './complex.ts';
import { REGISTERS } from './isa.ts';
import { workloadReads, WORKLOAD } from './workload.ts';

/** Two replicas of the workload, run to the same point. */
function pair(steps: number): CpuComplex {
  const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 2 });
  cpu.reset(0, true);
  cpu.reset(1, true);
  cpu.run(0, steps);
  cpu.run(1, steps);
  cpu.clearOutputs(0);
  cpu.clearOutputs(1);
  return cpu;
}

/** Runs both replicas to their next output; true when the outputs differ. */
function nextOutputsDiffer(cpu: CpuComplex): boolean {
  while (cpu.outCount[0] === 0 || cpu.outCount[1] === 0) {
    if (cpu.outCount[0] === 0) cpu.run(0, 1);
    if (cpu.outCount[1] === 0) cpu.run(1, 1);
  }
  return (
    cpu.outValue[0] !== cpu.outValue[OUTPUT_CAPACITY] ||
    cpu.outIndex[0] !== cpu.outIndex[OUTPUT_CAPACITY]
  );
}

describe('register liveness and masked flips', () => {
  it('a flip in a dead register is harmless; a flip in a live one shows at the next output or vanishes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: REGISTERS - 1 }),
        fc.integer({ min: 0, max: 31 }),
        (steps, register, bit) => {
          const cpu = pair(steps);
          const live = cpu.registerLive(1, register);
          cpu.regs[REGISTERS + register] ^= 1 << bit;
          const differ = nextOutputsDiffer(cpu);
          if (!live) expect(differ).toBe(false);
          // No hidden difference survives the next output: it showed, or it was overwritten.
          if (!differ) {
            cpu.clearOutputs(0);
            cpu.clearOutputs(1);
            expect(identicalReplicas(cpu, 0, cpu, 1)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 300_000);

  it('every register is live somewhere (no register a flip could hide in for ever)', () => {
    const cpu = pair(0);
    let all = 0;
    for (const mask of cpu.live) all |= mask;
    expect(all).toBe((1 << REGISTERS) - 1);
  });

  it('a memory flip the workload never reads leaves the outputs alone; one in an account shows', () => {
    const unread = pair(1000);
    unread.images[1][WORKLOAD.journalBase + 5] ^= 1 << 3;
    unread.run(0, 200_000);
    unread.run(1, 200_000);
    expect(workloadReads(WORKLOAD.journalBase + 5)).toBe(false);
    expect(unread.outValue.subarray(0, 512)).toEqual(unread.outValue.subarray(512, 1024));

    const account = pair(1000);
    account.images[1][WORKLOAD.accountsBase + 77] ^= 1 << 3;
    let differ = false;
    for (let i = 0; i < 2000 && !differ; i++) {
      account.clearOutputs(0);
      account.clearOutputs(1);
      account.run(0, 10_000);
      account.run(1, 10_000);
      differ = account.outValue[0] !== account.outValue[OUTPUT_CAPACITY];
      for (let j = 0; j < account.outCount[0] && !differ; j++) {
        differ = account.outValue[j] !== account.outValue[OUTPUT_CAPACITY + j];
      }
    }
    expect(workloadReads(WORKLOAD.accountsBase + 77)).toBe(true);
    expect(differ).toBe(true);
  });
});
