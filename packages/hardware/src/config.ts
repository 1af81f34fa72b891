/**
 * Parses and validates rack configurations (JSON files, the URL fragment, API calls) and writes
 * them back. The shape of a configuration is a valibot schema (./configSchema.ts); what depends on
 * the catalog (a model's memory sizes, its height in the rack, overlaps) is checked here after it.
 * Every rejection is a {@link ConfigError} naming the source and the field path.
 */
import * as v from 'valibot';
import { checkClusters, readClusters } from './clusterConfig.ts';
import { isComparisonModelId, isConventionalModelId } from './comparisonModels.ts';
import { defaultSystem, defaultSystemName } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { MODELS, pciSlotsPerSide } from './models.ts';
import { RACK_HEIGHT_U } from './racks.ts';
import { safeText } from './shown.ts';
import {
  comparisonRackSchema,
  DEFAULT_RACK_NAME,
  issuePath,
  type RackInput,
  rackSchema,
  type SystemInput,
} from './configSchema.ts';
import type { RackConfig, SystemConfig } from './types.ts';

/** How much {@link parseRackConfig} accepts. */
export interface ParseOptions {
  /**
   * Also accept the comparison machines (conventional servers, disk arrays), `mirroredDisks`
   * and failover `clusters` (issue 11). Off by default: the ftServer engine runs only ftServers.
   */
  comparison?: boolean;
}

export { DEFAULT_RACK_NAME, MAX_RACK_HEIGHT_U, SYSTEM_ID_PATTERN } from './configSchema.ts';

/** Longest JSON text accepted (a full rack written out is about 5 KB). */
export const MAX_CONFIG_CHARS = 256 * 1024;

/** Fills the model's defaults and checks what the catalog says about one system. */
function checkSystem(source: string, i: number, s: SystemInput, rackHeightU: number): SystemConfig {
  const at = (field: string) => `systems[${i}].${field}`;
  const fail = (field: string, detail: string): never => {
    throw new ConfigError(source, at(field), detail);
  };
  const spec = MODELS[s.model];
  const defaults = defaultSystem(s.id, s.model, s.positionU);
  const heightU = spec.heightU.value;
  if (s.positionU + heightU - 1 > rackHeightU) {
    fail('positionU', `${s.positionU} + ${heightU}U exceeds the ${rackHeightU}U rack`);
  }
  const mode = s.mode ?? defaults.mode;
  if (isComparisonModelId(s.model)) {
    if (mode !== 'simplex') fail('mode', `the ${spec.name} has no lockstep: mode is simplex`);
  } else if (mode === 'simplex') {
    fail('mode', `'simplex' is not a mode of the ${spec.name}; valid: dmr, tmr`);
  } else if (mode === 'tmr' && !spec.tmrCapable.value) {
    fail('mode', `the ${spec.name} does not support TMR (DMR only)`);
  }
  const processors = s.processorsPerElement ?? defaults.processorsPerElement;
  const processorOptions = spec.cpu.processorsPerElement.value;
  if (!processorOptions.includes(processors)) {
    fail(
      'processorsPerElement',
      `${processors} is not an option of the ${spec.name}; valid: ${processorOptions.join(', ')}`,
    );
  }
  const memoryGB = s.memoryGB ?? defaults.memoryGB;
  const memoryOptions = spec.cpu.memoryGBOptions.value;
  if (!memoryOptions.includes(memoryGB)) {
    fail(
      'memoryGB',
      `${memoryGB} is not a memory size of the ${spec.name}; valid: ${memoryOptions.join(', ')}`,
    );
  }
  const bays = spec.coreIo.diskBays.value;
  const disks = s.disks ?? defaults.disks;
  if (disks < 0 || disks > bays)
    fail('disks', `${disks} disks do not fit: 0 to ${bays} bays per I/O element`);
  const pciAdapters = [...(s.pciAdapters ?? defaults.pciAdapters)];
  const slots = pciSlotsPerSide(spec);
  if (pciAdapters.length > slots) {
    fail(
      'pciAdapters',
      `${pciAdapters.length} adapters do not fit: the ${spec.name} has ${slots} PCI slots per side`,
    );
  }
  const system: SystemConfig = {
    id: s.id,
    name: s.name ?? defaultSystemName(s.model, s.id),
    model: s.model,
    positionU: s.positionU,
    mode,
    processorsPerElement: processors,
    memoryGB,
    disks,
    pciAdapters,
  };
  if (!isConventionalModelId(s.model)) {
    if (s.mirroredDisks !== undefined)
      fail('mirroredDisks', `only a conventional server has this option, not the ${spec.name}`);
    return system;
  }
  const mirroredDisks = s.mirroredDisks ?? true;
  if (mirroredDisks && disks !== 0 && disks !== 2)
    fail('disks', `${disks} disks cannot be mirrored: RAID 1 takes 0 or 2 disks`);
  return { ...system, mirroredDisks };
}

