import { getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { HOUR } from '../timing.ts';
import { closedForms } from './chains.ts';
import { prepareComparison, runAlternativeSeed, runFtServerSeed, runSeed } from './montecarlo.ts';
import { ci95 } from './stats.ts';
import { summarize } from './summary.ts';

const YEAR = 365 * 24 * HOUR;

describe('one fault schedule, three architectures', () => {
  it('on a fixed seed over ten years of a 4300: downtime ftServer ≤ cluster ≤ conventional', () => {
    const r = runSeed(
      prepareComparison({ rack: getPreset('4300-dmr'), durationMs: 10 * YEAR }),
      2024,
    );
    expect(r.ftserver.downtimeMs).toBeLessThanOrEqual(r.cluster.downtimeMs);
    expect(r.cluster.downtimeMs).toBeLessThanOrEqual(r.conventional.downtimeMs);
    expect(r.ftserver.transactionsLost).toBeLessThan(r.cluster.transactionsLost);
    expect(r.cluster.transactionsLost).toBeLessThan(r.conventional.transactionsLost);
    // The same faults struck: the ftServer has every part, the conventional server half of them.
    const scheduled =
      r.ftserver.faultsApplied + r.ftserver.faultsRefused + r.ftserver.faultsWithoutPart;
    expect(r.cluster.faultsApplied + r.cluster.faultsRefused + r.cluster.faultsWithoutPart).toBe(
      scheduled,
    );
    expect(r.conventional.faultsWithoutPart).toBeGreaterThan(scheduled / 3);
    expect(r.ftserver.faultsApplied).toBeGreaterThan(100);
  });

  it('is deterministic and summarises in seed order', () => {
    const p = prepareComparison({ rack: getPreset('4300-dmr'), durationMs: 30 * 24 * HOUR });
    const a = [3, 1, 2].map((s) => runSeed(p, s));
    const b = [1, 2, 3].map((s) => runSeed(p, s));
    expect(summarize(a)).toEqual(summarize(b));
    expect(summarize(a).ftserver.seeds).toBe(3);
  });

  it('refuses a duration too short to measure the workload', () => {
    expect(() => prepareComparison({ rack: getPreset('4300-dmr'), durationMs: 500 })).toThrow(
      /durationMs/,
    );
  });
});

/**
 * The closed form must fall inside the Monte Carlo's 95% interval. The alternatives are cheap:
 * 300 seeds × a year each, which pins the cluster to a few percent. The ftServer runs the real
 * engine; its downtime is almost all OS crashes (one every two years), so 24 seeds × 2 years.
 */
describe('closed forms inside the Monte Carlo interval', () => {
  const rack = getPreset('4300-dmr');
  const cf = closedForms(rack);

  it.each(['cluster', 'conventional'] as const)('%s', (arch) => {
    const p = prepareComparison({ rack, durationMs: YEAR });
    const seeds = Array.from({ length: 300 }, (_, i) => 1_000 + i);
    const availability = seeds.map((s) => runAlternativeSeed(p, arch, s).availability);
    const [lo, hi] = ci95(availability) ?? [0, 0];
    expect(cf[arch].availability).toBeGreaterThanOrEqual(lo);
    expect(cf[arch].availability).toBeLessThanOrEqual(hi);
    // Meaningful: the interval is narrower than the gap to the next architecture.
    expect(hi - lo).toBeLessThan(arch === 'cluster' ? 3e-6 : 1e-4);
  });

  it('ftserver (real engine)', () => {
    const p = prepareComparison({ rack, durationMs: 2 * YEAR });
    const seeds = Array.from({ length: 24 }, (_, i) => 500 + i);
    const availability = seeds.map((s) => runFtServerSeed(p, s).availability);
    const [lo, hi] = ci95(availability) ?? [0, 0];
    expect(cf.ftserver.availability).toBeGreaterThanOrEqual(lo);
    expect(cf.ftserver.availability).toBeLessThanOrEqual(hi);
    // Meaningful: the whole interval lies above the cluster.
    expect(lo).toBeGreaterThan(cf.cluster.availability);
  });
});
