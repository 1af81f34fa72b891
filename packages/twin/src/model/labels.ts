/** Human wording for engine identifiers: faults, commands, component kinds, severities. */
import type { FaultKind, Severity } from '@ft/engine';

export const FAULT_LABELS: Readonly<Record<FaultKind, string>> = {
  'bitflip-register': 'bit flip (register)',
  'bitflip-memory': 'bit flip (memory)',
  'memory-correctable': 'correctable memory error',
  'memory-uncorrectable': 'uncorrectable memory error',
  'stuck-at': 'stuck-at hard fault',
  'self-check': 'board self-check error',
  'pci-bus-error': 'PCI bus error',
  'adapter-failure': 'adapter failure',
  'nic-link-loss': 'network link loss',
  'disk-media-error': 'disk media error',
  'disk-failure': 'disk failure',
  'psu-failure': 'power supply failure',
  'os-crash': 'OS crash',
};

/** The label of a fault kind, or the raw kind when the engine knows one we do not. */
export const faultLabel = (fault: string): string =>
  (FAULT_LABELS as Record<string, string>)[fault] ?? fault;

export const RESTART_POLICY_LABELS = {
  threshold: 'Use MTBF threshold',
  never: 'Never restart',
  always: 'Always restart',
} as const;

export const DISK_PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High' } as const;

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

/** Rank of a severity, for "at least" filters. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export type GroupId = 'cpu' | 'io' | 'disk' | 'pci' | 'nic' | 'psu';

/** Console groups, in display order, and the component kinds each holds. */
export const GROUPS: readonly { id: GroupId; label: string; kinds: readonly string[] }[] = [
  { id: 'cpu', label: 'CPU elements', kinds: ['cpu'] },
  { id: 'io', label: 'I/O elements', kinds: ['io', 'xio'] },
  { id: 'disk', label: 'Disks', kinds: ['disk'] },
  { id: 'pci', label: 'PCI adapters', kinds: ['pci'] },
  { id: 'nic', label: 'Network', kinds: ['nic'] },
  { id: 'psu', label: 'Power', kinds: ['psu'] },
];

/** Which console group a component kind belongs to (unknown kinds go with I/O). */
export function groupOfKind(kind: string): GroupId {
  return GROUPS.find((g) => g.kinds.includes(kind))?.id ?? 'io';
}
