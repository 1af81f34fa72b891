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
  type RackModel,
} from '@ft/hardware';
import type { RackChoice } from '../url/params.ts';

export interface ResolvedRack {
  model: RackModel;
  rack: LoadRequest['rack'];
}

/**
 * The configuration is a value (parsed JSON, an object from a file or an API call): it is never
 * read again as JSON text, so a JSON string is refused as what it is. Its schema loads only for
 * a configuration (a preset needs none: the embed's first-frame budget).
 */
export async function resolveRack(choice: RackChoice): Promise<ResolvedRack> {
  if ('preset' in choice) {
    const config = COMPARISON_PRESET_NAMES.includes(choice.preset)
      ? getComparisonPreset(choice.preset)
      : getPreset(choice.preset);
    return { model: buildRack(config), rack: { preset: choice.preset } };
  }
  const { rackConfigFromValue } = await import('@ft/hardware/config');
  const config = rackConfigFromValue(choice.config, choice.source, { comparison: true });
  // The worker gets the checked, filled-in copy: plain data the twin made.
  return { model: buildRack(config), rack: { config, source: choice.source } };
}
