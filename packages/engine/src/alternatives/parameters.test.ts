import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import { ALTERNATIVES, inFlightTransactions, nodeDetectionMs } from './parameters.ts';

describe('ALTERNATIVES', () => {
  it('marks every figure sourced or assumed, with a note', () => {
    const figures = Object.entries(ALTERNATIVES).flatMap(([key, value]) =>
      'source' in value
        ? [[key, value] as const]
        : Object.entries(value).map(([k, v]) => [`${key}.${k}`, v] as const),
    );
    expect(figures.length).toBeGreaterThan(15);
    for (const [key, f] of figures) {
      expect(['src', 'assumed'], key).toContain(f.source);
      expect(f.note, key).toMatch(/\S{3}/);
    }
  });

  it('detects a dead node after five missed one-second heartbeats', () => {
    expect(nodeDetectionMs()).toBe(5_000);
    expect(inFlightTransactions(34_000)).toBe(3_400);
  });

  it("keeps the alternatives' transaction rate within 5% of what the ftServer workload sustains", () => {
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    engine.advance(2_000);
    engine.advance(3_600_000, true);
    const [c] = engine.counters();
    const measured = c.transactionsCommitted / (c.uptimeMs / 1000);
    expect(Math.abs(measured / ALTERNATIVES.transactionsPerS.value - 1)).toBeLessThan(0.05);
  });
});
