/**
 * The `clusters` field of a comparison rack: which two conventional servers form a failover
 * cluster, and which disk array they share. Every rejection is a {@link ConfigError}.
 */
import { isConventionalModelId } from './comparisonModels.ts';
import { ConfigError } from './errors.ts';
import { FieldReader, describe } from './fields.ts';
import type { FailoverClusterConfig, SystemConfig } from './types.ts';

const CLUSTER_FIELDS = ['id', 'nodes', 'storage'] as const;

/** Reads `clusters` of a rack object (present); ids are checked by {@link checkClusters}. */
export function readClusters(rack: FieldReader): FailoverClusterConfig[] {
  return rack.array('clusters').map((value, i) => {
    const r = FieldReader.of(rack.source, rack.at(`clusters[${i}]`), value);
    r.onlyKnown(CLUSTER_FIELDS);
    const id = r.string('id');
    const nodes = r.array('nodes');
    if (nodes.length !== 2 || nodes.some((n) => typeof n !== 'string')) {
      r.fail('nodes', `expected two system ids, got ${describe(nodes)}`);
    }
    return { id, nodes: [nodes[0] as string, nodes[1] as string], storage: r.string('storage') };
  });
}

/**
 * Each cluster names two distinct conventional servers and one disk array of the rack; no system
 * belongs to two clusters; cluster ids are unique.
 */
export function checkClusters(
  source: string,
  systems: readonly SystemConfig[],
  clusters: readonly FailoverClusterConfig[],
): void {
  const byId = new Map(systems.map((s) => [s.id, s]));
  const used = new Map<string, string>();
  const clusterIds = new Set<string>();
  for (const [i, c] of clusters.entries()) {
    const at = (field: string) => `clusters[${i}].${field}`;
    const fail = (field: string, detail: string): never => {
      throw new ConfigError(source, at(field), detail);
    };
    if (clusterIds.has(c.id)) fail('id', `duplicate cluster id '${c.id.slice(0, 40)}'`);
    clusterIds.add(c.id);
    if (c.nodes[0] === c.nodes[1]) fail('nodes', 'the two nodes must be different systems');
    const roles: [string, string][] = [
      [c.nodes[0], 'nodes'],
      [c.nodes[1], 'nodes'],
      [c.storage, 'storage'],
    ];
    for (const [id, field] of roles) {
      const system = byId.get(id);
      const shown = id.slice(0, 40);
      if (!system) throw new ConfigError(source, at(field), `no system '${shown}' in this rack`);
      const node = field === 'nodes';
      if (node && !isConventionalModelId(system.model))
        fail(field, `'${shown}' is a ${system.model}, not a conventional server`);
      if (!node && system.model !== 'disk-array')
        fail(field, `'${shown}' is a ${system.model}, not a disk array`);
      const other = used.get(id);
      if (other !== undefined) fail(field, `'${shown}' is already in cluster '${other}'`);
      used.set(id, c.id);
    }
  }
}
