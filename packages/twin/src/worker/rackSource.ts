/**
 * Turns a rack choice (a preset name or a configuration) into the expanded rack model and the
 * worker's load request. The comparison machines (a conventional server, a failover cluster:
 * `conventional`, `cluster-2node`, or configurations with their models) load the same way.
 */
import type { LoadRequest } from '@ft/engine';
import {
  buildRack,
  COMPARISON_PRESET_NAMES,
  getComparisonPreset,
  getPreset,
  parseRackConfig,
  type RackModel,
} from '@ft/hardware';
import type { RackChoice } from '../url/params.ts';

export const CONFIG_SOURCE = 'URL parameter config';

export function resolveRack(choice: RackChoice): { model: RackModel; rack: LoadRequest['rack'] } {
  if ('preset' in choice) {
    const config = COMPARISON_PRESET_NAMES.includes(choice.preset)
      ? getComparisonPreset(choice.preset)
      : getPreset(choice.preset);
    return { model: buildRack(config), rack: { preset: choice.preset } };
  }
  const source = choice.source || CONFIG_SOURCE;
  const config = parseRackConfig(choice.config, source, { comparison: true });
  return { model: buildRack(config), rack: { config: choice.config, source } };
}
