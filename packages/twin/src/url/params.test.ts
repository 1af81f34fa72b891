import { ConfigError, presetNames, type RackConfig, rackConfigFromValue } from '@ft/hardware';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configFragment } from './configLink.ts';
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

describe('the rack in the URL fragment, and parameters nobody reads', () => {
  const real: ParamCatalog = {
    presetNames: presetNames(),
    parseRackConfig: (config) => {
      try {
        return rackConfigFromValue(config, 'config');
      } catch (error) {
        if (error instanceof ConfigError) throw new Error(`${error.path}: ${error.detail}`);
        throw error;
      }
    },
  };
  /** A rack of every model, with long names: its JSON is over 16 KB. */
  const big: RackConfig = {
    name: 'Big lab rack',
    heightU: 42,
    systems: Array.from({ length: 8 }, (_, i) => ({
      id: `S${i}`,
      name: `${'Lab system '.repeat(5)}${i}`.slice(0, 64),
      model: '4300' as const,
      positionU: 1 + i * 5,
      mode: 'dmr' as const,
      processorsPerElement: 2,
      memoryGB: 4,
      disks: 3,
      pciAdapters: ['gige', 'scsi'],
    })),
  };

  it('reads #config as plain JSON and as compressed JSON', () => {
    const plain = `#config=${encodeURIComponent(JSON.stringify({ systems: [{ id: 'Z', model: '4300', positionU: 3 }] }))}`;
    expect(parseParams('', real, plain).rack).toMatchObject({ source: '#config' });
    const fragment = `#${configFragment(big)}`;
    const p = parseParams('', real, fragment);
    expect(p.problems).toEqual([]);
    expect(rackConfigFromValue((p.rack as { config: unknown }).config, 'x')).toEqual(big);
  });

  it('carries a configuration of any reasonable size: 20 KB of JSON', () => {
    // Real files are indented; this one is padded past the 16 KB a query string may carry.
    const json = JSON.stringify(big, null, 2).replace(/\n/g, `\n${' '.repeat(160)}`);
    expect(json.length).toBeGreaterThan(20_000);
    const p = parseParams('', real, `#config=${encodeURIComponent(json)}`);
    expect(p.problems).toEqual([]);
  });

  it('says what is wrong with a damaged fragment', () => {
    const p = parseParams('', real, '#config=!!!');
    expect(p.problems[0]).toMatch(/^#config could not be read: it is neither JSON/);
    const q = parseParams('', real, '#config=AAAA');
    expect(q.problems[0]).toMatch(
      /#config could not be read: the compressed configuration is damaged/,
    );
  });

  it('says valid JSON that is not an object is not an object', () => {
    const p = parseParams(`?config=${encodeURIComponent('"{}"')}`, real);
    expect(p.problems[0]).toMatch(
      /\?config is not a valid rack configuration: \(root\): expected an object like .*, got "\{\}"/,
    );
    const q = parseParams(`?config=${encodeURIComponent('[1,2]')}`, real);
    expect(q.problems[0]).toMatch(/got an array of 2 items/);
  });

  it('says positionU 1e400 is too large for a number', () => {
    const json = '{"systems":[{"id":"A","model":"4300","positionU":1e400}]}';
    const p = parseParams('', real, `#config=${encodeURIComponent(json)}`);
    expect(p.problems[0]).toMatch(
      /systems\[0\]\.positionU: .*got Infinity \(a number too large to represent\)/,
    );
  });

  it('prefers #config over ?config and says so', () => {
    const q = encodeURIComponent(
      JSON.stringify({ systems: [{ id: 'Q', model: '4300', positionU: 1 }] }),
    );
    const f = encodeURIComponent(
      JSON.stringify({ systems: [{ id: 'F', model: '4300', positionU: 1 }] }),
    );
    const p = parseParams(`?config=${q}`, real, `#config=${f}`);
    expect(p.rack).toMatchObject({ source: '#config' });
    expect(p.problems).toContain('Both #config and ?config were given: #config is used.');
  });

  it('names unknown parameters, cut and escaped', () => {
    const key = `\u202e${'k'.repeat(5000)}`;
    const p = parseParams(`?sead=3&${encodeURIComponent(key)}=1&a=1&b=2`, real, '#other=1');
    expect(p.problems[0]).toMatch(
      /^Unknown URL parameters were ignored: \?"sead", \?"\\u202ek{39}…", \?"a" and 1 more\. The app reads \?preset, \?config, \?seed, \?randomFaults\.$/,
    );
    expect(p.problems[1]).toMatch(
      /^Unknown URL parameter was ignored: #"other"\. The app reads #config\.$/,
    );
    expect(p.problems.join(' ').length).toBeLessThan(500);
  });

  it('names repeated parameters and uses the first', () => {
    const p = parseParams('?seed=5&seed=6', real);
    expect(p.seed).toBe(5);
    expect(p.problems).toEqual(['?seed was given 2 times: the first one is used.']);
  });

  it('property: any query and fragment give a rack and short, safe problems', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what a notice must never carry
    const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (search, hash) => {
        const p = parseParams(search, real, hash);
        expect(p.rack).toBeDefined();
        for (const problem of p.problems) {
          expect(unsafe.test(problem)).toBe(false);
          expect(problem.length).toBeLessThan(700);
        }
      }),
      { numRuns: 200 },
    );
  });
});
