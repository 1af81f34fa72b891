/**
 * What the comparison page builds from one ftServer preset: the three racks (the ftServer, its
 * failover-cluster equivalent, its conventional-server equivalent), how each twin is asked for,
 * the fault map between them and the services whose downtime is counted.
 */
import { type ComparisonRacks, comparisonRacks, FaultMap } from '@ft/engine/alternatives';
import { clusterEquivalent, conventionalEquivalent, getPreset } from '@ft/hardware';
import type { RackChoice } from '@ft/twin';
import { type Architecture, type ServiceSpec, servicesOf } from './serviceTracker.ts';

export interface ComparisonSetup {
  preset: string;
  mirroredDisks: boolean;
  racks: ComparisonRacks;
  map: FaultMap;
  /** What each twin loads: presets where the catalog has one, else the configuration. */
  choices: Record<Architecture, RackChoice>;
  services: Record<Architecture, ServiceSpec[]>;
}

export const ARCHITECTURE_NAMES: Record<Architecture, string> = {
  ftserver: 'ftServer',
  cluster: 'HA failover cluster',
  conventional: 'Conventional server',
};

/**
 * The comparison of `preset` (an ftServer preset).
 *
 * @example
 * comparisonSetup('4300-dmr').choices.cluster; // { preset: 'cluster-2node' }
 * comparisonSetup('mixed').choices.cluster; // { config: {...}, source: 'failover clusters for mixed' }
 */
export function comparisonSetup(preset: string, mirroredDisks = true): ComparisonSetup {
  const ft = getPreset(preset);
  const racks = comparisonRacks(ft, { mirroredDisks });
  // The catalog's comparison presets are the equivalents of the 4300 (RAID 1 disks).
  const catalog = preset === '4300-dmr' && mirroredDisks;
  const choices: Record<Architecture, RackChoice> = {
    ftserver: { preset },
    cluster: catalog
      ? { preset: 'cluster-2node' }
      : { config: clusterEquivalent(ft), source: `failover clusters for ${preset}` },
    conventional: catalog
      ? { preset: 'conventional' }
      : {
          config: conventionalEquivalent(ft, { mirroredDisks }),
          source: `conventional servers for ${preset}`,
        },
  };
  return {
    preset,
    mirroredDisks,
    racks,
    map: new FaultMap(racks),
    choices,
    services: {
      ftserver: servicesOf(racks.ftserver.config),
      cluster: servicesOf(racks.cluster.config),
      conventional: servicesOf(racks.conventional.config),
    },
  };
}
