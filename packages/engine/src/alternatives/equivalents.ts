/**
 * The three racks of a comparison and the mapping of every ftServer fault onto the parts the
 * alternatives have (docs/comparison.md, "Fault mapping"):
 *
 * - ftServer: every fault as scheduled, except the OS-crash streams of CPU elements 1 and 2
 *   (the ftServer runs one operating system, as the engine's own random faults assume).
 * - Conventional server: the parts of side 0 (CPU element 0, I/O element 10, expansion 12,
 *   supply 0, adapters and NIC of side 0). Disks: with RAID 1, the first mirrored pair
 *   (10/40/1 → bay 1, 11/40/1 → bay 2); without, side 0's disks bay by bay. Side 1 and 2 parts
 *   have no counterpart: their faults do not exist for it (fewer parts, fewer faults).
 * - Cluster: side 0's parts on node 1, side 1's on node 2 (each node a conventional server, so
 *   `cpu-1` → node 2's `cpu-0`, `io-11` → node 2's `io-10`, ...); the disks on the shared array
 *   under the same ids; the TMR third element and supply have no counterpart.
 */
import {
  buildRack,
  clusterEquivalent,
  clusterSystemIds,
  type ComponentSpec,
  conventionalEquivalent,
  type RackConfig,
  type RackModel,
} from '@ft/hardware';
import type { FaultKind } from '../types.ts';
import type { Architecture } from './simulation.ts';

export interface ComparisonRacks {
  ftserver: RackModel;
  cluster: RackModel;
  conventional: RackModel;
}

export interface ComparisonRackOptions {
  /** Conventional servers with two disks in RAID 1 (default) or unmirrored disks. */
  mirroredDisks?: boolean;
}

/**
 * The ftServer rack and its two alternatives, ready to simulate.
 *
 * @example
 * comparisonRacks(getPreset('4300-dmr')).cluster.systems.map((s) => s.config.id); // ['A1', 'A2', 'AS']
 */
export function comparisonRacks(
  config: RackConfig,
  options: ComparisonRackOptions = {},
): ComparisonRacks {
  return {
    ftserver: buildRack(config),
    cluster: buildRack(clusterEquivalent(config)),
    conventional: buildRack(
      conventionalEquivalent(config, { mirroredDisks: options.mirroredDisks ?? true }),
    ),
  };
}

/** A side-0 local id for the same part of side `side` (`io-11` → `io-10`, `pci-13-2` → `pci-12-2`). */
function sideZeroId(part: ComponentSpec): string | null {
  switch (part.kind) {
    case 'cpu':
      return 'cpu-0';
    case 'io':
      return 'io-10';
    case 'xio':
      return 'xio-12';
    case 'psu':
      return 'psu-0';
    case 'nic':
      return part.localId.replace(/^nic-1[01]-/, 'nic-10-');
    case 'pci':
      return part.localId.replace(/^pci-(1[0-3])-/, (_, e: string) =>
        Number(e) >= 12 ? 'pci-12-' : 'pci-10-',
      );
    default:
      return null;
  }
}

function conventionalId(part: ComponentSpec, rack: RackModel): string | null {
  const sys = rack.systems.find((s) => s.config.id === part.systemId);
  if (!sys) return null;
  if (part.kind === 'disk') {
    if (sys.config.mirroredDisks !== false) {
      if (part.slot !== 1 || part.side > 1) return null;
      return `${part.systemId}.disk-10-40-${part.side + 1}`;
    }
    return part.side === 0 ? `${part.systemId}.${part.localId}` : null;
  }
  if (part.side !== 0) return null;
  const local = sideZeroId(part);
  return local === null ? null : `${part.systemId}.${local}`;
}

function clusterId(part: ComponentSpec): string | null {
  const ids = clusterSystemIds(part.systemId);
  if (part.kind === 'disk') return `${ids.storage}.${part.localId}`;
  if (part.side > 1) return null;
  const local = sideZeroId(part);
  return local === null ? null : `${ids.nodes[part.side]}.${local}`;
}

/**
 * Where an ftServer fault strikes on architecture `arch`: a component id of that rack, or null
 * when that architecture has no such part (the fault does not happen there).
 *
 * @example
 * const racks = comparisonRacks(getPreset('4300-dmr'));
 * mapFault(racks, 'A.cpu-1', 'stuck-at', 'cluster'); // 'A2.cpu-0'
 * mapFault(racks, 'A.cpu-1', 'stuck-at', 'conventional'); // null
 */
export function mapFault(
  racks: ComparisonRacks,
  componentId: string,
  fault: FaultKind,
  arch: Architecture,
): string | null {
  const part = racks.ftserver.components.find((c) => c.id === componentId);
  if (!part) return null;
  if (arch === 'ftserver') return fault === 'os-crash' && part.element !== 0 ? null : part.id;
  const id = arch === 'cluster' ? clusterId(part) : conventionalId(part, racks.conventional);
  if (id === null) return null;
  return racks[arch].components.some((c) => c.id === id) ? id : null;
}

/** {@link mapFault} for every (part, fault) of the ftServer rack, computed once. */
export class FaultMap {
  private readonly table = new Map<string, string | null>();

  constructor(private readonly racks: ComparisonRacks) {}

  target(componentId: string, fault: FaultKind, arch: Architecture): string | null {
    const key = `${arch}\u0000${componentId}\u0000${fault}`;
    let id = this.table.get(key);
    if (id === undefined) {
      id = mapFault(this.racks, componentId, fault, arch);
      this.table.set(key, id);
    }
    return id;
  }
}
