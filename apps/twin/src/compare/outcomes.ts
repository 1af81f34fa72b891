/**
 * The fault picker's model: which parts of the ftServer rack a person can strike, with which
 * faults, and what each architecture suffers instead (the part it strikes, mapped by the
 * engine's FaultMap, and what its model does with that fault). Every duration comes from the
 * parameters files (`alternatives/parameters.ts`, `timing.ts`), never from this text.
 */
import { FAULTS_BY_KIND_NAME, type FaultKind, TIMING } from '@ft/engine';
import {
  ALTERNATIVES,
  FAULT_EFFECTS,
  type FaultEffect,
  nodeDetectionMs,
} from '@ft/engine/alternatives';
import type { ComponentSpec } from '@ft/hardware';
import { formatDuration } from './format.ts';
import type { ComparisonSetup } from './setup.ts';
import type { Architecture } from './serviceTracker.ts';

export interface PickablePart {
  id: string;
  label: string;
  systemId: string;
  faults: readonly FaultKind[];
}

export interface Outcome {
  architecture: Architecture;
  /** The part struck on that architecture, or null: it has no such part. */
  target: string | null;
  /** Label of the part struck ("Node A1: CPU element 0"), or why nothing happens. */
  where: string;
  /** What happens to the service. */
  what: string;
  /** The service stops for a while (as modelled), for the picker's emphasis. */
  severity: 'none' | 'degraded' | 'outage';
}

/** Kinds of part listed first in the picker: the ones the story is about. */
const KIND_ORDER = ['cpu', 'io', 'xio', 'psu', 'disk', 'nic', 'pci'];

/** Parts of the ftServer rack that can suffer at least one fault, in a sensible order. */
export function pickableParts(setup: ComparisonSetup): PickablePart[] {
  const parts = setup.racks.ftserver.components
    .map((c) => ({
      id: c.id,
      label: c.label,
      systemId: c.systemId,
      kind: c.kind,
      faults: FAULTS_BY_KIND_NAME[c.kind] ?? [],
    }))
    .filter((p) => p.faults.length > 0);
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return parts
    .sort((a, b) =>
      a.systemId === b.systemId ? rank(a.kind) - rank(b.kind) : a.systemId < b.systemId ? -1 : 1,
    )
    .map(({ kind: _kind, ...p }) => p);
}

/** Plain names of the fault kinds, for people. */
export const FAULT_NAMES: Record<FaultKind, string> = {
  'bitflip-register': 'Transient bit flip (register)',
  'bitflip-memory': 'Transient bit flip (memory)',
  'memory-correctable': 'Correctable memory error',
  'memory-uncorrectable': 'Uncorrectable memory error',
  'stuck-at': 'Hard fault (stuck-at)',
  'self-check': 'Board self-check error',
  'pci-bus-error': 'PCI bus error',
  'adapter-failure': 'Adapter failure',
  'nic-link-loss': 'Network link lost',
  'disk-media-error': 'Disk media error',
  'disk-failure': 'Disk failure',
  'psu-failure': 'Power supply failure',
  'os-crash': 'Operating system crash',
};

const d = formatDuration;
const P = ALTERNATIVES;
const reboot = () =>
  `reboot ${d(P.bootMs.value)} + application recovery ${d(P.applicationRecoveryMs.value)}`;
const failover = () =>
  `failover: detection ${d(nodeDetectionMs())}, group online ${d(P.groupOnlineMs.value)}, recovery ${d(P.applicationRecoveryMs.value)}`;
const partWait = () =>
  `the part arrives in ${d(P.partReplacementMs.value)}, then a cold swap (${d(P.coldSwapMs.value)}) and a boot`;
const crashShare = () => `${Math.round(P.transientCrashShare.value * 100)}%`;
const silentShare = () => `${Math.round((1 - P.transientCrashShare.value) * 100)}%`;

function ftServerOutcome(fault: FaultKind): Pick<Outcome, 'what' | 'severity'> {
  switch (fault) {
    case 'bitflip-register':
    case 'bitflip-memory':
      return {
        what: 'The voter sees the elements disagree; the faulty one leaves, is checked and resynchronised while the other runs on. (DMR with no board flagging the error: software picks one, and may pick wrong.)',
        severity: 'degraded',
      };
    case 'memory-correctable':
      return { what: 'Corrected by ECC; logged.', severity: 'none' };
    case 'memory-uncorrectable':
    case 'self-check':
      return {
        what: 'The board flags itself and leaves lockstep; after diagnostics it is resynchronised. The other element carries on.',
        severity: 'degraded',
      };
    case 'stuck-at':
      return {
        what: `The element is broken; the system calls home and the part ships. Hot-swapped on arrival (${d(TIMING.partReplacementMs.value)}), then resynchronised. No stop.`,
        severity: 'degraded',
      };
    case 'os-crash':
      return {
        what: `The one operating system crashes: quick dump kept on one element, ${reboot()} (recovery modelled).`,
        severity: 'outage',
      };
    case 'pci-bus-error':
      return { what: 'The I/O is retried on the other I/O element.', severity: 'degraded' };
    case 'psu-failure':
      return { what: 'The other supply carries the load; call home.', severity: 'degraded' };
    case 'nic-link-loss':
      return { what: 'The NIC team fails over to the partner port.', severity: 'degraded' };
    case 'adapter-failure':
      return {
        what: 'The twin adapter on the other I/O element carries on; call home.',
        severity: 'degraded',
      };
    case 'disk-media-error':
      return { what: 'Read from the mirror and rewritten.', severity: 'none' };
    case 'disk-failure':
      return {
        what: 'The mirror runs on one disk; the disk is hot-replaced and rebuilt.',
        severity: 'degraded',
      };
  }
}

