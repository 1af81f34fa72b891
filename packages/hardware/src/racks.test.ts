import { describe, expect, it } from 'vitest';
import { parseRackConfig } from './config.ts';
import { ConfigError } from './errors.ts';
import { MODELS } from './models.ts';
import { PRESETS, RACK_HEIGHT_U, getPreset, presetNames } from './racks.ts';

describe('PRESETS', () => {
  it('offers the required presets', () => {
    expect(presetNames()).toEqual(
      expect.arrayContaining(['4300-dmr', '5600-dmr', '6600-tmr', 'mixed', 'rack-8x4300']),
    );
    expect(RACK_HEIGHT_U).toBe(42);
  });

  it.each(presetNames())('%s is a valid configuration', (name) => {
    expect(parseRackConfig(PRESETS[name], `preset ${name}`)).toEqual(PRESETS[name]);
  });

  it('rack-8x4300 fills U1..U32 with eight 4300s', () => {
    const { systems } = getPreset('rack-8x4300');
    expect(systems.map((s) => s.model)).toEqual(Array(8).fill('4300'));
    const top = Math.max(...systems.map((s) => s.positionU + MODELS[s.model].heightU.value - 1));
    expect(Math.min(...systems.map((s) => s.positionU))).toBe(1);
    expect(top).toBe(32);
  });

  it('getPreset rejects unknown names, listing the valid ones', () => {
    expect(() => getPreset('nope')).toThrow(ConfigError);
    expect(() => getPreset('nope')).toThrow(
      /preset: name: unknown preset 'nope'; valid presets: 4300-dmr, /,
    );
    expect(() => getPreset('toString')).toThrow(ConfigError);
  });
});
