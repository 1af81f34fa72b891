import { describe, expect, it } from 'vitest';
import {
  startBlockedBy,
  upgradeButtons,
  upgradePreconditions,
  upgradeStepMarks,
} from './upgrade.ts';

describe('upgradeButtons', () => {
  it('disables Start while a precondition fails, and says why', () => {
    const checks = [
      { label: 'DMR pair', ok: false, detail: 'TMR: Active Upgrade splits a DMR pair' },
      { label: 'System duplex', ok: true, detail: 'duplex' },
    ];
    expect(upgradeButtons({ state: 'Idle', progress: -1 }, checks).start).toBe(false);
    expect(startBlockedBy(checks)).toBe(
      'Start needs every precondition: DMR pair (TMR: Active Upgrade splits a DMR pair) is not met.',
    );
    const ok = checks.map((c) => ({ ...c, ok: true }));
    expect(upgradeButtons({ state: 'Idle', progress: -1 }, ok).start).toBe(true);
    expect(startBlockedBy(ok)).toBeNull();
  });

  it('offers Start only when idle', () => {
    expect(upgradeButtons({ state: 'Idle', progress: -1 })).toEqual({
      start: true,
      merge: false,
      abort: false,
    });
  });
  it('allows Merge only once the upgrade side has installed', () => {
    expect(upgradeButtons({ state: 'Split', progress: 0.5 }).merge).toBe(false);
    expect(upgradeButtons({ state: 'Split', progress: 1 })).toEqual({
      start: false,
      merge: true,
      abort: true,
    });
  });
  it('allows Back out up to Merge, not after', () => {
    expect(upgradeButtons({ state: 'PrepareSplit', progress: 0 }).abort).toBe(true);
    expect(upgradeButtons({ state: 'PrepareMerge', progress: 0 }).abort).toBe(true);
    for (const state of ['Merge', 'Commit', 'Finish'] as const) {
      expect(upgradeButtons({ state, progress: 0 })).toEqual({
        start: false,
        merge: false,
        abort: false,
      });
    }
  });
});

describe('upgradeStepMarks', () => {
  it('marks earlier steps done and the state current', () => {
    expect(upgradeStepMarks('Split')).toEqual([
      'done',
      'done',
      'current',
      'todo',
      'todo',
      'todo',
      'todo',
    ]);
    expect(upgradeStepMarks('Idle')[0]).toBe('current');
  });
});

describe('upgradePreconditions', () => {
  const parts = [
    { label: 'CPU element 0', kind: 'cpu', stateName: 'duplex' },
    { label: 'Port 1', kind: 'nic', stateName: 'duplex' },
    { label: 'PSU 0', kind: 'psu', stateName: 'broken' },
  ];
  it('passes a duplexed DMR system (power supplies do not count)', () => {
    expect(upgradePreconditions('dmr', 'duplex', parts).every((c) => c.ok)).toBe(true);
  });
  it('names what fails', () => {
    const checks = upgradePreconditions('tmr', 'simplex', [
      { label: 'CPU element 1', kind: 'cpu', stateName: 'removed' },
      { label: 'Port 2', kind: 'nic', stateName: 'simplex' },
    ]);
    expect(checks.filter((c) => !c.ok).map((c) => c.detail)).toEqual([
      'TMR: Active Upgrade splits a DMR pair',
      'simplex',
      'CPU element 1 is removed',
      'Port 2 is simplex',
    ]);
  });
});