type Role = 'server' | 'active' | 'standby' | 'array';

function alternativeOutcome(
  effect: FaultEffect,
  role: Role,
  mirrored: boolean,
): Pick<Outcome, 'what' | 'severity'> {
  const onNode = role === 'active' || role === 'standby';
  const standby = role === 'standby';
  switch (effect) {
    case 'corrected':
      return { what: 'Corrected by ECC; logged.', severity: 'none' };
    case 'transient':
      if (standby)
        return {
          what: `${crashShare()}: the standby node's OS crashes and reboots; ${silentShare()}: nothing. The service runs on.`,
          severity: 'degraded',
        };
      return {
        what: `Nothing compares the result: ${crashShare()} chance the OS crashes (${onNode ? failover() : reboot()}), ${silentShare()} the data is corrupted silently.`,
        severity: 'outage',
      };
    case 'crash':
      if (standby)
        return { what: 'The standby node reboots; the service runs on.', severity: 'degraded' };
      return {
        what: `The OS stops (machine check or crash): ${onNode ? failover() : reboot()}. Work in flight is lost.`,
        severity: 'outage',
      };
    case 'hard':
      if (standby)
        return {
          what: `The standby node is down until repaired (${partWait()}); no spare node meanwhile.`,
          severity: 'degraded',
        };
      if (onNode)
        return {
          what: `${failover()}; the failed node is repaired meanwhile.`,
          severity: 'outage',
        };
      return { what: `Down: ${partWait()}, and application recovery.`, severity: 'outage' };
    case 'link':
      if (standby) return { what: 'The standby node loses its link.', severity: 'degraded' };
      if (onNode) return { what: `${failover()}.`, severity: 'outage' };
      return {
        what: `Unreachable until a person restores the link (${d(P.linkRepairMs.value)}).`,
        severity: 'outage',
      };
    case 'adapter':
      if (standby) return { what: 'The standby node waits for its part.', severity: 'degraded' };
      if (onNode) return { what: `${failover()}; the node is repaired.`, severity: 'outage' };
      return { what: `Unreachable: ${partWait()}.`, severity: 'outage' };
    case 'media':
      if (role === 'array' || mirrored)
        return { what: 'Read from the mirror and rewritten.', severity: 'none' };
      return {
        what: `No mirror: the application fails and recovers (${d(P.applicationRecoveryMs.value)}).`,
        severity: 'outage',
      };
    case 'disk':
      if (role === 'array' || mirrored)
        return {
          what: 'The mirror runs on one disk; hot-replaced and rebuilt.',
          severity: 'degraded',
        };
      return {
        what: `No mirror: restore from backup (${d(P.restoreFromBackupMs.value)}) once the disk is replaced.`,
        severity: 'outage',
      };
    case 'supply':
      return { what: 'The other supply carries the load.', severity: 'degraded' };
  }
}

function roleOf(
  setup: ComparisonSetup,
  arch: 'cluster' | 'conventional',
  part: ComponentSpec,
  activeSystemIds: ReadonlySet<string>,
): Role {
  if (arch === 'conventional') return 'server';
  const cluster = setup.racks.cluster.config.clusters?.find((c) => c.nodes.includes(part.systemId));
  if (!cluster) return 'array';
  return activeSystemIds.has(part.systemId) ? 'active' : 'standby';
}

/**
 * What `fault` on the ftServer part `partId` does on each architecture. `activeSystemIds`: the
 * cluster nodes the application runs on now (from the live cluster twin; node 1 at start).
 *
 * @example
 * outcomes(setup, 'A.cpu-1', 'stuck-at', new Set(['A1']))[2].target; // null: one CPU board only
 */
export function outcomes(
  setup: ComparisonSetup,
  partId: string,
  fault: FaultKind,
  activeSystemIds: ReadonlySet<string>,
): Outcome[] {
  const out: Outcome[] = [];
  for (const arch of ['ftserver', 'cluster', 'conventional'] as const) {
    const target = setup.map.target(partId, fault, arch);
    if (target === null) {
      out.push({
        architecture: arch,
        target: null,
        where:
          arch === 'ftserver'
            ? 'Not this element (the OS runs once, its crash is drawn on element 0)'
            : 'No such part here',
        what:
          arch === 'ftserver'
            ? 'Nothing happens.'
            : 'This machine has no second one of this part, so this fault does not strike it.',
        severity: 'none',
      });
      continue;
    }
    const rack = setup.racks[arch];
    const part = rack.components.find((c) => c.id === target);
    if (!part) continue;
    const system = rack.systems.find((s) => s.config.id === part.systemId);
    const where = arch === 'ftserver' ? part.label : `${system?.config.id ?? ''}: ${part.label}`;
    if (arch === 'ftserver') {
      out.push({ architecture: arch, target, where, ...ftServerOutcome(fault) });
      continue;
    }
    const server = system?.config.model !== 'disk-array';
    const effect = FAULT_EFFECTS[server ? 'server' : 'array'][part.kind]?.[fault];
    if (!effect) {
      out.push({ architecture: arch, target, where, what: 'No effect here.', severity: 'none' });
      continue;
    }
    const role = roleOf(setup, arch, part, activeSystemIds);
    const mirrored = system?.config.mirroredDisks !== false;
    const roleNote = role === 'active' ? ' (active node)' : role === 'standby' ? ' (standby)' : '';
    out.push({
      architecture: arch,
      target,
      where: `${where}${roleNote}`,
      ...alternativeOutcome(effect, role, mirrored),
    });
  }
  return out;
}
