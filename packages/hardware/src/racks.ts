/**
 * The rack and the preset configurations the app can load by name.
 */
import { defaultSystem } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { MODELS } from './models.ts';
import type { ModelId, RackConfig, RedundancyMode, SystemConfig } from './types.ts';

/** Height of the modelled rack in rack units. */
export const RACK_HEIGHT_U = 42;

/** A preset system: the model's defaults with one Gigabit Ethernet adapter pair. */
function system(
  id: string,
  model: ModelId,
  positionU: number,
  mode: RedundancyMode = 'dmr',
): SystemConfig {
  return { ...defaultSystem(id, model, positionU, mode), pciAdapters: ['gige'] };
}

const LETTERS = 'ABCDEFGH';

const PRESET_TABLE: Readonly<Record<string, RackConfig>> = {
  '4300-dmr': {
    name: 'ftServer 4300 (DMR)',
    heightU: RACK_HEIGHT_U,
    systems: [system('A', '4300', 1)],
  },
  '5600-dmr': {
    name: 'ftServer 5600 (DMR)',
    heightU: RACK_HEIGHT_U,
    systems: [{ ...system('A', '5600', 1), pciAdapters: ['gige', 'scsi', 'fc'] }],
  },
  '6600-tmr': {
    name: 'ftServer 6600 (TMR)',
    heightU: RACK_HEIGHT_U,
    systems: [{ ...system('A', '6600', 1, 'tmr'), pciAdapters: ['gige', 'scsi', 'fc', 'rmc'] }],
  },
  mixed: {
    name: 'Mixed rack: 4300, 5600 and 6600 (TMR)',
    heightU: RACK_HEIGHT_U,
    systems: [system('A', '4300', 1), system('B', '5600', 6), system('C', '6600', 13, 'tmr')],
  },
  'rack-8x4300': {
    name: 'Eight ftServer 4300s',
    heightU: RACK_HEIGHT_U,
    systems: Array.from(LETTERS, (id, i) =>
      system(id, '4300', 1 + i * MODELS['4300'].heightU.value),
    ),
  },
};

/**
 * Preset rack configurations, by name; every one is valid for `parseRackConfig`.
 *
 * @example
 * PRESETS['6600-tmr'].systems[0].mode; // 'tmr'
 */
export const PRESETS: Readonly<Record<string, RackConfig>> = PRESET_TABLE;

/** Names of the presets, in a stable order (the same list as {@link presetNames}). */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

/** Names of the presets, in a stable order. */
export function presetNames(): string[] {
  return [...PRESET_NAMES];
}

/**
 * The preset called `name`.
 *
 * @throws ConfigError listing the valid names when there is no such preset.
 * @example
 * getPreset('mixed').systems.length; // 3
 */
export function getPreset(name: string): RackConfig {
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  if (!preset) {
    throw new ConfigError(
      'preset',
      'name',
      `unknown preset '${name}'; valid presets: ${presetNames().join(', ')}`,
    );
  }
  return preset;
}
