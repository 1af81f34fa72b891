import type { ComparisonSummary } from '@ft/engine/alternatives';
import { describe, expect, it } from 'vitest';
import { binLabel, intervalRows, logTicks } from './chartModel.ts';

const YEAR_S = 365 * 86_400;

function arch(availability: number, ci: [number, number] | null) {
  return {
    seeds: 10,
    availability,
    ci95: ci,
    downtimeS: 0,
    transactionsLost: 0,
    silentDataCorruptions: 0,
    outages: 0,
    histogram: { edgesS: [0, 1], counts: [10, 0] },
    downtimesS: [],
  };
}

describe('chart model', () => {
  it('turns availabilities into downtime per year, the interval ends swapped', () => {
    const summary = {
      ftserver: arch(1 - 100 / YEAR_S, [1 - 150 / YEAR_S, 1 - 50 / YEAR_S]),
      cluster: arch(1 - 300 / YEAR_S, null),
      conventional: arch(1 - 3000 / YEAR_S, [1 - 4000 / YEAR_S, 1 - 2000 / YEAR_S]),
    } as ComparisonSummary;
    const closed = {
      ftserver: { availability: 0, downtimeSPerYear: 90 },
      cluster: { availability: 0, downtimeSPerYear: 280 },
      conventional: { availability: 0, downtimeSPerYear: 3500 },
    };
    const rows = intervalRows(summary, closed);
    expect(rows[0].meanS).toBeCloseTo(100, 3);
    expect(rows[0].lowS).toBeCloseTo(50, 3);
    expect(rows[0].highS).toBeCloseTo(150, 3);
    expect(rows[1].lowS).toBeCloseTo(rows[1].highS, 6);
    expect(rows[2].closedS).toBe(3500);
  });

  it('a log axis in whole decades that holds every value', () => {
    expect(logTicks([50, 150, 4000])).toEqual({
      min: 10,
      max: 10_000,
      ticks: [10, 100, 1000, 10_000],
    });
    expect(logTicks([]).ticks.length).toBeGreaterThan(1);
    expect(logTicks([0, 0.2]).min).toBe(1);
  });

  it('labels the bins', () => {
    const edges = [0, 1, 10, 3600];
    expect(binLabel(edges, 0)).toBe('less than a second');
    expect(binLabel(edges, 1)).toBe('1 s–10 s');
    expect(binLabel(edges, 3)).toBe('≥ 1 h');
    expect(binLabel(edges, 2, true)).toBe('10 s+');
  });
});
