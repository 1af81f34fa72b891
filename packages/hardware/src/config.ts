/**
 * Parses and validates rack configurations (JSON files, URL parameters, API calls) and writes them
 * back. Every rejection is a {@link ConfigError} naming the source and the field path.
 */
import { checkClusters, readClusters } from './clusterConfig.ts';
import {
  COMPARISON_MODEL_IDS,
  isComparisonModelId,
  isConventionalModelId,
} from './comparisonModels.ts';
import { defaultSystem, defaultSystemName } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { FieldReader, describe } from './fields.ts';
import { MODELS, MODEL_IDS, isModelId, pciSlotsPerSide } from './models.ts';
import { PCI_ADAPTERS, PCI_ADAPTER_IDS } from './parts.ts';
import { RACK_HEIGHT_U } from './racks.ts';
import type { ModelId, RackConfig, RedundancyMode, SystemConfig } from './types.ts';

/** How much {@link parseRackConfig} accepts. */
export interface ParseOptions {
  /**
   * Also accept the comparison machines (conventional servers, disk arrays), `mirroredDisks`
   * and failover `clusters` (issue 11). Off by default: the ftServer engine runs only ftServers.
   */
  comparison?: boolean;
}

/** Valid system ids: a letter, then up to 15 letters, digits, `_` or `-`. */
export const SYSTEM_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
/** Tallest rack a configuration may declare with `heightU`. */
export const MAX_RACK_HEIGHT_U = 48;
/** Name given to a rack configuration without one. */
export const DEFAULT_RACK_NAME = 'ftServer rack';

const RACK_FIELDS = ['name', 'heightU', 'systems'] as const;
const COMPARISON_RACK_FIELDS = [...RACK_FIELDS, 'clusters'] as const;
const SYSTEM_FIELDS = [
  'id',
  'name',
  'model',
  'positionU',
  'mode',
  'processorsPerElement',
  'memoryGB',
  'disks',
  'pciAdapters',
] as const;
const COMPARISON_SYSTEM_FIELDS = [...SYSTEM_FIELDS, 'mirroredDisks'] as const;
const MAX_NAME_LENGTH = 64;

