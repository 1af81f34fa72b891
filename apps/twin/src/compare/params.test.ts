import { describe, expect, it } from 'vitest';
import { parseCompareParams } from './params.ts';

const PRESETS = ['4300-dmr', 'mixed'];

describe('parseCompareParams', () => {
  it('defaults, and every parameter read', () => {
    expect(parseCompareParams('?demo=compare', PRESETS)).toEqual({
      preset: '4300-dmr',
      seed: 1,
      costPerHour: 10_000,
      seeds: 100,
      singleDisks: false,
      problems: [],
    });
    expect(
      parseCompareParams('?preset=mixed&seed=42&cost=2500.5&seeds=20&disks=single', PRESETS),
    ).toMatchObject({
      preset: 'mixed',
      seed: 42,
      costPerHour: 2500.5,
      seeds: 20,
      singleDisks: true,
      problems: [],
    });
  });

  it('each bad value is named, quoted and cut, and its default applies', () => {
    const p = parseCompareParams(
      `?preset=${'x'.repeat(80)}&seed=-3&cost=lots&seeds=0&disks=tape`,
      PRESETS,
    );
    expect(p).toMatchObject({
      preset: '4300-dmr',
      seed: 1,
      costPerHour: 10_000,
      seeds: 100,
      singleDisks: false,
    });
    expect(p.problems).toHaveLength(5);
    expect(p.problems[0]).toMatch(
      /^\?preset="x+… is not an ftServer preset: expected one of 4300-dmr, mixed/,
    );
    expect(p.problems[0].length).toBeLessThan(160);
    expect(p.problems[1]).toMatch(/^\?seed="-3" is not valid/);
    expect(p.problems[2]).toMatch(/^\?cost="lots" is not valid: expected an amount per hour/);
    expect(p.problems[3]).toMatch(/^\?seeds="0" is not valid/);
    expect(p.problems[4]).toMatch(/^\?disks="tape"/);
  });
});