/** Rejects duplicate ids and overlapping U ranges, naming both systems. */
function checkRack(source: string, systems: readonly SystemConfig[]): void {
  const span = (s: SystemConfig) =>
    `U${s.positionU}-${s.positionU + MODELS[s.model].heightU.value - 1}`;
  for (let i = 0; i < systems.length; i++) {
    const a = systems[i];
    for (let j = 0; j < i; j++) {
      const b = systems[j];
      if (a.id === b.id) {
        throw new ConfigError(
          source,
          `systems[${i}].id`,
          `duplicate id '${a.id}' (also systems[${j}])`,
        );
      }
      const aTop = a.positionU + MODELS[a.model].heightU.value;
      const bTop = b.positionU + MODELS[b.model].heightU.value;
      if (a.positionU < bTop && b.positionU < aTop) {
        throw new ConfigError(
          source,
          `systems[${i}].positionU`,
          `system '${a.id}' (${span(a)}) overlaps system '${b.id}' (${span(b)})`,
        );
      }
    }
  }
}

/**
 * Validates a rack configuration that is already a value (parsed JSON, an API argument), filling
 * the defaults. A string is not read as JSON here: it is a wrong value like any other.
 *
 * @throws ConfigError naming the source and the field path.
 * @example
 * rackConfigFromValue({ systems: [{ id: 'A', model: '4300', positionU: 1 }] }, 'rack.json');
 */
export function rackConfigFromValue(
  value: unknown,
  source: string,
  options: ParseOptions = {},
): RackConfig {
  const comparison = options.comparison === true;
  let parsed: RackInput;
  try {
    const schema = comparison ? comparisonRackSchema : rackSchema;
    const result = v.safeParse(schema, value, { abortEarly: true });
    if (!result.success) {
      const issue = result.issues[0];
      throw new ConfigError(source, issuePath(issue.path), issue.message);
    }
    parsed = result.output as RackInput;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // A getter or a Proxy trap threw while the value was read.
    throw new ConfigError(source, '(root)', 'the configuration could not be read');
  }
  const heightU = parsed.heightU ?? RACK_HEIGHT_U;
  const systems = parsed.systems.map((s, i) => checkSystem(source, i, s, heightU));
  checkRack(source, systems);
  const name = parsed.name ?? DEFAULT_RACK_NAME;
  if (!comparison || parsed.clusters === undefined) return { name, heightU, systems };
  const clusters = readClusters(source, parsed.clusters);
  checkClusters(source, systems, clusters);
  return { name, heightU, systems, clusters };
}

/**
 * Validates a rack configuration given as JSON text or as an already-parsed value, filling the
 * defaults (mode `dmr`, the model's default processors, memory and disks, no PCI adapters).
 * A string is read as JSON text; JSON that is valid but not an object is told apart from JSON
 * that does not parse.
 *
 * @param source Where the input came from, used in every error message (a file name, or
 *   `URL fragment config`).
 * @throws ConfigError naming the source and the field path, e.g.
 *   `rack.json: systems[1].positionU: 40 + 10U exceeds the 42U rack`.
 * @example
 * const config = parseRackConfig('{"systems":[{"id":"A","model":"4300","positionU":1}]}', 'rack.json');
 * config.systems[0].memoryGB; // 4
 */
export function parseRackConfig(
  input: string | unknown,
  source: string,
  options: ParseOptions = {},
): RackConfig {
  if (typeof input !== 'string') return rackConfigFromValue(input, source, options);
  if (input.length > MAX_CONFIG_CHARS) {
    throw new ConfigError(
      source,
      '(root)',
      `the text is ${input.length} characters long; a rack configuration has at most ${MAX_CONFIG_CHARS}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ConfigError(source, '(root)', `invalid JSON: ${safeText(why, 120)}`);
  }
  return rackConfigFromValue(value, source, options);
}

/**
 * Writes a rack configuration as JSON text (two-space indent, every field explicit) that
 * {@link parseRackConfig} reads back to an equal configuration.
 *
 * @example
 * parseRackConfig(rackConfigToJson(config), 'saved.json'); // deep-equals config
 */
export function rackConfigToJson(config: RackConfig): string {
  const plain = {
    name: config.name,
    heightU: config.heightU,
    systems: config.systems.map((s) => ({
      id: s.id,
      name: s.name,
      model: s.model,
      positionU: s.positionU,
      mode: s.mode,
      processorsPerElement: s.processorsPerElement,
      memoryGB: s.memoryGB,
      disks: s.disks,
      pciAdapters: [...s.pciAdapters],
      ...(s.mirroredDisks === undefined ? {} : { mirroredDisks: s.mirroredDisks }),
    })),
    ...(config.clusters === undefined
      ? {}
      : {
          clusters: config.clusters.map((c) => ({
            id: c.id,
            nodes: [...c.nodes],
            storage: c.storage,
          })),
        }),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}