function readName(r: FieldReader, key: string): string {
  const name = r.string(key);
  if (name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    r.fail(key, `expected a non-empty name of at most ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

function oneOf<T extends number | string>(
  r: FieldReader,
  key: string,
  value: T,
  options: readonly T[],
  what: string,
): T {
  if (!options.includes(value))
    r.fail(key, `${value} is not ${what}; valid: ${options.join(', ')}`);
  return value;
}

function readModel(r: FieldReader, comparison: boolean): ModelId {
  const model = r.string('model');
  if (isModelId(model) || (comparison && isComparisonModelId(model))) return model;
  const valid = comparison ? [...MODEL_IDS, ...COMPARISON_MODEL_IDS] : MODEL_IDS;
  const shown = model.length > 40 ? `${model.slice(0, 37)}...` : model;
  return r.fail('model', `unknown model '${shown}'; valid models: ${valid.join(', ')}`);
}

function readMode(r: FieldReader, model: ModelId, fallback: RedundancyMode): RedundancyMode {
  const spec = MODELS[model];
  const mode = r.optional('mode', r.string, fallback);
  if (isComparisonModelId(model)) {
    if (mode !== 'simplex') r.fail('mode', `the ${spec.name} has no lockstep: mode is simplex`);
    return mode;
  }
  if (mode !== 'dmr' && mode !== 'tmr') r.fail('mode', `'${mode}' is not a mode; valid: dmr, tmr`);
  if (mode === 'tmr' && !spec.tmrCapable.value)
    r.fail('mode', `the ${spec.name} does not support TMR (DMR only)`);
  return mode;
}

function readSystem(r: FieldReader, rackHeightU: number, comparison: boolean): SystemConfig {
  r.onlyKnown(comparison ? COMPARISON_SYSTEM_FIELDS : SYSTEM_FIELDS);
  const id = r.string('id');
  if (!SYSTEM_ID_PATTERN.test(id)) {
    r.fail(
      'id',
      `'${id}' is not a valid id: use a letter, then up to 15 letters, digits, '_' or '-'`,
    );
  }
  const model = readModel(r, comparison);
  const spec = MODELS[model];
  const defaults = defaultSystem(id, model, 1);

  const positionU = r.integer('positionU');
  const heightU = spec.heightU.value;
  if (positionU < 1) r.fail('positionU', `${positionU} is below U1 (the bottom of the rack)`);
  if (positionU + heightU - 1 > rackHeightU) {
    r.fail('positionU', `${positionU} + ${heightU}U exceeds the ${rackHeightU}U rack`);
  }

  const mode = readMode(r, model, defaults.mode);

  const cpu = spec.cpu;
  const processors = r.optional('processorsPerElement', r.integer, defaults.processorsPerElement);
  oneOf(
    r,
    'processorsPerElement',
    processors,
    cpu.processorsPerElement.value,
    `an option of the ${spec.name}`,
  );
  const memoryGB = r.optional('memoryGB', r.integer, defaults.memoryGB);
  oneOf(r, 'memoryGB', memoryGB, cpu.memoryGBOptions.value, `a memory size of the ${spec.name}`);

  const bays = spec.coreIo.diskBays.value;
  const disks = r.optional('disks', r.integer, defaults.disks);
  if (disks < 0 || disks > bays)
    r.fail('disks', `${disks} disks do not fit: 0 to ${bays} bays per I/O element`);

  const adapters = r.optional('pciAdapters', r.array, defaults.pciAdapters);
  const pciAdapters = adapters.map((a, i) => {
    const key = `pciAdapters[${i}]`;
    if (typeof a !== 'string') r.fail(key, `expected an adapter id string, got ${describe(a)}`);
    if (!Object.hasOwn(PCI_ADAPTERS, a)) {
      r.fail(key, `unknown PCI adapter '${a}'; valid adapters: ${PCI_ADAPTER_IDS.join(', ')}`);
    }
    return a;
  });
  const slots = pciSlotsPerSide(spec);
  if (pciAdapters.length > slots) {
    r.fail(
      'pciAdapters',
      `${pciAdapters.length} adapters do not fit: the ${spec.name} has ${slots} PCI slots per side`,
    );
  }

  const name = r.optional('name', (k) => readName(r, k), defaultSystemName(model, id));
  const system: SystemConfig = {
    id,
    name,
    model,
    positionU,
    mode,
    processorsPerElement: processors,
    memoryGB,
    disks,
    pciAdapters,
  };
  if (!isConventionalModelId(model)) {
    if (r.has('mirroredDisks'))
      r.fail('mirroredDisks', `only a conventional server has this option, not the ${spec.name}`);
    return system;
  }
  const mirroredDisks = r.optional('mirroredDisks', r.boolean, true);
  if (mirroredDisks && disks !== 0 && disks !== 2)
    r.fail('disks', `${disks} disks cannot be mirrored: RAID 1 takes 0 or 2 disks`);
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
 * Validates a rack configuration given as JSON text or as an already-parsed value, filling the
 * defaults (mode `dmr`, the model's default processors, memory and disks, no PCI adapters).
 *
 * @param source Where the input came from, used in every error message (a file name, or
 *   `URL parameter config`).
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
  const comparison = options.comparison === true;
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new ConfigError(
        source,
        '(root)',
        `invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  const r = FieldReader.of(source, '', value);
  r.onlyKnown(comparison ? COMPARISON_RACK_FIELDS : RACK_FIELDS);
  const name = r.optional('name', (k) => readName(r, k), DEFAULT_RACK_NAME);
  const heightU = r.optional('heightU', r.integer, RACK_HEIGHT_U);
  if (heightU < 1 || heightU > MAX_RACK_HEIGHT_U)
    r.fail('heightU', `${heightU} is not between 1 and ${MAX_RACK_HEIGHT_U}`);
  const list = r.array('systems');
  if (list.length === 0) r.fail('systems', 'expected at least one system');
  const systems = list.map((s, i) =>
    readSystem(FieldReader.of(source, `systems[${i}]`, s), heightU, comparison),
  );
  checkRack(source, systems);
  if (!comparison || !r.has('clusters')) return { name, heightU, systems };
  const clusters = readClusters(source, r.obj.clusters);
  checkClusters(source, systems, clusters);
  return { name, heightU, systems, clusters };
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
