import { describe, expect, it } from 'vitest';
import { CHECK_RACKS } from '../check/schedule.ts';
import { Engine } from '../engine.ts';
import { allocateSnapshot, Counter, COUNTERS_PER_SYSTEM, snapshotLayout } from '../snapshot.ts';
import { TIMING } from '../timing.ts';
import { runUntil, stateOf } from '../test/harness.ts';

function dmr(options: { autoRepair?: boolean } = {}): Engine {
  return Engine.fromConfig(CHECK_RACKS.dmr, { seed: 1, ...options });
}

describe('executed and modelled, apart', () => {
  it('without time warp every committed transaction ran through the voter', () => {
    const e = dmr();
    e.advance(3000);
    const c = e.counters()[0];
    expect(c.transactionsExecuted).toBeGreaterThan(30_000);
    expect(c.transactionsCommitted).toBe(c.transactionsExecuted);
    expect(c.compares).toBe(c.transactionsExecuted);
  });

  it('with time warp the rest is extrapolated at the rate the system measured', () => {
    const e = dmr();
    e.advance(3_600_000, true);
    const c = e.counters()[0];
    const rate = c.transactionsExecuted / (TIMING.rateWarmupMs.value * 1000);
    expect(c.transactionsExecuted).toBeGreaterThan(1000);
    expect(c.transactionsCommitted).toBeCloseTo(
      c.transactionsExecuted + rate * (3_600_000 - TIMING.rateWarmupMs.value) * 1000,
      3,
    );
    expect(c.transactionsExecuted / c.transactionsCommitted).toBeLessThan(0.001);
  });

  it('nothing is extrapolated before the system has run at all (no assumed rate)', () => {
    const e = dmr();
    e.command({ type: 'pull', target: 'A.cpu-0' });
    e.command({ type: 'pull', target: 'A.cpu-1' });
    e.advance(60_000, true);
    const c = e.counters()[0];
    expect(c.downtimeMs).toBe(60_000);
    expect(c.transactionsCommitted).toBe(0);
    expect(c.transactionsLost).toBe(1); // the one in flight
  });

  it('a resync pause is its own figure: up, not down, not running', () => {
    const e = dmr();
    e.advance(500);
    e.command({ type: 'inject', target: 'A.cpu-1', fault: 'self-check' });
    e.advance(100);
    expect(stateOf(e, 'A.cpu-1')).toBe('shot');
    expect(runUntil(e, () => stateOf(e, 'A.cpu-1') === 'duplex', 60_000)).toBe(true);
    const c = e.counters()[0];
    expect(c.pausedMs).toBeGreaterThan(TIMING.resyncFixedPauseMs.value);
    expect(c.pausedMs).toBeLessThan(3 * TIMING.resyncFixedPauseMs.value);
    expect(c.downtimeMs).toBe(0);
    expect(c.uptimeMs).toBe(e.timeMs);
  });

  it('reading the counters changes nothing (saves before and after are the same)', () => {
    const e = dmr();
    e.advance(1234, true);
    const before = e.save();
    e.counters();
    const after = e.save();
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });
});

describe('the snapshot counters block', () => {
  it('holds what counters() says, at the Counter indices', () => {
    const e = Engine.fromPreset('mixed', { seed: 2, autoRepair: true });
    e.command({ type: 'inject', target: 'B.cpu-1', fault: 'self-check' });
    e.command({ type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' });
    e.command({ type: 'inject', target: 'A.nic-11-5', fault: 'nic-link-loss' });
    e.advance(30_000, true);
    const views = allocateSnapshot(snapshotLayout(e.world.n, e.world.m), false);
    e.writeSnapshot(views);
    e.counters().forEach((c, s) => {
      const k = s * COUNTERS_PER_SYSTEM;
      const block = Array.from(views.counters.subarray(k, k + COUNTERS_PER_SYSTEM));
      expect(block).toEqual([
        c.uptimeMs,
        c.downtimeMs,
        c.transactionsCommitted,
        c.transactionsLost,
        c.silentDataCorruptions,
        c.outputsSuppressed,
        c.pausedMs,
        c.compares,
        c.transactionsExecuted,
        c.unreachableMs,
        c.serviceCalls,
        c.softwareRulePicks,
      ]);
      expect(block[Counter.TxExecuted]).toBe(c.transactionsExecuted);
    });
  });
});

describe('up but unreachable', () => {
  it('losing both NICs of the team: counted apart, one service call, links repaired in headless runs', () => {
    const e = dmr({ autoRepair: true });
    e.advance(300, true);
    e.command({ type: 'inject', target: 'A.nic-10-5', fault: 'nic-link-loss' });
    e.advance(60_000, true);
    expect(e.counters()[0].unreachableMs).toBe(0);
    e.command({ type: 'inject', target: 'A.nic-11-5', fault: 'nic-link-loss' });
    e.advance(60_000, true);
    let c = e.counters()[0];
    expect(c.unreachableMs).toBe(60_000);
    expect(c.downtimeMs).toBe(0);
    expect(c.serviceCalls).toBe(1);
    const [call] = e.serviceCalls();
    expect(call.action).toMatch(/Restore the network links of NIC 10\/5 and 11\/5/);
    expect(call.partNumber).toBe('');
    // The first link is repaired TIMING.linkRepairMs after it went (60 s before the second went).
    e.advance(TIMING.linkRepairMs.value, true);
    c = e.counters()[0];
    expect(c.unreachableMs).toBe(TIMING.linkRepairMs.value - 60_000);
    expect(stateOf(e, 'A.nic-10-5')).toBe('duplex');
    expect(e.serviceCalls()[0].status).toBe('closed');
  });

  it('losing both adapters of a pair counts too', () => {
    const e = dmr({ autoRepair: false });
    e.command({ type: 'inject', target: 'A.pci-10-1', fault: 'adapter-failure' });
    e.command({ type: 'inject', target: 'A.pci-11-1', fault: 'adapter-failure' });
    e.advance(10_000, true);
    const c = e.counters()[0];
    expect(c.unreachableMs).toBe(10_000);
    expect(c.serviceCalls).toBe(2); // one per broken adapter
  });
});
