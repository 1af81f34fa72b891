import { buildRack, getPreset } from '@ft/hardware';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMING } from '../timing.ts';
import {
  closedForms,
  clusterAvailability,
  conventionalAvailability,
  ftServerAvailability,
  nodeRates,
} from './chains.ts';
import { comparisonRacks } from './equivalents.ts';
import { probability, solveChain, steadyState } from './markov.ts';
import { ALTERNATIVES } from './parameters.ts';

const hours = (ms: number) => ms / 3_600_000;

describe('steady state of a chain', () => {
  it('one part failing and repaired: availability μ / (λ + μ)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-7, max: 10, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (l, m) => {
          const chain = solveChain(
            'up',
            (s) => s,
            (s) => (s === 'up' ? [['down', l]] : [['up', m]]),
          );
          expect(probability(chain, (s) => s === 'up')).toBeCloseTo(m / (l + m), 10);
        },
      ),
    );
  });

  it('a birth-death chain matches its product form', () => {
    // States 0..3, up at rate a, down at rate b: π_k ∝ (a/b)^k.
    const a = 0.3;
    const b = 1.7;
    const pi = steadyState(4, [
      [0, 1, a],
      [1, 2, a],
      [2, 3, a],
      [1, 0, b],
      [2, 1, b],
      [3, 2, b],
    ]);
    const weights = [0, 1, 2, 3].map((k) => (a / b) ** k);
    const total = weights.reduce((x, y) => x + y);
    weights.forEach((w, k) => {
      expect(pi[k]).toBeCloseTo(w / total, 12);
    });
  });

  it('refuses bad rates and runaway chains', () => {
    expect(() => solveChain<number>(0, String, () => [[1, Number.NaN]])).toThrow(/bad rate/);
    expect(() => solveChain<number>(0, String, (s) => [[s + 1, 1]], 50)).toThrow(
      /more than 50 states/,
    );
  });
});

describe('the closed forms', () => {
  const racks = comparisonRacks(getPreset('4300-dmr'));

  it('conventional: A = 1 / (1 + Σ λ D) with the parameters file’s durations', () => {
    const r = nodeRates(racks.conventional, 0);
    const P = ALTERNATIVES;
    const reboot = hours(P.bootMs.value + P.applicationRecoveryMs.value);
    const repair = hours(
      P.partReplacementMs.value +
        P.coldSwapMs.value +
        P.bootMs.value +
        P.applicationRecoveryMs.value,
    );
    const star =
      1 /
      (1 + r.crash * reboot + (r.hard + r.adapter) * repair + r.link * hours(P.linkRepairMs.value));
    // RAID 1 pairs only add a double-failure term of order 1e-10.
    expect(conventionalAvailability(racks.conventional, 0)).toBeCloseTo(star, 9);
    expect(r.application).toBe(0);
    expect(r.dataLoss).toBe(0);
  });

  it('ftServer: the one OS crash dominates; double CPU faults add under 1e-8', () => {
    const osCrashPerH = 1 / (2 * 8_760);
    const crashOnly =
      1 - osCrashPerH * hours(TIMING.bootMs.value + ALTERNATIVES.applicationRecoveryMs.value);
    const a = ftServerAvailability(racks.ftserver, 0);
    expect(a).toBeLessThan(crashOnly + 1e-12);
    expect(crashOnly - a).toBeLessThan(1e-8);
  });

  it('a cluster is better than one of its nodes and worse than never failing over', () => {
    const cluster = clusterAvailability(racks.cluster, [0, 1], 2);
    const node = conventionalAvailability(racks.conventional, 0);
    expect(cluster).toBeGreaterThan(node);
    const r = nodeRates(racks.cluster, 0);
    const failoverH = hours(
      5_000 + ALTERNATIVES.groupOnlineMs.value + ALTERNATIVES.applicationRecoveryMs.value,
    );
    const firstOrder = 1 - (r.crash + r.hard + r.link + r.adapter) * failoverH;
    expect(Math.abs(cluster - firstOrder)).toBeLessThan(1e-6);
  });

  it('orders the three architectures, for any rack', () => {
    for (const preset of ['4300-dmr', 'mixed', '6600-tmr']) {
      const cf = closedForms(getPreset(preset));
      expect(cf.ftserver.availability).toBeGreaterThan(cf.cluster.availability);
      expect(cf.cluster.availability).toBeGreaterThan(cf.conventional.availability);
      expect(cf.ftserver.downtimeSPerYear).toBeCloseTo(
        (1 - cf.ftserver.availability) * 31_536_000,
        6,
      );
    }
    const single = closedForms(getPreset('4300-dmr'), { mirroredDisks: false });
    expect(single.conventional.availability).toBeLessThan(
      closedForms(getPreset('4300-dmr')).conventional.availability,
    );
    expect(buildRack(getPreset('4300-dmr')).systems).toHaveLength(1);
  });
});
