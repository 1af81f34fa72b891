import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultFreeStream } from '../check/fault-free-stream.ts';
import { CHECK_RACKS } from '../check/schedule.ts';
import { identicalReplicas } from '../cpu/complex.ts';
import { REGISTERS } from '../cpu/isa.ts';
import { REG, WORKLOAD } from '../cpu/workload.ts';
import { Engine } from '../engine.ts';
import type { EngineEvent, FaultDetail } from '../types.ts';
import { activateReference } from './reference.ts';

/** A replay of the fault-free run: the hash of its first N outputs. */
const clean = new FaultFreeStream();

function dmr(seed = 1): Engine {
  return Engine.fromConfig(CHECK_RACKS.dmr, { seed });
}

function tmr(seed = 1): Engine {
  return Engine.fromConfig(CHECK_RACKS.tmr, { seed });
}

/** Whether the stream the system emitted left the fault-free one. */
function streamDiffers(e: Engine): boolean {
  const executed = e.counters()[0].transactionsExecuted;
  return e.outputHash(0) !== clean.hashAt(executed);
}

function messages(events: EngineEvent[]): string[] {
  return events.map((ev) => ev.message);
}

function flip(
  e: Engine,
  slot: number,
  fault: 'bitflip-register' | 'bitflip-memory',
  detail: FaultDetail,
) {
  return e.command({ type: 'inject', target: `A.cpu-${slot}`, fault, detail });
}

