/** Turns the URL's rack choice into the expanded rack model and the worker's load request. */
import type { LoadRequest } from '@ft/engine';
import { buildRack, getPreset, parseRackConfig, type RackModel } from '@ft/hardware';
import type { RackChoice } from '../url/params.ts';

export const CONFIG_SOURCE = 'URL parameter config';

export function resolveRack(choice: RackChoice): { model: RackModel; rack: LoadRequest['rack'] } {
  if ('preset' in choice) {
    return { model: buildRack(getPreset(choice.preset)), rack: { preset: choice.preset } };
  }
  const config = parseRackConfig(choice.config, CONFIG_SOURCE);
  return { model: buildRack(config), rack: { config: choice.config, source: CONFIG_SOURCE } };
}
