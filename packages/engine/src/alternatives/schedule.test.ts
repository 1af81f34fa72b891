import { buildRack, getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { FAULT_MTBF_H, HOUR } from '../timing.ts';
import { faultSchedule } from './schedule.ts';

const YEAR = 365 * 24 * HOUR;

describe('faultSchedule', () => {
  const rack = buildRack(getPreset('4300-dmr'));

  it('is a function of the seed: same seed, same faults; another seed, other faults', () => {
    expect(faultSchedule(rack, 5, YEAR)).toEqual(faultSchedule(rack, 5, YEAR));
    expect(faultSchedule(rack, 6, YEAR)).not.toEqual(faultSchedule(rack, 5, YEAR));
  });

  it('is sorted in time, inside the duration, with draws in [0, 1)', () => {
    const faults = faultSchedule(rack, 1, 5 * YEAR);
    expect(faults.length).toBeGreaterThan(50);
    for (let i = 1; i < faults.length; i++)
      expect(faults[i].atMs).toBeGreaterThanOrEqual(faults[i - 1].atMs);
    for (const f of faults) {
      expect(f.atMs).toBeGreaterThanOrEqual(0);
      expect(f.atMs).toBeLessThan(5 * YEAR);
      expect(f.draw).toBeGreaterThanOrEqual(0);
      expect(f.draw).toBeLessThan(1);
    }
  });

  it('gives each part its own stream: system A of the mixed rack suffers what a lone 4300 does', () => {
    const mixed = faultSchedule(buildRack(getPreset('mixed')), 3, YEAR);
    const alone = faultSchedule(rack, 3, YEAR);
    expect(mixed.filter((f) => f.componentId.startsWith('A.'))).toEqual(alone);
    // A shorter run is a prefix of a longer one.
    expect(faultSchedule(rack, 3, YEAR / 2)).toEqual(alone.filter((f) => f.atMs < YEAR / 2));
  });

  it('draws an OS-crash stream per CPU element (the ftServer uses element 0 only)', () => {
    const faults = faultSchedule(rack, 2, 20 * YEAR).filter((f) => f.fault === 'os-crash');
    expect(new Set(faults.map((f) => f.componentId))).toEqual(new Set(['A.cpu-0', 'A.cpu-1']));
  });

  it('follows the per-part rates of FAULT_MTBF_H', () => {
    const years = 400;
    const faults = faultSchedule(rack, 9, years * YEAR);
    const count = (id: string, fault: string) =>
      faults.filter((f) => f.componentId === id && f.fault === fault).length;
    const check = (id: string, fault: string, mtbfH: number) => {
      const expected = (years * YEAR) / (mtbfH * HOUR);
      // Poisson: within five standard deviations.
      expect(Math.abs(count(id, fault) - expected), `${id} ${fault}`).toBeLessThan(
        5 * Math.sqrt(expected) + 1,
      );
    };
    check('A.cpu-0', 'memory-correctable', FAULT_MTBF_H.cpu['memory-correctable']);
    check('A.cpu-1', 'bitflip-register', FAULT_MTBF_H.cpu['bitflip-register']);
    check('A.nic-11-5', 'nic-link-loss', FAULT_MTBF_H.nic['nic-link-loss']);
    check('A.disk-10-40-2', 'disk-media-error', FAULT_MTBF_H.disk['disk-media-error']);
  });

  it('rejects bad arguments', () => {
    expect(() => faultSchedule(rack, 1.5, YEAR)).toThrow(/seed/);
    expect(() => faultSchedule(rack, 1, Number.POSITIVE_INFINITY)).toThrow(/durationMs/);
  });
});
