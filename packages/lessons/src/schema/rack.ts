/** A rack reference: a catalog preset by name, or a full configuration checked by @ft/hardware. */
import {
  buildRack,
  ConfigError,
  getPreset,
  PRESET_NAMES,
  parseRackConfig,
  type RackConfig,
  type RackModel,
} from '@ft/hardware';
import * as v from 'valibot';
import { oneOf, strict } from './fields.ts';
import { quote } from './issues.ts';

export type RackRef = { preset: string } | { config: RackConfig };

function configProblem(input: unknown): string | null {
  try {
    parseRackConfig(input, 'config');
    return null;
  } catch (e) {
    if (e instanceof ConfigError) return `${e.path}: ${e.detail}`;
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * `{ "preset": "4300-dmr" }` or `{ "config": { …rack configuration… } }`.
 *
 * @example
 * v.parse(rackRefSchema, { preset: 'mixed' });
 */
export const rackRefSchema = v.union(
  [
    strict({ preset: oneOf(PRESET_NAMES, 'a preset, one of') }),
    strict({
      config: v.pipe(
        v.unknown(),
        v.check(
          (c) => configProblem(c) === null,
          (i) => `invalid rack configuration: ${configProblem(i.input)}`,
        ),
        v.transform((c) => parseRackConfig(c, 'config')),
      ),
    }),
  ],
  (i) => {
    const input = i.input as Record<string, unknown> | null;
    if (input && typeof input === 'object' && 'preset' in input) {
      return `unknown preset ${quote(input.preset)}; presets: ${PRESET_NAMES.join(', ')}`;
    }
    if (input && typeof input === 'object' && 'config' in input) {
      return `invalid rack configuration: ${configProblem(input.config)}`;
    }
    return `expected { "preset": "4300-dmr" } or { "config": {…} }, got ${quote(i.input)}`;
  },
) as v.GenericSchema<RackRef>;

/** The rack configuration a reference names. */
export function rackConfigOf(ref: RackRef): RackConfig {
  return 'preset' in ref ? getPreset(ref.preset) : ref.config;
}

/** The expanded rack (every component) a reference names. */
export function rackModelOf(ref: RackRef): RackModel {
  return buildRack(rackConfigOf(ref));
}

/** A short name for messages: the preset name or the configuration's name. */
export function rackName(ref: RackRef): string {
  return 'preset' in ref ? ref.preset : ref.config.name;
}
