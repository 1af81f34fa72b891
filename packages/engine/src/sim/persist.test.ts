import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_RACKS } from '../check/schedule.ts';
import { Engine } from '../engine.ts';
import { sameBytes } from '../test/harness.ts';
import { allocateSnapshot, snapshotLayout } from '../snapshot.ts';
import type { Command } from '../types.ts';

const COMMANDS: Command[] = [
  { type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' },
  { type: 'inject', target: 'A.cpu-0', fault: 'self-check' },
  { type: 'pull', target: 'A.disk-10-40-2' },
  { type: 'insert', target: 'A.disk-10-40-2' },
  { type: 'inject', target: 'A.io-10', fault: 'pci-bus-error' },
  { type: 'inject', target: 'A.cpu-0', fault: 'os-crash' },
];

function run(seed: number, script: { at: number; cmd: number }[]): Engine {
  const e = Engine.fromConfig(CHECK_RACKS.dmr, { seed, randomFaults: true, autoRepair: true });
  for (const step of script) {
    e.advance(step.at, true);
    e.command(COMMANDS[step.cmd]);
  }
  e.advance(5_000, true);
  return e;
}

function snapshotBytes(e: Engine): Uint8Array {
  const views = allocateSnapshot(snapshotLayout(e.world.n, e.world.m), false);
  e.writeSnapshot(views);
  return new Uint8Array(views.buffer);
}

const script = fc.array(
  fc.record({
    at: fc.integer({ min: 1, max: 5_000 }),
    cmd: fc.integer({ min: 0, max: COMMANDS.length - 1 }),
  }),
  { maxLength: 4 },
);

describe('determinism', () => {
  it('same seed, configuration and command log give identical snapshots, events and state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), script, (seed, steps) => {
        const a = run(seed, steps);
        const b = run(seed, steps);
        expect(JSON.stringify(a.drainEvents())).toBe(JSON.stringify(b.drainEvents()));
        expect(sameBytes(snapshotBytes(a), snapshotBytes(b))).toBe(true);
        expect(sameBytes(a.save(), b.save())).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});

describe('save and restore', () => {
  it('a restored engine continues exactly like the original', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), script, (seed, steps) => {
        const a = run(seed, steps);
        const b = Engine.restore(a.save());
        for (const e of [a, b]) {
          e.command(COMMANDS[0]);
          e.advance(3_000);
        }
        expect(JSON.stringify(b.drainEvents())).toBe(JSON.stringify(a.drainEvents()));
        expect(sameBytes(b.save(), a.save())).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});
