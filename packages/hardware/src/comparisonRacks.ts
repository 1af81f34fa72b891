/**
 * The alternatives of an ftServer rack, for the comparison of issue 11: the same workload on
 * conventional servers, or on two-node failover clusters with a shared disk array. Each ftServer
 * system becomes one conventional server (same processors, memory and adapters; its disks in
 * RAID 1 or not) or one cluster (two such nodes without data disks, and a disk array holding the
 * ftServer's disks). Systems are stacked from U1 in the ftServer rack's order.
 */
import { isComparisonModelId } from './comparisonModels.ts';
import { defaultSystemName } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { MODELS } from './models.ts';
import { PRESETS, RACK_HEIGHT_U } from './racks.ts';
import type { FailoverClusterConfig, ModelId, RackConfig, SystemConfig } from './types.ts';

/** System ids of the cluster that stands in for the ftServer system `ftSystemId`. */
export interface ClusterSystemIds {
  readonly clusterId: string;
  readonly nodes: readonly [string, string];
  readonly storage: string;
}

/**
 * The ids used for the cluster equivalent of an ftServer system: nodes `<id>1` and `<id>2`, the
 * disk array `<id>S`.
 *
 * @example
 * clusterSystemIds('A'); // { clusterId: 'A', nodes: ['A1', 'A2'], storage: 'AS' }
 */
export function clusterSystemIds(ftSystemId: string): ClusterSystemIds {
  return {
    clusterId: ftSystemId,
    nodes: [`${ftSystemId}1`, `${ftSystemId}2`],
    storage: `${ftSystemId}S`,
  };
}

/** The conventional server that stands in for an ftServer model (3U with a riser for 5600/6600). */
export function conventionalModelFor(model: ModelId): 'conventional' | 'conventional-xio' {
  return model === '4300' || model === 'conventional' ? 'conventional' : 'conventional-xio';
}

function requireFtServer(rack: RackConfig): void {
  rack.systems.forEach((s, i) => {
    if (isComparisonModelId(s.model)) {
      throw new ConfigError(
        'comparison',
        `systems[${i}].model`,
        `'${s.model}' is already a comparison machine; give an ftServer rack`,
      );
    }
  });
}

function serverFor(
  ft: SystemConfig,
  id: string,
  positionU: number,
  disks: number,
  mirrored: boolean,
): SystemConfig {
  const model = conventionalModelFor(ft.model);
  return {
    id,
    name: defaultSystemName(model, id),
    model,
    positionU,
    mode: 'simplex',
    processorsPerElement: ft.processorsPerElement,
    memoryGB: ft.memoryGB,
    disks,
    pciAdapters: [...ft.pciAdapters],
    mirroredDisks: mirrored,
  };
}

function stacked(
  name: string,
  systems: SystemConfig[],
  clusters?: FailoverClusterConfig[],
): RackConfig {
  const top = systems.reduce(
    (u, s) => Math.max(u, s.positionU + MODELS[s.model].heightU.value - 1),
    0,
  );
  const rack: RackConfig = { name, heightU: Math.max(RACK_HEIGHT_U, top), systems };
  return clusters ? { ...rack, clusters } : rack;
}

/**
 * The conventional-server equivalent of an ftServer rack: one server per ftServer system, with
 * the same id, processors, memory and PCI adapters. With `mirroredDisks` (the default) each has
 * two disks in RAID 1; without, as many single disks as the ftServer has per side.
 *
 * @throws ConfigError when the rack already holds comparison machines.
 * @example
 * conventionalEquivalent(getPreset('4300-dmr')).systems[0].model; // 'conventional'
 */
export function conventionalEquivalent(
  rack: RackConfig,
  options: { mirroredDisks?: boolean } = {},
): RackConfig {
  requireFtServer(rack);
  const mirrored = options.mirroredDisks ?? true;
  let u = 1;
  const systems = rack.systems.map((ft) => {
    const disks = mirrored ? (ft.disks > 0 ? 2 : 0) : ft.disks;
    const server = serverFor(ft, ft.id, u, disks, mirrored);
    u += MODELS[server.model].heightU.value;
    return server;
  });
  return stacked(`Conventional servers for ${rack.name}`.slice(0, 64), systems);
}

/**
 * The failover-cluster equivalent of an ftServer rack: per ftServer system, two conventional
 * nodes without data disks (ids `<id>1`, `<id>2`) and a disk array `<id>S` holding the
 * ftServer's disks, mirrored across its two controllers.
 *
 * @throws ConfigError when the rack already holds comparison machines.
 * @example
 * clusterEquivalent(getPreset('4300-dmr')).clusters; // [{ id: 'A', nodes: ['A1', 'A2'], storage: 'AS' }]
 */
export function clusterEquivalent(rack: RackConfig): RackConfig {
  requireFtServer(rack);
  let u = 1;
  const systems: SystemConfig[] = [];
  const clusters: FailoverClusterConfig[] = [];
  for (const ft of rack.systems) {
    const ids = clusterSystemIds(ft.id);
    for (const id of ids.nodes) {
      const node = serverFor(ft, id, u, 0, false);
      systems.push(node);
      u += MODELS[node.model].heightU.value;
    }
    systems.push({
      id: ids.storage,
      name: defaultSystemName('disk-array', ids.storage),
      model: 'disk-array',
      positionU: u,
      mode: 'simplex',
      processorsPerElement: 1,
      memoryGB: 1,
      disks: ft.disks,
      pciAdapters: [],
    });
    u += MODELS['disk-array'].heightU.value;
    clusters.push({ id: ids.clusterId, nodes: ids.nodes, storage: ids.storage });
  }
  return stacked(`Failover clusters for ${rack.name}`.slice(0, 64), systems, clusters);
}

const PRESET_TABLE: Readonly<Record<string, RackConfig>> = {
  conventional: { ...conventionalEquivalent(PRESETS['4300-dmr']), name: 'Conventional server' },
  'cluster-2node': { ...clusterEquivalent(PRESETS['4300-dmr']), name: 'Two-node failover cluster' },
};

/**
 * Comparison racks by name: the equivalents of the `4300-dmr` preset, for the three twins of
 * the comparison page. Kept apart from `PRESETS` (which the ftServer engine loads).
 *
 * @example
 * COMPARISON_PRESETS['cluster-2node'].systems.map((s) => s.id); // ['A1', 'A2', 'AS']
 */
export const COMPARISON_PRESETS: Readonly<Record<string, RackConfig>> = PRESET_TABLE;

/** Names of {@link COMPARISON_PRESETS}. */
export const COMPARISON_PRESET_NAMES: readonly string[] = Object.keys(PRESET_TABLE);

/**
 * The comparison preset called `name`.
 *
 * @throws ConfigError listing the valid names when there is no such preset.
 * @example
 * getComparisonPreset('conventional').systems[0].mirroredDisks; // true
 */
export function getComparisonPreset(name: string): RackConfig {
  const preset = Object.hasOwn(PRESET_TABLE, name) ? PRESET_TABLE[name] : undefined;
  if (!preset) {
    throw new ConfigError(
      'preset',
      'name',
      `unknown comparison preset '${String(name).slice(0, 40)}'; valid: ${COMPARISON_PRESET_NAMES.join(', ')}`,
    );
  }
  return preset;
}
