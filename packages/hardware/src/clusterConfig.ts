/**
 * The `clusters` field of a comparison rack: which two conventional servers form a failover
 * cluster, and which disk array they share. Every rejection is a {@link ConfigError}.
 */
import * as v from 'valibot';
import { isConventionalModelId } from './comparisonModels.ts';
import { ConfigError } from './errors.ts';
import { describeValue, safeText } from './shown.ts';
import { issuePath } from './configSchema.ts';
import type { FailoverClusterConfig, SystemConfig } from './types.ts';

const ID = v.pipe(v.string('expected a string'), v.maxLength(64, 'at most 64 characters'));

const CLUSTERS = v.array(
  v.strictObject(
    {
      id: ID,
      nodes: v.pipe(v.array(ID, 'expected two system ids'), v.length(2, 'expected two system ids')),
      storage: ID,
    },
    (issue) =>
      issue.expected === 'never'
        ? `unknown field; valid fields: id, nodes, storage`
        : `expected an object with id, nodes and storage, got ${describeValue(issue.input)}`,
  ),
  'expected an array of clusters',
);

/** `clusters[1].nodes` from a valibot issue path under `clusters`. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  const rest = issuePath(issue.path);
  if (rest === '(root)') return 'clusters';
  return rest.startsWith('[') ? `clusters${rest}` : `clusters.${rest}`;
}

/**
 * Reads the `clusters` value of a rack (shape only; the ids are checked by
 * {@link checkClusters}).
 *
 * @throws ConfigError naming the source and the field, e.g. `clusters[0].nodes`.
 */
export function readClusters(source: string, value: unknown): FailoverClusterConfig[] {
  const result = v.safeParse(CLUSTERS, value);
  if (!result.success) {
    const [issue] = result.issues;
    throw new ConfigError(source, pathOf(issue), issue.message);
  }
  return result.output.map((c) => ({
    id: c.id,
    nodes: [c.nodes[0], c.nodes[1]],
    storage: c.storage,
  }));
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
    if (clusterIds.has(c.id)) fail('id', `duplicate cluster id '${safeText(c.id, 40)}'`);
    clusterIds.add(c.id);
    if (c.nodes[0] === c.nodes[1]) fail('nodes', 'the two nodes must be different systems');
    const roles: [string, string][] = [
      [c.nodes[0], 'nodes'],
      [c.nodes[1], 'nodes'],
      [c.storage, 'storage'],
    ];
    for (const [id, field] of roles) {
      const system = byId.get(id);
      const shown = safeText(id, 40);
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
