/**
 * The rack of a load request when it is not a plain ftServer preset: a comparison preset or a
 * configuration to check. Loaded by the worker host only when needed, so the configuration
 * schema and the comparison racks stay out of the worker's first download (the embed's
 * first-frame budget).
 */
import {
  COMPARISON_PRESET_NAMES,
  ConfigError,
  getComparisonPreset,
  getPreset,
  parseRackConfig,
  type RackConfig,
} from '@ft/hardware';
import type { LoadRequest } from './api.ts';

/**
 * The configuration a load request asks for; throws ConfigError naming what is wrong.
 * @example rackOfRequest({ preset: 'cluster-2node' }).clusters?.length // 1
 */
export function rackOfRequest(rack: LoadRequest['rack']): RackConfig {
  if (!rack || typeof rack !== 'object')
    throw new ConfigError('load', 'rack', 'expected { preset } or { config }');
  if ('preset' in rack) {
    return COMPARISON_PRESET_NAMES.includes(rack.preset)
      ? getComparisonPreset(rack.preset)
      : getPreset(rack.preset);
  }
  return parseRackConfig(rack.config, rack.source ?? 'config', { comparison: true });
}
