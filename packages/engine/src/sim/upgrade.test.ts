import { describe, expect, it } from 'vitest';
import { identicalReplicas } from '../cpu/complex.ts';
import { engine, runUntil, stateOf } from '../test/harness.ts';

function upgrade(e: ReturnType<typeof engine>) {
  return e.systems()[0].upgrade;
}

function until(e: ReturnType<typeof engine>, state: string): void {
  expect(runUntil(e, () => upgrade(e).state === state, 600_000, 100)).toBe(true);
}

describe('Active Upgrade', () => {
  it('splits, keeps production running off the data disks of the upgrade side, merges and commits', () => {
    const e = engine('4300-dmr');
    e.advance(500);
    expect(
      e.command({
        type: 'upgrade',
        target: 'A',
        action: 'start',
        version: 'ftServer System Software 4.1.0',
      }),
    ).toEqual({ ok: true });
    expect(upgrade(e).state).toBe('PrepareSplit');
    until(e, 'Split');
    expect(stateOf(e, 'A.cpu-0')).toBe('simplex');
    expect(stateOf(e, 'A.disk-11-40-2')).toBe('offline');
    expect(stateOf(e, 'A.disk-11-40-3')).toBe('offline');
    expect(e.component('A.disk-11-40-2')?.reason).toMatch(/may not touch data disks/);
    expect(stateOf(e, 'A.disk-10-40-2')).toBe('simplex');
    expect(stateOf(e, 'A.io-11')).toBe('simplex');
    const before = e.counters()[0].transactionsCommitted;
    e.advance(5000);
    expect(e.counters()[0].transactionsCommitted).toBeGreaterThan(before);
    expect(e.command({ type: 'upgrade', target: 'A', action: 'merge' }).error).toMatch(
      /still installing/,
    );
    expect(runUntil(e, () => stateOf(e, 'A.cpu-1') === 'simplex', 300_000, 500)).toBe(true);
    expect(e.command({ type: 'upgrade', target: 'A', action: 'merge' })).toEqual({ ok: true });
    until(e, 'Merge');
    expect(e.command({ type: 'upgrade', target: 'A', action: 'abort' }).error).toMatch(
      /up to Merge only/,
    );
    until(e, 'Idle');
    const sys = e.systems()[0];
    expect(sys.softwareVersion).toBe('ftServer System Software 4.1.0');
    expect(sys.upgrade.productionSide).toBe(1);
    expect(e.counters()[0].status).toBe(3);
    expect(e.counters()[0].downtimeMs).toBe(0);
    expect(identicalReplicas(e.world.cpu, 0, e.world.cpu, 1)).toBe(true);
    const disks = ['A.disk-10-40-1', 'A.disk-11-40-2'];
    expect(runUntil(e, () => disks.every((d) => stateOf(e, d) === 'duplex'), 7_200_000, 1000)).toBe(
      true,
    );
  });

  it('backs out to the old version from Split', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'upgrade', target: 'A', action: 'start' });
    until(e, 'Split');
    expect(e.command({ type: 'upgrade', target: 'A', action: 'abort' })).toEqual({ ok: true });
    expect(upgrade(e).state).toBe('Idle');
    expect(
      runUntil(
        e,
        () => stateOf(e, 'A.cpu-1') === 'duplex' && stateOf(e, 'A.disk-11-40-2') === 'duplex',
        7_200_000,
        500,
      ),
    ).toBe(true);
    expect(e.systems()[0].softwareVersion).toBe('ftServer System Software 4.0.0');
    expect(e.counters()[0].downtimeMs).toBe(0);
  });

  it('does not split when an element failed while preparing', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'upgrade', target: 'A', action: 'start' });
    e.command({ type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' });
    e.advance(11_000);
    expect(upgrade(e).state).toBe('Idle');
    expect(e.drainEvents().some((ev) => ev.message.includes('stopped before the split'))).toBe(
      true,
    );
    expect(runUntil(e, () => stateOf(e, 'A.cpu-1') === 'duplex')).toBe(true);
    expect(stateOf(e, 'A.disk-11-40-2')).toBe('duplex');
  });

  it('can abort in PrepareSplit and PrepareMerge', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'upgrade', target: 'A', action: 'start' });
    expect(e.command({ type: 'upgrade', target: 'A', action: 'abort' }).ok).toBe(true);
    expect(upgrade(e).state).toBe('Idle');
    e.command({ type: 'upgrade', target: 'A', action: 'start' });
    until(e, 'Split');
    runUntil(e, () => stateOf(e, 'A.cpu-1') === 'simplex', 300_000, 500);
    e.command({ type: 'upgrade', target: 'A', action: 'merge' });
    expect(upgrade(e).state).toBe('PrepareMerge');
    expect(e.command({ type: 'upgrade', target: 'A', action: 'abort' }).ok).toBe(true);
    expect(runUntil(e, () => stateOf(e, 'A.cpu-1') === 'duplex', 300_000, 500)).toBe(true);
  });

  it('refuses without full duplex, teamed NICs, or on TMR', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.nic-11-5', fault: 'nic-link-loss' });
    expect(e.command({ type: 'upgrade', target: 'A', action: 'start' }).error).toMatch(
      /NICs are not teamed/,
    );
    e.command({ type: 'restoreLink', target: 'A.nic-11-5' });
    e.command({ type: 'pull', target: 'A.disk-10-40-3' });
    expect(e.command({ type: 'upgrade', target: 'A', action: 'start' }).error).toMatch(
      /not fully duplexed/,
    );
    expect(
      engine('6600-tmr').command({ type: 'upgrade', target: 'A', action: 'start' }).error,
    ).toMatch(/TMR/);
    expect(e.command({ type: 'upgrade', target: 'A', action: 'merge' }).error).toMatch(
      /needs the Split state/,
    );
  });
});