describe('silent data corruption, counted against a replay of the fault-free run', () => {
  it('any single unflagged transient on DMR: counted exactly when the emitted stream leaves the fault-free one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 1 }),
        fc.oneof(
          fc.record({
            fault: fc.constant('bitflip-register' as const),
            register: fc.integer({ min: 0, max: REGISTERS - 1 }),
            bit: fc.integer({ min: 0, max: 31 }),
          }),
          fc.record({
            fault: fc.constant('bitflip-memory' as const),
            address: fc.integer({ min: WORKLOAD.accountsBase, max: WORKLOAD.accountsBase + 600 }),
            bit: fc.integer({ min: 0, max: 31 }),
          }),
        ),
        (atMs, slot, f) => {
          const e = dmr(atMs);
          e.advance(atMs);
          const { fault, ...detail } = f;
          expect(flip(e, slot, fault, detail).ok).toBe(true);
          e.advance(4000);
          const sdc = e.counters()[0].silentDataCorruptions;
          expect(sdc).toBeLessThanOrEqual(1);
          expect(sdc === 1).toBe(streamDiffers(e));
        },
      ),
      { numRuns: 200 },
    );
  }, 300_000);

  it('DMR with no board evidence: the rule removes cpu-1 first; a flip on cpu-0 is then a wrong pick', () => {
    for (const slot of [0, 1]) {
      const e = dmr(9);
      e.advance(20);
      flip(e, slot, 'bitflip-register', { register: REG.SUM, bit: 5 });
      e.advance(1000);
      const c = e.counters()[0];
      expect(c.softwareRulePicks).toBe(1);
      expect(e.component('A.cpu-1')?.stateName).not.toBe('duplex');
      expect(c.silentDataCorruptions).toBe(slot === 0 ? 1 : 0);
      expect(streamDiffers(e)).toBe(slot === 0);
      const log = messages(e.drainEvents());
      expect(log.some((m) => m.includes('the DMR software rule kept the corrupted board'))).toBe(
        slot === 0,
      );
    }
  });

  it('a flip on the last board while simplex is counted', () => {
    const e = dmr(2);
    e.advance(50);
    e.command({ type: 'pull', target: 'A.cpu-1' });
    flip(e, 0, 'bitflip-register', { register: REG.TXID, bit: 3 });
    e.advance(100);
    expect(e.counters()[0].silentDataCorruptions).toBe(1);
    expect(streamDiffers(e)).toBe(true);
    expect(
      messages(e.drainEvents()).some((m) => m.includes('every element in lockstep emitted it')),
    ).toBe(true);
    // The reference was re-based on the corrupted state: a second, later flip counts again.
    e.advance(500);
    flip(e, 0, 'bitflip-register', { register: REG.SEED, bit: 9 });
    e.advance(100);
    expect(e.counters()[0].silentDataCorruptions).toBe(2);
  });

  it('TMR: two boards agreeing on the same wrong value outvote the good one, and that is counted', () => {
    const e = tmr(4);
    e.advance(30);
    flip(e, 0, 'bitflip-register', { register: REG.SUM, bit: 7 });
    flip(e, 1, 'bitflip-register', { register: REG.SUM, bit: 7 });
    e.advance(200);
    expect(e.component('A.cpu-2')?.stateName).toBe('shot');
    expect(e.counters()[0].silentDataCorruptions).toBe(1);
    expect(streamDiffers(e)).toBe(true);
    expect(
      messages(e.drainEvents()).some((m) =>
        m.includes('two elements agreed on the same wrong value'),
      ),
    ).toBe(true);
  });

  it('TMR: one bad board is outvoted and nothing wrong is emitted', () => {
    const e = tmr(4);
    e.advance(30);
    flip(e, 2, 'bitflip-register', { register: REG.SUM, bit: 7 });
    e.advance(200);
    expect(e.component('A.cpu-2')?.stateName).toBe('shot');
    expect(e.counters()[0].silentDataCorruptions).toBe(0);
    expect(streamDiffers(e)).toBe(false);
  });

  it('a corrupted image a resync copied to the partner shows on both boards, and is counted', () => {
    const e = dmr(6);
    e.advance(30);
    const w = e.world;
    // What a resync from a board with a latent memory flip leaves: both boards hold the flip,
    // bit-identical, so they agree on every wrong output (the reference holds the truth).
    activateReference(w, 0, 0);
    const address = WORKLOAD.accountsBase + 1234;
    w.cpu.images[0][address] ^= 1 << 4;
    w.cpu.images[1][address] ^= 1 << 4;
    expect(identicalReplicas(w.cpu, 0, w.cpu, 1)).toBe(true);
    e.advance(20_000);
    expect(e.counters()[0].softwareRulePicks).toBe(0);
    expect(e.counters()[0].silentDataCorruptions).toBe(1);
    expect(streamDiffers(e)).toBe(true);
    expect(
      messages(e.drainEvents()).some((m) => m.includes('every element in lockstep emitted it')),
    ).toBe(true);
  });

  it('a board-flagged error never lets a wrong output through', () => {
    for (const fault of ['self-check', 'memory-uncorrectable'] as const) {
      const e = dmr(3);
      e.advance(40);
      e.command({ type: 'inject', target: 'A.cpu-0', fault });
      e.advance(30_000);
      expect(e.counters()[0].silentDataCorruptions).toBe(0);
      expect(streamDiffers(e)).toBe(false);
    }
  });
});

describe('masked flips: a flip that can never reach an output changes nothing', () => {
  it('a register dead where the replica stands, or a memory word the workload never reads', () => {
    const e = dmr(7);
    e.advance(30);
    const w = e.world;
    const dead = Array.from({ length: REGISTERS }, (_, k) => k).find(
      (k) => !w.cpu.registerLive(0, k),
    );
    expect(dead).toBeDefined();
    flip(e, 0, 'bitflip-register', { register: dead, bit: 31 });
    flip(e, 0, 'bitflip-memory', { address: WORKLOAD.journalBase + 17, bit: 2 });
    flip(e, 0, 'bitflip-memory', { address: w.cpu.memoryWords - 1, bit: 0 });
    expect(messages(e.drainEvents()).filter((m) => m.includes('is masked'))).toHaveLength(3);
    expect(w.referenceActive[0]).toBe(0);
    expect(identicalReplicas(w.cpu, 0, w.cpu, 1)).toBe(true);
    e.advance(5000);
    expect(e.counters()[0].silentDataCorruptions).toBe(0);
    expect(identicalReplicas(w.cpu, 0, w.cpu, 1)).toBe(true);
  });
});
