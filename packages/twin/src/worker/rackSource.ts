/** Turns the URL's rack choice into the expanded rack model and the worker's load request. */
import type { LoadRequest } from '@ft/engine';
import { buildRack, getPreset, type RackModel, rackConfigFromValue } from '@ft/hardware';
import type { RackChoice } from '../url/params.ts';

/**
 * The configuration is a value (parsed JSON, an object from a file or an API call): it is never
 * read again as JSON text, so a JSON string is refused as what it is.
 */
export function resolveRack(choice: RackChoice): { model: RackModel; rack: LoadRequest['rack'] } {
  if ('preset' in choice) {
    return { model: buildRack(getPreset(choice.preset)), rack: { preset: choice.preset } };
  }
  const config = rackConfigFromValue(choice.config, choice.source);
  // The worker gets the checked, filled-in copy: plain data the twin made.
  return { model: buildRack(config), rack: { config, source: choice.source } };
}
