import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, DEFAULT_SEED, type ParamCatalog, parseParams } from './params.ts';

const catalog: ParamCatalog = {
  presetNames: ['mixed', '4300-dmr', 'rack-8x4300'],
  parseRackConfig(config) {
    if (typeof config !== 'object' || config === null || !('systems' in config)) {
      throw new Error('systems: expected an array of systems');
    }
    return config;
  },
};

describe('parseParams', () => {
  it('defaults to the mixed preset and seed 1 with no problems', () => {
    expect(parseParams('', catalog)).toEqual({
      rack: { preset: DEFAULT_PRESET },
      seed: DEFAULT_SEED,
      randomFaults: false,
      problems: [],
    });
  });

  it('accepts a known preset and a seed', () => {
    const p = parseParams('?preset=4300-dmr&seed=42', catalog);
    expect(p.rack).toEqual({ preset: '4300-dmr' });
    expect(p.seed).toBe(42);
    expect(p.problems).toEqual([]);
  });

  it('names the parameter and the valid presets for an unknown preset', () => {
    const p = parseParams('?preset=nope', catalog);
    expect(p.rack).toEqual({ preset: DEFAULT_PRESET });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain('?preset="nope"');
    expect(p.problems[0]).toContain('mixed, 4300-dmr, rack-8x4300');
  });

  it.each(['-1', 'abc', '1.5', '', '99999999999', '1e3'])('rejects seed %j', (seed) => {
    const p = parseParams(`?seed=${encodeURIComponent(seed)}`, catalog);
    expect(p.seed).toBe(DEFAULT_SEED);
    expect(p.problems[0]).toMatch(/\?seed=.*non-negative integer/);
  });

  it('accepts seed 0', () => {
    expect(parseParams('?seed=0', catalog).seed).toBe(0);
  });

  it('accepts a valid URL-encoded config', () => {
    const config = { systems: [{ model: '4300' }] };
    const p = parseParams(`?config=${encodeURIComponent(JSON.stringify(config))}`, catalog);
    expect(p.rack).toEqual({ config, source: '?config' });
    expect(p.problems).toEqual([]);
  });

  it('reports invalid JSON in config', () => {
    const p = parseParams('?config=%7Bnot-json', catalog);
    expect(p.rack).toEqual({ preset: DEFAULT_PRESET });
    expect(p.problems[0]).toContain('?config is not valid JSON');
  });

  it('passes on the catalog message for an invalid config', () => {
    const p = parseParams(`?config=${encodeURIComponent('{"name":"x"}')}`, catalog);
    expect(p.problems[0]).toContain('systems: expected an array of systems');
    expect(p.rack).toEqual({ preset: DEFAULT_PRESET });
  });

  it('says ?preset is ignored when both are given', () => {
    const config = { systems: [] };
    const p = parseParams(
      `?preset=mixed&config=${encodeURIComponent(JSON.stringify(config))}`,
      catalog,
    );
    expect(p.rack).toEqual({ config, source: '?config' });
    expect(p.problems[0]).toContain('?preset is ignored');
  });

  it('reads randomFaults and rejects other values', () => {
    expect(parseParams('?randomFaults=1', catalog).randomFaults).toBe(true);
    expect(parseParams('?randomFaults=false', catalog).randomFaults).toBe(false);
    const bad = parseParams('?randomFaults=yes', catalog);
    expect(bad.randomFaults).toBe(false);
    expect(bad.problems[0]).toContain('?randomFaults="yes"');
  });
});
