/**
 * The kinds of things in the rack and the constants their arrays are laid out by (strides,
 * rings, LED roles), shared by the World and the modules working on it.
 */
import type { ComponentKind, LedRole } from '@ft/hardware';

export enum Kind {
  Cpu = 0,
  Io = 1,
  Xio = 2,
  Disk = 3,
  Pci = 4,
  Nic = 5,
  Psu = 6,
}

export const KIND_CODES: Record<ComponentKind, Kind> = {
  cpu: Kind.Cpu,
  io: Kind.Io,
  xio: Kind.Xio,
  disk: Kind.Disk,
  pci: Kind.Pci,
  nic: Kind.Nic,
  psu: Kind.Psu,
};

export const KIND_NAMES: readonly ComponentKind[] = [
  'cpu',
  'io',
  'xio',
  'disk',
  'pci',
  'nic',
  'psu',
];

export const LED_ROLES: readonly LedRole[] = [
  'power',
  'fault',
  'safeToPull',
  'activity',
  'primary',
];

/** Simulated blocks per disk (each stands for capacity / DISK_BLOCKS bytes). */
export const DISK_BLOCKS = 4096;
/** Core I/O elements per system (10 and 11), expansion I/O elements (12 and 13). */
export const IO_ELEMENTS_PER_SYSTEM = 2;
/** Power supplies per system (one per side; the TMR third side has its own). */
export const PSUS_PER_SYSTEM = 3;
/** Faults remembered per component for the MTBF, and board-signalled errors for the DMR rule. */
export const FAULT_RING = 8;

export enum Defect {
  None = 0,
  StuckAt = 1,
  AdapterFailure = 2,
  DiskFailure = 3,
  PsuFailure = 4,
}

export enum Policy {
  Threshold = 0,
  Never = 1,
  Always = 2,
}
